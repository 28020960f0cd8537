"""The ``docgen`` command keeps the regular expressions a module compiles as it loads
(docgen/_codecache.py), not those compiled while a post is checked or rendered, which may
hold an answer's words (a party's name). So a pattern whose text is the same for every post
is compiled at module level (``re.compile``), not passed as a string to ``re.search`` and
the like at call time: there it is compiled again by every run, each a fraction of a
millisecond (some 70 of them, 5 ms of a one-post build, before this was made so)."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from docgen import _codecache
from docgen.facts.wording import words
from docgen.resources import BUILTIN_TEMPLATES
from docgen.word.wording import wording

ROOT = Path(__file__).resolve().parents[1]
PROBE = Path(__file__).with_name("constant_patterns_probe.py")
EXAMPLES = sorted((ROOT / "inputs").glob("*.yaml"))
WORKBOOK = "posts.xlsx"  # written by the probe from the examples
#: modules another change is taking their constant patterns out of (the publishing claims'
#: and the interview's pages)
ELSEWHERE = ("publish/claims.py", "web/")
#: ``re``'s functions that compile the pattern they are given (when not cached)
COMPILING = frozenset({"search", "match", "fullmatch", "sub", "subn", "split", "findall",
                       "finditer"})
PACKAGE = ROOT / "docgen"

pytestmark = pytest.mark.skipif(not _codecache.RE_TESTED,
                                reason="the probe takes over re._compiler.compile, whose "
                                       "arguments are known for Python 3.11-3.13")


def _plain(pattern: str) -> str:
    """A pattern's text with ``re.escape``'s backslashes taken out (``Chief\\ Executive``),
    its classes (``\\s``, ``\\b``) left as they are."""
    return re.sub(r"\\([^A-Za-z0-9])", r"\1", pattern)


def _wording_fragments() -> list[str]:
    """The words the wording files give (docgen's own: data a lawyer may edit, read again
    when they change), in the pieces between their ``{names}``: the patterns built from them
    are made once for each version of the files, as they are, and hold those pieces."""
    said = [*words().values(), *wording(BUILTIN_TEMPLATES).values()]
    pieces = (p.strip() for text in said for p in re.split(r"\{\w+\}", text))
    return [p for p in pieces if len(p) >= 8]


def _probe(tmp_path_factory: pytest.TempPathFactory, run: int) -> dict[str, object]:
    """What the probe saw with the places renamed by ``run``'s set of names."""
    inputs = tmp_path_factory.mktemp(f"probe{run}") / "inputs"
    shutil.copytree(ROOT / "inputs", inputs, ignore=shutil.ignore_patterns("*.xlsx"))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PROBE_RENAMING": str(run)}
    env.pop("DOCGEN_NO_CODE_CACHE", None)
    posts = [str(inputs / e.name) for e in EXAMPLES]
    done = subprocess.run([sys.executable, str(PROBE), str(inputs / WORKBOOK),
                           str(inputs.parent / "out"), *posts], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    found: dict[str, object] = json.loads(done.stdout.splitlines()[-1])  # after the build's line
    return found


@pytest.fixture(scope="module")
def probed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What the probe saw: each example checked and rendered, its parties renamed, then the
    examples written into a programme workbook and built (in a copy of inputs/), in a
    process of its own (so nothing an earlier render remembered hides a compile)."""
    return _probe(tmp_path_factory, 0)


@pytest.fixture(scope="module")
def probed_again(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The same, the places given other new names."""
    return _probe(tmp_path_factory, 1)


def _key(c: dict[str, object]) -> tuple[object, ...]:
    """A compile as the code made it: where, the pattern's text, its flags."""
    return c["where"], c["pattern"], c["flags"]


#: an answer's key path, as a workbook's Other answers row gives it (``payment.vat.rate``)
_KEY_PATH = re.compile(r"[a-z_]+(?:\.[a-z0-9_]+)+")


def _multi_word(texts: object) -> set[str]:
    """The answers' texts of two words or more ("Chief Executive"), and the last name of a
    key path the answers give followed by its colon ("rate: ", a hint made from the key of
    the row it is about): a single word ("Welsh", "Local") is as likely a piece of a
    constant pattern as an answer's."""
    assert isinstance(texts, dict)
    given = {t.strip() for said in texts.values() for t in said}
    return {t for t in given if len(t.split()) >= 2} | {
        t.rsplit(".", 1)[-1] + ": " for t in given if _KEY_PATH.fullmatch(t)}


def constant_patterns(first: dict[str, object], second: dict[str, object]) -> list[str]:
    """The patterns compiled at call time with the same text in both runs (so holding no
    party's name, which the runs name differently) and holding neither an answer's text of
    two words or more nor a piece of the wording files."""
    again = {_key(c) for c in second["compiled"]}  # type: ignore[union-attr]
    answers = _multi_word(first["given"])
    fragments = _wording_fragments()
    compiled = first["compiled"]
    assert isinstance(compiled, list)
    return [f"{c['where']}: {c['pattern']!r} (flags {c['flags']})" for c in compiled
            if not c["where"].startswith(ELSEWHERE) and _key(c) in again
            and not any(t in _plain(c["pattern"]) for t in (*answers, *fragments))]


def test_the_probe_sees_the_patterns_made_from_the_answers(probed: dict[str, object]) -> None:
    """The probe works: the renamed parties' names reach the patterns it reports (a party's
    name, as the documents' read-back looks for it), so a pattern it does not report was
    not compiled while the posts were rendered."""
    compiled = probed["compiled"]
    assert isinstance(compiled, list)
    assert any("Quarrendon" in c["pattern"] for c in compiled)
    assert len({c["post"] for c in compiled}) >= len(EXAMPLES) - 1
    assert {WORKBOOK, "commands"} <= {c["post"] for c in compiled}


def test_every_pattern_compiled_while_rendering_holds_the_answers_words(
        probed: dict[str, object], probed_again: dict[str, object]) -> None:
    """Each pattern docgen's code compiled while checking and rendering the examples holds
    text from the answers it was given (a party's name, which the two runs rename apart; a
    line manager's role) or from the wording files; none is the same for every post. Any
    answer text of four letters once counted, so the mediators' table, searched as strings
    at call time, passed on the answers' single words "Welsh" and "Local"."""
    constant = sorted(set(constant_patterns(probed, probed_again)))
    assert not constant, "constant patterns compiled at call time:\n" + "\n".join(constant)


def test_a_constant_pattern_is_found_though_it_holds_an_answers_word() -> None:
    """The mediators' old pattern, compiled in both runs alike, is found though "Welsh" and
    "Local" are words of the answers; a pattern made from a party's name, differing between
    the runs, and one holding a role of two words are not."""
    mediators = {"where": "facts/legal.py:210", "pattern": r"\bWLGA\b|Welsh Local Government "
                 "Association", "flags": 2, "post": "a.yaml"}
    named = {"where": "word/places.py:70", "pattern": r"\bQuarrendon\b", "flags": 0,
             "post": "a.yaml"}
    role = {"where": "word/x.py:1", "pattern": r"Chief\ Executive\b", "flags": 0,
            "post": "a.yaml"}
    first = {"compiled": [mediators, named, role],
             "given": {"a.yaml": ["Welsh", "Local", "Chief Executive", "Quarrendon"]}}
    second = {"compiled": [mediators, {**named, "pattern": r"\bWistmoor\b"}, role],
              "given": {"a.yaml": ["Welsh", "Local", "Chief Executive", "Wistmoor"]}}
    assert constant_patterns(first, second) == [
        f"facts/legal.py:210: {mediators['pattern']!r} (flags 2)"]


def _literal_patterns(source: str) -> list[int]:
    """The lines where ``re.search("...", ...)`` and the like are given a pattern written
    out as a string, or the name of a module-level string (``re.finditer(SHARE, own)``):
    compiled at call time, where a module-level ``re.compile`` would be kept (the probe
    above sees only the paths the examples take)."""
    tree = ast.parse(source)
    strings = {t.id for node in tree.body if isinstance(node, ast.Assign)
               and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
               for t in node.targets if isinstance(t, ast.Name)}
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
            and node.func.attr in COMPILING and node.args
            and (isinstance(node.args[0], ast.Constant)
                 or isinstance(node.args[0], ast.Name) and node.args[0].id in strings)]


def test_no_pattern_written_out_is_compiled_at_call_time() -> None:
    found = [f"{path.relative_to(PACKAGE)}:{line}" for path in sorted(PACKAGE.rglob("*.py"))
             if not str(path.relative_to(PACKAGE)).startswith(ELSEWHERE)
             for line in _literal_patterns(path.read_text(encoding="utf-8"))]
    assert not found, "give these patterns a module-level re.compile: " + ", ".join(found)


def test_the_check_finds_a_pattern_written_out() -> None:
    assert _literal_patterns('import re\nre.sub(r"\\s+", " ", text)\n') == [2]
    assert _literal_patterns('import re\nSPACES = re.compile(r"\\s+")\nSPACES.sub(" ", t)\n') == []
    assert _literal_patterns('import re\nre.search(rf"\\b{name}\\b", text)\n') == []
    assert _literal_patterns('import re\nSHARE = r"\\d+%"\ndef f(t):\n    '
                             'return re.finditer(SHARE, t)\n') == [4]
