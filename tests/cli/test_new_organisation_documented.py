"""``docgen new --organisation`` writes the profile and, beside it, the JSON Schema its
first line names; docs/profiles.md says so where it tells how to start a profile."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def test_the_schema_written_beside_a_new_profile_is_documented(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["new", "--organisation", "organisations/eastwick.yaml"])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in (tmp_path / "organisations").iterdir())
    assert written == ["eastwick.yaml", "organisation.schema.json"]
    first = (tmp_path / "organisations" / "eastwick.yaml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=organisation.schema.json"
    docs = " ".join((ROOT / "docs" / "profiles.md").read_text(encoding="utf-8").split())
    start = docs.index("Start one with `docgen new --organisation organisations/eastwick.yaml`")
    assert "It also writes `organisations/organisation.schema.json` beside the profile" in \
        docs[start:start + 400]
