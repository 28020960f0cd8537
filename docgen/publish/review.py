"""Markdown and HTML review copies of the Word documents, with the clause numbers shown.

Word prints clause numbers from the numbering styles (DGClause1..4), so they
are not in the text: pandoc either drops them or turns the clauses into lists
numbered 1, 2, 3 that disagree with the real document. So we give pandoc a
*copy* of the document in which every numbered paragraph starts with its
number as literal text and has its automatic numbering switched off; clause
headings, schedule titles and the title become Markdown/HTML headings. Pandoc
still does the rest (tables, bold, escaping), which keeps the copies faithful.

The numbers are computed here exactly as Word counts them (and as
the clause renderer predicts for cross-references) in :mod:`docgen.ooxml.numbering`,
shared with read-back verification.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from lxml import etree

from docgen.errors import DocgenError
from docgen.ooxml.numbering import (
    SCHEDULE_STYLE,
    W,
    body_paragraphs,
    paragraph_numbers,
    paragraph_style,
)
from docgen.ooxml.wordml import LEVEL_STYLES, read_zip, write_zip
from docgen.publish.files import atomic_write

#: styles that become headings in the review copies (style id → heading level)
HEADINGS = {"DGTitle": 1, LEVEL_STYLES[0]: 2, SCHEDULE_STYLE: 2, "DGHeading": 3}
FORMATS = {"md": "gfm", "html": "html5"}
#: pandoc output is reproducible with a fixed SOURCE_DATE_EPOCH (docx-stack.md)
DEFAULT_EPOCH = "0"
_ENV_LOCK = threading.Lock()


def _text_run(text: str, bold: bool = False, italic: bool = False) -> etree._Element:
    run = etree.Element(f"{W}r")
    if bold or italic:
        rpr = etree.SubElement(run, f"{W}rPr")
        if bold:
            etree.SubElement(rpr, f"{W}b")
        if italic:
            etree.SubElement(rpr, f"{W}i")
    t = etree.SubElement(run, f"{W}t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _ppr(p: etree._Element) -> etree._Element:
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        ppr = etree.Element(f"{W}pPr")
        p.insert(0, ppr)
    return ppr


def _heading_styles_xml(styles: bytes) -> bytes:
    """Add styles named ``heading N`` (pandoc maps paragraphs to headings by style name)."""
    root = etree.fromstring(styles)
    for level in sorted(set(HEADINGS.values())):
        style = etree.SubElement(root, f"{W}style")
        style.set(f"{W}type", "paragraph")
        style.set(f"{W}styleId", f"DGReviewHeading{level}")
        etree.SubElement(style, f"{W}name").set(f"{W}val", f"heading {level}")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _header_text(members: dict[str, bytes]) -> str:
    """The running header ("REF · DRAFT – FOR LEGAL REVIEW"), so a copy keeps its status."""
    lines: list[str] = []
    for name in sorted(members):
        if name.startswith("word/header") and name.endswith(".xml"):
            root = etree.fromstring(members[name])
            for p in root.iter(f"{W}p"):
                parts = "".join(t.text or "" if t.tag == f"{W}t" else "\t"
                                for t in p.iter(f"{W}t", f"{W}tab"))
                text = " · ".join(s.strip() for s in parts.split("\t") if s.strip())
                if text and text not in lines:
                    lines.append(text)
    return " / ".join(lines)


def read_zip_members(data: bytes) -> list[tuple[str, bytes]]:
    return [(info.filename, content) for info, content in read_zip(data)]


def _plain_fields(root: etree._Element) -> None:
    """Keep only the printed result of each field and drop bookmarks.

    In Markdown a REF field would become a link to an anchor GitHub does not
    generate, and each bookmark a raw ``<span>``; the clause number alone reads better.
    """
    for el in list(root.iter(f"{W}bookmarkStart", f"{W}bookmarkEnd")):
        _remove(el)
    for p in root.iter(f"{W}p"):
        depth, in_code = 0, False
        for run in list(p.iter(f"{W}r")):
            char = run.find(f"{W}fldChar")
            kind = char.get(f"{W}fldCharType") if char is not None else None
            if kind == "begin":
                depth, in_code = depth + 1, True
            elif kind == "separate":
                in_code = False
            elif kind == "end":
                depth -= 1
            if kind is not None or (depth and in_code) or run.find(f"{W}instrText") is not None:
                _remove(run)


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def numbered_copy(data: bytes, plain_fields: bool = False) -> bytes:
    """A copy of a docx with clause numbers as literal text and headings pandoc recognises."""
    members = dict(read_zip_members(data))
    root = etree.fromstring(members["word/document.xml"])
    if plain_fields:
        _plain_fields(root)
    paras = body_paragraphs(root)
    numbers = paragraph_numbers(paras)
    for p in paras:
        style = paragraph_style(p)
        number = numbers.get(p)
        ppr = _ppr(p)
        if number is not None:
            num_pr = ppr.find(f"{W}numPr")
            if num_pr is not None:
                ppr.remove(num_pr)
            num_pr = etree.Element(f"{W}numPr")
            etree.SubElement(num_pr, f"{W}ilvl").set(f"{W}val", "0")
            etree.SubElement(num_pr, f"{W}numId").set(f"{W}val", "0")
            style_el = ppr.find(f"{W}pStyle")
            if style_el is not None:
                style_el.addnext(num_pr)  # schema order: pStyle, keepNext…, numPr
            else:
                ppr.insert(0, num_pr)
            if style == SCHEDULE_STYLE:
                for br in p.findall(f"{W}r/{W}br"):  # "Schedule 1" ⏎ "Title" → one line
                    run = br.getparent()
                    tail = etree.Element(f"{W}t")
                    tail.text = " – "
                    if run is not None:
                        run.replace(br, tail)
            ppr.addnext(_text_run(number.shown + " "))
        style_el = ppr.find(f"{W}pStyle")
        if style in HEADINGS and style_el is not None:
            style_el.set(f"{W}val", f"DGReviewHeading{HEADINGS[style]}")
    header = _header_text(members)
    body = root.find(f"{W}body")
    if header and body is not None:
        note = etree.Element(f"{W}p")
        note.append(_text_run(header, italic=True))
        body.insert(0, note)
    members["word/document.xml"] = etree.tostring(root, xml_declaration=True,
                                                  encoding="UTF-8", standalone=True)
    members["word/styles.xml"] = _heading_styles_xml(members["word/styles.xml"])
    return write_zip(list(members.items()))


@contextmanager
def _reproducible() -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH for pandoc (pypandoc passes os.environ through), then restore."""
    with _ENV_LOCK:
        old = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = old or DEFAULT_EPOCH
        try:
            yield
        finally:
            if old is None:
                os.environ.pop("SOURCE_DATE_EPOCH", None)


def _pandoc(docx: Path, to: str, extra: list[str], plain_fields: bool = False) -> str:
    try:
        import pypandoc
    except ImportError:
        raise DocgenError("Markdown and HTML review copies need pandoc: "
                          "pip install 'docgen[review]'") from None
    try:
        data = docx.read_bytes()
    except OSError as exc:
        raise DocgenError(f"cannot read {docx}: {exc}") from None
    try:
        prepared = numbered_copy(data, plain_fields)
    except (KeyError, etree.XMLSyntaxError, ValueError) as exc:
        raise DocgenError(f"{docx}: not a Word document docgen can read ({exc})") from None
    with tempfile.TemporaryDirectory(prefix="docgen-review-") as tmp:
        copy = Path(tmp) / docx.name
        copy.write_bytes(prepared)
        try:
            with _reproducible():
                text = pypandoc.convert_file(str(copy), to, format="docx",
                                             extra_args=["--wrap=none", *extra])
        except OSError as exc:
            raise DocgenError(f"pandoc is not available ({exc}); install it with: pip install "
                              "'docgen[review]'") from None
        except RuntimeError as exc:
            raise DocgenError(f"pandoc could not convert {docx}: {exc}") from None
    return text.replace("\r\n", "\n")


def to_markdown(docx: Path) -> str:
    """GitHub-flavoured Markdown of a document, clause numbers included."""
    return _pandoc(Path(docx), FORMATS["md"], [], plain_fields=True)


def to_html(docx: Path) -> str:
    """A standalone HTML page of a document, clause numbers included."""
    docx = Path(docx)
    return _pandoc(docx, FORMATS["html"], ["--standalone", f"--metadata=pagetitle:{docx.stem}"])


CONVERTERS = {"md": to_markdown, "html": to_html}


def write_review_copies(docx_paths: Iterable[Path], formats: Iterable[str]) -> list[Path]:
    """Write ``<name>.md`` / ``<name>.html`` next to each document (atomically); their paths."""
    wanted = [f.lower().lstrip(".") for f in formats]
    wanted = ["md" if f in ("markdown", "gfm") else f for f in wanted]
    unknown = [f for f in wanted if f not in CONVERTERS]
    if unknown:
        raise DocgenError(f"unknown review format(s) {', '.join(unknown)}; use md or html")
    written: list[Path] = []
    for docx in map(Path, docx_paths):
        for fmt in dict.fromkeys(wanted):
            target = docx.with_suffix(f".{fmt}")
            atomic_write(target, CONVERTERS[fmt](docx).encode("utf-8"))
            written.append(target)
    return written


__all__ = ["numbered_copy", "to_markdown", "to_html", "write_review_copies"]
