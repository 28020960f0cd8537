"""The words fill puts in the schedule tables and two headings: data a lawyer can edit
(``docgen/data/templates/schedules.yaml``, or the copy in a folder of one's own templates),
read once while the file is unchanged and checked whole, so a missing key or a misspelt
``{name}`` is an error naming the file, never a document with a hole in it."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from docgen.errors import DocgenError
from docgen.resources import BUILTIN_TEMPLATES

WORDING_FILE = "schedules.yaml"
#: every key the file must give, with the names each may (and must) use in braces
KEYS: dict[str, frozenset[str]] = {
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
#: libyaml's safe loader where PyYAML has it (a tenth of the pure-Python one's time)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def wording_file(template_dir: Path) -> Path:
    """The wording of a folder of templates: its own copy, else docgen's."""
    own = template_dir / WORDING_FILE
    return own if own.is_file() else BUILTIN_TEMPLATES / WORDING_FILE


def wording(template_dir: Path) -> dict[str, str]:
    """Each key of :data:`KEYS` (``post.grade``) → its words."""
    path = wording_file(template_dir)
    try:
        st = path.stat()
    except OSError:
        raise DocgenError(f"{path} is missing; reinstall docgen, or copy it into the "
                          "templates folder from docgen/data/templates") from None
    return _read(path, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=8)
def _read(path: Path, _mtime_ns: int, size: int) -> dict[str, str]:
    """(cached per file and its state: a long-running server sees the file edited)"""
    if size > MAX_BYTES:
        raise DocgenError(f"{path} is {size} bytes; the schedules' wording is at most "
                          f"{MAX_BYTES}")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DocgenError(f"{path} cannot be read as YAML: {exc}") from None
    found: dict[str, Any] = {}
    for group, inner in data.items() if isinstance(data, dict) else []:
        if isinstance(inner, dict):
            found.update({f"{group}.{key}": value for key, value in inner.items()})
        else:
            found[str(group)] = inner
    return {key: _checked(path, key, found.get(key), names) for key, names in KEYS.items()}


def _checked(path: Path, key: str, value: Any, names: frozenset[str]) -> str:
    """``value``, if it is words using exactly ``names`` in braces, each plain ({hours}: no
    format of its own, which could make a page of spaces)."""
    if not isinstance(value, str) or not value.strip():
        raise DocgenError(f"{path}: {key} must be words, e.g. `{key.rsplit('.', 1)[-1]}: "
                          f"Start date`; it is {value!r}")
    try:
        fields = [(name, spec, conversion)
                  for _, name, spec, conversion in string.Formatter().parse(value)
                  if name is not None]
    except ValueError as exc:
        raise DocgenError(f"{path}: {key}: {exc} (write a brace as {{{{ or }}}})") from None
    used = {name for name, _, _ in fields}
    if used != names or any(spec or conversion for _, spec, conversion in fields):
        want = ", ".join(f"{{{n}}}" for n in sorted(names)) or "no name in braces"
        raise DocgenError(f"{path}: {key} must use {want}, each as written there; it "
                          f"reads {value!r}")
    return value
