"""Whole OOXML packages docgen reads or rewrites outside the Word stage.

Raw WordprocessingML and zip handling live in ``ooxml/``; the shells (review copies,
PDFs, the register workbook) call these and never touch XML or zips themselves:

- the *numbered copy* given to pandoc for the Markdown and HTML review copies: every
  numbered paragraph starts with its number as literal text (Word prints numbers from
  the numbering styles, which pandoc drops or renumbers), clause headings become
  headings pandoc recognises, and the running header is kept so a copy keeps its status;
- whether a document has a table of contents LibreOffice would leave stale;
- fixed creation and modification times in a package's core properties, so a workbook
  written twice from the same data is the same bytes;
- a plain zip of finished files (the interview's download of a post's documents).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
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
from docgen.ooxml.wordml import LEVEL_STYLES
from docgen.ooxml.zipfiles import read_zip, write_zip

#: styles that become headings in the review copies (style id → heading level)
HEADINGS = {"DGTitle": 1, LEVEL_STYLES[0]: 2, SCHEDULE_STYLE: 2, "DGHeading": 3}
#: what reading a document that is not docgen's kind of Word file raises
NOT_READABLE: tuple[type[Exception], ...] = (KeyError, etree.XMLSyntaxError, ValueError)
#: a core properties part's created and modified times (compiled as the module loads, so
#: the command's table of compiled patterns keeps it)
_CORE_TIMES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*")
TOC_FIELD = re.compile(r'(<w:instrText[^>]*>|w:instr=")\s*TOC\b')
ARCHIVE_DATE = (2020, 1, 1, 0, 0, 0)  # fixed, so the same files give the same zip


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


def has_toc(docx: Path) -> bool:
    """True if the document has a table-of-contents field that LibreOffice will not refresh
    and docgen did not fill in itself."""
    try:
        with zipfile.ZipFile(docx) as z:
            xml = z.read("word/document.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile) as exc:
        raise DocgenError(f"{docx}: not a readable Word document ({exc})") from None
    return TOC_FIELD.search(xml) is not None and 'w:val="DGContents"' not in xml


def fixed_core_times(data: bytes, when: str) -> bytes:
    """The package ``data`` with ``when`` as its created and modified times (reproducible)."""
    members = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            part = z.read(name)
            if name == "docProps/core.xml":
                part = _CORE_TIMES.sub(rb"\g<1>" + when.encode(), part)
            members.append((name, part))
    return write_zip(members)


def archive(files: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of ``(name, bytes)`` in that order, each stored as it is (a .docx or PDF is
    compressed already) with one fixed date, so the same files give the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:  # a ZipInfo is stored unless told otherwise
        for name, data in files:
            zf.writestr(zipfile.ZipInfo(name, ARCHIVE_DATE), data)
    return out.getvalue()
