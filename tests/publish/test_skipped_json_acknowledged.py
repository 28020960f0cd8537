"""A post skipped as unchanged gives in ``--json`` the warnings its manifest records, the
acknowledged ones with their reason, as its first build gave them: the text's summary
counted "1 warning (1 acknowledged)" from the manifest while the JSON said
``"problems": []``, so the two disagreed about one unchanged post."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def post(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped procurement post (its GP014 acknowledged) beside its organisations."""
    shutil.copytree(ROOT / "inputs" / "organisations", tmp_path / "organisations")
    shutil.copy(ROOT / "inputs" / "shared-head-of-procurement.yaml", tmp_path / "post.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "post.yaml"


def _build(*args: str) -> str:
    result = CliRunner().invoke(cli, ["build", "post.yaml", "--out", "b3", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_skipped_post_gives_its_acknowledged_warnings_as_built(post: Path) -> None:
    [built] = json.loads(_build("--json"))
    assert built["status"] == "built"
    assert [(p["rule"], bool(p["acknowledged"])) for p in built["problems"]] == [
        ("GP014", True)]
    [skipped] = json.loads(_build("--json"))
    assert skipped["status"] == "skipped"
    assert skipped["problems"] == built["problems"]  # rule, reason, file and line alike
    text = _build()
    assert "unchanged EWK-WSM-PROC-01" in text and "1 warning (1 acknowledged)" in text
    # the text's count and the JSON's agree
    acked = [p for p in skipped["problems"] if p["acknowledged"]]
    assert (len(skipped["problems"]), len(acked)) == (1, 1)
    assert "warning [GP014]" not in text  # an acknowledged warning is not said as open
