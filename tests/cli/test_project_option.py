"""``--project FOLDER`` on build and check: one post in a subfolder, read with the
profiles of a project folder above it (the folder named is otherwise the project)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.api import verify
from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """proj/organisations/ and proj/sub/post.yaml."""
    shutil.copytree(ROOT / "inputs" / "organisations", tmp_path / "proj" / "organisations")
    (tmp_path / "proj" / "sub").mkdir()
    shutil.copy(ROOT / "inputs" / "shared-head-of-procurement.yaml",
                tmp_path / "proj" / "sub" / "post.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "proj"


def test_without_it_the_message_names_the_folder_above_and_the_command(project: Path
                                                                       ) -> None:
    result = CliRunner().invoke(cli, ["check", "proj/sub/post.yaml"])
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert "Traceback" not in result.output
    assert "organisations/ (above proj/sub, the project folder) is not looked at" in text
    assert "docgen build --project proj proj/sub/post.yaml" in text


def test_check_and_build_read_the_profiles_of_the_project_named(project: Path) -> None:
    result = CliRunner().invoke(cli, ["check", "--project", "proj", "proj/sub/post.yaml"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(cli, ["build", "--project", "proj", "proj/sub/post.yaml",
                                      "--out", "out", "--no-verify"])
    assert result.exit_code == 0, result.output
    assert "1 built" in result.output


def test_a_project_that_does_not_hold_the_post_is_refused(project: Path) -> None:
    (project.parent / "other").mkdir()
    result = CliRunner().invoke(cli, ["check", "--project", "other", "proj/sub/post.yaml"])
    assert result.exit_code == 2
    assert "other does not hold proj/sub/post.yaml" in result.output
    assert "--project proj/sub" in result.output


def test_verify_says_where_to_run_it_from(project: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    result = CliRunner().invoke(cli, ["build", "--project", "proj", "proj/sub/post.yaml",
                                      "--out", "out", "--no-verify"])
    assert result.exit_code == 0, result.output
    [post] = [p for p in (project.parent / "out").iterdir() if p.is_dir()]
    monkeypatch.chdir(project / "sub")
    result = CliRunner().invoke(cli, ["verify", str(post)])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert (f"built with the profiles in {project.resolve() / 'organisations'}, above the "
            "current folder") in result.output
    assert f"docgen verify --project {project.resolve()} <out>/{post.name}" in result.output
    assert f"cd {project.resolve()} && docgen verify" in result.output
    result = CliRunner().invoke(cli, ["verify", "--project", "..", str(post)])  # named
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(project)
    result = CliRunner().invoke(cli, ["verify", str(post)])  # or the current folder
    assert result.exit_code == 0, result.output


def test_verify_refuses_a_project_that_does_not_hold_the_answer_file(project: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--project", "proj", "proj/sub/post.yaml",
                                      "--out", "out", "--no-verify"])
    assert result.exit_code == 0, result.output
    [post] = [p for p in (project.parent / "out").iterdir() if p.is_dir()]
    (project.parent / "other").mkdir()
    result = CliRunner().invoke(cli, ["verify", "--project", "other", str(post)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    text = " ".join(result.output.split())
    assert "other does not hold the answer file" in text
    # the folder suggested is the one whose organisations/ the documents were built with
    assert f"--project {project.resolve()} " in text or text.endswith(
        f"--project {project.resolve()}")
    result = CliRunner().invoke(cli, ["verify", "--project", str(project.resolve()), str(post)])
    assert result.exit_code == 0, result.output
    # the API takes the same folder
    assert verify(post, project=project) == []


def test_verify_with_project_finds_the_answer_file_there_from_anywhere(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Named, the project is where the answer file is looked for and may be read: from a
    folder outside it, an edited answer file there is reported as changed, not refused."""
    result = CliRunner().invoke(cli, ["build", "--project", "proj", "proj/sub/post.yaml",
                                      "--out", "out", "--no-verify"])
    assert result.exit_code == 0, result.output
    [post] = [p.resolve() for p in (project.parent / "out").iterdir() if p.is_dir()]
    answer = project / "sub" / "post.yaml"
    answer.write_text(answer.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    (project.parent / "elsewhere").mkdir()
    monkeypatch.chdir(project.parent / "elsewhere")
    result = CliRunner().invoke(cli, ["verify", "--project", str(project.resolve()), str(post)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    text = " ".join(result.output.split())
    assert "has changed since these documents were built" in text, text
    assert "cannot find the answer file" not in text


def test_verify_with_a_project_below_the_profiles_names_the_one_above(project: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--project", "proj", "proj/sub/post.yaml",
                                      "--out", "out", "--no-verify"])
    assert result.exit_code == 0, result.output
    [post] = [p for p in (project.parent / "out").iterdir() if p.is_dir()]
    result = CliRunner().invoke(cli, ["verify", "--project", "proj/sub", str(post)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    text = " ".join(result.output.split())
    assert f"above the project folder named, {(project / 'sub').resolve()}" in text
    assert f"docgen verify --project {project.resolve()} <out>/{post.name}" in text


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_workbook_with_project_is_refused_by_check_as_by_build(project: Path,
                                                                 command: str) -> None:
    book = project / "posts.xlsx"
    book.write_bytes(b"PK\x03\x04")
    result = CliRunner().invoke(cli, [command, "--project", str(project), str(book)])
    assert result.exit_code == 2, result.output
    assert "--project is for answer files" in result.output
