"""What a workbook must be before openpyxl opens it: an .xlsx (a zip of XML), not an
old .xls, a macro workbook or a password-protected file, and not a zip bomb.

Each refusal says what the file is and how to save it so docgen can read it; the
sizes are checked from the zip directory before anything is inflated. What is inside
the zip is asked of ``ooxml`` (bounds, the workbook part, macros), which reads it.
"""

from __future__ import annotations

from docgen.errors import DocgenError
from docgen.intake import saved_as_xlsx, sheet_text_problem
from docgen.ooxml.bounds import check_package_bounds
from docgen.ooxml.spreadsheet import workbook_package

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_WORKBOOK_BYTES = 20_000_000  # 1,000 posts are under 1 MB
SAVE_AS = "open it in Excel and use File > Save As > Excel Workbook (.xlsx)"
#: what to do about a workbook over the limit, whether read from disk or given as bytes
TOO_LARGE_FIX = ("; is it the right file? If it is, delete any large pictures in it and "
                 "save it again")


class WorkbookError(DocgenError):
    """A workbook docgen cannot read at all (nothing is written); ``kind`` says which way,
    where :func:`check_workbook` knows it, for a page that says it in a sentence of its own
    (the programme page: ``docgen.api.workbooks.Unread``)."""

    TOO_LARGE = "too_large"  # over the size docgen reads
    OLD_EXCEL = "old_excel"  # an old .xls, or one protected by a password
    NOT_XLSX = "not_xlsx"  # not an .xlsx inside: another program's, macros, a damaged zip

    def __init__(self, message: str, kind: str = "") -> None:
        super().__init__(message)
        self.kind = kind


def check_workbook(name: str, data: bytes) -> None:
    """Refuse what is not a plain .xlsx, with the reason and what to do."""
    if (why := sheet_text_problem(name)) is not None:
        raise WorkbookError(f"{name}: {why}")
    if len(data) > MAX_WORKBOOK_BYTES:
        raise WorkbookError(f"{name}: {len(data):,} bytes is far larger than a programme "
                            f"workbook (limit {MAX_WORKBOOK_BYTES:,}){TOO_LARGE_FIX}",
                            WorkbookError.TOO_LARGE)
    if data.startswith(OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in \
                data.replace(b"\x00", b""):
            raise WorkbookError(f"{name}: the workbook is protected by a password, so docgen "
                                "cannot read it; open it in Excel, remove the password (File > "
                                "Info > Protect Workbook > Encrypt with Password, clear it) "
                                "and save it as .xlsx", WorkbookError.OLD_EXCEL)
        raise WorkbookError(f"{name}: this is an old-style Excel file (.xls); {SAVE_AS}",
                            WorkbookError.OLD_EXCEL)
    if not data.startswith(b"PK"):
        raise WorkbookError(f"{name}: not an Excel workbook (.xlsx); {SAVE_AS}, or write a "
                            "new one with: docgen intake new posts.xlsx", WorkbookError.NOT_XLSX)
    try:
        check_package_bounds(name, data, "Excel workbook")
    except DocgenError as exc:
        raise WorkbookError(str(exc), WorkbookError.NOT_XLSX) from None
    package = workbook_package(data)
    if not package.has_workbook and package.other:  # an .ods saved with an .xlsx name
        raise WorkbookError(f"{name}: {saved_as_xlsx(package.other)}", WorkbookError.NOT_XLSX)
    if not package.has_workbook:
        raise WorkbookError(f"{name}: not an Excel workbook (.xlsx) (a zip file without "
                            f"a workbook inside); {SAVE_AS}", WorkbookError.NOT_XLSX)
    if package.has_macros:
        raise WorkbookError(f"{name}: a macro-enabled workbook (.xlsm); docgen does not "
                            f"open workbooks with macros. {SAVE_AS}", WorkbookError.NOT_XLSX)
