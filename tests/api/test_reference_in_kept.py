"""The interview's ``reference_in`` keeps only a load that worked. A post whose base was
missing was kept with its own file's stamp alone, so the base written later was never
seen (the reference stayed None until the post changed or the server restarted); and a
post with ``extends: "x\\0y.yaml"`` raised ``ValueError: embedded null byte``, which failed
every page that lists the folder's references. The loader now says what is wrong with
such a path, where, and how to fix it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES_DIR

from docgen.answers.yamlfile import load_answer_file
from docgen.api.interview import reference_in
from docgen.cli import cli
from docgen.errors import AnswerFileError

HR = EXAMPLES_DIR / "shared-head-of-hr.yaml"
NUL_BASE = 'docgen: 1\nextends: "x\\0y.yaml"\nreference: B-1\n'


def test_a_base_written_after_a_failed_load_is_seen(tmp_path: Path) -> None:
    post = tmp_path / "post.yaml"
    post.write_text("docgen: 1\nextends: _base.yaml\n", encoding="utf-8")
    assert reference_in(post) is None
    text = HR.read_text(encoding="utf-8")
    (tmp_path / "_base.yaml").write_text(text, encoding="utf-8")
    assert reference_in(post) == load_answer_file(HR).data["reference"]


def test_a_broken_base_fixed_later_is_seen(tmp_path: Path) -> None:
    post = tmp_path / "post.yaml"
    post.write_text("docgen: 1\nextends: _base.yaml\n", encoding="utf-8")
    (tmp_path / "_base.yaml").write_text("reference: [unclosed\n", encoding="utf-8")
    assert reference_in(post) is None
    shutil.copy(HR, tmp_path / "_base.yaml")
    assert reference_in(post) == load_answer_file(HR).data["reference"]


def test_a_nul_in_extends_is_an_answer_file_error_with_its_line(tmp_path: Path) -> None:
    post = tmp_path / "b.yaml"
    post.write_text(NUL_BASE, encoding="utf-8")
    with pytest.raises(AnswerFileError) as caught:
        load_answer_file(post)
    problem = caught.value.problems[0]
    assert problem.key == "extends" and problem.line == 2 and problem.file == post
    assert "NUL" in problem.message and "'xy.yaml'" in problem.message
    assert reference_in(post) == "B-1"  # the reference its text states, as build reads it


def test_a_nul_in_a_clauses_folder_is_an_answer_file_error(tmp_path: Path) -> None:
    post = tmp_path / "post.yaml"
    post.write_text(HR.read_text(encoding="utf-8") + 'clauses: ["our\\0clauses"]\n',
                    encoding="utf-8")
    with pytest.raises(AnswerFileError) as caught:
        load_answer_file(post)
    assert caught.value.problems[0].key == "clauses[0]"
    assert "NUL" in caught.value.problems[0].message


def test_check_says_what_is_wrong_not_unexpected_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("b.yaml").write_text(NUL_BASE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "b.yaml"])
    said = " ".join(result.output.split())
    assert result.exit_code == 1 and "unexpected error" not in said, said
    assert "NUL character" in said and "extends" in said
