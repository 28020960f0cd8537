"""The summary of ``docgen check`` (and ``docgen build``) counts the clause files named with
the answer files: a check of a post and a clause file that fails its lint said "1 answer
file, 0 with errors" while it exited 1 for the clause file, and build "0 failed" beside its
exit 1. Each now says "1 clause file, 1 with errors" beside the answer files' count."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from conftest import EXAMPLES

from docgen.cli import cli
from docgen.resources import BUILTIN_CLAUSES

DISPUTES = BUILTIN_CLAUSES / "agreement" / "1800-disputes.yaml"
VARIATION = BUILTIN_CLAUSES / "agreement" / "1900-variation.yaml"
BROKEN = ("shall continue to perform", "shall continue {{ nonsense.key }} to perform")


def _own(folder: Path, source: Path, change: tuple[str, str] = ("", "")) -> Path:
    """A standard clause copied into a marked clause folder as one's own wording."""
    folder.mkdir(exist_ok=True)
    (folder / ".docgen-clauses").touch()
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data.update(version=data["version"] + 1, replaces_version=data["version"])
    data["text"] = data["text"].replace(*change)
    path = folder / source.name
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def _said(result: Result) -> str:
    return " ".join(result.output.split())


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A post, a clause file that fails its lint and one that passes it."""
    monkeypatch.chdir(tmp_path)
    shutil.copy(EXAMPLES[0], tmp_path / "post.yaml")
    _own(tmp_path / "bad", DISPUTES, BROKEN)
    _own(tmp_path / "good", VARIATION)
    return tmp_path


def test_check_counts_a_clause_file_with_errors_in_its_summary(here: Path) -> None:
    result = _run("check", "post.yaml", "bad/1800-disputes.yaml")
    assert result.exit_code == 1, result.output
    last = [line for line in result.output.splitlines() if line.strip()][-1]
    assert last == "1 answer file, 0 with errors; 1 clause file, 1 with errors", last


def test_check_counts_every_clause_file_named(here: Path) -> None:
    result = _run("check", "post.yaml", "good/1900-variation.yaml", "bad/1800-disputes.yaml")
    assert result.exit_code == 1, result.output
    assert "1 answer file, 0 with errors; 2 clause files, 1 with errors" in _said(result)
    clean = _run("check", "post.yaml", "good/1900-variation.yaml")
    assert clean.exit_code == 0, clean.output
    assert "1 answer file, 0 with errors; 1 clause file, 0 with errors" in _said(clean)


def test_check_of_posts_alone_says_no_clause_files(here: Path) -> None:
    result = _run("check", "post.yaml")
    assert result.exit_code == 0 and "clause file" not in result.output, result.output
    assert result.output.rstrip().endswith("1 answer file, 0 with errors")


def test_build_counts_a_clause_file_with_errors_in_its_summary(here: Path) -> None:
    result = _run("build", "post.yaml", "bad/1800-disputes.yaml", "--out", "out")
    assert result.exit_code == 1, result.output
    last = [line for line in result.output.splitlines() if line.strip()][-1]
    assert last.startswith("1 built, 0 unchanged, 0 failed; 1 clause file, 1 with errors; "), last


def _profiles(here: Path) -> None:
    made = _run("new", "--organisation", "organisations/eastwick.yaml")
    assert made.exit_code == 0, made.output
    (here / "organisations" / "bad.yaml").write_text("docgen_organisation: 1\nname: Bad\n",
                                                      encoding="utf-8")


def test_check_counts_a_profile_named_as_a_profile(here: Path) -> None:
    """A profile named is "an organisation profile ..., not an answer file", as its own
    lines say: the summary said "1 answer file, 0 with errors" of it."""
    _profiles(here)
    alone = _run("check", "organisations/eastwick.yaml")
    assert alone.exit_code == 0, alone.output
    assert alone.output.rstrip().endswith("\n1 organisation profile, 0 with errors"), alone.output
    both = _run("check", "post.yaml", "organisations/*.yaml", "bad/1800-disputes.yaml")
    assert both.exit_code == 1, both.output
    assert both.output.rstrip().endswith(
        "\n1 answer file, 0 with errors; 2 organisation profiles, 1 with errors; 1 clause "
        "file, 1 with errors"), both.output
