"""What an Excel workbook (.xlsx, SpreadsheetML in an OOXML zip) holds, read from the zip
before openpyxl opens it: the intake's guard and reader ask these questions and never
open the zip themselves."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

#: what every XML part is read with in ooxml: no entities, no network, no huge trees
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def safe_xml(data: bytes) -> Any:
    return etree.fromstring(data, PARSER)

MACRO_TYPE = b"macroEnabled"
#: a formula cell (``<f>``, with or without a namespace prefix) in a worksheet part
FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")


@dataclass(frozen=True)
class WorkbookPackage:
    """What kind of .xlsx a zip is: a workbook at all, and one with macros."""

    has_workbook: bool  # [Content_Types].xml and xl/workbook.xml are there
    has_macros: bool  # a macro-enabled content type or a VBA project part
    #: another program's spreadsheet saved under an .xlsx name: ``.ods`` (its ``mimetype``
    #: part says so) or ``.numbers`` (Apple's ``Index/*.iwa`` parts); else ""
    other: str = ""


ODS_TYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def _other_spreadsheet(z: zipfile.ZipFile, names: set[str]) -> str:
    """The ending of the program's own format a zip with no workbook is, if it is one."""
    if "mimetype" in names and z.getinfo("mimetype").file_size <= 200 and \
            z.read("mimetype").strip() == ODS_TYPE:
        return ".ods"
    return ".numbers" if any(n.startswith("Index/") and n.endswith(".iwa") for n in names) \
        else ""


def workbook_package(data: bytes) -> WorkbookPackage:
    """Read the zip directory (and the content types) of a package already bounds-checked."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            return WorkbookPackage(has_workbook=False, has_macros=False,
                                   other=_other_spreadsheet(z, names))
        macros = MACRO_TYPE in z.read("[Content_Types].xml") or "xl/vbaProject.bin" in names
        return WorkbookPackage(has_workbook=True, has_macros=macros)


def has_formulas(data: bytes) -> bool:
    """True if any worksheet holds a formula (most programme workbooks hold none, and
    finding which cells they are needs a second, slower read by openpyxl)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return any(FORMULA.search(z.read(n)) for n in z.namelist()
                   if n.startswith("xl/worksheets/") and n.endswith(".xml"))


REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
CELL = re.compile(r"([A-Z]+)(\d+)")


class SheetTooBig(ValueError):
    """A worksheet holding more than the caller reads: ``rows``/``cells`` seen so far."""

    def __init__(self, rows: int, cells: int) -> None:
        super().__init__(f"{rows} rows, {cells} cells")
        self.rows, self.cells = rows, cells


def sheet_parts(data: bytes) -> dict[str, str]:
    """Each worksheet's name → its part in the zip, in the workbook's order (read from
    ``xl/workbook.xml`` and its relationships, nothing inflated but those two)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        book = safe_xml(z.read("xl/workbook.xml"))
        rels = safe_xml(z.read("xl/_rels/workbook.xml.rels")) \
            if "xl/_rels/workbook.xml.rels" in z.namelist() else None
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter() if r.get("Id")} \
        if rels is not None else {}
    out = {}
    for sheet in book.iter():
        if str(sheet.tag).rsplit("}", 1)[-1] == "sheet" and sheet.get("name") is not None:
            target = targets.get(sheet.get(REL), "")
            part = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join("xl", target))
            out[str(sheet.get("name"))] = part
    return out


#: hidden column ranges kept from one sheet (Excel has 16,384 columns; more ranges than
#: that are a crafted file, and the rest are not looked at)
MAX_COL_RANGES = 16_384


@dataclass
class SheetScan:
    """What one worksheet holds, streamed from its XML before any cell is built: where
    its values end (formatting alone is no value), hidden rows and columns, merged ranges
    and formulas that have no saved result."""

    last_row: int = 0  # the last row with a value (0: none)
    last_col: int = 0  # the last column with a value, 1-based
    rows: int = 0  # rows holding a value
    cells: int = 0  # cells holding a value
    hidden: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)  # 1-based, up to the last value's
    merged: list[str] = field(default_factory=list)
    no_result: set[str] = field(default_factory=set)  # "D2": a formula never calculated


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _cell(el: Any) -> tuple[bool, bool]:
    """(holds a value, is a formula without a saved result) for one ``<c>``.

    A formula whose saved result is empty text (``t="str"`` and an empty ``<v>``: what Excel
    saves for ``=IF(A2="","",...)`` showing nothing) holds no value, like an empty cell; it is
    not a formula without a result (a formula never calculated has no ``<v>``, or, written
    by openpyxl, an empty one without ``t="str"``)."""
    value = formula = empty_text = False
    for kid in el:
        tag = kid.tag
        if tag.endswith("}v") or tag == "v":
            value = bool(kid.text)
            empty_text = not kid.text and el.get("t") == "str"
        elif tag.endswith("}f") or tag == "f":
            formula = True
        elif tag.endswith("}is") or tag == "is":
            value = True
    if formula and empty_text:
        return False, False
    return value or formula, formula and not value


def scan_sheet(data: bytes, part: str, max_rows: int, max_cells: int) -> SheetScan:
    """Stream ``part``; raise :class:`SheetTooBig` as soon as more than ``max_rows`` rows or
    ``max_cells`` cells hold values (memory stays one row, whatever the sheet's size)."""
    scan = SheetScan()
    number = 0
    hidden_cols: list[tuple[int, int]] = []  # (min, max) of each hidden <col> range
    with zipfile.ZipFile(io.BytesIO(data)) as z, z.open(part) as src:
        for _, el in etree.iterparse(src, events=("end",),
                                     tag=("{*}c", "{*}row", "{*}mergeCell", "{*}col"),
                                     resolve_entities=False, no_network=True, huge_tree=False):
            tag = str(el.tag)
            if tag.endswith("}col") or tag == "col":  # <cols>, before the rows
                if el.get("hidden") in ("1", "true") and len(hidden_cols) < MAX_COL_RANGES:
                    hidden_cols.append((_int(el.get("min")), _int(el.get("max"))))
                el.clear()
            elif tag.endswith("}c") or tag == "c":
                has_value, no_result = _cell(el)
                if has_value:
                    ref = el.get("r") or ""
                    m = CELL.fullmatch(ref)
                    if m:
                        scan.last_col = max(scan.last_col, _column(m.group(1)))
                        if no_result:
                            scan.no_result.add(ref)
                    scan.cells += 1
                    scan.last_row = max(scan.last_row, number + 1 if not m else int(m.group(2)))
                    if scan.cells > max_cells:
                        raise SheetTooBig(scan.rows, scan.cells)
            elif tag.endswith("}row") or tag == "row":
                number = int(el.get("r") or number + 1)
                if el.get("hidden") in ("1", "true"):
                    scan.hidden.add(number)
                if scan.last_row == number:
                    scan.rows += 1
                    if scan.rows > max_rows:
                        raise SheetTooBig(scan.rows, scan.cells)
                el.clear()
                while el.getprevious() is not None:  # the rows read so far: memory stays flat
                    del el.getparent()[0]
            elif el.get("ref"):
                scan.merged.append(str(el.get("ref")))
    scan.hidden = {n for n in scan.hidden if n <= scan.last_row}
    scan.hidden_cols = _columns_in(hidden_cols, scan.last_col)
    return scan


def _columns_in(ranges: list[tuple[int, int]], last: int) -> set[int]:
    """The columns up to ``last`` that the ``(min, max)`` ranges cover, merged first: a
    crafted sheet of overlapping ranges costs no more than the columns themselves."""
    out: set[int] = set()
    reached = 0  # every column up to here is in ``out`` already (ranges sorted by min)
    for low, high in sorted(ranges):
        low, high = max(low, reached + 1, 1), min(high, last)
        if low <= high:
            out.update(range(low, high + 1))
            reached = high
    return out


def _int(text: str | None) -> int:
    try:
        return int(text or "0")
    except ValueError:
        return 0


EMPTY_SHEET = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns='
               b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>'
               b'</worksheet>')


def with_only_sheets(data: bytes, keep: set[str], worth: int = 1_000_000) -> bytes:
    """The package with every worksheet part not in ``keep`` emptied: a reader that opens
    every sheet (openpyxl, even read-only, streams each one for its size) then pays only
    for the sheets wanted, however large the others are. Unchanged when the others hold
    under ``worth`` bytes of XML together (rewriting would cost more than it saves)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        others = sum(i.file_size for i in z.infolist() if i.filename.startswith(
            "xl/worksheets/") and i.filename.endswith(".xml") and i.filename not in keep)
    if others < worth:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for item in z.infolist():
            sheet = item.filename.startswith("xl/worksheets/") and \
                item.filename.endswith(".xml") and item.filename not in keep
            dst.writestr(item.filename, EMPTY_SHEET if sheet else z.read(item))
    return out.getvalue()


__all__ = ["FORMULA", "MACRO_TYPE", "SheetScan", "SheetTooBig", "WorkbookPackage",
           "has_formulas", "scan_sheet", "sheet_parts", "with_only_sheets",
           "workbook_package"]
