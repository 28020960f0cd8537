"""Read generated documents back the way a reviewer would: all text, styles, fields."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
from docx.oxml.ns import qn
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
    """Body (with tables), headers and footers as plain text."""
    body = "\n".join(p.text for p in paragraphs(path))
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
