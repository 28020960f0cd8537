"""Messages point to what an installed user has: `docgen schema` prints the reference, but
the repository's docs/ folder is not in the wheel."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES_DIR, problems_of

from docgen.answers.profile_files import check_profile
from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
HR = (EXAMPLES_DIR / "shared-head-of-hr.yaml").read_text()


def test_a_missing_key_names_the_command_that_describes_every_key() -> None:
    text = HR.replace("  title: Shared Head of Human Resources\n", "")
    assert text != HR
    [problem] = [p for p in problems_of(text) if p.key == "post.title"]
    assert "docgen schema --markdown describes every key" in problem.message
    assert "docs/" not in problem.message


def test_a_profiles_missing_key_names_the_command_too(tmp_path: Path) -> None:
    profile = tmp_path / "organisations" / "eastwick.yaml"
    shutil.copytree(ROOT / "inputs" / "organisations", tmp_path / "organisations")
    text = profile.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines(keepends=True)
             if not line.startswith("short_name:")]
    assert len(lines) == len(text.splitlines()) - 1
    profile.write_text("".join(lines), encoding="utf-8")
    messages = [p.message for p in check_profile(profile)]
    assert any("docgen schema --organisation describes every key" in m for m in messages), \
        messages
    assert not [m for m in messages if "docs/" in m]


def test_schema_with_both_references_says_which_is_which() -> None:
    result = CliRunner().invoke(cli, ["schema", "--markdown", "--organisation"])
    assert result.exit_code == 2
    assert "--organisation (an organisation profile's keys)" in result.output
    assert "docs/" not in result.output
