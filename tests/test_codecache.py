"""The ``docgen`` command takes what it compiles as it starts from a table in the cache
folder (docgen/_codecache.py): the same code objects ``compile`` makes, the same patterns
``re`` makes, read back by a second start instead of compiled again; a program that imports
docgen compiles as Python does."""

from __future__ import annotations
import __future__

import collections
import dataclasses
import functools
import importlib
import json
import marshal
import os
import re
import runpy
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest

from docgen import _codecache
from docgen.clauses.cachefolder import read_entry

ROOT = Path(__file__).resolve().parents[1]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"
_sre: Any = _codecache._sre
_re_compile = _codecache._re_compile
ANNOTATIONS = __future__.annotations.compiler_flag
BARRY = __future__.barry_as_FLUFL.compiler_flag

#: the command (``docgen check``), then what it compiled and found, and the classes, named
#: tuples, annotations and patterns the probe makes after it, as the command made them
COMMAND = """import json, sys
sys.argv = ['docgen', 'check', {post!r}]
from docgen.cli import main
try:
    main()
except SystemExit as exc:
    assert not exc.code, exc
from docgen import _codecache
print(json.dumps([_codecache.STATS, _codecache._STATE]))
"""
#: a module making dataclasses (frozen, with defaults), a named tuple, string annotations and
#: a pattern with named groups as it loads, and what they do, as plain data (``SAID``)
MADE = """import collections, dataclasses, re, typing
@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    y: 'list[int]' = dataclasses.field(default_factory=list)
Pair = collections.namedtuple('Pair', 'a b')
p = Point(1, [2])
try:
    p.x = 3
    frozen = 'assigned'
except dataclasses.FrozenInstanceError as exc:
    frozen = str(exc)
hints = typing.get_type_hints(Point)
pattern = re.compile(r'(?P<word>[a-z]+)-(\\d+)|(?i:x)')
SAID = [repr(p), p == Point(1, [2]), hash(Point(1, ())) == hash(Point(1, ())), frozen,
        repr(Pair(1, 2)), str(hints), pattern.groupindex['word'], pattern.groups,
        pattern.findall('ab-12 X AB-3'), pattern.flags, Point.__init__.__code__.co_varnames,
        typing.ForwardRef('dict[str, int]').__forward_code__.co_names]
"""
#: the module loaded by a program (``{before}`` empty) or as the command loads its modules
LOAD = "import json, re, sys\n{before}\nsys.path.insert(0, {folder!r})\nimport made_here\n" \
       "re.compile('(made as the program runs) ' + sys.argv[0])\n" \
       "print(json.dumps(made_here.SAID))"
AS_THE_COMMAND = ("sys.argv = ['docgen']\nimport docgen\nfrom docgen import _codecache\n"
                  "from docgen.clauses.cachefolder import choose_cache_folder, "
                  "default_cache_dir\nchoose_cache_folder(default_cache_dir())\n"
                  "import atexit\natexit.register(_codecache.save)")


def _run(code: str, cache: Path, *options: str, **env: str) -> Any:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), **env}
    out = subprocess.run([sys.executable, *options, "-c", code], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True, timeout=120).stdout
    return json.loads(out.splitlines()[-1])


@pytest.fixture
def loading(monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty table in this process, and every call taken as made by a loading module."""
    for name, empty in (("_CODES", {}), ("_PROGRAMS", {}), ("_USED", set()),
                        ("_REFUSED", set()), ("_MISSED_PATTERNS", [])):
        monkeypatch.setattr(_codecache, name, empty)
    monkeypatch.setattr(_codecache, "_STATE", {"installed": True, "missed": False})
    monkeypatch.setattr(_codecache, "STATS", {"found": 0, "compiled": 0})
    monkeypatch.setattr(_codecache, "_importing", lambda: True)


@functools.cache
def _two_checks(cache: Path) -> tuple[Any, Any, os.stat_result, os.stat_result]:
    """``docgen check`` twice with an empty cache folder: what each compiled and found, and
    the table's entry after each."""
    entry = cache / "docgen" / "jinja" / _codecache.entry_name()
    first = _run(COMMAND.format(post=str(HR)), cache)
    written = entry.stat()
    second = _run(COMMAND.format(post=str(HR)), cache)
    return first, second, written, entry.stat()


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


def _table(cache: Path) -> tuple[dict[Any, Any], dict[Any, Any]]:
    _two_checks(cache)
    body = read_entry(cache / "docgen" / "jinja" / _codecache.entry_name())
    assert body is not None
    kind, codes, programs, _ = marshal.loads(body)
    assert kind == _codecache.FORMAT
    return codes, programs


def test_a_second_start_compiles_nothing_and_rewrites_nothing(cache: Path) -> None:
    """The first start compiles what the libraries and docgen's modules compile as they load
    (hundreds of texts) and writes the table; the second finds them there, leaves the table
    as it was, and compiles only what the check compiles as it runs (patterns made from the
    answers among it), which is never kept."""
    (stats, state), (again, state_again), written, after = _two_checks(cache)
    assert stats["compiled"] > 500 and state["installed"]
    assert again["found"] > 500 and again["compiled"] < stats["compiled"] / 10
    assert not state_again["missed"]
    assert (after.st_ino, after.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)


def test_the_table_holds_what_compiling_makes(cache: Path) -> None:
    """Every code object kept is the one ``compile`` makes of its text (file name, mode and
    flags as kept), and every pattern's program makes the pattern ``re`` compiles."""
    codes, programs = _table(cache)
    assert len(codes) > 300 and len(programs) > 100
    assert any("def __create_fn__" in source for _, _, _, source in codes)  # dataclasses'
    assert any(mode == "eval" for mode, _, _, _ in codes)  # string annotations' and such
    # what the check compiled from the post's answers (its parties' names) is not kept
    assert not [p for _, p in programs if "Eastwick" in str(p)]
    assert not [s for _, _, _, s in codes if "Eastwick" in s]
    for (mode, flags, filename, source), code in codes.items():
        assert compile(source, filename, mode, flags, True) == code, source
    for (flags, pattern), program in programs.items():
        made, again = _re_compile(pattern, flags), _sre.compile(pattern, *program)
        assert again == made and dict(again.groupindex) == dict(made.groupindex), pattern


def test_what_is_made_from_the_table_is_what_python_makes(cache: Path) -> None:
    """What a module makes as it loads (dataclasses, a named tuple, string annotations, a
    pattern) behaves the same loaded by a program, by the command compiling it, and by the
    command reading it back from the table."""
    folder, table = cache.parent / "made", cache.parent / "made-cache"
    folder.mkdir(exist_ok=True)
    (folder / "made_here.py").write_text(MADE, encoding="utf-8")
    as_a_program = _run(LOAD.format(before="", folder=str(folder)), table)
    compiled = _run(LOAD.format(before=AS_THE_COMMAND, folder=str(folder)), table)
    body = read_entry(table / "docgen" / "jinja" / _codecache.entry_name())
    assert body is not None
    _, codes, programs, _ = marshal.loads(body)
    assert (0, r"(?P<word>[a-z]+)-(\d+)|(?i:x)") in programs  # the third run reads it back
    assert not [p for _, p in programs if "made as the program runs" in str(p)]  # not kept
    assert any("def __init__(self" in source and "'y'" in source and "_HAS_DEFAULT_FACTORY"
               in source for _, _, _, source in codes)  # Point's
    from_the_table = _run(LOAD.format(before=AS_THE_COMMAND, folder=str(folder)), table)
    assert as_a_program == compiled == from_the_table
    assert as_a_program[3] == "cannot assign to field 'x'"


def test_a_program_that_imports_docgen_compiles_as_python_does() -> None:
    code = ("import collections, dataclasses, json, re, sys, typing\nimport docgen, docgen.cli\n"
            "assert docgen.check\n"
            "print(json.dumps(['exec' in vars(dataclasses), 'compile' in vars(typing),\n"
            "                  'eval' in vars(collections), re._compiler.compile.__module__,\n"
            "                  'docgen._codecache' in sys.modules]))")
    assert _run(code, ROOT / "no-such-cache") == [False, False, False, "re._compiler", False]


def test_exec_eval_and_compile_work_as_the_builtins(loading: None) -> None:
    """Namespaces, the caller's ``from __future__`` flags (this module has ``annotations``),
    the spaces ``eval`` drops, errors; each text kept under its mode, flags and file name."""
    namespace: dict[str, Any] = {}
    _codecache._exec("x = 1\n", namespace)
    assert namespace["x"] == 1
    y = 41  # noqa: F841 - read by the text eval runs, in this frame
    assert _codecache._eval("  y + 1") == 42  # the caller's locals, the spaces dropped
    assert _codecache._eval(b"\ty", {"y": 2}) == 2
    text = "def f(x: int): pass\n"
    inherited = _codecache._compile_text(text, "<t>", "exec")
    assert set(_codecache._CODES) == {("exec", ANNOTATIONS, "<string>", "x = 1\n"),
                                      ("eval", ANNOTATIONS, "<string>", "y + 1"),
                                      ("exec", ANNOTATIONS, "<t>", text)}
    assert inherited == compile(text, "<t>", "exec")
    for code, annotation in ((inherited, "int"),
                             (_codecache._compile_text(text, "<t>", "exec", 0, True), int)):
        made: dict[str, Any] = {}
        exec(code, made)
        assert made["f"].__annotations__ == {"x": annotation}
    with pytest.raises(SyntaxError) as ours:
        _codecache._compile_text("x = = 1", "<t>", "exec")
    with pytest.raises(SyntaxError) as theirs:
        compile("x = = 1", "<t>", "exec")
    assert str(ours.value) == str(theirs.value)


def test_a_pattern_is_kept_only_when_remade_the_same_and_silent() -> None:
    key = (0, r"(?P<a>x)|(y)")
    program = _codecache._kept_program(key, re.compile(key[1]))
    assert program is not None
    again = _sre.compile(key[1], *program)
    assert again == re.compile(key[1]) and again.groupindex == {"a": 1} and again.groups == 2
    assert _codecache._kept_program(key, re.compile("other")) is None
    with pytest.warns(FutureWarning):
        nested = re.compile("[[a]")  # "possible nested set": warns every time it compiles
    assert _codecache._kept_program((0, "[[a]"), nested) is None


def test_a_damaged_table_is_compiled_again_and_a_shared_folder_never_read(
        tmp_path: Path) -> None:
    folder = tmp_path / "docgen" / "jinja"
    folder.mkdir(parents=True, mode=0o700)
    entry = folder / _codecache.entry_name()
    entry.write_bytes(b"0" * 64 + b"\nnot a table")
    stats, _ = _run(COMMAND.format(post=str(HR)), tmp_path)
    assert stats["compiled"] > 500 and read_entry(entry) is not None  # written whole again
    assert _codecache._trusted(folder)
    if os.name == "posix":
        folder.chmod(0o777)
        assert not _codecache._trusted(folder)
        stats, _ = _run(COMMAND.format(post=str(HR)), tmp_path)
        assert stats["compiled"] > 500  # not read: others may write to it


def test_exec_and_eval_compile_with_their_callers_future_flags(loading: None) -> None:
    """As the builtins: this module's ``annotations`` (strings kept), a caller's
    ``barry_as_FLUFL`` (``<>``), none for a caller without any, whatever the text's type."""
    made: dict[str, Any] = {}
    _codecache._exec("def f(x: int): pass\n", made)
    assert made["f"].__annotations__ == {"x": "int"}
    caller = compile("from __future__ import barry_as_FLUFL\nr = ev(' 1 <> 2')\n", "<t>",
                     "exec", dont_inherit=True)
    ran: dict[str, Any] = {"ev": _codecache._eval}
    exec(caller, ran)
    assert ran["r"] is True
    assert ("eval", BARRY, "<string>", "1 <> 2") in _codecache._CODES

    class Text(str):
        pass

    plain = compile("ex(T('def g(x: int): pass'), made)\n"
                    "ex(memoryview(b'def h(x: int): pass'), made)\n", "<t>", "exec",
                    dont_inherit=True)  # a caller without annotations
    exec(plain, {"ex": _codecache._exec, "T": Text, "made": made})
    assert made["g"].__annotations__ == made["h"].__annotations__ == {"x": int}


def test_exec_passes_a_closure_on(loading: None) -> None:
    out: list[int] = []

    def outer() -> Any:
        v = 5

        def inner() -> None:
            out.append(v)
        return inner

    inner = outer()
    _codecache._exec(inner.__code__, {}, closure=inner.__closure__)
    assert out == [5]


def test_debug_and_locale_patterns_go_straight_to_re(
        loading: None, capsys: pytest.CaptureFixture[str]) -> None:
    locale, debug = int(re.LOCALE), int(re.DEBUG)  # (re gives its compiler ints)
    assert _codecache._pattern(b"x", locale) == _re_compile(b"x", locale)
    assert _codecache._pattern("y", debug) == _re_compile("y", debug)
    assert "LITERAL" in capsys.readouterr().out  # (DEBUG prints the parsed pattern)
    assert not _codecache._USED and not _codecache._MISSED_PATTERNS
    assert _codecache.STATS == {"found": 0, "compiled": 0}
    _codecache._pattern("z", int(re.IGNORECASE))  # (as re gives its flags: an int)
    assert {(re.IGNORECASE, "z")} == _codecache._USED


def test_the_table_is_named_by_the_python_and_its_optimize_flag() -> None:
    code = "import json\nfrom docgen import _codecache\nprint(json.dumps(_codecache.entry_name()))"
    plain, optimized = _run(code, ROOT / "no-such-cache"), _run(code, ROOT / "no-such-cache", "-O")
    assert plain == _codecache.entry_name() != optimized


def test_only_a_module_being_imported_counts_as_loading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A module's body under ``import``; not code run by ``exec`` (no ``__name__``) or
    ``runpy`` (a ``__name__`` of its own), nor a test's."""
    def ask() -> bool:
        return _codecache._importing()  # (looks from ask's caller up)

    (tmp_path / "loading_probe.py").write_text(
        "from docgen import _codecache\nSEEN = (lambda: _codecache._importing())()\n",
        encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "loading_probe", raising=False)
    assert importlib.import_module("loading_probe").SEEN is True
    ran: dict[str, Any] = {"ask": ask}
    exec("SEEN = ask()\n", ran)
    assert ran["SEEN"] is False
    by_runpy = runpy.run_path(str(tmp_path / "loading_probe.py"), run_name="loading_probe")
    assert by_runpy["SEEN"] is False
    assert ask() is False


#: a module that compiles a pattern that warns as it loads
WARNS = ("import re, warnings\nwith warnings.catch_warnings():\n"
         "    warnings.simplefilter('ignore')\n    NESTED = re.compile('[[a]')\n")


@pytest.mark.parametrize("broken", ["", "_codecache._program = None"])
def test_what_cannot_be_kept_is_refused_once_not_missed_every_run(
        tmp_path: Path, broken: str) -> None:
    """A pattern that warns (or, ``_program`` failing, every pattern) is listed as refused:
    the next run compiles it without counting a miss, and leaves the table as it was."""
    folder = tmp_path / "module"
    folder.mkdir()
    (folder / "refused_here.py").write_text(WARNS, encoding="utf-8")
    code = (f"import json, sys\n{AS_THE_COMMAND}\n{broken}\nsys.path.insert(0, {str(folder)!r})"
            "\nimport refused_here\nprint(json.dumps(_codecache._STATE))")
    entry = tmp_path / "docgen" / "jinja" / _codecache.entry_name()
    assert _run(code, tmp_path)["missed"]
    written = entry.stat()
    body = read_entry(entry)
    assert body is not None and (0, "[[a]") in marshal.loads(body)[3]
    assert not _run(code, tmp_path)["missed"]
    after = entry.stat()
    assert (after.st_ino, after.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)


def test_a_table_mostly_unused_keeps_only_what_the_run_used(loading: None) -> None:
    codes = {("exec", 0, "<t>", f"x = {n}\n"): compile(f"x = {n}\n", "<t>", "exec")
             for n in range(4)}
    _codecache._CODES.update(codes)
    first, *others = codes
    _codecache._USED.add(first)
    assert set(marshal.loads(_codecache.table())[1]) == {first}  # one used, three not
    _codecache._USED.add(others[0])
    assert set(marshal.loads(_codecache.table())[1]) == set(codes)  # two and two: all kept


SITE = """import sys, types, atexit, json, dataclasses, collections, typing, re
if {broken}:
    sys.modules['docgen._codecache'] = None  # its import fails
else:
    def install():
        raise RuntimeError('broken')
    sys.modules['docgen._codecache'] = types.SimpleNamespace(install=install)
atexit.register(lambda: print(json.dumps(['exec' in vars(dataclasses),
    'eval' in vars(collections), 'compile' in vars(typing), re._compiler.compile.__module__])))
"""


@pytest.mark.parametrize("broken", [True, False])
def test_a_broken_table_leaves_the_command_as_it_was(tmp_path: Path, broken: bool) -> None:
    """Its import failing, or its install, the command runs with the builtins."""
    (tmp_path / "sitecustomize.py").write_text(SITE.format(broken=broken), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "docgen", "--version"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("docgen, version")
    assert json.loads(done.stdout.splitlines()[-1]) == [False, False, False, "re._compiler"]


def test_an_install_failing_half_way_takes_back_what_it_gave(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Refuses:
        __slots__ = ()  # re._compiler that cannot be given a compile

    monkeypatch.setattr(_codecache, "_STATE", {"installed": False, "missed": False})
    monkeypatch.setattr(_codecache, "_re_compiler", Refuses())
    monkeypatch.setattr(_codecache, "default_cache_dir", lambda: tmp_path)
    assert _codecache.install() is False
    assert not {"exec", "eval", "compile"} & {*vars(dataclasses), *vars(collections),
                                             *vars(typing)}
    assert re._compiler.compile is _re_compile  # type: ignore[attr-defined]


@pytest.mark.parametrize(("value", "loaded"), [("1", False), ("0", True)])
def test_docgen_no_code_cache_keeps_it_from_loading(value: str, loaded: bool) -> None:
    code = ("import collections, dataclasses, json, sys\nsys.argv = ['docgen']\nimport docgen\n"
            "print(json.dumps(['docgen._codecache' in sys.modules, 'exec' in vars(dataclasses),"
            " 'eval' in vars(collections)]))")
    assert _run(code, ROOT / "no-such-cache", DOCGEN_NO_CODE_CACHE=value) == [loaded] * 3


def test_a_code_object_marshal_refuses_is_listed_as_refused(loading: None) -> None:
    good, bad = ("exec", 0, "<t>", "x = 1\n"), ("exec", 0, "<t>", "y = 1\n")
    _codecache._CODES.update({good: compile("x = 1\n", "<t>", "exec"), bad: object()})
    _codecache._USED.update((good, bad))
    _, codes, _, refused = marshal.loads(_codecache.table())
    assert set(codes) == {good} and refused == {bad}
    assert bad in _codecache._REFUSED  # compiled each run, never counted as a miss
