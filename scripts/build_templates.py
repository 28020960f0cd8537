"""Build the three docxtpl templates (agreement, contract variation, joint job specification).

Run as ``python scripts/build_templates.py``. The templates are generated rather than edited by
hand so that the house style (fonts, numbering, tables, header/footer) lives in reviewable code
and every run gives byte-identical files.

The generator (docgen) emits ready-made WordprocessingML paragraphs that only name paragraph
styles (``w:pStyle``); all clause numbering comes from the styles defined here, which are linked
to one multi-level list. The style IDs below are therefore an interface: do not rename them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import (
    WD_ALIGN_PARAGRAPH,
    WD_BREAK,
    WD_COLOR_INDEX,
    WD_LINE_SPACING,
    WD_TAB_ALIGNMENT,
    WD_TAB_LEADER,
)
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Length, Pt, RGBColor, Twips
from docx.styles.style import BaseStyle, ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from docgen.answers.kinds import BY_KIND

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_DIR = ROOT / "docgen" / "data" / "templates"

# --- house style constants -------------------------------------------------------------------
BODY_FONT = "Times New Roman"  # LibreOffice substitutes metric-compatible Liberation Serif
BODY_SIZE = Pt(11)
LINE_SPACING = 1.15
SPACE_AFTER = Pt(6)
MARGIN = Cm(2.5)
INDENT_STEP = 720  # twips = 1.27 cm; every numbering level indents by one step
TEXT_WIDTH_TWIPS = 9070  # A4 width 11906 - 2 x 1418 (2.5 cm) margins
GREY_FILL = "D9D9D9"  # table header rows
NOTE_FILL = "F2F2F2"  # drafting-note boxes
RULE_COLOUR = "808080"
DRAFT_RED = RGBColor(0xC0, 0x00, 0x00)

# --- numbering IDs (an interface for docgen, e.g. if it ever needs to restart a list) ---------
# python-docx's default numbering.xml already uses abstractNumId 0-8 and numId 1-9.
CLAUSE_ABSTRACT_ID = 10
CLAUSE_NUM_ID = 10
SCHEDULE_ABSTRACT_ID = 11
SCHEDULE_NUM_ID = 11

# Fixed timestamp so that rebuilding the templates changes no bytes.
FIXED_DATE = dt.datetime(2000, 1, 1, 0, 0, 0)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)

# Schema order of CT_PPr children: raw-XML helpers insert new children at the right place
# because Word rejects out-of-order elements even where LibreOffice is lenient.
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap",
    "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
    "cnfStyle", "rPr", "sectPr", "pPrChange",
)
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
    "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
    "oMath",
)
TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
    "textDirection", "tcFitText", "vAlign", "hideMark",
)
TRPR_ORDER = (
    "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
    "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden",
)


# =============================================================================================
# Small raw-XML helpers
# =============================================================================================


def insert_in_order(parent: BaseOxmlElement, child: BaseOxmlElement, order: Sequence[str]) -> None:
    """Insert ``child`` into ``parent`` respecting the schema sequence ``order`` (local names).

    An existing element of the same name is replaced, so helpers are idempotent.
    """
    local = child.tag.split("}")[1]
    for old in parent.findall(qn(f"w:{local}")):
        parent.remove(old)
    rank = order.index(local)
    for index, existing in enumerate(parent):
        name = existing.tag.split("}")[1]
        if name in order and order.index(name) > rank:
            parent.insert(index, child)
            return
    parent.append(child)


def w_xml(fragment: str) -> BaseOxmlElement:
    """Parse a WordprocessingML fragment, declaring the ``w:`` namespace on its root."""
    return parse_xml(re.sub(r"^<([\w:]+)", rf"<\1 {nsdecls('w')}", fragment, count=1))


def style_ppr(style: BaseStyle) -> BaseOxmlElement:
    """Return the style's ``w:pPr``, creating it if needed."""
    return style.element.get_or_add_pPr()


def set_numbering(ppr: BaseOxmlElement, num_id: int, ilvl: int) -> None:
    """Link a paragraph style to a list level, which makes every paragraph in it numbered."""
    numpr = w_xml(f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
    insert_in_order(ppr, numpr, PPR_ORDER)


def set_shading(ppr: BaseOxmlElement, fill: str) -> None:
    """Give a paragraph (style) a solid background."""
    insert_in_order(ppr, w_xml(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'), PPR_ORDER)


def set_border(ppr: BaseOxmlElement, sides: Sequence[str], size: int = 4, space: int = 1) -> None:
    """Draw thin single rules on the given sides of a paragraph (``size`` in eighths of a pt)."""
    edges = "".join(
        f'<w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="{RULE_COLOUR}"/>'
        for side in sides
    )
    insert_in_order(ppr, w_xml(f"<w:pBdr>{edges}</w:pBdr>"), PPR_ORDER)


def set_outline_level(ppr: BaseOxmlElement, level: int) -> None:
    """Expose headings to Word's navigation pane and to PDF bookmarks."""
    insert_in_order(ppr, w_xml(f'<w:outlineLvl w:val="{level}"/>'), PPR_ORDER)


def set_cell_shading(cell_tcpr: BaseOxmlElement, fill: str) -> None:
    """Shade one table cell (direct formatting, so renderers without table-style support agree)."""
    shd = w_xml(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    insert_in_order(cell_tcpr, shd, TCPR_ORDER)


def set_row_flags(tr: BaseOxmlElement, *, header: bool = False) -> None:
    """Stop a row splitting across pages; a header row also repeats on every page."""
    trpr = tr.get_or_add_trPr()
    insert_in_order(trpr, w_xml("<w:cantSplit/>"), TRPR_ORDER)
    if header:
        insert_in_order(trpr, w_xml("<w:tblHeader/>"), TRPR_ORDER)


def add_field(paragraph: Paragraph, instruction: str, cached: str) -> None:
    """Append a complex field (e.g. PAGE) whose ``cached`` text shows until it is updated."""
    p = paragraph._p
    for fragment in (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>',
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
        f"<w:r><w:t>{cached}</w:t></w:r>",
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        p.append(w_xml(fragment))


# =============================================================================================
# Document-wide set-up
# =============================================================================================


def set_doc_defaults(doc: DocxDocument) -> None:
    """Replace the theme (Calibri) defaults with the serif house font and UK English."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), BODY_FONT)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-GB")
    lang.set(qn("w:eastAsia"), "en-GB")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), str(SPACE_AFTER.twips))
    spacing.set(qn("w:line"), str(round(240 * LINE_SPACING)))


def set_page_setup(doc: DocxDocument) -> None:
    """A4 portrait with 2.5 cm margins (python-docx's default is US Letter)."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Twips(11906)
    section.page_height = Twips(16838)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(1418))
    section.header_distance = Cm(1.25)
    section.footer_distance = Cm(1.25)


def tidy_package(doc: DocxDocument) -> None:
    """Drop default-template leftovers that would mislead Word.

    The thumbnail shows python-docx's sample page, and ``stylesWithEffects`` holds a stale
    copy of the styles that Word 2010 may prefer over ours.
    """
    package = doc.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rid)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.rels.pop(rid)


def set_settings(doc: DocxDocument) -> None:
    """Word 2013+ layout (tables align to the margin), UK language, no preview picture.

    ``w:updateFields`` is deliberately absent: it makes Word ask the user on every opening.
    """
    settings = doc.settings.element
    for name in ("savePreviewPicture", "rsids"):
        for el in settings.findall(qn(f"w:{name}")):
            settings.remove(el)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    for el in settings.findall(qn("w:themeFontLang")):
        el.set(qn("w:val"), "en-GB")
        el.attrib.pop(qn("w:eastAsia"), None)


def set_core_properties(doc: DocxDocument, title: str) -> None:
    """Static metadata: docxtpl would render Jinja here, and fixed dates keep builds identical
    (docgen writes each document's own title over ``title``)."""
    props = doc.core_properties
    props.title = title
    props.author = "docgen"
    props.last_modified_by = "docgen"
    props.subject = ""
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.revision = 1
    props.created = FIXED_DATE
    props.modified = FIXED_DATE
    props.last_printed = FIXED_DATE


# =============================================================================================
# Numbering
# =============================================================================================


@dataclass(frozen=True)
class Level:
    """One level of a Word list definition."""

    fmt: str  # decimal, lowerLetter, lowerRoman
    text: str  # lvlText, e.g. "%1.%2"
    style_id: str
    left: int  # text position, twips
    hanging: int  # number sits at left - hanging
    bold: bool = False
    suffix: str = "tab"


CLAUSE_LEVELS = (
    Level("decimal", "%1.", "DGClause1", INDENT_STEP, INDENT_STEP, bold=True),
    Level("decimal", "%1.%2", "DGClause2", INDENT_STEP, INDENT_STEP),
    Level("lowerLetter", "(%3)", "DGClause3", 2 * INDENT_STEP, INDENT_STEP),
    Level("lowerRoman", "(%4)", "DGClause4", 3 * INDENT_STEP, INDENT_STEP),
)
SCHEDULE_LEVELS = (Level("decimal", "Schedule %1", "DGSchedule", 0, 0, bold=True, suffix="space"),)


def level_xml(ilvl: int, level: Level) -> str:
    """Serialise one ``w:lvl``; the bold flag is explicit so run formatting cannot leak in."""
    tabs = ""
    if level.suffix == "tab":
        tabs = f'<w:tabs><w:tab w:val="num" w:pos="{level.left}"/></w:tabs>'
    bold = "<w:b/><w:bCs/>" if level.bold else '<w:b w:val="0"/><w:bCs w:val="0"/>'
    return (
        f'<w:lvl w:ilvl="{ilvl}">'
        '<w:start w:val="1"/>'
        f'<w:numFmt w:val="{level.fmt}"/>'
        f'<w:pStyle w:val="{level.style_id}"/>'
        f'<w:suff w:val="{level.suffix}"/>'
        f'<w:lvlText w:val="{level.text}"/>'
        '<w:lvlJc w:val="left"/>'
        f'<w:pPr>{tabs}<w:ind w:left="{level.left}" w:hanging="{level.hanging}"/></w:pPr>'
        f"<w:rPr>{bold}<w:i w:val=\"0\"/></w:rPr>"
        "</w:lvl>"
    )


def abstract_num_xml(abstract_id: int, nsid: str, levels: Sequence[Level]) -> str:
    """Serialise a multi-level list definition (fixed nsid/tmpl keep the output stable)."""
    body = "".join(level_xml(i, level) for i, level in enumerate(levels))
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="{nsid}"/>'
        '<w:multiLevelType w:val="multilevel"/>'
        f'<w:tmpl w:val="{nsid[::-1]}"/>'
        f"{body}</w:abstractNum>"
    )


def add_numbering(doc: DocxDocument) -> None:
    """Add the clause and schedule lists; ``abstractNum``s must precede all ``w:num``s."""
    numbering = doc.part.numbering_part.element
    used_abstract = {
        int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))
    }
    used_num = {int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))}
    assert not {CLAUSE_ABSTRACT_ID, SCHEDULE_ABSTRACT_ID} & used_abstract
    assert not {CLAUSE_NUM_ID, SCHEDULE_NUM_ID} & used_num

    first_num = numbering.find(qn("w:num"))
    for xml in (
        abstract_num_xml(CLAUSE_ABSTRACT_ID, "4D47C1A0", CLAUSE_LEVELS),
        abstract_num_xml(SCHEDULE_ABSTRACT_ID, "4D47C5C0", SCHEDULE_LEVELS),
    ):
        first_num.addprevious(parse_xml(xml))
    for num_id, abstract_id in (
        (CLAUSE_NUM_ID, CLAUSE_ABSTRACT_ID),
        (SCHEDULE_NUM_ID, SCHEDULE_ABSTRACT_ID),
    ):
        numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
            )
        )


# =============================================================================================
# Styles
# =============================================================================================


def add_paragraph_style(
    doc: DocxDocument,
    name: str,
    *,
    size: Length | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
    left: int | None = None,
    hanging: int = 0,
    before: Length | None = None,
    after: Length | None = None,
    keep_next: bool = False,
) -> ParagraphStyle:
    """Create a paragraph style based on Normal; its ID is the name without spaces."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    font = style.font
    if size is not None:
        font.size = size
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic
    fmt = style.paragraph_format
    if align is not None:
        fmt.alignment = align
    if left is not None:
        fmt.left_indent = Twips(left)
        fmt.first_line_indent = Twips(-hanging) if hanging else Twips(0)
    if before is not None:
        fmt.space_before = before
    if after is not None:
        fmt.space_after = after
    if keep_next:
        fmt.keep_with_next = True
    return style


def define_styles(doc: DocxDocument) -> None:
    """Define every DG* style. The IDs are what docgen writes into ``w:pStyle``."""
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = BODY_SIZE
    normal.paragraph_format.space_after = SPACE_AFTER
    normal.paragraph_format.line_spacing = LINE_SPACING
    normal.paragraph_format.widow_control = True

    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    centre = WD_ALIGN_PARAGRAPH.CENTER
    step = INDENT_STEP

    c1 = add_paragraph_style(
        doc, "DG Clause 1", bold=True, left=step, hanging=step, before=Pt(12), keep_next=True
    )
    set_outline_level(style_ppr(c1), 0)
    c2 = add_paragraph_style(doc, "DG Clause 2", align=justify, left=step, hanging=step)
    c3 = add_paragraph_style(doc, "DG Clause 3", align=justify, left=2 * step, hanging=step)
    c4 = add_paragraph_style(doc, "DG Clause 4", align=justify, left=3 * step, hanging=step)
    for ilvl, style in enumerate((c1, c2, c3, c4)):
        set_numbering(style_ppr(style), CLAUSE_NUM_ID, ilvl)
    c1.next_paragraph_style = c2
    for style in (c2, c3, c4):
        style.next_paragraph_style = style

    add_paragraph_style(doc, "DG Body", align=justify, left=step)
    add_paragraph_style(doc, "DG Definition", align=justify, left=step)

    schedule = add_paragraph_style(
        doc, "DG Schedule", size=Pt(13), bold=True, align=centre, left=0, before=Pt(0),
        after=Pt(18), keep_next=True,
    )
    schedule.paragraph_format.page_break_before = True
    set_numbering(style_ppr(schedule), SCHEDULE_NUM_ID, 0)
    set_outline_level(style_ppr(schedule), 0)

    heading = add_paragraph_style(doc, "DG Heading", bold=True, before=Pt(18), keep_next=True)
    set_outline_level(style_ppr(heading), 1)

    note = add_paragraph_style(
        doc, "DG Note", size=Pt(9.5), italic=True, align=WD_ALIGN_PARAGRAPH.LEFT,
        before=Pt(0), after=Pt(0),
    )
    note.paragraph_format.line_spacing = 1.0

    contents = add_paragraph_style(doc, "DG Contents", left=2 * step, hanging=2 * step,
                                   after=Pt(3))
    contents.paragraph_format.tab_stops.add_tab_stop(Twips(2 * step))
    set_border(style_ppr(note), ("top", "left", "bottom", "right"), size=4, space=4)
    set_shading(style_ppr(note), NOTE_FILL)
    insert_in_order(style_ppr(note), w_xml('<w:ind w:left="85" w:right="85"/>'), PPR_ORDER)

    for name, bold in (("DG Table Text", False), ("DG Table Header", True)):
        cell = add_paragraph_style(doc, name, size=Pt(10), bold=bold, after=Pt(0))
        cell.paragraph_format.line_spacing = 1.0
    styles["DG Table Header"].paragraph_format.keep_with_next = True

    add_paragraph_style(
        doc, "DG Title", size=Pt(24), bold=True, align=centre, before=Pt(0), after=Pt(18)
    )
    add_paragraph_style(doc, "DG Subtitle", size=Pt(13), align=centre, after=Pt(12))

    # Template-only helpers (docgen never emits these).
    add_paragraph_style(doc, "DG Party", align=justify, left=step, hanging=step)
    # A signature block is ONE paragraph (lines separated by w:br) kept together with
    # keepLines: LibreOffice does not honour chains of keep-with-next paragraphs.
    signature = add_paragraph_style(doc, "DG Signature", before=Pt(18), after=Pt(6))
    signature.paragraph_format.keep_together = True
    signature.paragraph_format.line_spacing = 1.5
    tabs = signature.paragraph_format.tab_stops
    tabs.add_tab_stop(Cm(2.5), WD_TAB_ALIGNMENT.LEFT)
    tabs.add_tab_stop(Cm(10), WD_TAB_ALIGNMENT.LEFT, WD_TAB_LEADER.LINES)
    add_paragraph_style(doc, "DG Page Break", size=Pt(1), before=Pt(0), after=Pt(0))
    page_break = styles["DG Page Break"].paragraph_format
    page_break.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    page_break.line_spacing = Pt(1)

    placeholder = styles.add_style("DG Placeholder", WD_STYLE_TYPE.CHARACTER)
    placeholder.quick_style = True
    placeholder.font.bold = True
    placeholder.font.highlight_color = WD_COLOR_INDEX.YELLOW
    # LibreOffice ignores w:highlight in a character *style*; yellow shading shows there too.
    insert_in_order(
        placeholder.element.get_or_add_rPr(),
        w_xml('<w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/>'),
        RPR_ORDER,
    )

    define_header_footer_styles(doc)
    define_table_style(doc)

    expected = {
        "DGClause1", "DGClause2", "DGClause3", "DGClause4", "DGBody", "DGDefinition",
        "DGSchedule", "DGHeading", "DGNote", "DGTableText", "DGTableHeader", "DGTitle",
        "DGSubtitle", "DGPlaceholder", "DGTable", "DGParty", "DGSignature", "DGPageBreak",
        "DGContents",
    }
    missing = expected - {s.style_id for s in styles}
    assert not missing, missing


def define_header_footer_styles(doc: DocxDocument) -> None:
    """Small type with a centre/right tab at the A4 text width and a thin rule."""
    for name, side in (("Header", "bottom"), ("Footer", "top")):
        style = doc.styles[name]
        style.font.size = Pt(9)
        fmt = style.paragraph_format
        fmt.space_after = Pt(0)
        fmt.line_spacing = 1.0
        fmt.tab_stops.clear_all()
        fmt.tab_stops.add_tab_stop(Twips(TEXT_WIDTH_TWIPS // 2), WD_TAB_ALIGNMENT.CENTER)
        fmt.tab_stops.add_tab_stop(Twips(TEXT_WIDTH_TWIPS), WD_TAB_ALIGNMENT.RIGHT)
        set_border(style_ppr(style), (side,), size=4, space=4)


def define_table_style(doc: DocxDocument) -> None:
    """DG Table: thin borders everywhere, grey bold header row, ~0.1 cm cell margins."""
    style = doc.styles.add_style("DG Table", WD_STYLE_TYPE.TABLE)
    style.base_style = doc.styles["Normal Table"]
    style.quick_style = True
    border = f'w:val="single" w:sz="4" w:space="0" w:color="{RULE_COLOUR}"'
    edges = "".join(
        f"<w:{side} {border}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    for xml in (
        '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>',
        '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>',
        "<w:tblPr>"
        '<w:tblInd w:w="0" w:type="dxa"/>'
        f"<w:tblBorders>{edges}</w:tblBorders>"
        '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr>",
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{GREY_FILL}"/></w:tcPr>'
        "</w:tblStylePr>",
    ):
        style.element.append(w_xml(xml))


# =============================================================================================
# Header and footer
# =============================================================================================


def build_header_footer(doc: DocxDocument) -> None:
    """Reference and draft marking on top; title, version and "Page X of Y" at the bottom."""
    section = doc.sections[0]
    head = section.header.paragraphs[0]
    head.style = doc.styles["Header"]
    head.add_run("{{ reference }}")
    head.add_run("\t\t")
    draft = head.add_run("{% if is_draft %}DRAFT – FOR LEGAL REVIEW{% endif %}")
    draft.bold = True
    draft.font.color.rgb = DRAFT_RED

    foot = section.footer.paragraphs[0]
    foot.style = doc.styles["Footer"]
    foot.add_run("{{ doc_title }} · version {{ version }}")
    foot.add_run("\t\tPage ")
    add_field(foot, "PAGE", "1")
    foot.add_run(" of ")
    add_field(foot, "NUMPAGES", "1")


# =============================================================================================
# Content helpers
# =============================================================================================


RunSpec = str | tuple[str, dict[str, bool]]  # run text, optionally with font flags


def para(doc: DocxDocument, style: str, *runs: RunSpec) -> Paragraph:
    """Add a paragraph; each run is text or (text, {"bold": True, "caps": True, ...}).

    Every Jinja tag is passed as (part of) one run so Word never splits it.
    """
    paragraph = doc.add_paragraph(style=doc.styles[style])
    for item in runs:
        text, fmt = (item, {}) if isinstance(item, str) else item
        run = paragraph.add_run(text)
        for attr, value in fmt.items():
            if attr == "caps":
                run.font.all_caps = value
            else:
                setattr(run, attr, value)
    return paragraph


def tag(doc: DocxDocument, jinja: str, style: str = "DG Body") -> Paragraph:
    """A paragraph holding only a docxtpl paragraph tag ({%p %} / {{p }}); it vanishes."""
    return para(doc, style, jinja)


def page_break(doc: DocxDocument) -> None:
    """Force a new page with a near-zero-height paragraph (the doc has a single section)."""
    paragraph = doc.add_paragraph(style=doc.styles["DG Page Break"])
    paragraph.add_run().add_break(WD_BREAK.PAGE)


@dataclass(frozen=True)
class Column:
    """A table column: header text, Jinja expression for the repeating row, width share."""

    header: str
    expr: str
    share: float
    numeric: bool = False


def loop_table(
    doc: DocxDocument,
    rows_expr: str,
    columns: Sequence[Column],
    footer: Sequence[str] | None = None,
) -> Table:
    """Add a full-width DG Table: header row, then docxtpl ``{%tr for %}`` / row / ``endfor``.

    ``footer`` adds one static bold row after the loop (e.g. a total).
    """
    n_rows = 4 + (1 if footer else 0)
    table = doc.add_table(rows=n_rows, cols=len(columns))
    table.style = doc.styles["DG Table"]
    table.autofit = False  # writes w:tblLayout fixed: column widths below are authoritative
    tblpr = table._tbl.tblPr
    tblpr.find(qn("w:tblW")).set(qn("w:type"), "dxa")
    tblpr.find(qn("w:tblW")).set(qn("w:w"), str(TEXT_WIDTH_TWIPS))
    tblpr.find(qn("w:tblLook")).set(qn("w:firstColumn"), "0")

    widths = [round(TEXT_WIDTH_TWIPS * c.share) for c in columns]
    widths[-1] = TEXT_WIDTH_TWIPS - sum(widths[:-1])
    for grid_col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        grid_col.set(qn("w:w"), str(width))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = Twips(width)

    def fill(row_index: int, texts: Sequence[str], style: str, bold: bool = False) -> None:
        for cell, text, column in zip(table.rows[row_index].cells, texts, columns, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph.style = doc.styles[style]
            if column.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if text:
                run = paragraph.add_run(text)
                if bold:
                    run.bold = True

    fill(0, [c.header for c in columns], "DG Table Header")
    for cell in table.rows[0].cells:
        set_cell_shading(cell._tc.get_or_add_tcPr(), GREY_FILL)
    set_row_flags(table.rows[0]._tr, header=True)
    blanks = [""] * (len(columns) - 1)
    fill(1, [f"{{%tr for r in {rows_expr} %}}", *blanks], "DG Table Text")
    fill(2, [c.expr for c in columns], "DG Table Text")
    set_row_flags(table.rows[2]._tr)
    fill(3, ["{%tr endfor %}", *blanks], "DG Table Text")
    if footer:
        fill(4, footer, "DG Table Text", bold=True)
        set_row_flags(table.rows[4]._tr)
    return table


def signature_block(
    doc: DocxDocument,
    heading: Sequence[RunSpec],
    *,
    intro: str | None = None,
    name: str | None = None,
    title: str | None = None,
) -> Paragraph:
    """One signatory's block as a single keep-lines-together paragraph.

    Lines are separated by line breaks; "Signature" and "Date" end in two tabs, the second of
    which has an underscore leader in the DG Signature style, so they print as a ruled line.
    """
    runs: list[RunSpec] = [*heading]
    if intro is not None:
        runs.append(f"\n{intro}")
    runs.append("\n\nSignature\t\t")
    if name is not None:
        runs += ["\nName\t", name]
    if title is not None:
        runs += ["\nTitle\t", title]
    runs.append("\n\nDate\t\t")
    return para(doc, "DG Signature", *runs)


def schedule_heading(doc: DocxDocument, title: str) -> Paragraph:
    """Numbered "Schedule N" on its own line with the schedule's title centred beneath."""
    paragraph = doc.add_paragraph(style=doc.styles["DG Schedule"])
    run = paragraph.add_run()
    run.add_break()
    run.add_text(title)
    return paragraph


BOLD = {"bold": True}
BOLD_CAPS = {"bold": True, "caps": True}
DATED = "Dated {% if date_text %}{{ date_text }}{% else %}____________{% endif %}"
#: a post whose title already says so ("Shared Head of Procurement") is not called a shared
#: post again: the words between these tags print only for other titles
UNLESS_TITLE_SAYS_SHARED = "{% if not (post_title|lower).startswith('shared ') %}"
END_UNLESS = "{% endif %}"

POST_COLUMNS = (Column("Item", "{{ r.label }}", 0.35), Column("Detail", "{{ r.value }}", 0.65))
SPLIT_COLUMNS = (
    Column("Party", "{{ r.party }}", 0.34),
    Column("Share of time", "{{ r.share }}", 0.18),
    Column("Days a week", "{{ r.days }}", 0.16),
    Column("Line manager", "{{ r.line_manager }}", 0.32),
)
MATRIX_COLUMNS = (
    Column("Matter", "{{ r.matter }}", 0.40),
    Column("Acts", "{{ r.acts }}", 0.30),
    Column("Consulted", "{{ r.consulted }}", 0.30),
)
RESPONSIBILITY_COLUMNS = (
    Column("Organisation", "{{ r.party }}", 0.30),
    Column("Responsibility", "{{ r.responsibility }}", 0.70),
)


def parties_section(doc: DocxDocument, opening: Sequence[RunSpec]) -> None:
    """The opening words and the PARTIES heading (the list itself differs per document)."""
    opening_para = para(doc, "DG Body", *opening)
    opening_para.paragraph_format.left_indent = Twips(0)
    opening_para.paragraph_format.space_before = Pt(18)  # clear of any drafting-note box
    para(doc, "DG Heading", "PARTIES")


# =============================================================================================
# The three documents
# =============================================================================================


def base_document(title: str) -> DocxDocument:
    """python-docx's default document with the whole house style applied."""
    doc = Document()
    tidy_package(doc)
    set_doc_defaults(doc)
    set_page_setup(doc)
    set_settings(doc)
    add_numbering(doc)
    define_styles(doc)
    build_header_footer(doc)
    set_core_properties(doc, title)
    body = doc.element.body
    for paragraph in body.findall(qn("w:p")):  # the default document has no paragraphs, but be safe
        body.remove(paragraph)
    return doc


def cover_title(doc: DocxDocument, title: str) -> None:
    """Big title low on the page, framed by thin rules as on a law-firm engrossment."""
    paragraph = para(doc, "DG Title", title)
    paragraph.paragraph_format.space_before = Pt(150)
    set_border(paragraph._p.get_or_add_pPr(), ("top", "bottom"), size=6, space=12)


AGREEMENT_SCHEDULES = ("Post details", "Time split and management",
                       "Cost calculation and payment", "Objectives")


def contents_page(doc: DocxDocument) -> None:
    """The agreement's contents: docgen writes the heading, the start of the TOC field and
    one line per clause (``contents_body``); the schedules, which the template prints, are
    listed here, and the last of them closes the field."""
    tag(doc, "{{p contents_body }}")
    for number, title in enumerate(AGREEMENT_SCHEDULES, 1):
        line = para(doc, "DG Contents", f"Schedule {number}\t{title}")
        if number == len(AGREEMENT_SCHEDULES):
            line._p.append(w_xml('<w:r><w:fldChar w:fldCharType="end"/></w:r>'))
    page_break(doc)


def cover_end_and_parties(doc: DocxDocument, opening: str, contents: bool = False) -> None:
    """The foot of a cover page (reference, date), the drafting notes, the contents page
    (agreement) and the parties heading: otherwise the same in the agreement and the
    contract."""
    ref = para(doc, "DG Subtitle", "Reference {{ reference }}")
    ref.paragraph_format.space_before = Pt(60)
    para(doc, "DG Subtitle", DATED)
    page_break(doc)

    tag(doc, "{{p notes_body }}")
    if contents:
        contents_page(doc)

    parties_section(
        doc,
        [(opening, BOLD),
         " is dated {% if date_text %}{{ date_text }}{% else %}____________________{% endif %}"],
    )


def build_agreement() -> DocxDocument:
    """Inter-organisation agreement: cover, notes, parties, clauses, signatures, schedules."""
    doc = base_document(BY_KIND["agreement"].title)

    cover_title(doc, "AGREEMENT")
    para(doc, "DG Subtitle", f"relating to the {UNLESS_TITLE_SAYS_SHARED}shared {END_UNLESS}"
                             "post of")
    para(doc, "DG Subtitle", ("{{ post_title }}", BOLD))
    para(doc, "DG Subtitle", "between").paragraph_format.space_before = Pt(24)
    tag(doc, "{%p for p in parties %}", "DG Subtitle")
    para(doc, "DG Subtitle", "({{ loop.index }})  ", ("{{ p.name }}", BOLD_CAPS))
    tag(doc, "{%p endfor %}", "DG Subtitle")
    cover_end_and_parties(doc, "THIS AGREEMENT", contents=True)
    tag(doc, "{%p for p in parties %}")
    para(
        doc, "DG Party", "({{ loop.index }})\t", ("{{ p.name }}", BOLD_CAPS),
        " of {{ p.address }} (“", ("{{ p.short_name }}", BOLD), "”){% if loop.last %}.{% elif "
        "loop.revindex == 2 %}; and{% else %};{% endif %}",
    )
    tag(doc, "{%p endfor %}")

    tag(doc, "{{p body }}")

    # a self-proving Scottish agreement is signed under its testing clause (the Execution
    # clause, with each witness's details): a second place to sign would invite signing there
    tag(doc, "{%p if not self_proving %}")
    para(doc, "DG Heading", "SIGNATURES").paragraph_format.space_before = Pt(24)
    tag(doc, "{%p for p in parties %}")
    signature_block(
        doc, ["Signed for and on behalf of ", ("{{ p.name }}", BOLD)],
        name="{{ p.signatory_name }}", title="{{ p.signatory_title }}",
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    schedule_heading(doc, AGREEMENT_SCHEDULES[0])
    loop_table(doc, "schedules.post_rows", POST_COLUMNS)

    schedule_heading(doc, AGREEMENT_SCHEDULES[1])
    loop_table(doc, "schedules.split_rows", SPLIT_COLUMNS)
    para(doc, "DG Heading", "Management matrix")
    loop_table(doc, "schedules.matrix_rows", MATRIX_COLUMNS)

    schedule_heading(doc, AGREEMENT_SCHEDULES[2])
    para(doc, "DG Heading", "Cost calculation").paragraph_format.space_before = Pt(0)
    loop_table(
        doc, "schedules.cost_rows",
        (Column("Item", "{{ r.label }}", 0.70), Column("Amount", "{{ r.value }}", 0.30, True)),
    )
    para(doc, "DG Heading", "Shares of the cost")
    loop_table(
        doc, "schedules.share_rows",
        (
            Column("Party", "{{ r.party }}", 0.30),
            Column("Basis", "{{ r.basis }}", 0.30),
            Column("Annual amount", "{{ r.annual }}", 0.20, True),
            Column("Per invoice", "{{ r.per_invoice }}", 0.20, True),
        ),
        footer=("Total", "", "{{ schedules.share_total }}", ""),
    )

    schedule_heading(doc, AGREEMENT_SCHEDULES[3])
    loop_table(
        doc, "schedules.objective_rows",
        (Column("Organisation", "{{ r.party }}", 0.30),
         Column("Objective", "{{ r.objective }}", 0.70)),
    )
    return doc


def build_contract() -> DocxDocument:
    """The post-holder's contract variation (or, while recruiting, new contract of employment),
    acknowledged by every partner organisation; its titles come from the facts."""
    doc = base_document(BY_KIND["contract"].title)

    cover_title(doc, "{{ individual.cover }}")
    para(doc, "DG Subtitle", f"{UNLESS_TITLE_SAYS_SHARED}Shared post of {END_UNLESS}",
         ("{{ post_title }}", BOLD))
    between = para(doc, "DG Subtitle", "between")
    between.paragraph_format.space_before = Pt(24)
    para(doc, "DG Subtitle", ("{{ employer.name }}", BOLD_CAPS))
    para(doc, "DG Subtitle", "and")
    para(doc, "DG Subtitle", ("{{ postholder.name }}", BOLD_CAPS))
    cover_end_and_parties(doc, "{{ individual.opening }}")
    para(
        doc, "DG Party", "(1)\t", ("{{ employer.name }}", BOLD_CAPS),
        " of {{ employer.address }} (the “", ("Employer", BOLD), "”); and",
    )
    para(
        doc, "DG Party", "(2)\t", ("{{ postholder.name }}", BOLD),
        " of {{ postholder.address }} (the “", ("Post-holder", BOLD), "”).",
    )

    tag(doc, "{{p body }}")

    para(doc, "DG Heading", "SIGNATURES").paragraph_format.space_before = Pt(24)
    tag(doc, "{%p for p in parties %}")
    signature_block(
        doc,
        ["{% if p.is_employer %}Signed{% else %}Acknowledged{% endif %} for and on behalf of ",
         ("{{ p.name }}", BOLD)],
        name="{{ p.signatory_name }}", title="{{ p.signatory_title }}",
    )
    tag(doc, "{%p endfor %}")
    signature_block(
        doc, [("Post-holder’s acceptance", BOLD)],
        intro="{{ individual.acceptance }}", name="{{ postholder.name }}",
    )

    schedule_heading(doc, "Duties and time split")
    para(doc, "DG Heading", "Time split").paragraph_format.space_before = Pt(0)
    loop_table(doc, "schedules.split_rows", SPLIT_COLUMNS)
    para(doc, "DG Heading", "Responsibilities")
    loop_table(doc, "schedules.responsibility_rows", RESPONSIBILITY_COLUMNS)

    schedule_heading(doc, "Management arrangements")
    loop_table(doc, "schedules.matrix_rows", MATRIX_COLUMNS)
    return doc


def build_job_spec() -> DocxDocument:
    """The joint job specification: short, no cover page, mostly tables."""
    doc = base_document(BY_KIND["job_spec"].title)

    para(doc, "DG Title", "JOINT JOB SPECIFICATION").paragraph_format.space_after = Pt(6)
    subtitle = para(doc, "DG Subtitle", ("{{ post_title }}", BOLD))
    subtitle.paragraph_format.space_after = Pt(18)
    loop_table(doc, "schedules.post_rows", (
        Column("Item", "{{ r.label }}", 0.35), Column("Detail", "{{ r.value }}", 0.65),
    ))

    tag(doc, "{{p notes_body }}")
    tag(doc, "{{p body }}")

    para(doc, "DG Heading", "Key responsibilities")
    loop_table(doc, "schedules.responsibility_rows", RESPONSIBILITY_COLUMNS)
    para(doc, "DG Heading", "Person specification")
    loop_table(
        doc, "schedules.person_spec_rows",
        (
            Column("Area", "{{ r.area }}", 0.18),
            Column("Criterion", "{{ r.criterion }}", 0.44),
            Column("Essential or desirable", "{{ r.requirement }}", 0.17),
            Column("How assessed", "{{ r.assessed_by }}", 0.21),
        ),
    )
    tag(doc, "{{p body_tail }}")

    para(doc, "DG Heading", "Agreed by the partner organisations")
    tag(doc, "{%p for p in parties %}")
    signature_block(doc, ["For ", ("{{ p.name }}", BOLD)])
    tag(doc, "{%p endfor %}")
    return doc


# =============================================================================================
# Deterministic save
# =============================================================================================


def save_deterministic(doc: DocxDocument, path: Path) -> None:
    """Save, then rewrite the zip with fixed timestamps so identical input gives identical bytes.

    Member order is kept as python-docx wrote it ([Content_Types].xml first, as Office expects).
    """
    buffer = io.BytesIO()
    doc.save(buffer)
    buffer.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 0
            fixed.external_attr = 0
            dst.writestr(fixed, src.read(info.filename))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


#: each template under the name docgen looks it up by (docgen/answers/kinds.py)
BUILDERS = {
    BY_KIND["agreement"].template: build_agreement,
    BY_KIND["contract"].template: build_contract,
    BY_KIND["job_spec"].template: build_job_spec,
}


def main(target_dir: Path = TEMPLATE_DIR) -> list[Path]:
    """Build every template into ``target_dir`` (tests build into a temporary directory)."""
    written = []
    for filename, builder in BUILDERS.items():
        target = target_dir / filename
        save_deterministic(builder(), target)
        written.append(target)
    return written


if __name__ == "__main__":
    for path in main():
        print(f"wrote {path}")
