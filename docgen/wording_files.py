"""Reading a file of words a lawyer edits (the schedules' words, the facts' words): one
reader and one check for both, so each file is refused for the same faults in the same
words. A file is read and checked whole: a key missing, words left empty or a misspelt
``{name}`` is an error naming the file and the key, never a document with a hole in it.

Each caller keeps its own table of keys (key → the names it must use in braces) and its
own cache per file state (:func:`file_state`), so a long-running server sees an edit.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from docgen.errors import DocgenError

#: each key a file must give → the names its words must use in braces (``{hours}``)
Keys = Mapping[str, frozenset[str]]
#: libyaml's safe loader where PyYAML has it (a tenth of the pure-Python one's time)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def file_state(path: Path, missing: str) -> tuple[int, int]:
    """``path``'s modification time (ns) and size, to key a cache of what it says;
    ``missing`` says how to get the file back when it is not there."""
    try:
        st = path.stat()
    except OSError:
        raise DocgenError(f"{path} is missing; {missing}") from None
    return st.st_mtime_ns, st.st_size


def read_wording(path: Path, size: int, keys: Keys, *, what: str, limit: int,
                 shipped: Path) -> dict[str, str]:
    """Each key of ``keys`` → its words in ``path`` (YAML mappings, nested keys joined by
    dots: ``post:`` then ``grade:`` is ``post.grade``). ``what`` names the file's words in
    an error, ``limit`` caps its size; ``shipped`` is docgen's own copy of the file, whose
    words for a key are the example an error about that key gives."""
    if size > limit:
        raise DocgenError(f"{path} is {size} bytes; {what} is at most {limit}")
    depth = max((key.count(".") for key in keys), default=0)
    found = _flat(load_words(path), "", depth)
    return {key: checked(path, key, found.get(key), names, shipped)
            for key, names in keys.items()}


def load_words(path: Path) -> Any:
    """A file of words as YAML reads it (libyaml's safe loader), or an error naming the
    file: every file of words docgen ships is read here."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError) as exc:
        raise DocgenError(f"{path} cannot be read as YAML: {exc}") from None


def example(shipped: Path, key: str, names: frozenset[str]) -> str:
    """Words ``key`` may hold, for an error: docgen's own (``shipped``), or, where that
    file lacks them, words with the names the key needs."""
    words = _shipped_words(shipped, key.count(".")).get(key)
    if isinstance(words, str) and words.strip():
        try:
            return checked(shipped, key, words, names, shipped)
        except DocgenError:
            pass  # docgen's own words for it are not right for it (an older file)
    return " and ".join([f"words with {{{n}}}" if i == 0 else f"{{{n}}}"
                         for i, n in enumerate(sorted(names))]) or "words"


@functools.lru_cache(maxsize=8)
def _shipped_words(shipped: Path, depth: int) -> dict[str, Any]:
    """docgen's own words for each key (read once: it is part of the installed package)."""
    try:
        return _flat(load_words(shipped), "", depth)
    except DocgenError:
        return {}


def _flat(data: Any, prefix: str, depth: int) -> dict[str, Any]:
    """``{"post": {"grade": "Grade"}}`` → ``{"post.grade": "Grade"}``, no deeper than the
    keys go (a mapping below that is a value, refused as not words)."""
    found: dict[str, Any] = {}
    for key, value in data.items() if isinstance(data, dict) else []:
        if isinstance(value, dict) and depth > 0:
            found.update(_flat(value, f"{prefix}{key}.", depth - 1))
        else:
            found[f"{prefix}{key}"] = value
    return found


#: what to do with words YAML read as a true/false or a number ("Yes", "No", "12")
_QUOTE = " (YAML reads those words as a true/false or a number: put them in quotes)"


def _read_as_not_words(value: Any) -> bool:
    return isinstance(value, bool | int | float)


def _as_yaml(key: str, shipped: Path, names: frozenset[str]) -> str:
    """``<leaf>: <example>`` as YAML writes it (quoted where it must be: ``"Yes"``, words
    starting with ``{``), so pasted into the file it reads back as those words."""
    leaf = key.rsplit(".", 1)[-1]
    text: str = yaml.safe_dump({leaf: example(shipped, key, names)}, allow_unicode=True,
                               width=10**6)
    return text.strip()


def checked(path: Path, key: str, value: Any, names: frozenset[str], shipped: Path) -> str:
    """``value``, if it is words using exactly ``names`` in braces, each plain ({hours}: no
    format of its own, which could make a page of spaces). A key left without words is
    shown docgen's own words for it (from ``shipped``), which pass this check."""
    if not isinstance(value, str) or not value.strip():
        raise DocgenError(f"{path}: {key} must be words, e.g. `{_as_yaml(key, shipped, names)}`"
                          f"; it is {value!r}{_QUOTE if _read_as_not_words(value) else ''}")
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
