"""The JSON of a problem (``docgen check --json``, ``docgen build --json``,
``CheckReport.to_dict()``, the web's ``/api/check``) gives its ``code``: an OVERLAY warning
whose clause none of the post's documents takes (``not_used``: it does not stop the post
being final) is told from one that does by it, not by its words. Null for a problem with no
code. JSON had no way to tell them apart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import docgen
from docgen.cli import cli
from docgen.final_open import NOT_USED

from .overlay_posts import HR, foi_overlay, welsh_overlay


def _codes(folder: Path) -> list[dict[str, str | None]]:
    """Each door's OVERLAY warnings' codes, and GP014's (a rule's warning, no code), for
    ``folder/post.yaml``."""
    [checked] = json.loads(CliRunner().invoke(cli, ["check", "--json", "post.yaml"]).output)
    [built] = json.loads(CliRunner().invoke(cli, ["build", "--json", "post.yaml",
                                                  "--out", "out"]).output)
    report = docgen.check(folder / "post.yaml").to_dict()
    return [{p["rule"]: p["code"] for p in problems if p["rule"] in ("OVERLAY", "GP014")}
            for problems in (checked["problems"], built["problems"], report["warnings"])]


@pytest.mark.parametrize(("overlay", "code"), [(welsh_overlay, NOT_USED), (foi_overlay, None)])
def test_every_json_door_gives_the_overlay_warnings_code(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, overlay: object,
        code: str | None) -> None:
    monkeypatch.chdir(tmp_path)
    overlay(tmp_path / "overlay")  # type: ignore[operator]
    (tmp_path / "post.yaml").write_text(HR.read_text("utf-8") + "clauses:\n  - overlay\n",
                                        "utf-8")
    for said in _codes(tmp_path):
        assert said == {"OVERLAY": code, "GP014": None}, said
