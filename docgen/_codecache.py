"""What the ``docgen`` command compiles as it starts, compiled once and kept (issue 24).

Some of the standard library compiles text every time a program starts, to the same result
each time: :mod:`dataclasses` writes each dataclass's ``__init__``, ``__repr__`` and
``__eq__`` (and, frozen, ``__setattr__``, ``__delattr__`` and ``__hash__``) as Python source
and runs it with ``exec``; :class:`typing.ForwardRef` compiles each annotation written as
a string; :func:`collections.namedtuple` makes its ``__new__`` with ``eval``; and :mod:`re`
parses each regular expression into the program its engine runs. Loading the libraries and
docgen's modules for a one-post build compiles some 620 texts of Python code (1,200 times)
and 160 regular expressions, the same every run: a quarter of the command's instructions
(414 M of 1,588 M under callgrind), 40-60 ms of its CPU time.

When this process is the command, :func:`install` (called by :mod:`docgen._startup` before
anything else is loaded) makes those four take what they compile from a table, kept in the
command line's cache folder (:mod:`docgen.clauses.cachefolder`: a folder only the user may
write to, each entry behind the hash of its bytes, pruned with the others):

* :mod:`dataclasses`, :mod:`typing` and :mod:`collections` are given an ``exec``, a
  ``compile`` and an ``eval`` of their own (module globals, which their code finds before
  the builtins). For a text, each takes the code object :func:`compile` made of it before,
  with the same file name, mode and flags (those of the code that asked, as the builtins
  take them), kept with :mod:`marshal` as ``.pyc`` files keep code: the same code, so the
  same functions and the same errors, as compiling the text again.
* :mod:`re`'s compiler makes a pattern from the program its parser wrote for it before (the
  arguments it gives ``_sre.compile``). A program is kept only if the pattern made from it
  equals the one :mod:`re` compiles itself (the same program, flags, groups and group
  names); patterns with ``re.LOCALE`` or ``re.DEBUG`` always go the usual way.

A text the table lacks is compiled as before. What a module compiles as it loads is the same
every run, and is added to the table, which is written back when the command ends
(:func:`save`) if anything was added (a first run, another Python, an upgraded library or
docgen); what code compiles as it runs (a pattern with a party's name in it) is not kept, so
the table holds no answer's words and does not grow with them. As with ``.pyc`` files, a
warning Python gives while compiling a text (none of these texts gives one) shows when the
text is compiled, not when its code is read back; a pattern whose compiling warns is never
kept, so it warns every run, as before. A text or pattern that cannot be kept (a pattern
that warns, or whose program cannot be remade; a code object :mod:`marshal` refuses) is
listed as refused in the table, so a later run compiles it as before without counting it a
miss: the table is written again only when a module compiled something it has never seen.
When this run used fewer of the table's entries than it left unused (libraries upgraded
since, another command), only those it used are written back, so the table does not grow
with upgrades.

``re``'s compiler is taken over only on the Pythons this was tested with (3.11-3.13), and
``typing``'s ``compile`` not from 3.14 (whose ``ForwardRef`` no longer compiles through it).
Anything that goes wrong while installing leaves the builtins in place; the command runs as
it would without the table. ``DOCGEN_NO_CODE_CACHE=1`` keeps this module from loading at all.

A program that imports docgen is left alone: nothing here runs unless :func:`install` does.
"""

from __future__ import annotations
import __future__

import builtins
import collections
import dataclasses
import hashlib
import importlib
import marshal
import os
import re
import sys
import threading
import typing
import warnings
from pathlib import Path
from types import FrameType
from typing import Any

from docgen.clauses.cachefolder import (
    chosen_cache_folder,
    default_cache_dir,
    read_entry,
    write_entry,
)

#: the table's format, in its entry's name with the Python that made it: a marshalled code
#: object or a regular expression's program is read only by the very Python that wrote it
FORMAT = "2"
#: the Pythons whose ``re._compiler`` this was tested with (its program's arguments)
RE_TESTED = (3, 11) <= sys.version_info < (3, 14)
#: from 3.14 ``typing.ForwardRef`` no longer compiles through ``typing``'s globals
TYPING_COMPILES = sys.version_info < (3, 14)

_sre: Any = importlib.import_module("_sre")
_re_compiler: Any = importlib.import_module("re._compiler")
_re_parser: Any = importlib.import_module("re._parser")
#: the flags of ``from __future__`` imports that ``exec``, ``eval`` and ``compile`` take from
#: the code that calls them (CPython's ``PyCF_MASK``: every feature's but ``nested_scopes``)
_FUTURE: int = sum(getattr(__future__, name).compiler_flag for name in __future__.all_feature_names
              if name != "nested_scopes")

CodeKey = tuple[str, int, str, str]  # mode, flags, file name, source
PatternKey = tuple[int, str | bytes]  # flags, pattern
#: a pattern's program: its flags, code, groups, group index and its reverse
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_CODES: dict[CodeKey, Any] = {}
_PROGRAMS: dict[PatternKey, Program] = {}
_USED: set[CodeKey | PatternKey] = set()
#: keys whose code or program cannot be kept: compiled each run, never counted as a miss
_REFUSED: set[CodeKey | PatternKey] = set()
#: the patterns compiled this run, each as ``re`` made it, to keep in the table when it is saved
_MISSED_PATTERNS: list[tuple[PatternKey, re.Pattern[Any]]] = []
_STATE = {"installed": False, "missed": False}
#: what this process found in the table and compiled itself (read by the tests)
STATS = {"found": 0, "compiled": 0}
_compile = builtins.compile
_re_compile = _re_compiler.compile


def entry_name() -> str:
    """The table's entry in the cache folder, for this Python (and its ``-O``)."""
    this = "\0".join((FORMAT, sys.version, sys.implementation.cache_tag or "",
                      str(sys.flags.optimize)))
    return f"__docgen_compiled_{hashlib.sha256(this.encode()).hexdigest()[:32]}"


def install() -> bool:
    """Compile through the table from now on, reading it from the cache folder (if there
    is one the user alone may write to). Whatever goes wrong leaves the builtins in place
    (and the table empty): False."""
    if _STATE["installed"]:
        return True
    try:
        try:
            folder: Path | None = default_cache_dir()
        except (OSError, RuntimeError):  # no home folder: no table (the command says so)
            folder = None
        if folder is not None:
            _load(folder)
        _patch(True)
    except Exception:  # noqa: BLE001 - the table is a speed-up, never a reason to fail
        _patch(False)
        for kept in (_CODES, _PROGRAMS, _REFUSED):
            kept.clear()
        return False
    _STATE["installed"] = True
    return True


def _patch(on: bool) -> None:
    """Give the modules the table's ``exec``, ``eval``, ``compile`` and ``re`` compiler
    (``on``), or take them back (the builtins and ``re``'s own)."""
    patches: list[tuple[Any, str, Any]] = [(dataclasses, "exec", _exec),
                                           (collections, "eval", _eval)]
    if TYPING_COMPILES:
        patches.append((typing, "compile", _compile_text))
    for module, name, ours in patches:
        if on:
            setattr(module, name, ours)  # a module global, found before the builtins
        elif vars(module).get(name) is ours:
            delattr(module, name)
    if on and RE_TESTED:
        _re_compiler.compile = _pattern
    elif not on and getattr(_re_compiler, "compile", None) is _pattern:
        _re_compiler.compile = _re_compile


def _trusted(folder: Path) -> bool:
    """A folder whose entries may be run as code: as
    :func:`~docgen.clauses.cachefolder.choose_cache_folder` chooses one, but never made."""
    try:
        st = folder.stat()
    except OSError:
        return False
    return os.name != "posix" or (st.st_uid == os.getuid() and not st.st_mode & 0o022)


def _load(folder: Path) -> None:
    if not _trusted(folder):
        return
    body = read_entry(folder / entry_name())
    if body is None:
        return
    try:
        kind, codes, programs, refused = marshal.loads(body)
    except Exception:  # noqa: BLE001 - whatever a table that will not load raises: a miss
        return
    if (kind == FORMAT and isinstance(codes, dict) and isinstance(programs, dict)
            and isinstance(refused, frozenset)):
        _CODES.update(codes)
        _PROGRAMS.update(programs)
        _REFUSED.update(refused)


def _importing() -> bool:
    """Whether a module is being imported (its body runs, under ``import``: importlib marks
    its spec ``_initializing`` meanwhile): what it compiles is the same every run, so it is
    kept. What code compiles when it runs (a pattern with a party's name in it), or code run
    by ``exec`` or ``runpy``, is not: the table holds no answer's words, never grows with
    them."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name == "<module>" and getattr(
                frame.f_globals.get("__spec__"), "_initializing", False):
            return True
        frame = frame.f_back
    return False


def _code(source: str, mode: str, flags: int, filename: str) -> Any:
    key = (mode, flags, filename, source)
    code = _CODES.get(key)
    if code is None:
        code = _compile(source, filename, mode, flags, True)
        STATS["compiled"] += 1
        if key in _REFUSED:
            _USED.add(key)
            return code
        if not _importing():
            return code
        _CODES[key] = code
        _STATE["missed"] = True
    else:
        STATS["found"] += 1
    _USED.add(key)
    return code


def _namespaces(caller: FrameType, globals: Any, locals: Any) -> tuple[Any, Any]:
    """The namespaces ``exec`` and ``eval`` run in: without ``globals``, the caller's."""
    if globals is None:
        if locals is None:  # a function's locals are a snapshot (3.13's f_locals writes)
            locals = caller.f_locals
            locals = locals if isinstance(locals, dict) else dict(locals)
        return caller.f_globals, locals
    return globals, locals


def _source_code(source: Any, mode: str, caller: FrameType) -> Any:
    """The code ``exec`` or ``eval`` runs for ``source``, compiled with the caller's
    ``from __future__`` flags, as the builtins compile it (a text's from the table)."""
    flags = caller.f_code.co_flags & _FUTURE
    text: str | bytes
    if isinstance(source, str):
        text = str(source)
    elif isinstance(source, (bytes, bytearray, memoryview)):
        text = bytes(source)
    else:
        return source  # code, or what the builtin refuses as it would
    if mode == "eval":  # eval drops the spaces and tabs a text starts with; compile does not
        text = text.lstrip(" \t") if isinstance(text, str) else text.lstrip(b" \t")
    if type(source) is str and isinstance(text, str):
        return _code(text, mode, flags, "<string>")
    return _compile(text, "<string>", mode, flags, True)


def _exec(source: Any, globals: Any = None, locals: Any = None, /, **closure: Any) -> None:
    """``exec``, a text's code taken from the table."""
    caller = sys._getframe(1)
    globals, locals = _namespaces(caller, globals, locals)
    builtins.exec(_source_code(source, "exec", caller), globals, locals, **closure)


def _eval(source: Any, globals: Any = None, locals: Any = None, /) -> Any:
    """``eval``, a text's code taken from the table."""
    caller = sys._getframe(1)
    globals, locals = _namespaces(caller, globals, locals)
    return builtins.eval(_source_code(source, "eval", caller), globals, locals)


def _compile_text(source: Any, filename: Any, mode: str, flags: int = 0,
                  dont_inherit: bool = False, optimize: int = -1, **more: Any) -> Any:
    """``compile``, a text's code taken from the table."""
    if not dont_inherit:  # what compile would take from its caller, given explicitly
        flags |= sys._getframe(1).f_code.co_flags & _FUTURE
    if (type(source) is str and type(filename) is str and optimize == -1 and not more
            and not flags & ~_FUTURE):
        return _code(source, mode, flags, filename)
    return _compile(source, filename, mode, flags, True, optimize, **more)


def _pattern(pattern: Any, flags: int = 0) -> Any:
    """``re``'s compiler, a pattern's program taken from the table."""
    if type(pattern) not in (str, bytes) or type(flags) is not int or flags & (
            re.DEBUG | re.LOCALE):
        return _re_compile(pattern, flags)
    key = (flags, pattern)
    program = _PROGRAMS.get(key)
    if program is None:
        made = _re_compile(pattern, flags)
        STATS["compiled"] += 1
        if key in _REFUSED:
            _USED.add(key)
            return made
        if not _importing():
            return made
        _MISSED_PATTERNS.append((key, made))
        _STATE["missed"] = True
    else:
        STATS["found"] += 1
        made = _sre.compile(pattern, *program)
    _USED.add(key)
    return made


def _program(pattern: str | bytes, flags: int) -> Program:
    """What ``re``'s compiler gives ``_sre.compile`` for ``pattern`` (as ``re._compiler``
    of Python 3.11-3.13 makes it)."""
    parsed = _re_parser.parse(pattern, flags)
    code = [int(c) for c in _re_compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _kept_program(key: PatternKey, made: re.Pattern[Any]) -> Program | None:
    """The program of a pattern ``re`` compiled this run (``made``), if the pattern made
    from it equals ``made`` and compiling it gives no warning (else None: not kept)."""
    flags, pattern = key
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            program = _program(pattern, flags)
            again = _sre.compile(pattern, *program)
        except Exception:  # noqa: BLE001 - a compiler that works otherwise: not kept
            return None
    same = (again == made and again.groups == made.groups
            and dict(again.groupindex) == dict(made.groupindex))
    return program if same and not caught else None


def save() -> None:
    """Write the table to the command's cache folder, if a module loaded by this run
    compiled what it lacked (and no other thread runs: the patterns are remade with
    their warnings caught, which changes the warning filters while it does)."""
    folder = chosen_cache_folder()
    if (not _STATE["installed"] or not _STATE["missed"] or folder is None
            or threading.active_count() > 1):
        return
    _STATE["missed"] = False
    write_entry(folder / entry_name(), table())


def table() -> bytes:
    """The table as written: this run's new patterns kept or refused, code objects
    :mod:`marshal` refuses listed as refused, and only what this run used if it left more
    of the table unused than it used."""
    for key, made in dict(_MISSED_PATTERNS).items():
        program = _kept_program(key, made)
        if program is None:
            _REFUSED.add(key)
        else:
            _PROGRAMS[key] = program
    _MISSED_PATTERNS.clear()
    try:
        return _dumps()
    except ValueError:  # a code object marshal cannot write: refused, the others kept
        for text, code in list(_CODES.items()):
            try:
                marshal.dumps(code)
            except ValueError:
                del _CODES[text]
                _REFUSED.add(text)
        return _dumps()


def _dumps() -> bytes:
    keys = [*_CODES, *_PROGRAMS, *_REFUSED]
    used = sum(key in _USED for key in keys)
    codes, programs, refused = _CODES, _PROGRAMS, frozenset(_REFUSED)
    if len(keys) - used > used:
        codes = {k: v for k, v in codes.items() if k in _USED}
        programs = {k: v for k, v in programs.items() if k in _USED}
        refused = frozenset(refused & _USED)
    return marshal.dumps((FORMAT, codes, programs, refused))
