"""One door, one answer: an organisation profile or a clause overlay file named to
``docgen build`` (or the library's ``docgen.build``) is said to be what it is, as
``docgen check`` says it, never read as an answer file told to "add docgen: 1"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES

import docgen
from docgen.api import check_files
from docgen.cli import cli
from docgen.resources import BUILTIN_CLAUSES

NOT_A_POST = "add docgen: 1"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a new profile (docgen new --organisation) and a clause overlay file as
    ``docgen clauses import --into our-clauses`` leaves one (its folder marked)."""
    monkeypatch.chdir(tmp_path)
    made = CliRunner().invoke(cli, ["new", "--organisation", "organisations/eastwick.yaml"])
    assert made.exit_code == 0, made.output
    clause = yaml.safe_load((BUILTIN_CLAUSES / "agreement" / "0500-the-post.yaml").read_text())
    clause.update(version=clause["version"] + 1, replaces_version=clause["version"],
                  notes="the post's title reworded")  # as clauses import writes it
    (tmp_path / "our-clauses").mkdir()
    (tmp_path / "our-clauses" / ".docgen-clauses").touch()
    (tmp_path / "our-clauses" / "agreement.post.yaml").write_text(
        yaml.safe_dump(clause, sort_keys=False))
    return tmp_path


def test_build_says_a_profile_is_one_as_check_does(project: Path) -> None:
    checked = CliRunner().invoke(cli, ["check", "organisations/eastwick.yaml"])
    built = CliRunner().invoke(cli, ["build", "organisations/eastwick.yaml", "--out", "b"])
    assert built.exit_code == checked.exit_code == 0, (built.output, checked.output)
    for result in (built, checked):
        assert NOT_A_POST not in result.output
        said = " ".join(result.output.split())
        assert "an organisation profile (docgen_organisation: 1), not an answer file" in said
        assert "nothing to build" in said and "parties: [eastwick, ...]" in said
    assert not (project / "b").exists()  # nothing to build: the output folder is not made
    as_json = CliRunner().invoke(cli, ["build", "organisations/eastwick.yaml", "--json"])
    [record] = json.loads(as_json.output)
    assert (record["status"], record["problems"]) == ("checked", [])
    assert "organisation profile" in record["message"]


def test_profiles_a_glob_matches_are_checked_as_named_ones_are(project: Path) -> None:
    """``docgen check 'organisations/*.yaml'`` checked nothing and said nothing (exit 0);
    each profile the glob matches is now checked as a profile, by check and build alike
    (a reviewer's find), and a broken one fails the run."""
    for command in (["check"], ["build", "--out", "b"]):
        result = CliRunner().invoke(cli, [*command, "organisations/*.yaml"])
        assert result.exit_code == 0, result.output
        assert "an organisation profile (docgen_organisation: 1)" in " ".join(
            result.output.split()), result.output
    assert not (project / "b").exists()
    (project / "organisations" / "bad.yaml").write_text("docgen_organisation: 1\n",
                                                         encoding="utf-8")
    for command in (["check"], ["build", "--out", "b"]):
        result = CliRunner().invoke(cli, [*command, "organisations/*.yaml"])
        assert result.exit_code == 1 and "bad.yaml" in result.output, result.output


def test_a_profile_with_errors_fails_build_as_it_fails_check(project: Path) -> None:
    bad = project / "organisations" / "bad.yaml"
    bad.write_text("docgen_organisation: 1\nname: Bad Council\n")
    checked = CliRunner().invoke(cli, ["check", str(bad)])
    built = CliRunner().invoke(cli, ["build", str(bad), "--out", "b"])
    assert built.exit_code == checked.exit_code == 1, (built.output, checked.output)
    assert NOT_A_POST not in built.output and "short_name" in built.output
    assert "organisation profile" in built.output


def test_the_library_build_says_a_profile_is_one(project: Path) -> None:
    report = docgen.build(["organisations/eastwick.yaml"], project / "b")
    [post] = report.posts
    assert post.status == "checked" and not post.problems
    assert "organisation profile" in post.message and report.ok
    assert not (project / "b").exists()


@pytest.mark.parametrize("marked", [True, False])
@pytest.mark.parametrize("command", ["build", "check"])
def test_a_clause_file_named_is_said_to_be_one(project: Path, command: str,
                                               marked: bool) -> None:
    if not marked:  # known by its keys (id, version, documents, text, order) alone
        (project / "our-clauses" / ".docgen-clauses").unlink()
    result = CliRunner().invoke(cli, [command, "our-clauses/agreement.post.yaml"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert NOT_A_POST not in said and "error" not in said
    # nothing to build: both lint it, alike (tests/cli/test_check_lints_clause_file.py)
    assert "checked as a clause file (clause agreement.post)" in said
    assert "clauses: [our-clauses]" in said and "--clauses our-clauses" in said


def test_a_clause_file_beside_the_posts_is_told_to_have_a_folder_of_its_own(
        project: Path) -> None:
    """Unmarked, in the folder docgen runs in: never told to name that folder (the posts'
    own) as a clause folder, "clauses: [.]" (a reviewer's find)."""
    (project / "mine.yaml").write_text(
        (project / "our-clauses" / "agreement.post.yaml").read_text(encoding="utf-8"),
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "mine.yaml"])
    said = " ".join(result.output.split())
    assert result.exit_code == 0 and "a clause file (clause agreement.post)" in said, said
    assert "clauses: [.]" not in said and "--clauses ." not in said
    assert "keep it in a folder of its own (e.g. our-clauses/)" in said


def test_the_library_says_a_clause_file_is_one(project: Path) -> None:
    """build (nothing built) and check_files lint it, as docgen check and build do
    (tests/cli/test_check_lints_clause_file.py)."""
    for report in (docgen.build(["our-clauses/agreement.post.yaml"], project / "b"),
                   check_files(["our-clauses/agreement.post.yaml"])):
        assert report.not_posts == [] and report.ok
        [result] = report.posts
        assert result.status == "checked"
        assert result.message.startswith("checked as a clause file (clause agreement.post)")
    assert not (project / "b").exists()


def test_an_answer_file_that_lost_its_first_line_is_still_told_to_add_it(
        project: Path) -> None:
    """A post without ``docgen: 1`` is no clause file, though it has ``version`` and
    ``documents`` too."""
    post = EXAMPLES[0].read_text(encoding="utf-8").replace("docgen: 1\n", "")
    (project / "post.yaml").write_text(post + "version: 2\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "post.yaml"])
    assert result.exit_code == 1 and "add docgen: 1" in " ".join(result.output.split())
