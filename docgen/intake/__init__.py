"""Programme intake: a workbook with one row per post, read into answer files and back.

``table`` and ``mapping`` are pure (cell values ↔ answer-file data, driven by the
column table in ``columns.yaml``); ``sheets`` turns workbook bytes into cell values
and back (openpyxl, which ``xl`` imports only when a workbook is used), ``guard``
bounds what is opened; ``folder`` and ``run`` are the shell that reads and writes
files and builds.
"""

from __future__ import annotations

from pathlib import Path

#: what names a programme workbook rather than an answer file (here, not in ``run``: the
#: command line asks it of every path, and a build of answer files need not load intake)
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xltx")


def is_workbook(path: str | Path) -> bool:
    return str(path).lower().endswith(WORKBOOK_SUFFIXES)
