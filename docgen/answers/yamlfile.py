"""Stage 1a: read an answer file from disk, safely, keeping the line of every key.

YAML is parsed with PyYAML's safe loader only (no Python objects), the file
size and the size after alias expansion are bounded (a "billion laughs" file
gives an error, not an exhausted machine), duplicate keys are errors (YAML
would silently keep the last), and ``extends`` bases are merged beneath the
file with each key remembering which file and line it came from.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from docgen.errors import AnswerFileError, KeyPath, Problem

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 50_000  # after alias expansion; the largest example has about 600
MAX_EXTENDS_DEPTH = 5
MAX_DEPTH = 20  # nesting of lists and mappings, aliases expanded; the examples nest 6 deep


@dataclass
class Located:
    """Answer-file data plus where each key path was written."""

    data: dict[str, Any]
    path: Path
    lines: dict[KeyPath, tuple[Path, int]] = field(default_factory=dict)
    sources: list[Path] = field(default_factory=list)  # this file and its extends bases
    warnings: list[Problem] = field(default_factory=list)  # e.g. characters converted
    raw: list[bytes] = field(default_factory=list)  # the bytes of each source, read once

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


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader (libyaml's when installed: 13x faster); never constructs Python objects."""


def _refuse_tag(loader: Any, node: yaml.Node) -> Any:
    """Binary data and sets would reach the documents without the character checks."""
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    raise yaml.constructor.ConstructorError(
        None, None, f"the tag {tag} is not allowed in an answer file (write plain text, "
        "numbers, lists and mappings)", node.start_mark)


for _tag in ("binary", "set", "omap", "pairs"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)


def _missing_colon(text: str, line: int) -> int | None:
    """The line of a key written without its ':' above ``line`` (1-based), if there is one.

    YAML reads ``title Head of HR`` as text running on into the next lines, and only
    complains at the next ':' it meets, a line or more later.
    """
    lines = text.splitlines()
    found = None
    for number in range(line - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if not stripped or stripped.startswith("#"):
            continue
        if ":" in stripped or stripped.startswith(("-", "[", "{", "|", ">")):
            break
        found = number
    return found


def _yaml_error(path: Path, exc: yaml.YAMLError, text: str = "") -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    what = getattr(exc, "problem", None) or str(exc)
    culprit = _missing_colon(text, line) if line and "mapping values" in what else None
    start = getattr(exc, "context_mark", None)
    if "could not find expected ':'" in what and start is not None and text:
        culprit = start.line + 1  # where the key without its ':' began
    if culprit is not None:
        written = text.splitlines()[culprit - 1].strip()
        key, _, rest = written.partition(" ")
        return Problem(f"there is no ':' after the key on this line (found '{written[:40]}'); "
                       f"write it as {key}: {rest[:30] or '...'}", file=path, line=culprit)
    if "nesting depth" in what:  # libyaml's own limit, met before ours on flow collections
        return Problem(f"values are nested more than {MAX_DEPTH} levels deep here; answer "
                       "files need far fewer", file=path, line=line)
    context = getattr(exc, "context", None)
    msg = f"this is not valid YAML: {what}" + (f" ({context})" if context else "")
    msg += "; check the indentation and quote values that contain ':' or '#'"
    return Problem(message=msg, file=path, line=line)


def _count_nodes(node: yaml.Node, memo: dict[int, int]) -> int:
    """Size of the tree once aliases are expanded, without expanding them."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # guards against recursive aliases
    total = 1
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            total += _count_nodes(child, memo)
            if total > MAX_NODES:
                break
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            total += _count_nodes(k, memo) + _count_nodes(v, memo)
            if total > MAX_NODES:
                break
    memo[key] = total
    return total


def _too_deep_in_text(text: str) -> int | None:
    """The line where nesting first exceeds MAX_DEPTH, from the event stream.

    Checked before composing: libyaml's composer recurses in C, and a file of
    100,000 '[' crashes the interpreter (segmentation fault) instead of raising.
    """
    loader = _Loader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    finally:
        loader.dispose()
    return None


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _nesting_problem(root: yaml.Node) -> tuple[str, yaml.Node] | None:
    """Aliases nested too deep, or an alias inside the value it names (a loop).

    Found without recursion: later stages walk the data recursively and would
    fail with a traceback (or loop forever) on either.
    """
    height: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            open_nodes.discard(key)
            height[key] = 1 + max((height[id(c)] for c in _children(node)), default=0)
            if height[key] > MAX_DEPTH + 1:  # scalars count 1
                return (f"values are nested more than {MAX_DEPTH} levels deep (through "
                        "aliases); write the values out", node)
            continue
        if key in height:
            continue
        if key in open_nodes:
            return "an alias here refers to the value that contains it (a loop)", node
        open_nodes.add(key)
        stack.append((node, True))
        stack += [(c, False) for c in _children(node) if id(c) not in height]
    return None


def _walk(
    node: yaml.Node, path: KeyPath, file: Path, lines: dict, problems: list[Problem]
) -> None:
    """Record the line of every key path and report duplicate keys."""
    lines[path] = (file, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for k, v in node.value:
            key = k.value if isinstance(k, yaml.ScalarNode) else str(k.value)
            child = (*path, key)
            if key in seen:
                problems.append(
                    Problem(
                        message=f"'{key}' is given twice (first on line {seen[key]}); "
                        "keep only one",
                        path=child,
                        file=file,
                        line=k.start_mark.line + 1,
                    )
                )
            seen[key] = k.start_mark.line + 1
            lines[child] = (file, k.start_mark.line + 1)
            _walk(v, child, file, lines, problems)
            lines[child] = (file, k.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, (*path, i), file, lines, problems)


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file, at most ``limit`` of them, read once.

    A FIFO would block for ever and ``/dev/zero`` never ends, so only regular
    files are opened (``O_NONBLOCK`` keeps even the open from waiting on a
    FIFO), and the cap is applied while reading, not after.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise AnswerFileError([Problem(f"cannot read the file: {exc.strerror}",
                                       file=path)]) from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            raise AnswerFileError([Problem("this is not a regular file (a device, a pipe or "
                                           "a folder); give the path of a .yaml file",
                                           file=path)])
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise AnswerFileError([Problem(f"the file is larger than {limit:,} bytes; answer "
                                       f"files are limited to {limit:,} bytes", file=path)])
    return data


def read_yaml(path: Path) -> tuple[Any, dict[KeyPath, tuple[Path, int]]]:
    """Parse one YAML file into plain data and a key-path → line map."""
    return parse_yaml(read_bounded(path), path)


def parse_yaml(raw: bytes, path: Path) -> tuple[Any, dict[KeyPath, tuple[Path, int]]]:
    """Parse YAML (or JSON) bytes into plain data and a key-path → line map.

    ``path`` names the source in messages; nothing is read from it.
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
        deep = _too_deep_in_text(text)
        if deep is not None:
            raise AnswerFileError([Problem(f"values are nested more than {MAX_DEPTH} levels "
                                           "deep here; answer files need far fewer",
                                           file=path, line=deep)])
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                raise AnswerFileError([Problem("the file is empty", file=path, line=1)])
            nesting = _nesting_problem(node)
            if nesting is not None:
                raise AnswerFileError([Problem(nesting[0], file=path,
                                               line=nesting[1].start_mark.line + 1)])
            if _count_nodes(node, {}) > MAX_NODES:
                raise AnswerFileError(
                    [Problem(f"the file expands to more than {MAX_NODES:,} values "
                             "(too many repeated aliases); write the values out", file=path)]
                )
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        raise AnswerFileError([_yaml_error(path, exc, text)]) from None
    except RecursionError:
        raise AnswerFileError([Problem("the file is nested too deeply", file=path)]) from None
    lines: dict[KeyPath, tuple[Path, int]] = {}
    problems: list[Problem] = []
    _walk(node, (), path, lines, problems)
    if problems:
        raise AnswerFileError(problems)
    if not isinstance(data, dict):
        raise AnswerFileError(
            [Problem("an answer file must be a mapping of keys to values "
                     "(start with 'docgen: 1')", file=path, line=1)]
        )
    return data, lines


def _merge(base: Any, over: Any) -> Any:
    """Mappings merge key by key; lists and scalars from the overriding file win."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = _merge(base[k], v) if k in base else v
        return out
    return over


def load_answer_text(text: str | bytes, name: str = "<answer text>") -> Located:
    """Answers given as YAML or JSON text (a web form, an API call): no file, no ``extends``."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    path = Path(name)
    data, lines = parse_yaml(raw, path)
    if "extends" in data:
        file, line = lines[("extends",)]
        raise AnswerFileError([Problem("extends needs an answer file on disk; give the base's "
                                       "keys in the text itself", path=("extends",), file=file,
                                       line=line)])
    return Located(data=data, path=path, lines=lines, sources=[])


def load_answer_data(data: dict[str, Any], name: str = "<answers>") -> Located:
    """Answers given as a mapping already in memory (no lines to report, no ``extends``)."""
    if not isinstance(data, dict):
        raise AnswerFileError([Problem("answers must be a mapping of keys to values",
                                       file=Path(name))])
    if "extends" in data:
        raise AnswerFileError([Problem("extends needs an answer file on disk",
                                       path=("extends",), file=Path(name))])
    return Located(data=data, path=Path(name), lines={}, sources=[])


def load_answer_file(path: Path | str, _depth: int = 0, _chain: tuple = ()) -> Located:
    """Read ``path`` and any ``extends`` bases beneath it."""
    path = Path(path)
    resolved = path.resolve()
    raw = read_bounded(path)
    data, lines = parse_yaml(raw, path)
    sources = [path]
    raws = [raw]
    ext = data.get("extends")
    if ext is not None:
        if not isinstance(ext, str) or not ext.strip():
            file, line = lines.get(("extends",), (path, None))
            raise AnswerFileError([Problem("extends must be a relative file path",
                                           path=("extends",), file=file, line=line)])
        if Path(ext).is_absolute():
            file, line = lines[("extends",)]
            raise AnswerFileError([Problem("extends must be a path relative to this file, "
                                           f"not an absolute path ('{ext}')",
                                           path=("extends",), file=file, line=line)])
        base_path = path.parent / ext
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
        base = load_answer_file(base_path, _depth + 1, (*_chain, resolved))
        merged_lines = dict(base.lines)
        merged_lines.update(lines)
        base_data = dict(base.data)
        base_data.pop("extends", None)
        data = _merge(base_data, data)
        lines = merged_lines
        sources += base.sources
        raws += base.raw
    return Located(data=data, path=path, lines=lines, sources=sources, raw=raws)
