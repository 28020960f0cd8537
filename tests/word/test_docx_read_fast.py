"""docx_read's fast reader (zip + lxml) gives what python-docx gives, paragraph for paragraph:
the read-back tests trust it in python-docx's place, so it must fail here first if the two
ever disagree (a new python-docx, a new kind of run content in the templates)."""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import docx
import pytest
from conftest import ROOT
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx_read import W, body_texts, top_paragraphs
from lxml import etree
from yaml_text import load_yaml

import docgen

LEGAL = ROOT / "tests" / "data" / "legal"
#: every example post and every legal answer file; the two examples that need their
#: organisations/ folder (house styles, parties by id) are built from their files
POSTS = sorted((ROOT / "inputs").glob("*.yaml")) + sorted(LEGAL.glob("*.yaml"))
FROM_FILE = {"shared-head-of-hr-house-style.yaml", "shared-head-of-procurement.yaml"}


@cache
def _documents(path: Path) -> dict[str, bytes]:
    source = path if path.name in FROM_FILE else load_yaml(path.read_text("utf-8"))
    return docgen.render(source).documents


Styled = tuple[str | None, str | None, str]


def _python_docx(data: bytes) -> tuple[list[str], list[Styled]]:
    """What the tests read with python-docx: all body paragraphs' text, and the body's own
    paragraphs with their resolved style."""
    document = docx.Document(io.BytesIO(data))
    texts = [Paragraph(p, document).text for p in document.element.body.iter(qn("w:p"))]
    top: list[Styled] = []
    for p in document.paragraphs:
        style = p.style
        top.append((None, None, p.text) if style is None
                   else (style.style_id, style.name, p.text))
    return texts, top


def _agree(data: bytes) -> None:
    texts, top = _python_docx(data)
    assert body_texts(data) == texts
    assert list(top_paragraphs(data)) == top


@pytest.mark.parametrize("path", POSTS, ids=lambda p: p.stem)
def test_every_document_of_every_example_reads_the_same(path: Path) -> None:
    documents = _documents(path)
    assert set(documents) == {"agreement", "contract", "job_spec"}
    for data in documents.values():
        _agree(data)


# Run content the templates do not make today, each as python-docx reads it: breaks by
# type, tabs, hyphens, hyperlinks, and runs it does not count (inserted, in a content
# control, in a simple field, in a smart tag), a text box's paragraph nested in a run.
ODD = f"""<w:body xmlns:w="{W[1:-1]}">
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t>
<w:br/><w:br w:type="page"/><w:br w:type="column"/><w:br w:type="textWrapping"/>
<w:cr/><w:noBreakHyphen/><w:softHyphen/><w:ptab w:relativeTo="margin" w:alignment="right"
 w:leader="none"/><w:t xml:space="preserve"> c </w:t><w:t/><w:sym w:char="F0E0"/></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="NoSuchStyle"/></w:pPr><w:hyperlink w:anchor="x"><w:r>
<w:t>link</w:t></w:r><w:ins><w:r><w:t>no</w:t></w:r></w:ins></w:hyperlink>
<w:ins w:id="1" w:author="x"><w:r><w:t>inserted</w:t></w:r></w:ins>
<w:sdt><w:sdtContent><w:r><w:t>control</w:t></w:r></w:sdtContent></w:sdt>
<w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>
<w:smartTag w:uri="u" w:element="e"><w:r><w:t>tag</w:t></w:r></w:smartTag>
<w:r><w:rPr><w:b/></w:rPr><w:t>end</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="DefaultParagraphFont"/></w:pPr><w:r><w:pict><w:textbox>
<w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:textbox></w:pict>
</w:r></w:p>
<w:sdt><w:sdtContent><w:p><w:r><w:t>in a block control</w:t></w:r></w:p></w:sdtContent>
</w:sdt>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p/>
<w:sectPr/></w:body>"""


def _blank_with_odd_body(styles: bool) -> bytes:
    """python-docx's blank document with ODD as its body (and, if not ``styles``, no styles
    part: python-docx then reads its own default styles)."""
    blank = io.BytesIO()
    docx.Document().save(blank)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blank.getvalue())) as zin, \
            zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            content = zin.read(info)
            if info.filename == "word/document.xml":
                text = content.decode("utf-8")
                start, end = text.index("<w:body>"), text.index("</w:body>") + len("</w:body>")
                body = ODD.replace(f' xmlns:w="{W[1:-1]}"', "")
                content = (text[:start] + body + text[end:]).encode("utf-8")
            elif info.filename == "word/_rels/document.xml.rels" and not styles:
                rels = etree.fromstring(content)
                for rel in list(rels):
                    if rel.get("Type", "").endswith("/styles"):
                        rels.remove(rel)
                content = etree.tostring(rels)
            elif info.filename == "word/styles.xml" and not styles:
                continue
            zout.writestr(info, content)
    return out.getvalue()


@pytest.mark.parametrize("styles", [True, False], ids=["styles", "no-styles-part"])
def test_odd_run_content_reads_the_same(styles: bool) -> None:
    data = _blank_with_odd_body(styles)
    _agree(data)
    texts = body_texts(data)  # the rules are not vacuous
    assert texts[:2] == ["a\tb\n\n\n-\t c ", "linkend"]
    first = "Heading 1" if styles else "Normal"  # python-docx's own styles have no heading
    assert [name for _, name, _ in top_paragraphs(data)][:3] == [first, "Normal", "Normal"]
