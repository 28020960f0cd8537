"""The round-trip YAML of an answer file being edited in the browser: read (bounded by
docgen's own reader first, a reading kept and handed out as a copy), written out, and
seen as plain data, as the file reads (numbers as written) or as docgen reads it. ruamel's
round trip keeps keys, order, quoting and comments through an edit; :mod:`docgen.web.drafts`
holds the drafts made of it.
"""

from __future__ import annotations

import copyreg
import datetime as dt
import hashlib
import io
import pickle
import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any, NoReturn

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.timestamp import TimeStamp

from docgen.api.interview import answer_text_problem
from docgen.errors import DocgenError
from docgen.kept import Kept

#: how docgen writes a file: mappings in by 2, a list's dash in by 2 and its items by 4
_DOCGEN_INDENT = (2, 4, 2)
#: a line break other than LF (Windows' CRLF, an old Mac's CR), which YAML reads as LF
_BREAK = re.compile(r"\r\n?")
#: a line and its break, or a last line with none
_LINE = re.compile(r"[^\r\n]*(\r\n|\r|\n)|[^\r\n]+")


def _yaml(indent: tuple[int, int, int] = _DOCGEN_INDENT) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    mapping, sequence, offset = indent
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    return y


def _block(node: Any) -> bool:
    """A mapping or list written over lines of its own, where ruamel recorded where it was
    read (not one the interview made, nor one written ``{...}`` or ``[...]``)."""
    return (isinstance(node, CommentedMap | CommentedSeq) and node.lc.line is not None
            and not node.fa.flow_style())


def _indents(node: Any) -> Iterator[tuple[str, int, int]]:
    """Each block mapping's and list's indent under its key, as the file was read: the
    mapping's keys (``"mapping"``, by how far in), a list's dash and its items
    (``"list"``, the items' and the dash's)."""
    if isinstance(node, CommentedSeq):
        for item in node:
            yield from _indents(item)
        return
    if not isinstance(node, CommentedMap):
        return
    where = node.lc.data or {}
    for key, value in node.items():
        if _block(value) and key in where:
            line, col = where[key][0], where[key][1]
            if isinstance(value, CommentedMap) and value.lc.line > line:
                yield "mapping", value.lc.col - col, 0
            elif isinstance(value, CommentedSeq) and value and value.lc.data:
                yield "list", value.lc.data[0][1] - col, value.lc.col - col
        yield from _indents(value)


def written_indent(doc: CommentedMap) -> tuple[int, int, int]:
    """The file's own indentation (mapping, list items, dash), for writing it out so: what
    most of its block mappings and lists use, from where ruamel read each (a PyYAML file
    writes lists at their key's own column, docgen's in by 2), else docgen's. A save of a
    hand-written file rewrote every list in docgen's way, 224 changed lines for one answer.

    ruamel cannot guess it (``ruamel.yaml.util.load_yaml_guess_indent`` scans the text's
    lines to the first list: no mapping indent beside a list, and a ``- `` line in a block
    of text misleads it); the positions are the document's own, so they go with it through
    the interview's copies and a draft kept on disk (written out so, read so again)."""
    votes: Counter[tuple[str, int, int]] = Counter(_indents(doc))
    mapping = [(n, c) for (kind, n, _), c in votes.items() if kind == "mapping" and 0 < n <= 8]
    lists = [((n, dash), c) for (kind, n, dash), c in votes.items()
             if kind == "list" and dash >= 0 and dash + 2 <= n <= 10]
    default_mapping, default_items, default_dash = _DOCGEN_INDENT
    by_mapping = max(mapping, key=lambda v: v[1])[0] if mapping else default_mapping
    items, dash = (max(lists, key=lambda v: v[1])[0] if lists
                   else (default_items, default_dash))
    return by_mapping, items, dash


def _timestamp(cls: type[TimeStamp], args: tuple[Any, ...],
               attributes: dict[str, Any]) -> TimeStamp:
    """A date-time ruamel read, rebuilt with how it was written (``_yaml``: a ``T`` or a
    space, its zone), which a datetime's own pickling leaves out."""
    stamp = cls(*args)
    stamp.__dict__.update(attributes)
    return stamp


def _reduced_timestamp(stamp: TimeStamp) -> tuple[Any, ...]:
    reduced = stamp.__reduce_ex__(pickle.HIGHEST_PROTOCOL)  # (its class, its datetime state)
    assert isinstance(reduced, tuple)  # a string only for a global, never for a datetime
    return _timestamp, (reduced[0], reduced[1], stamp.__dict__)


_DISPATCH = {**copyreg.dispatch_table, TimeStamp: _reduced_timestamp}


def _pickled(doc: CommentedMap) -> bytes:
    """The document pickled whole: every value with its type and how it is written."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(doc)
    return out.getvalue()


#: readings kept, by text, each pickled: a post opened again or an example copied again is a
#: copy (1 ms to unpickle, where a deep copy took 4-10 ms and parsing 24); not texts with
#: anchors, aliases or merge keys
_READ_MAX_CHARS = 64_000
_READ: Kept[str, bytes] = Kept(16)


def parse(text: str, keep: bool = True) -> CommentedMap:
    """:func:`_parse`, from a copy of a kept reading of the text (if ``keep``: not a draft's)."""
    kept = keep and len(text) <= _READ_MAX_CHARS and not any(c in text for c in "&*<")
    held = _READ.get(text) if kept else None
    if held is not None:
        copied: CommentedMap = pickle.loads(held)
        return copied
    doc = _parse(text)
    if kept:
        _READ.put(text, _pickled(doc))
    return doc


def _parse(text: str) -> CommentedMap:
    """A round-trip document; a clear :class:`DocgenError` when it is not a YAML mapping.

    docgen's own bounded reader goes first: a file opened from the person's computer may
    come from anywhere, and the round-trip reader has no limit of its own. A few lines of
    repeated aliases expand to billions of values when the draft is read as data, and
    deep nesting exhausts the recursion limit (seconds of work, then an error page)."""
    text = _BREAK.sub("\n", text)  # ruamel keeps a CR in a comment, written out again
    first = answer_text_problem(text) if text.strip() else None
    if first is not None:
        if first.message.startswith("an answer file must be a mapping"):
            raise DocgenError("this file does not hold a post's answers") from None
        if first.message != "the file is empty":  # only comments: a new, empty draft
            _unreadable(first.line)
    try:
        doc = _yaml().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        _unreadable(mark.line + 1 if mark is not None else None)
    if doc is None:
        return CommentedMap()
    if not isinstance(doc, CommentedMap):
        raise DocgenError("this file does not hold a post's answers")
    return doc


def _unreadable(line: int | None) -> NoReturn:
    where = f" (line {line})" if line else ""
    raise DocgenError(f"this file is not written in the form docgen reads{where}; ask "
                      "whoever edits the files by hand to correct it") from None


#: texts written out, by a digest of the whole document as pickled (see :func:`dump`)
_WRITTEN: Kept[bytes, str] = Kept(64)


def _digest(doc: CommentedMap) -> bytes:
    return hashlib.sha256(_pickled(doc)).digest()


def dump(doc: CommentedMap) -> str:
    """The document as YAML text; the same document's text again when it has not changed.

    ruamel writes a draft out in pure Python (about 11 ms for the Head of HR example), and
    the interview writes a draft out on every Continue and asks again whether each draft
    of a post holds changes on every open, mostly of drafts unchanged since. Pickling the
    document (1 ms, in C) records everything the text is made from: each value with its
    type and style (a float's digits, quotes, a block of text), the comments, flow style,
    anchors and which parts are shared. Two documents that pickle alike are the same
    document, so they write out alike; a change anywhere misses. Writing out changes the
    document itself (ruamel adds an empty list to a mapping's comments each time), so the
    text is kept under the document as it was and as it is after."""
    try:
        before = _digest(doc)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return _written(doc)  # cannot be pickled: written out each time
    text = _WRITTEN.get(before)
    if text is not None:
        return text
    text = _written(doc)
    if len(text) > _READ_MAX_CHARS:  # a long text is not kept (what is kept stays small)
        return text
    _WRITTEN.put(before, text)
    _WRITTEN.put(_digest(doc), text)  # the document as writing it left it
    return text


def _written(doc: CommentedMap) -> str:
    out = io.StringIO()
    _yaml(written_indent(doc)).dump(doc, out)
    return out.getvalue()


#: texts in a file's own lines, by the file's text and the document's as written out
_OWN_LINES: Kept[tuple[str, str], str] = Kept(16)
#: a file of more lines is saved ruamel's way (an answer file has some 250)
_OWN_LINES_MAX = 3000


def in_own_lines(written: str, text: str, doc: CommentedMap) -> str:
    """``text`` (``doc`` as :func:`dump` writes it) in the lines of ``written`` (the file's
    text as opened or last saved) wherever its answers are unchanged: the round trip keeps
    what a file says, not how it folds it, so a long answer PyYAML wrote over three lines
    came back on one, and ``"\\xA3"`` as ``"£"``. Each part of the file ruamel would write
    otherwise is taken back while the lines ruamel writes for it now are still those; an
    answer changed is written ruamel's way. Each line ends as in the file (CRLF, LF or
    both: :func:`_with_endings`). The text is kept only if it reads as the document does,
    else ruamel's is used; unchanged, it is the file itself."""
    if text == written:
        return text
    kept = _OWN_LINES.get((written, text))
    if kept is None:
        kept = _own_lines(written, text, doc)
        _OWN_LINES.put((written, text), kept)
    return kept


def _own_lines(written: str, text: str, doc: CommentedMap) -> str:
    lf = _BREAK.sub("\n", written)  # the lines matched as YAML reads them, endings apart
    lf += "" if lf.endswith("\n") or not lf else "\n"  # as ruamel ends its last line
    try:
        again = dump(parse(written))  # the file as ruamel writes it, unchanged
    except DocgenError:
        return text
    if again == text:
        return written
    merged = text if again == lf else _taken_back(again, text, lf)
    ended = _with_endings(merged, written)
    try:
        same = to_plain(parse(ended, keep=False)) == to_plain(doc)
    except DocgenError:
        same = False
    return ended if same else text


def _taken_back(ruamel_text: str, text: str, written: str) -> str:
    """``text`` with each part of ``written`` (its line breaks LF) that ruamel writes as
    ``ruamel_text`` taken back where ``text`` still has ruamel's lines for it."""
    ruamel, now, own = (t.splitlines(keepends=True) for t in (ruamel_text, text, written))
    if max(len(ruamel), len(now), len(own)) > _OWN_LINES_MAX:
        return text  # matching lines costs time with the lines' count squared, at worst
    at: dict[int, int] = {}  # each line of ``ruamel`` still in ``now``, where it is there
    for tag, i1, i2, j1, _ in SequenceMatcher(None, ruamel, now, autojunk=False).get_opcodes():
        if tag == "equal":
            at.update((i1 + k, j1 + k) for k in range(i2 - i1))
    at[len(ruamel)] = len(now)  # the end
    out = list(now)
    differ = SequenceMatcher(None, ruamel, own, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in reversed(differ):  # from the end: the places before stay
        where = [at.get(i) for i in range(i1, i2 + (i1 == i2))]
        if tag == "equal" or None in where:
            continue
        start = where[0]
        assert start is not None
        if where != list(range(start, start + len(where))):
            continue
        out[start:start + i2 - i1] = own[j1:j2]
    return "".join(out)


def _lines(text: str) -> list[tuple[str, str]]:
    """Each line of ``text`` and its break (``""`` for a last line with none)."""
    lines = []
    for found in _LINE.finditer(text):
        line, end = found.group(), found.group(1) or ""
        lines.append((line[:len(line) - len(end)], end))
    return lines


def _with_endings(merged: str, written: str) -> str:
    """``merged`` (its breaks LF) with each line ending as in ``written``, the file as it
    was: an unchanged line keeps its own break, a changed one the break of the line it
    replaces, a new one the file's commonest (a file written on Windows stays CRLF). A
    file of mixed breaks had every line given CRLF, each changed for one answer."""
    old = _lines(written)
    kinds = Counter(end for _, end in old if end)
    if set(kinds) <= {"\n"} and old and old[-1][1]:
        return merged
    common = kinds.most_common(1)[0][0] if kinds else "\n"
    new = _lines(merged)
    ends = [common] * len(new)
    if len(kinds) > 1 and len(old) <= _OWN_LINES_MAX:  # else one kind, or too long to match
        matched = SequenceMatcher(None, [line for line, _ in old], [line for line, _ in new],
                                  autojunk=False)
        for tag, i1, i2, j1, j2 in matched.get_opcodes():
            if tag in ("equal", "replace"):
                for k in range(min(i2 - i1, j2 - j1)):
                    ends[j1 + k] = old[i1 + k][1] or common
    if new and old and new[-1][0] == old[-1][0] and not old[-1][1]:
        ends[-1] = ""  # a last line the file ended without a break keeps none
    return "".join(line + end for (line, _), end in zip(new, ends, strict=True))


def to_plain(node: Any) -> Any:
    """Plain dicts, lists and scalars (what docgen.check takes), from a round-trip document."""
    if isinstance(node, dict):
        return {str(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return _as_written(node)
    if isinstance(node, dt.datetime | dt.date):
        return node
    return str(node)


def _as_written(node: float) -> float | Decimal:
    """A number with a point, as docgen's loader reads it where that matters: with the
    figures written after the point when a float would drop some (``104.250``, which the
    check refuses as money, is no float 104.25), else a float. ruamel's ScalarFloat keeps
    where its point was (``_prec``) and how wide it was written (``_width``)."""
    width, point = getattr(node, "_width", None), getattr(node, "_prec", None)
    if not isinstance(width, int) or not isinstance(point, int) or getattr(node, "_exp", None):
        return float(node)
    places = width - point - 1
    value = float(node)
    shown = repr(value)
    if places <= 0 or "e" in shown or places <= len(shown.partition(".")[2]):
        return value
    return Decimal(f"{value:.{places}f}")


def as_read(node: Any) -> Any:
    """:func:`to_plain`, with every number as an exact Decimal of the digits it is written
    with: a profile's ``19.8`` (docgen's loader keeps it a Decimal) and the page's (a float
    from the round-trip YAML) compare equal, so a policy answer the page only repeats from
    the employer's profile is not copied into the post."""
    if isinstance(node, dict):
        return {str(k): as_read(v) for k, v in node.items()}
    if isinstance(node, list):
        return [as_read(v) for v in node]
    if isinstance(node, bool) or node is None or isinstance(node, dt.datetime | dt.date):
        return node
    if isinstance(node, int | float | Decimal):
        return Decimal(str(float(node) if isinstance(node, float) else node))
    return str(node)


def as_written(value: Any) -> Any:
    """The base's numbers as the round-trip YAML of the file reads them (docgen's loader
    keeps ``19.8`` exact as a Decimal; ruamel gives a float), so equal values compare equal."""
    if isinstance(value, dict):
        return {k: as_written(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_written(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and "." not in str(value) \
            else float(value)
    return value
