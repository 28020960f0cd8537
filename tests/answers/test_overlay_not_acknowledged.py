"""An acknowledgement of the OVERLAY warning (a clause overlay written for an older
standard clause) says that warning cannot be acknowledged, and the way out: the generic
"must be a rule id" message read as if the id were mistyped, when it is one docgen gives."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES_DIR

import docgen
from docgen.cli import cli
from docgen.results import OVERLAY_RULE

SAID = ("the OVERLAY warning cannot be acknowledged: review the clause overlay it names, "
        "then set its replaces_version as the warning says; remove this entry")


def _post(tmp_path: Path, rule: str = OVERLAY_RULE) -> tuple[Path, int]:
    """The HR example acknowledging ``rule``, and the line the rule is on."""
    text = (EXAMPLES_DIR / "shared-head-of-hr.yaml").read_text()
    assert "acknowledge:" not in text
    text += f"acknowledge:\n  - rule: {rule}\n    reason: We accept it.\n"
    path = tmp_path / "post.yaml"
    path.write_text(text)
    return path, text.splitlines().index(f"  - rule: {rule}") + 1


def test_check_says_overlay_cannot_be_acknowledged_with_the_way_out(tmp_path: Path) -> None:
    path, line = _post(tmp_path)
    report = docgen.check(path)
    assert [(p.severity, p.key, p.file, p.line, p.message) for p in report.errors] == [
        ("error", "acknowledge[0].rule", path, line, SAID)]


def test_overlay_in_lower_case_is_told_the_same(tmp_path: Path) -> None:
    path, _ = _post(tmp_path, "overlay")
    assert [p.message for p in docgen.check(path).errors] == [SAID]


def test_the_command_line_says_it_with_file_line_and_key(tmp_path: Path) -> None:
    path, line = _post(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--json", str(path)])
    assert result.exit_code == 1, result.output
    (post,) = json.loads(result.output)
    assert [(p["key"], p["line"], p["message"]) for p in post["problems"]] == [
        ("acknowledge[0].rule", line, SAID)]
    shown = CliRunner().invoke(cli, ["check", str(path)]).output
    assert f"{path.name}:{line}" in shown and "cannot be" in shown, shown


def test_edited_is_told_it_cannot_be_acknowledged_with_its_way_out(tmp_path: Path) -> None:
    """EDITED (a document changed by hand since docgen wrote it) is the other warning docgen
    gives that no acknowledgement accepts: its own way out, not "must be a rule id"."""
    path, line = _post(tmp_path, "EDITED")
    assert [(p.key, p.line, p.message) for p in docgen.check(path).errors] == [
        ("acknowledge[0].rule", line,
         "the EDITED warning cannot be acknowledged: it says a document of this post was "
         "changed by hand since docgen wrote it; keep the edited document as it is, or build "
         "with --force to write the documents again (the edited copy is kept beside them); "
         "remove this entry")]
