"""The words fill puts in the schedule tables and two headings: data a lawyer can edit
(``docgen/data/templates/schedules.yaml``, or the copy in a folder of one's own templates),
read once while the file is unchanged and checked whole, so a missing key or a misspelt
``{name}`` is an error naming the file, never a document with a hole in it."""

from __future__ import annotations

import errno
import os
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG

from docgen.resources import BUILTIN_TEMPLATES
from docgen.wording_files import Keys, file_state, read_wording

WORDING_FILE = "schedules.yaml"
#: every key the file must give, with the names each may (and must) use in braces
KEYS: Keys = {
    **{f"post.{k}": frozenset() for k in (
        "title", "grade", "pay_range", "employer", "partners", "postholder",
        "to_be_appointed", "start_date", "end_date", "open_ended", "hours", "time_split",
        "places", "politically_restricted", "restricted_yes", "restricted_no",
        "statutory_role")},
    "post.hours_value": frozenset({"hours", "days"}),
    "post.statutory_role_value": frozenset({"role", "party"}),
    "costs.salary": frozenset(), "costs.premium": frozenset({"percent"}),
    "costs.total": frozenset(), "shared": frozenset(),
    "headings.contents": frozenset(), "headings.notes": frozenset(),
}
MAX_BYTES = 64_000


def wording_file(template_dir: Path) -> Path:
    """The wording of a folder of templates: its own copy, else docgen's."""
    own = template_dir / WORDING_FILE
    return own if own.is_file() else BUILTIN_TEMPLATES / WORDING_FILE


def wording(template_dir: Path) -> dict[str, str]:
    """Each key of :data:`KEYS` (``post.grade``) → its words.

    :func:`wording_file` then :func:`file_state` in one ``stat`` of the folder's own copy
    when it is a regular file (a document asks three times, and each ``is_file`` and
    ``stat`` cost more than the cached read)."""
    own = _own_file(template_dir)
    try:
        st = os.stat(own)
    except ValueError:  # as Path.is_file: a path the system cannot take is no file
        pass
    except OSError as exc:  # as Path.is_file: a file that is not there is not the one used
        if exc.errno not in _NOT_THERE and getattr(exc, "winerror", None) not in _NOT_THERE_WIN:
            raise
    else:
        if S_ISREG(st.st_mode):
            return _read(own, st.st_mtime_ns, st.st_size)
    path = BUILTIN_TEMPLATES / WORDING_FILE
    return _read(path, *file_state(path, "reinstall docgen, or copy it into the templates "
                                         "folder from docgen/data/templates"))


#: the errors Path.is_file takes for "no such file" (others, a permission refused, raise)
_NOT_THERE = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})
_NOT_THERE_WIN = frozenset({21, 123, 1921})  # not ready, bad name, too many links


@lru_cache(maxsize=16)
def _own_file(template_dir: Path) -> Path:
    return template_dir / WORDING_FILE


@lru_cache(maxsize=8)
def _read(path: Path, _mtime_ns: int, size: int) -> dict[str, str]:
    """(cached per file and its state: a long-running server sees the file edited)"""
    return read_wording(path, size, KEYS, what="the schedules' wording", limit=MAX_BYTES,
                        shipped=BUILTIN_TEMPLATES / WORDING_FILE)
