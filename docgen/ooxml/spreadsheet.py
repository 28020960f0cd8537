"""What an Excel workbook (.xlsx, SpreadsheetML in an OOXML zip) holds, read from the zip
before openpyxl opens it: the intake's guard and reader ask these questions and never
open the zip themselves."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

MACRO_TYPE = b"macroEnabled"
#: a formula cell (``<f>``, with or without a namespace prefix) in a worksheet part
FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")


@dataclass(frozen=True)
class WorkbookPackage:
    """What kind of .xlsx a zip is: a workbook at all, and one with macros."""

    has_workbook: bool  # [Content_Types].xml and xl/workbook.xml are there
    has_macros: bool  # a macro-enabled content type or a VBA project part


def workbook_package(data: bytes) -> WorkbookPackage:
    """Read the zip directory (and the content types) of a package already bounds-checked."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = set(z.namelist())
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            return WorkbookPackage(has_workbook=False, has_macros=False)
        macros = MACRO_TYPE in z.read("[Content_Types].xml") or "xl/vbaProject.bin" in names
        return WorkbookPackage(has_workbook=True, has_macros=macros)


def has_formulas(data: bytes) -> bool:
    """True if any worksheet holds a formula (most programme workbooks hold none, and
    finding which cells they are needs a second, slower read by openpyxl)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return any(FORMULA.search(z.read(n)) for n in z.namelist()
                   if n.startswith("xl/worksheets/") and n.endswith(".xml"))


__all__ = ["FORMULA", "MACRO_TYPE", "WorkbookPackage", "has_formulas", "workbook_package"]
