"""A post built with a clause overlay is skipped when nothing changed, however the overlay
folder is named: relatively by the command (``--clauses overlay``), absolutely by the
manifest. The overlay's path went into the inputs' hash, so such a post was rebuilt on every
run, and once a person had edited one of its documents every build failed ("changed since
docgen wrote it") where a post without an overlay is "unchanged"."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"
FOI = ROOT / "docgen" / "data" / "clauses" / "agreement" / "1300-foi.yaml"


def _build(*args: str) -> list[dict]:
    result = CliRunner().invoke(cli, ["build", "--json", "post.yaml", "--out", "out", *args])
    return json.loads(result.output)


@pytest.mark.parametrize("named", ["overlay", "ABSOLUTE"])
def test_an_unchanged_post_with_an_overlay_is_skipped(tmp_path: Path, named: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(HR, tmp_path / "post.yaml")
    (tmp_path / "overlay").mkdir()
    text = FOI.read_text("utf-8").replace("version: ", "version: 9\nreplaces_version: ", 1)
    (tmp_path / "overlay" / "agreement.foi.yaml").write_text(text, "utf-8")
    folder = str(tmp_path / "overlay") if named == "ABSOLUTE" else "overlay"
    assert [r["status"] for r in _build("--clauses", folder)] == ["built"]
    assert [r["status"] for r in _build("--clauses", folder)] == ["skipped"]
    agreement = next((tmp_path / "out").rglob("*-agreement.docx"))
    agreement.write_bytes(agreement.read_bytes() + b"")  # touched, bytes the same
    assert [r["status"] for r in _build("--clauses", folder)] == ["skipped"]
    (tmp_path / "overlay" / "agreement.foi.yaml").write_text(
        text.replace("title: Freedom of information", "title: Information requests", 1), "utf-8")
    assert [r["status"] for r in _build("--clauses", folder)] == ["built"]
