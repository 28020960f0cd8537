"""Organisation profiles from the command line, end to end: the folders named are project
roots (profiles.md's workspace layout), and ``docgen verify`` reads a post the way build
does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_read import full_text

from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
PROCUREMENT = "shared-head-of-procurement.yaml"
REFERENCE = "EWK-WSM-PROC-01"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


@pytest.fixture
def layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """profiles.md's layout: inputs/organisations/ and a post in inputs/hr/ (no
    inputs/hr/organisations/), run from the folder above inputs/."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copytree(ROOT / "inputs" / "organisations", inputs / "organisations")
    (inputs / "hr").mkdir()
    shutil.copy(ROOT / "inputs" / PROCUREMENT, inputs / "hr" / "post.yaml")
    monkeypatch.chdir(tmp_path)
    return inputs


@pytest.mark.parametrize("named", [["inputs"], ["inputs/"], [], ["./inputs"], ["ABS"]])
def test_a_post_in_a_subfolder_finds_the_named_folders_profiles(layout: Path,
                                                                named: list[str]) -> None:
    named = [str(layout) if n == "ABS" else n for n in named]
    code, output = run("check", *named)
    assert code == 0, output
    assert "1 answer file, 0 with errors" in output
    code, output = run("build", *named, "--out", "out", "-q")
    assert code == 0, output
    agreement = Path("out") / REFERENCE / f"{REFERENCE}-agreement.docx"
    assert "London Borough of Eastwick" in full_text(agreement)


def test_extends_may_reach_the_named_folder(layout: Path) -> None:
    post = layout / "hr" / "post.yaml"
    text = post.read_text(encoding="utf-8")
    head, rest = text.split("jurisdiction: england_and_wales\n", 1)
    (layout / "_base.yaml").write_text("docgen: 1\njurisdiction: england_and_wales\n",
                                       encoding="utf-8")
    post.write_text(head.replace("docgen: 1\n", "docgen: 1\nextends: ../_base.yaml\n") + rest,
                    encoding="utf-8")
    code, output = run("check", "inputs")
    assert code == 0, output
    code, output = run("build", "inputs", "--out", "out", "-q")
    assert code == 0, output


def test_a_file_named_alone_keeps_its_own_folder_as_the_root(layout: Path) -> None:
    """Naming the file (not the folder) does not widen the project: as documented, the
    search stops at the folders named, so inputs/organisations/ is not found."""
    code, output = run("check", "inputs/hr/post.yaml")
    assert code == 1
    assert "no organisations/ folder" in output
