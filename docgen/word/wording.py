"""The words fill puts in the schedule tables and two headings: data a lawyer can edit
(``docgen/data/templates/schedules.yaml``, or the copy in a folder of one's own templates),
read once while the file is unchanged and checked whole, so a missing key or a misspelt
``{name}`` is an error naming the file, never a document with a hole in it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
    """Each key of :data:`KEYS` (``post.grade``) → its words."""
    path = wording_file(template_dir)
    return _read(path, *file_state(path, "reinstall docgen, or copy it into the templates "
                                         "folder from docgen/data/templates"))


@lru_cache(maxsize=8)
def _read(path: Path, _mtime_ns: int, size: int) -> dict[str, str]:
    """(cached per file and its state: a long-running server sees the file edited)"""
    return read_wording(path, size, KEYS, what="the schedules' wording", limit=MAX_BYTES,
                        shipped=BUILTIN_TEMPLATES / WORDING_FILE)
