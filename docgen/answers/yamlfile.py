"""Stage 1a: read an answer file from disk, safely, keeping the line of every key.

YAML is parsed with PyYAML's safe loader only (no Python objects), the file
size and the size after alias expansion are bounded (a "billion laughs" file
gives an error, not an exhausted machine), duplicate keys are errors (YAML
would silently keep the last), and ``extends`` bases are merged beneath the
file with each key remembering which file and line it came from (the line of each
key found by :mod:`~docgen.answers.key_lines`).
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import Any

import yaml

from docgen._records import record
from docgen.answers.answer_names import not_an_answer_name
from docgen.answers.bounded import (
    LOOP_NAMED_FIX,
    LOOP_NOT_AN_ANSWER_FILE,
    MAX_FILE_BYTES,
    LinkLoop,
    confined,
    read_bounded,
    real_path,
)
from docgen.answers.glued_comments import glued_comments
from docgen.answers.key_lines import bad_value, walk_keys
from docgen.answers.safeyaml import (
    MAX_DEPTH,
    MAX_EXPANDED_CHARS,
    MAX_NODES,
    SafeLoader,
    composes_safely,
    construct,
    count_nodes,
    expanded_chars,
    nesting_problem,
    survey,
    too_deep_in_text,
)
from docgen.answers.yaml_errors import yaml_error
from docgen.errors import AnswerFileError, KeyLines, KeyPath, Problem

MAX_EXTENDS_DEPTH = 5


@record
class Located:
    """Answer-file data plus where each key path was written."""

    data: dict[str, Any]
    path: Path
    lines: KeyLines = field(default_factory=dict)
    sources: list[Path] = field(default_factory=list)  # this file and its extends bases
    warnings: list[Problem] = field(default_factory=list)  # e.g. characters converted
    raw: list[bytes] = field(default_factory=list)  # the bytes of each source, read once
    # organisation profiles (docgen.answers.profiles): party id → the profile file used and
    # its bytes, the employer's profile clause folders, and each profile's house_style
    profiles: dict[str, tuple[Path, bytes]] = field(default_factory=dict)
    profile_clauses: list[Path] = field(default_factory=list)
    house_styles: dict[str, Path] = field(default_factory=dict)
    #: party id → the answers (section, key) its profile's ``policy`` gives, for each party
    #: completed from a profile (used when it employs the post-holder)
    policies: dict[str, frozenset[KeyPath]] = field(default_factory=dict)
    #: the sections the post does not write that the employer's policy began (not located)
    policy_sections: set[str] = field(default_factory=set)
    workspace: Path | None = None
    # answers in memory given with a folder: the paths they name are relative to it (and
    # confined inside it), as if the answers were a file there; None for a file on disk
    base: Path | None = None
    #: the ``extends`` base as read (its own bases merged beneath it): what a key this file
    #: leaves out takes; None for a file extending none
    beneath: Located | None = None
    #: the employer's policy answers the post writes itself, so not taken: key path → (the
    #: policy's value, the profile's file and line, the employer's id): what the key left
    #: out would take
    set_aside: dict[KeyPath, tuple[Any, Path, int | None, str]] = field(default_factory=dict)

    def where(self, key: KeyPath) -> tuple[Path, int | None]:
        """The file and line of ``key``, or of its nearest written ancestor."""
        probe = tuple(key)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.lines.get((), (self.path, None))

    def problem(self, key: KeyPath, message: str, **kw: Any) -> Problem:
        file, line = self.where(key)
        return Problem(message=message, path=tuple(key), file=file, line=line, **kw)


def _too_deep(path: Path, line: int) -> Problem:
    return Problem(f"values are nested more than {MAX_DEPTH} levels deep here; answer files "
                   "need far fewer", file=path, line=line)


def _nesting_bounded(text: str, path: Path) -> None:
    """Raise where the text nests too deep, measured on its events (safe to compose after)."""
    deep = too_deep_in_text(text)
    if deep is not None:
        raise AnswerFileError([_too_deep(path, deep)])


def read_yaml(path: Path) -> tuple[dict[Any, Any], KeyLines]:
    """Parse one YAML file into plain data and a key-path → line map."""
    return parse_yaml(read_bounded(path), path)


def parse_yaml(raw: bytes, path: Path,
               notes: list[Problem] | None = None) -> tuple[dict[Any, Any], KeyLines]:
    """Parse YAML (or JSON) bytes into a mapping (keys as YAML typed them) and a key-path →
    line map.

    ``path`` names the source in messages; nothing is read from it. Given ``notes``, the
    warnings about how the text was read (:mod:`~docgen.answers.glued_comments`) are added
    to it.
    """
    if len(raw) > MAX_FILE_BYTES:
        raise AnswerFileError(
            [Problem(f"the file is {len(raw):,} bytes; answer files are limited to "
                     f"{MAX_FILE_BYTES:,} bytes", file=path)]
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise AnswerFileError(
            [Problem("the file is not UTF-8 text; save it as UTF-8", file=path, line=line)]
        ) from None
    try:
        # composed first when that is safe (composes_safely), and the nesting measured on
        # the nodes: the same line as measuring the events first, without parsing twice
        measured = not composes_safely(text)
        if measured:
            _nesting_bounded(text, path)
        loader = SafeLoader(text)
        try:
            try:
                node = loader.get_single_node()
            except yaml.YAMLError:
                if not measured:  # too deep before the mistake: that is said first
                    _nesting_bounded(text, path)
                raise
            if node is None:
                raise AnswerFileError([Problem("the file is empty", file=path, line=1)])
            # without an alias ("*name") the nodes form a tree whose depth survey bounds,
            # and which it counts: no loop, nothing nested deeper
            aliases = "*" in text
            written, chars, deep = survey(node, tree=not aliases)
            if deep is not None:
                raise AnswerFileError([_too_deep(path, deep)])
            nesting = nesting_problem(node) if aliases else None
            if nesting is not None:
                raise AnswerFileError([Problem(nesting[0], file=path,
                                               line=nesting[1].start_mark.line + 1)])
            counted: dict[int, int] = {}
            total = count_nodes(node, counted) if aliases else written
            if total > MAX_NODES:
                # a node is counted again only through an alias
                aliased = aliases and total > len(counted)
                raise AnswerFileError([Problem(
                    f"the file expands to more than {MAX_NODES:,} values (too many repeated "
                    "aliases); write the values out" if aliased else
                    f"the file has more than {MAX_NODES:,} keys and values; an answer file "
                    "needs far fewer (the largest example has about 600): remove what the "
                    "post does not need", file=path)])
            if (expanded_chars(node, {}) if aliases else chars) > MAX_EXPANDED_CHARS:
                raise AnswerFileError(
                    [Problem(f"the file expands to more than {MAX_EXPANDED_CHARS:,} characters "
                             "of text (long values repeated through aliases); write the "
                             "values out", file=path)])
            lines: KeyLines = {}
            problems: list[Problem] = []
            walk_keys(node, (), path, lines, problems)  # before constructing: it folds in '<<'
            if notes is not None:
                notes += glued_comments(node, text, path)
            data = construct(loader, node, tree=not aliases)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise AnswerFileError([yaml_error(path, exc, text)]) from None
    except (ValueError, OverflowError) as exc:  # a date such as 2027-02-30
        raise AnswerFileError([bad_value(path, node, exc, lines)]) from None
    except RecursionError:
        raise AnswerFileError([Problem("the file is nested too deeply", file=path)]) from None
    if problems:
        raise AnswerFileError(problems)
    if not isinstance(data, dict):
        raise AnswerFileError(
            [Problem("an answer file must be a mapping of keys to values "
                     "(start with 'docgen: 1')", file=path, line=1)]
        )
    return data, lines


def merge_extends(base: Any, over: Any) -> Any:
    """Mappings merge key by key; lists and scalars from the overriding file win."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = merge_extends(base[k], v) if k in base else v
        return out
    return over


#: answers sent as text or a mapping (an API call, a web form) have no project folder for
#: overlay folders to stay inside, so they may not name any: the caller passes them
ANSWERS_IN_MEMORY_CLAUSES = (
    "clauses names folders on disk, which answers given as text or data cannot; pass your "
    "overlay folders to render(clauses=[...]), give the folder the answers are relative to "
    "(workspace=FOLDER), or build from an answer file")


def load_answer_text(text: str | bytes, name: str = "<answer text>",
                     base: Path | None = None) -> Located:
    """Answers given as YAML or JSON text (a web form, an API call): no file, no ``extends``;
    paths they name are relative to ``base`` (see :func:`in_folder`)."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    path = Path(name)
    notes: list[Problem] = []
    data, lines = parse_yaml(raw, path, notes)
    if "extends" in data:
        file, line = lines[("extends",)]
        raise AnswerFileError([Problem("extends needs an answer file on disk; give the base's "
                                       "keys in the text itself", path=("extends",), file=file,
                                       line=line)])
    return in_folder(Located(data=data, path=path, lines=lines, sources=[], warnings=notes),
                     base)


def load_answer_data(data: dict[str, Any], name: str = "<answers>",
                     base: Path | None = None) -> Located:
    """Answers given as a mapping already in memory (no lines to report, no ``extends``);
    paths they name are relative to ``base`` (see :func:`in_folder`)."""
    if not isinstance(data, dict):
        raise AnswerFileError([Problem("answers must be a mapping of keys to values",
                                       file=Path(name))])
    if "extends" in data:
        raise AnswerFileError([Problem("extends needs an answer file on disk",
                                       path=("extends",), file=Path(name))])
    return in_folder(Located(data=data, path=Path(name), lines={}, sources=[]), base)


def load_answer_file(path: Path | str, _depth: int = 0, _chain: tuple[Path, ...] = (),
                     roots: tuple[Path, ...] | None = None) -> Located:
    """Read ``path`` and any ``extends`` bases beneath it.

    ``extends`` and ``clauses`` must stay inside ``roots`` (default: the answer
    file's folder; a batch adds the folders named on its command line). A post not named
    as answer files are (``post.json``: :mod:`docgen.answers.answer_names`) is refused.
    """
    path = Path(path)
    try:
        resolved = real_path(path)
    except LinkLoop:
        raise AnswerFileError([Problem(f"{LOOP_NOT_AN_ANSWER_FILE}; {LOOP_NAMED_FIX}",
                                       file=path)]) from None
    if _depth == 0:
        roots = (resolved.parent, *(r.resolve() for r in roots or ()))
    roots = roots or (resolved.parent,)
    raw = read_bounded(path)  # a device or pipe is refused as one, whatever its name
    wrong_name = not_an_answer_name(path) if _depth == 0 else None
    if wrong_name:  # post.json: a folder searched leaves it out, so no door reads it
        raise AnswerFileError([Problem(wrong_name, file=path)])
    notes: list[Problem] = []
    data, lines = parse_yaml(raw, path, notes)
    sources = [path]
    raws = [raw]
    base: Located | None = None
    ext = data.get("extends")
    if ext is not None:
        if not isinstance(ext, str) or not ext.strip():
            file, line = lines.get(("extends",), (path, None))
            raise AnswerFileError([Problem("extends must be a relative file path",
                                           path=("extends",), file=file, line=line)])
        base_path = confined(path.parent, ext, ("extends",), lines, path, roots, "extends")
        file, line = lines[("extends",)]
        if resolved in _chain or base_path.resolve() in (*_chain, resolved):
            raise AnswerFileError([Problem(f"'{ext}' extends itself in a loop",
                                           path=("extends",), file=file, line=line)])
        if _depth >= MAX_EXTENDS_DEPTH:
            raise AnswerFileError([Problem(f"extends is nested more than {MAX_EXTENDS_DEPTH} "
                                           "deep", path=("extends",), file=file, line=line)])
        if not base_path.is_file():
            raise AnswerFileError([Problem(f"the base file '{ext}' does not exist "
                                           f"(looked for {base_path})",
                                           path=("extends",), file=file, line=line)])
        base = load_answer_file(base_path, _depth + 1, (*_chain, resolved), roots)
        merged_lines = dict(base.lines)
        merged_lines.update(lines)
        base_data = dict(base.data)
        base_data.pop("extends", None)
        data = merge_extends(base_data, data)
        lines = merged_lines
        sources += base.sources
        raws += base.raw
        notes += base.warnings
    if _depth == 0:
        _confine_paths(data, lines, path, roots)
    return Located(data=data, path=path, lines=lines, sources=sources, raw=raws,
                   warnings=notes, beneath=base)


def _confine_paths(data: dict[str, Any], lines: KeyLines, path: Path, roots: tuple[Path, ...],
                   base: Path | None = None) -> None:
    """Every clauses folder and house_style the answers name must stay inside ``roots``:
    relative to ``base`` for answers in memory, else to the file that names it."""
    if isinstance(data.get("clauses"), list):
        for i, folder in enumerate(data["clauses"]):
            if isinstance(folder, str):
                confined(base or path.parent, folder, ("clauses", i), lines, path, roots,
                         "a clauses folder")
    if isinstance(data.get("parties"), list):
        for i, party in enumerate(data["parties"]):
            style = party.get("house_style") if isinstance(party, dict) else None
            if isinstance(style, str):  # relative to the file that names it
                key = ("parties", i, "house_style")
                confined(base or lines.get(key, (path, None))[0].parent, style, key, lines,
                         path, roots, "a house style file")


def in_folder(located: Located, base: Path | None) -> Located:
    """Answers in memory read as if written in ``base``: the clauses folders and house
    styles they name are relative to it and must stay inside it (nothing is written
    there). Without a folder, answers in memory may name no clauses folder."""
    if base is None:
        if "clauses" in located.data:
            file, line = located.lines.get(("clauses",), (located.path, None))
            raise AnswerFileError([Problem(ANSWERS_IN_MEMORY_CLAUSES, path=("clauses",),
                                           file=file, line=line)])
        return located
    located.base = Path(base).resolve()
    _confine_paths(located.data, located.lines, located.path, (located.base,), located.base)
    return located
