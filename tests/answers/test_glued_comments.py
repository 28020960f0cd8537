"""Text after `` #`` is a YAML comment: ``title: Head of HR #2`` would lose "#2" without a
word. A ``#`` glued to what follows it, right after a value, is reported at its line with
both fixes; a comment with a space after the ``#`` is left alone."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES_DIR
from docx_read import full_text

from docgen import build, check
from docgen.cli import cli

HR = (EXAMPLES_DIR / "shared-head-of-hr.yaml").read_text()
TITLE = "  title: Shared Head of Human Resources\n"


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _input_warnings(text: str) -> list[tuple[str, int | None, str]]:
    report = check(text)
    assert report.ok, report.errors
    return [(p.key, p.line, p.message) for p in report.warnings if p.rule == "INPUT"]


def test_a_glued_hash_after_a_value_is_a_warning_at_its_line_with_both_fixes() -> None:
    text = HR.replace(TITLE, "  title: Shared Head of Human Resources #2\n")
    [(key, line, message)] = _input_warnings(text)
    assert key == "post.title"
    assert line == _line_of(text, "Resources #2")
    assert "'#2'" in message and "left out of the documents" in message
    assert "title: 'Shared Head of Human Resources #2'" in message
    assert "put a space after the #" in message


def test_a_comment_with_a_space_or_on_its_own_line_is_left_alone() -> None:
    text = HR.replace(TITLE, "  # the title agreed by both chief executives\n"
                             "  title: Shared Head of Human Resources  # as advertised\n")
    assert _input_warnings(text) == []
    assert _input_warnings(HR) == []  # the contract copy: no false alarm


def test_quoted_the_value_keeps_its_hash_and_is_printed_whole(tmp_path: Path) -> None:
    text = HR.replace(TITLE, "  title: 'Shared Head of Human Resources #2'\n")
    assert _input_warnings(text) == []
    post = tmp_path / "post.yaml"
    post.write_text(text)
    report = build([post], tmp_path / "out")
    assert report.ok
    contract = next(p for p in report.posts[0].outputs if p.name.endswith("contract.docx"))
    assert "Shared Head of Human Resources #2" in full_text(contract)


def test_a_number_is_caught_too() -> None:
    text = HR.replace("salary: 92000", "salary: 92000 #midpoint", 1)
    assert "salary: 92000 #midpoint" in text
    [(key, _, message)] = _input_warnings(text)
    assert key.endswith("salary")
    assert "salary: '92000 #midpoint'" in message


def test_the_warning_names_the_base_file_of_an_extends(tmp_path: Path) -> None:
    (tmp_path / "base.yaml").write_text(
        HR.replace(TITLE, "  title: Shared Head of Human Resources #2\n"))
    (tmp_path / "post.yaml").write_text("extends: base.yaml\nreference: EWK-WSM-HR-02\n")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "post.yaml")])
    assert result.exit_code == 0, result.output
    line = _line_of((tmp_path / "base.yaml").read_text(), "Resources #2")
    assert f"base.yaml:{line}" in result.output
    assert "INPUT" in result.output and "'#2'" in result.output
