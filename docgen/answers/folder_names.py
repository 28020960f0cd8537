"""Which references can name a post folder: the one list, used by every door.

A post's documents go to ``<out>/<reference>/``. A reference not known yet (``tbc``:
every such post would share one folder), one that is also the
name of a file docgen keeps in the output folder, that Windows would silently
change (a trailing dot or space) or that Windows reserves for a device would
lose or overwrite work there. The rule sits here, in validation, so
``docgen.check``, ``docgen check``, ``docgen build`` and the interview give
the same answer for the same file. ``publish/`` takes its reserved names from
this module rather than keeping a second list.
"""

from __future__ import annotations

import re
from typing import Any

from docgen.answers.notknown import is_not_known

#: what a reference may be: a file name on every system, so never a path (``a/b``, ``../x``,
#: ``/abs``); the model's ``Reference`` type and every door that names a file by it use this
REFERENCE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
_REFERENCE = re.compile(REFERENCE_PATTERN)  # compiled as the module loads (docgen._codecache)
REFERENCE_MAX = 80
#: the model's words when a reference breaks the pattern (validation adds what was found)
SAFE_REFERENCE = ("must be a safe file name: letters, digits, '.', '_' and '-', starting "
                  "with a letter or digit")
GOOD_REFERENCE = "EWK-2025-01"

# The names docgen itself keeps inside an output folder (compared case-blind, as on
# Windows and macOS). Every name under ".docgen" is kept back for docgen's own use.
STAGING = ".docgen-staging"
LOCK = ".docgen.lock"
STATE = ".docgen-state.json"
CLAIMS = ".docgen-claims"
MANIFEST = "manifest.json"
REGISTER_CSV = "register.csv"
REGISTER_XLSX = "register.xlsx"
REGISTER_PARTIES_CSV = "register-parties.csv"
#: the hashes of the register files docgen last wrote: a file that differs was edited
REGISTER_RECORD = ".docgen-register.json"
#: a file of this name marks a folder (and the folders below it) as clause overlays, not posts
CLAUSES_MARKER = ".docgen-clauses"
COMPARE = "compare"
OUTPUT_NAMES = (STAGING, LOCK, STATE, CLAIMS, MANIFEST, REGISTER_CSV, REGISTER_XLSX,
                REGISTER_PARTIES_CSV, COMPARE)
RESERVED = frozenset(n.casefold() for n in OUTPUT_NAMES)
RESERVED_PREFIX = ".docgen"

# Windows device names (Microsoft's list: CON, PRN, AUX, NUL, COM0-9, LPT0-9); a name is a
# device whatever follows its first dot ("nul.txt" is NUL).
DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                          *(f"lpt{i}" for i in range(10))})


def device_name(name: str) -> bool:
    """Whether Windows takes ``name`` (a folder or a file's whole name) for a device."""
    return name.casefold().split(".")[0] in DEVICE_NAMES


def reserved_output_name(name: str) -> bool:
    """Whether ``name`` is (or may become) a file docgen keeps in an output folder."""
    folded = name.casefold()
    return folded in RESERVED or folded.startswith(RESERVED_PREFIX)


def reference_folder_problem(reference: str) -> str | None:
    """Why ``reference`` cannot name a post folder on every system, or None when it can."""
    if is_not_known(reference):
        # it would print as a gap, not as the reference, and every post not named yet
        # would share one folder (and one set of file names)
        why = (f"'{reference}' says the reference is not known yet, but a post's documents "
               "are filed and named by it")
    elif reserved_output_name(reference):
        why = f"'{reference}' is the name of a file docgen keeps in the output folder"
    elif reference.endswith((".", " ")):
        why = f"'{reference}' ends in a dot or a space, which Windows drops from folder names"
    elif device_name(reference):
        why = f"'{reference}' is a device name on Windows (CON, NUL, COM1, ...)"
    else:
        return None
    return f"{why}; choose another reference, for example '{GOOD_REFERENCE}'"


def reference_problem(reference: str) -> str | None:
    """Why ``reference`` cannot be a post's reference (the model's pattern and length, then
    the folder rule above), or None: for a door that names a file by the reference before
    the answers are checked (a workbook row is staged as ``<reference>.yaml``)."""
    if not _REFERENCE.fullmatch(reference) or len(reference) > REFERENCE_MAX:
        return (f"'{reference}' {SAFE_REFERENCE}, at most {REFERENCE_MAX} characters (not a "
                f"path or a folder), for example '{GOOD_REFERENCE}'")
    return reference_folder_problem(reference)


def reference_text(value: Any) -> str | None:
    """A reference as the model reads the value written (``reference: 12345`` is "12345",
    numbers being taken as text; never ``true``), stripped; None for none or another kind:
    one reading for the doors that compare references before the answers are checked."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value).strip() or None

