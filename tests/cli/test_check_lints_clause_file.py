"""A clause file named to ``docgen check`` is checked: linted as ``docgen clauses lint
--clauses <its folder>`` lints it (docgen.api.clauses.lint_clauses, no linter of its own),
its findings printed as ``clauses lint`` prints them and a failure exiting 1. Before, check
said "skipped ... a clause file" and exited 0 over wording that breaks every build using
it. ``docgen build`` says there is nothing to build and checks it too, as it checks an
organisation profile named (a broken one fails it: exit 1)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import EXAMPLES

import docgen.api
from docgen.cli import cli
from docgen.resources import BUILTIN_CLAUSES

DISPUTES = BUILTIN_CLAUSES / "agreement" / "1800-disputes.yaml"
UNKNOWN = "agreement.disputes (1800-disputes.yaml): unknown variable 'nonsense' in the text"


def _overlay(folder: Path, source: Path = DISPUTES, marked: bool = True,
             change: tuple[str, str] = ("", ""), **keys: object) -> Path:
    """A copy of a standard clause as one's own wording, its text changed by ``change``."""
    folder.mkdir(exist_ok=True)
    if marked:
        (folder / ".docgen-clauses").touch()
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data.update(version=data["version"] + 1, replaces_version=data["version"])
    data.update(keys)
    data["text"] = data["text"].replace(*change)
    path = folder / source.name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


BROKEN = ("shall continue to perform", "shall continue {{ nonsense.key }} to perform")


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip()]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_broken_clause_file_named_to_check_fails_as_clauses_lint_does(here: Path) -> None:
    _overlay(here / "own", change=BROKEN)
    linted = _run("clauses", "lint", "--clauses", "own")
    checked = _run("check", "own/1800-disputes.yaml")
    assert linted.exit_code == checked.exit_code == 1, checked.output
    found = _lines(linted.output)[:-1]  # its findings, then "28 problem(s)"
    assert UNKNOWN in found and _lines(checked.output)[:-1] == found  # printed alike
    last = " ".join(_lines(checked.output)[-1].split())
    assert last.startswith(f"own/1800-disputes.yaml: {len(found)} problem(s); checked as a "
                           "clause file (clause agreement.disputes), as docgen clauses lint "
                           "--clauses own checks it; a post's documents use it"), last
    assert "skipped" not in checked.output
    built = _run("build", "own/1800-disputes.yaml", "--out", "b")  # nothing to build: linted
    assert built.exit_code == 1 and built.output == checked.output, built.output
    assert not (here / "b").exists()
    [record] = json.loads(_run("check", "--json", "own/1800-disputes.yaml").output)
    assert record["status"] == "failed" and record["source"] == "own/1800-disputes.yaml"
    assert UNKNOWN in [p["message"] for p in record["problems"]]
    assert "checked as a clause file" in record["message"]


def test_a_clean_clause_file_says_it_was_checked_as_one(here: Path) -> None:
    """Beside a post named with it (both checked, the exit the worse of the two), and
    only its own findings: another file of its folder with a mistake is not its problem."""
    _overlay(here / "own", source=BUILTIN_CLAUSES / "agreement" / "1900-variation.yaml")
    _overlay(here / "own", change=BROKEN)
    shutil.copy(EXAMPLES[0], here / "post.yaml")
    result = _run("check", "own/1900-variation.yaml", "post.yaml")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert ("own/1900-variation.yaml: no problems; checked as a clause file (clause "
            "agreement.variation), as docgen clauses lint --clauses own checks it") in said
    assert "nonsense" not in said and "1 answer file, 0 with errors" in said
    both = _run("check", "--json", "own/1900-variation.yaml", "own/1800-disputes.yaml")
    assert both.exit_code == 1
    assert {r["source"]: r["status"] for r in json.loads(both.output)} == {
        "own/1900-variation.yaml": "checked", "own/1800-disputes.yaml": "failed"}


def test_an_anchor_another_clause_cites_is_the_clause_files_problem(here: Path) -> None:
    """Its findings include the other clauses' references to an anchor it dropped, as
    the folder's lint reports them: the edit broke them."""
    path = _overlay(here / "own", source=BUILTIN_CLAUSES / "agreement" / "0900-governance.yaml",
                    change=("[priorities] ", ""))
    result = _run("check", str(path))
    assert result.exit_code == 1, result.output
    assert ("agreement.disputes (1800-disputes.yaml): broken reference: "
            "ref('agreement.governance.priorities') names no clause or anchor") in result.output


def test_a_clause_file_its_folder_cannot_load_fails(here: Path) -> None:
    """No ``replaces_version``: the error build and clauses lint give, for the file named;
    for another file of its folder, said to keep this one from being checked."""
    (here / "own").mkdir()
    shutil.copy(DISPUTES, here / "own")  # docgen's own file, as its own wording
    result = _run("check", "own/1800-disputes.yaml")
    assert result.exit_code == 1, result.output
    assert "own/1800-disputes.yaml: 'agreement.disputes' is docgen's standard clause" in (
        result.output) and "add the line `replaces_version: 4`" in result.output
    _overlay(here / "own", source=BUILTIN_CLAUSES / "agreement" / "1900-variation.yaml")
    other = _run("check", "own/1900-variation.yaml")
    said = " ".join(other.output.split())
    assert other.exit_code == 1 and "its folder own cannot be laid over docgen's clauses: " \
        "own/1800-disputes.yaml: 'agreement.disputes'" in said, said
    assert "not checked as a clause file (clause agreement.variation)" in said


def test_a_clause_file_beside_the_posts_is_linted_as_in_a_folder_of_its_own(here: Path) -> None:
    """Its folder holds the posts, which are no clauses: it is linted alone, its findings
    naming it (never the scratch copy), and told to keep it in a folder of its own."""
    shutil.copy(EXAMPLES[0], here / "post.yaml")
    source = _overlay(here / "own", marked=False, change=BROKEN)
    shutil.move(source, here / "mine.yaml")
    result = _run("check", "mine.yaml")
    assert result.exit_code == 1, result.output
    assert ": mine.yaml: clause 'agreement.disputes' (text): 'nonsense' is undefined" in (
        result.output)
    assert "docgen-clause-" not in result.output  # the scratch folder is never named
    said = " ".join(result.output.split())
    assert "docgen clauses lint checks it in a folder of its own; keep it in a folder of its " \
        "own (e.g. our-clauses/)" in said


def test_a_glob_over_a_clause_folder_checks_what_it_matches(here: Path) -> None:
    """A glob (quoted, so docgen expands it) matching a marked clause folder's files: check
    lints each as one named, and so does build. Before, both checked and said nothing,
    exit 0 (a folder's scan still leaves its clause folders out, as it should)."""
    _overlay(here / "own", change=BROKEN)
    checked = _run("check", "own/*.yaml")
    assert checked.exit_code == 1, checked.output
    assert UNKNOWN in checked.output
    named = _run("check", "own/1800-disputes.yaml")  # the same as the file named
    assert checked.output == named.output and "problem(s); checked as a clause" in named.output
    built = _run("build", "own/*.yaml", "--out", "out")
    assert built.exit_code == 1 and built.output == named.output, built.output
    assert not (here / "out").exists() or not any((here / "out").iterdir())


def test_a_clause_file_in_a_folder_of_posts_is_linted_alone(here: Path) -> None:
    """An unmarked clause file kept in a folder of posts (not the one docgen runs in) was
    linted as --clauses <that folder>, whose posts are no clauses: 'not checked ... until
    its folder can be', exit 1, and told to name the folder under clauses:, which cannot
    work (a reviewer's find). It is linted alone, as one beside the posts here is, and told
    to move into a folder of its own."""
    sub = here / "sub"
    _overlay(sub, marked=False)
    shutil.copy(EXAMPLES[0], sub / "post.yaml")
    checked = _run("check", "sub/1800-disputes.yaml", "sub/post.yaml")
    assert checked.exit_code == 0, checked.output
    said = " ".join(checked.output.split())
    assert "sub/1800-disputes.yaml: no problems; checked as a clause file" in said
    assert "keep it in a folder of its own" in said
    assert "clauses: [sub]" not in said and "cannot be laid over" not in said


def test_the_library_checks_a_clause_file_as_the_command_does(here: Path) -> None:
    """docgen.api.check_files (the library's door) lints a clause file named, or matched by a
    glob named, as docgen check does: it returned ok with nothing checked (one door, one
    answer; a reviewer's find)."""
    _overlay(here / "own", change=BROKEN)
    for named in ("own/1800-disputes.yaml", "own/*.yaml"):
        report = docgen.api.check_files([named])
        assert not report.ok and report.not_posts == []
        [result] = report.posts
        assert result.status == "failed"
        assert result.source.resolve() == here / "own" / "1800-disputes.yaml"
        assert any(UNKNOWN in p.message for p in result.problems)
        assert result.message.startswith("checked as a clause file (clause agreement.disputes)")
    _overlay(here / "own")  # mended: checked, ok
    [result] = docgen.api.check_files(["own/1800-disputes.yaml"]).posts
    assert result.status == "checked" and result.problems == []
