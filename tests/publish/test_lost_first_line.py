"""An answer file that lost its `docgen: 1` line, in a folder: a failed post (build and
check exit 1 naming the file and what to add), never quietly left out; other YAML in the
folder (notes, a profile, a clause file) is still left out."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen import api
from docgen.cli import cli
from docgen.publish.discover import SECTIONS

SAMPLE = Path(__file__).resolve().parents[2] / "inputs" / "shared-head-of-hr.yaml"


def _without_first_line(folder: Path) -> Path:
    folder.mkdir()
    post = folder / "post.yaml"
    post.write_text("".join(line for line in SAMPLE.read_text().splitlines(keepends=True)
                            if not line.startswith("docgen: 1")))
    return post


@pytest.mark.parametrize("command", ["build", "check"])
def test_post_without_docgen_line_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        command: str) -> None:
    monkeypatch.chdir(tmp_path)
    _without_first_line(tmp_path / "f2")
    result = CliRunner().invoke(cli, [command, "f2"])
    assert result.exit_code == 1, result.output
    assert "not an answer file" not in result.output
    assert "post.yaml" in result.output
    assert "has no 'docgen: 1' line" in result.output and "post.yaml:1" in result.output
    assert "docgen: 1" in result.output
    assert "Traceback" not in result.output


def test_api_takes_it_as_a_post_and_leaves_other_yaml_out(tmp_path: Path) -> None:
    post = _without_first_line(tmp_path / "f")
    (tmp_path / "f" / "notes.yaml").write_text("title: notes\nreference: X-1\n")
    (tmp_path / "f" / "profile.yaml").write_text(
        "docgen_organisation: 1\nreference: X\nparties: []\n")
    (tmp_path / "f" / "clause.yaml").write_text("id: a\ntext: b\ndocuments: [c]\n")
    files, left_out = api.answer_files([tmp_path / "f"])
    assert files == [post]
    assert sorted(p.name for p, _ in left_out) == ["clause.yaml", "notes.yaml", "profile.yaml"]


def test_two_sections_from_the_model_make_a_post(tmp_path: Path) -> None:
    """Any two of the model's sections (not a hand list) mark a post."""
    assert {"payment", "review", "parties", "reference"} <= SECTIONS
    (tmp_path / "p.yaml").write_text("payment:\n  salary: 1\nreview:\n  x: 1\n")
    files, left_out = api.answer_files([tmp_path])
    assert files == [tmp_path / "p.yaml"] and left_out == []
