"""The openpyxl names intake uses, imported on first use (PEP 562 module ``__getattr__``).

``docgen check`` and ``docgen build`` of answer files import the intake commands but open no
workbook, so they must not pay for openpyxl (0.1-0.25 s); ``sheets`` reaches openpyxl only
through this module, and only a workbook being read or written loads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers see
    from openpyxl import Workbook, load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["Alignment", "Comment", "DataValidation", "Font", "Workbook", "Worksheet",
           "get_column_letter", "load_workbook"]


def __getattr__(name: str) -> Any:
    """Import openpyxl's names the first time one is asked for."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import openpyxl  # optional-weight dependency, loaded here only (see module docstring)
    import openpyxl.comments
    import openpyxl.styles
    import openpyxl.utils
    import openpyxl.worksheet.datavalidation
    import openpyxl.worksheet.worksheet

    names = {"Workbook": openpyxl.Workbook, "load_workbook": openpyxl.load_workbook,
             "Alignment": openpyxl.styles.Alignment, "Comment": openpyxl.comments.Comment,
             "Font": openpyxl.styles.Font,
             "get_column_letter": openpyxl.utils.get_column_letter,
             "DataValidation": openpyxl.worksheet.datavalidation.DataValidation,
             "Worksheet": openpyxl.worksheet.worksheet.Worksheet}
    globals().update(names)
    return names[name]
