"""Review D3: a rebuild where nothing changed says the open warnings again. A post skipped as
unchanged is not checked again; its warnings were counted from its manifest's register row
but never named, so `warning [GP014] on 2 posts ...` vanished from the second build, `-v`
listed nothing and `--json` gave `"problems": []`. The manifest now records what the build
said, and an unchanged post says its open warnings as a built post does."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from yaml_text import load_yaml

from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def posts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three posts (two with the VAT warning GP014 open, one acknowledging it) beside the
    example organisations, the current folder being the one above them."""
    folder = tmp_path / "posts"
    shutil.copytree(ROOT / "inputs" / "organisations", folder / "organisations")
    text = (ROOT / "inputs" / "shared-head-of-procurement.yaml").read_text("utf-8")
    open_one = text[:text.index("\n# Optional: good-practice warnings accepted")] + "\n"
    assert "acknowledge:" not in open_one
    for name, body in (("a", open_one), ("b", open_one), ("c", text)):
        (folder / f"{name}.yaml").write_text(
            body.replace("reference: EWK-WSM-PROC-01", f"reference: EWK-WSM-PROC-{name}"),
            encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return folder


def _build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", "--out", "out", "posts", *args])
    return result.exit_code, result.output


def _grouped(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.startswith("warning [")]


def test_an_unchanged_post_says_its_open_warnings_again(posts: Path) -> None:
    code, first = _build()
    assert code == 0 and first.count("built EWK-WSM-PROC-") == 3, first
    grouped = _grouped(first)
    assert grouped and grouped[0].startswith(
        "warning [GP014] on 2 posts (EWK-WSM-PROC-a, EWK-WSM-PROC-b)"), first
    code, again = _build()
    assert code == 0 and "0 built, 3 unchanged, 0 failed" in again, again
    assert _grouped(again) == grouped
    assert "lists every warning in full" in again
    # the counts as the first build gave them: open and acknowledged
    assert again.splitlines()[-1].split("; ")[1] == first.splitlines()[-1].split("; ")[1]


def test_verbose_and_json_list_them_as_for_a_built_post(posts: Path) -> None:
    code, built = _build("--json")
    assert code == 0
    first = {r["reference"]: r for r in json.loads(built)}
    code, skipped = _build("--json")
    assert code == 0
    again = {r["reference"]: r for r in json.loads(skipped)}
    assert {r["status"] for r in again.values()} == {"skipped"}
    opened = [p for p in first["EWK-WSM-PROC-a"]["problems"] if not p["acknowledged"]]
    assert [p["rule"] for p in opened] == ["GP014"]
    assert again["EWK-WSM-PROC-a"]["problems"] == opened  # the same words, file and line
    # its GP014 is acknowledged: listed with its reason, as the build that built it did
    assert again["EWK-WSM-PROC-c"]["problems"] == first["EWK-WSM-PROC-c"]["problems"] != []
    code, verbose = _build("-v")
    assert code == 0
    said = [ln for ln in verbose.splitlines() if "warning [GP014]" in ln]
    # -v says every warning in full, as for a built post: c's with its acknowledgement
    assert sum("(acknowledged: " in ln for ln in said) == 1
    assert len(said) == 3 and all(ln.startswith(f"  {opened[0]['file']}:{opened[0]['line']}: ")
                                  for ln in said), verbose


def test_the_manifest_records_what_the_build_said(posts: Path) -> None:
    assert _build()[0] == 0
    manifest = load_yaml((Path("out") / "EWK-WSM-PROC-a" / "manifest.json").read_text())
    [warning] = [w for w in manifest["warnings"] if w["rule"] == "GP014"]
    assert Path(warning["file"]).is_absolute() and warning["acknowledged"] is None
    assert manifest["register"]["warnings"] == len(manifest["warnings"])


def test_a_manifest_entry_docgen_does_not_write_is_not_said(posts: Path) -> None:
    """The manifest is not trusted (a post folder may come from elsewhere): an entry of
    another shape is left out; the post is still unchanged."""
    assert _build()[0] == 0
    path = Path("out") / "EWK-WSM-PROC-a" / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["warnings"] += [{"message": 5}, "text", {"message": "x", "path": "a.b"},
                             {"message": "x", "path": [], "line": "1", "rule": "",
                              "code": "", "file": None, "acknowledged": None}]
    path.write_text(json.dumps(manifest))
    code, said = _build("--json")
    record = next(r for r in json.loads(said) if r["reference"] == "EWK-WSM-PROC-a")
    assert code == 0 and record["status"] == "skipped"
    assert [p["rule"] for p in record["problems"]] == ["GP014"]
