"""What the streamed scan of a worksheet finds before openpyxl builds a cell: here, its
hidden columns (``<col hidden="1">`` ranges), bounded however the file is crafted."""

from __future__ import annotations

import io
import zipfile

from docgen.ooxml.spreadsheet import MAX_COL_RANGES, scan_sheet

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PART = "xl/worksheets/sheet1.xml"


def sheet(cols: str, last_cell: str = "E2") -> bytes:
    xml = (f'<worksheet xmlns="{NS}"><cols>{cols}</cols><sheetData>'
           f'<row r="1"><c r="A1" t="inlineStr"><is><t>Reference</t></is></c></row>'
           f'<row r="2"><c r="{last_cell}"><v>1</v></c></row></sheetData></worksheet>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(PART, xml)
    return out.getvalue()


def test_hidden_columns_are_the_ranges_up_to_the_last_value() -> None:
    cols = ('<col min="2" max="3" hidden="1"/><col min="4" max="4" width="9"/>'
            '<col min="5" max="16384" hidden="true"/>')
    assert scan_sheet(sheet(cols), PART, 100, 1000).hidden_cols == {2, 3, 5}


def test_overlapping_ranges_beyond_excel_s_count_are_merged_and_bounded() -> None:
    """A crafted sheet of many overlapping whole-width ranges: each column is counted once,
    and ranges past Excel's own 16,384 are not looked at (expanding each, as first written,
    was minutes of work for a 37 MB sheet)."""
    many = '<col min="1" max="16384" hidden="1"/>' * (MAX_COL_RANGES + 10)
    scan = scan_sheet(sheet(many, last_cell="XFD2"), PART, 100, 1000)
    assert scan.hidden_cols == set(range(1, 16_385))
