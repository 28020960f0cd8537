"""Organisation profiles from the command line, end to end: the folders named are project
roots (profiles.md's workspace layout), and ``docgen verify`` reads a post the way build
does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_read import full_text
from yaml_text import load_yaml

from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
PROCUREMENT = "shared-head-of-procurement.yaml"
REFERENCE = "EWK-WSM-PROC-01"
#: Eastwick's legal name as its profile gives it (its corporate name)
EASTWICK = load_yaml((ROOT / "inputs" / "organisations" / "eastwick.yaml").read_text(
    "utf-8"))["name"]


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
    assert EASTWICK in full_text(agreement)


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


@pytest.fixture
def built_example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped example whose parties are given by id, built from its own folder."""
    shutil.copytree(ROOT / "inputs", tmp_path / "inputs")
    monkeypatch.chdir(tmp_path / "inputs")
    code, output = run("build", ".", "--out", "../out", "-q")
    assert code == 0, output
    return tmp_path / "out" / REFERENCE


def test_verify_reads_a_post_whose_parties_come_from_profiles(built_example: Path) -> None:
    code, output = run("verify", str(built_example))
    assert code == 0, output
    assert "agree with the answer file" in output
    code, output = run("verify", str(built_example), "--answers", PROCUREMENT)
    assert code == 0, output


def _retext(docx: Path, old: str, new: str) -> None:
    """Change the text of a document's body in place (a person's edit, made outside Word)."""
    import zipfile
    with zipfile.ZipFile(docx) as z:
        parts = [(i, z.read(i)) for i in z.infolist()]
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            if info.filename == "word/document.xml":
                assert old.encode() in data
                data = data.replace(old.encode(), new.encode())
            z.writestr(info, data)


def test_verify_still_finds_a_document_tampered_with(built_example: Path) -> None:
    """A party's name changed in the agreement, and the manifest's hash made to match:
    only reading the profile's name, as build did, finds it."""
    import hashlib
    import json
    agreement = built_example / f"{REFERENCE}-agreement.docx"
    _retext(agreement, EASTWICK, EASTWICK.replace("Eastwick", "Elsewhere"))
    manifest_path = built_example / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["documents"]["agreement"]["sha256"] = hashlib.sha256(
        agreement.read_bytes()).hexdigest()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    code, output = run("verify", str(built_example))
    assert code == 1, output
    assert "has errors" not in output  # the post was read: its profiles applied
    assert f"agreement.docx: PARTIES does not list {EASTWICK}" in output


def test_verify_says_a_profile_changed_since_the_build(built_example: Path) -> None:
    profile = Path("organisations/westmere.yaml")
    profile.write_text(profile.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    code, output = run("verify", str(built_example))
    assert code == 1, output
    assert "organisations/westmere.yaml: the organisation profile of 'westmere' has changed" \
        in output
