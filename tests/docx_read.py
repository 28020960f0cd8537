"""Read generated documents back the way a reviewer would: all text, styles, fields."""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.styles import BabelFish
from docx.text.paragraph import Paragraph
from lxml import etree


def paragraphs(path: Path) -> list[Paragraph]:
    """Every body paragraph, tables included, in document order (python-docx)."""
    document = docx.Document(str(path))
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def header_footer_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = []
    for section in document.sections:
        for hf in (section.header, section.footer):
            parts += [p.text for p in hf.paragraphs]
            for t in hf.tables:
                parts += [c.text for row in t.rows for c in row.cells]
    return "\n".join(parts)


def full_text(path: Path) -> str:
    """Body (with tables), headers and footers as plain text (the body by the fast reader
    below: the text of ``paragraphs(path)`` without a second docx.Document)."""
    body = "\n".join(body_texts(Path(path).read_bytes()))
    return body + "\n" + header_footer_text(path)


def raw_xml(path: Path) -> str:
    """All XML parts concatenated (for checks on fields, bookmarks, tags)."""
    with zipfile.ZipFile(path) as z:
        return "\n".join(z.read(n).decode("utf-8") for n in z.namelist()
                         if n.endswith(".xml"))


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def edit_paragraphs(data: bytes, edit: Callable[[list, str], None]) -> bytes:
    """The .docx with ``edit(runs' w:t elements, the paragraph's text)`` applied to each
    paragraph (and table cell paragraph) of its main part: a hand edit in Word, made to
    the XML, for read-back tests."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, \
            zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            content = zin.read(info)
            if info.filename == "word/document.xml":
                root = etree.fromstring(content)
                for p in root.iter(f"{W}p"):
                    ts = list(p.iter(f"{W}t"))
                    edit(ts, "".join(t.text or "" for t in ts))
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                         standalone=True)
            zout.writestr(info, content)
    return buf.getvalue()


def edit_text(data: bytes, old: str, new: str) -> bytes:
    """The .docx with ``old`` replaced by ``new`` in the first paragraph (or table cell)
    whose text holds it, however Word split it into runs: a hand edit in Word."""
    done: list[bool] = []

    def replace(ts: list, text: str) -> None:  # type: ignore[type-arg]
        if done or old not in text:
            return
        done.append(True)
        one = next((t for t in ts if old in (t.text or "")), None)
        if one is not None:  # within one run: the rest of the paragraph kept
            one.text = (one.text or "").replace(old, new, 1)
            return
        ts[0].text = text.replace(old, new, 1)
        for t in ts[1:]:
            t.text = ""

    out = edit_paragraphs(data, replace)
    assert done, old
    return out


# --- a fast reader: body text as python-docx gives it, without python-docx ----------------
# docx.Document parses every part and Paragraph.text runs an xpath per run: about 20 s of
# the suite's CPU went there. These read word/document.xml (and word/styles.xml) with lxml
# and turn it into text by python-docx 1.2's own rules; tests/word/test_docx_read_fast.py
# fails if the two ever disagree.

_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)  # python-docx's
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_RUN_TEXT = {f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen", f"{W}ptab"}
_ON = ("1", "true", "on")  # ST_OnOff's true values


def _related(z: zipfile.ZipFile, source: str, rel_type: str) -> str | None:
    """The part ``source`` relates to by ``rel_type`` (the first), as python-docx finds
    it: the document from the package, the styles from the document."""
    folder, name = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", name + ".rels")
    if rels not in z.namelist():
        return None
    for rel in etree.fromstring(z.read(rels), _PARSER).iter(_REL):
        if rel.get("Type") == _RT + rel_type and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            path = target if target.startswith("/") else posixpath.join("/", folder, target)
            return posixpath.normpath(path).lstrip("/")
    return None


def _run_text(r: etree._Element) -> str:
    """``CT_R.text``: w:t's text, a tab for w:tab and w:ptab, a hyphen for
    w:noBreakHyphen, a newline for w:cr and a text-wrapping w:br (page and column
    breaks give nothing)."""
    out = []
    for e in r:
        tag = e.tag
        if tag not in _RUN_TEXT:
            continue
        if tag == f"{W}t":
            out.append(e.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            out.append("\t")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
        elif tag == f"{W}cr" or e.get(f"{W}type", "textWrapping") == "textWrapping":
            out.append("\n")
    return "".join(out)


def _p_text(p: etree._Element) -> str:
    """``Paragraph.text``: the paragraph's own w:r children and those of its own
    w:hyperlink children, in order (runs in w:ins, w:sdt, w:fldSimple... not counted)."""
    out = []
    for e in p:
        if e.tag == f"{W}r":
            out.append(_run_text(e))
        elif e.tag == f"{W}hyperlink":
            out += [_run_text(r) for r in e if r.tag == f"{W}r"]
    return "".join(out)


def _body(z: zipfile.ZipFile) -> tuple[etree._Element, str]:
    """The main part's w:body and the main part's name."""
    main = _related(z, "", "officeDocument") or "word/document.xml"
    body = etree.fromstring(z.read(main), _PARSER).find(f"{W}body")
    assert body is not None, main
    return body, main


def body_texts(data: bytes) -> list[str]:
    """``[Paragraph(p, d).text for p in d.element.body.iter(qn("w:p"))]`` for the .docx
    ``data``: every body paragraph, tables included, in document order."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body, _ = _body(z)
    return [_p_text(p) for p in body.iter(f"{W}p")]


Style = tuple[str | None, str | None]  # python-docx's style.style_id, style.name
#: what python-docx reads when a document has no styles part (StylesPart.default)
_DEFAULT_STYLES = Path(docx.__file__).parent / "templates" / "default-styles.xml"


def _styles(z: zipfile.ZipFile, main: str) -> tuple[dict[str, Style], Style | None]:
    """Paragraph styles by id, and the default paragraph style (the last one marked
    default), as ``Styles.get_by_id`` resolves them; a style id's first w:style wins."""
    part = _related(z, main, "styles")
    xml = z.read(part) if part is not None else _DEFAULT_STYLES.read_bytes()
    by_id: dict[str, Style] = {}
    seen: set[str] = set()
    default = None
    for s in etree.fromstring(xml, _PARSER).iterchildren(f"{W}style"):
        sid = s.get(f"{W}styleId")
        name_el = s.find(f"{W}name")
        val = None if name_el is None else name_el.get(f"{W}val")
        name = None if val is None else BabelFish.internal2ui(val)
        if s.get(f"{W}type", "paragraph") != "paragraph":
            seen.add(sid or "")
            continue
        style = (sid, name)
        if sid is not None and sid not in seen:
            by_id[sid] = style
        seen.add(sid or "")
        if s.get(f"{W}default") in _ON:
            default = style
    return by_id, default


def _style_id(p: etree._Element) -> str | None:
    ppr = p.find(f"{W}pPr")
    pstyle = None if ppr is None else ppr.find(f"{W}pStyle")
    return None if pstyle is None else pstyle.get(f"{W}val")


def top_paragraphs(data: bytes) -> Iterator[tuple[str | None, str | None, str]]:
    """(style id, style name, text) of ``docx.Document(data).paragraphs``, the body's own
    paragraphs (not tables'); the style as ``p.style`` resolves it (the default paragraph
    style when there is no w:pStyle or it names no paragraph style; both None when the
    document has no default)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body, main = _body(z)
        by_id, default = _styles(z, main)
    for p in body.iterchildren(f"{W}p"):
        sid = _style_id(p)
        style = (by_id.get(sid) if sid else None) or default or (None, None)
        yield style[0], style[1], _p_text(p)
