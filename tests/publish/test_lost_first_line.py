"""An answer file that lost its `docgen: 1` line, in a folder: a failed post (build and
check exit 1 naming the file and what to add), never quietly left out; other YAML in the
folder (notes, a profile, a clause file) is still left out."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen import api
from docgen.cli import cli
from docgen.publish.discover import REQUIRED_SECTIONS

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


def test_most_required_sections_make_a_post_and_a_notes_file_does_not(tmp_path: Path) -> None:
    """Half the sections every answer file must give (from the model, not a hand list)
    mark a post; a notes file whose keys happen to be a few of the model's words
    (version, date, status, documents, review) is left out, as before the rule."""
    assert {"parties", "employer", "time_split", "payment"} <= REQUIRED_SECTIONS
    assert not {"docgen", "version", "date", "documents"} & REQUIRED_SECTIONS
    half = sorted(REQUIRED_SECTIONS)[: (len(REQUIRED_SECTIONS) + 1) // 2]
    (tmp_path / "p.yaml").write_text("".join(f"{k}:\n  x: 1\n" for k in half))
    (tmp_path / "notes.yaml").write_text(
        "title: Meeting notes\nversion: 2\ndate: 2026-01-01\nstatus: draft\n"
        "documents: [minutes]\nreview: next month\npost: by email\n")
    files, left_out = api.answer_files([tmp_path])
    assert files == [tmp_path / "p.yaml"]
    assert [p.name for p, _ in left_out] == ["notes.yaml"]
