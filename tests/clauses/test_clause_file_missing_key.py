"""A clause file of one's own missing a key it must have (``order``, ``id``, ``title``,
``version``, ``documents``, ``text``; a definition's ``term``) is said with the file and
the line to add it below, what the key is for, and an example as docgen's own clause files
write it, never only "missing key(s) order"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES_DIR

from docgen.clauses.library import load_library
from docgen.cli import cli
from docgen.errors import FolderErrors

CLAUSE = {"id": "ours.local_meetings", "title": "Local meetings", "version": "1",
          "documents": "[agreement]", "order": "250",
          "text": "|\n  The Parties shall meet each quarter."}


def _folder(tmp_path: Path, left_out: str) -> Path:
    folder = tmp_path / "ourclauses"
    folder.mkdir()
    (folder / "x.yaml").write_text("".join(f"{k}: {v}\n" for k, v in CLAUSE.items()
                                           if k != left_out))
    return folder


def _said(folder: Path) -> str:
    with pytest.raises(FolderErrors) as caught:
        load_library([folder])
    return caught.value.found[0][1]


def test_order_missing_is_said_with_its_line_meaning_and_example(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "order")
    said = _said(folder)
    assert said.startswith(f"{folder / 'x.yaml'}:4: ")  # below documents:, line 4
    assert "missing key 'order'" in said
    assert "where the clause goes in the document" in said
    assert "`order: 250`" in said and "below `documents:`" in said


@pytest.mark.parametrize(("key", "line", "example"), [
    ("id", 1, "`id: ours."), ("title", 1, "`title: "), ("version", 2, "`version: 1`"),
    ("documents", 3, "`documents: [agreement]`"), ("text", 5, "`text: ")])
def test_every_required_key_missing_is_explained(tmp_path: Path, key: str, line: int,
                                                example: str) -> None:
    said = _said(_folder(tmp_path, key))
    assert re.match(rf".*x\.yaml:{line}: missing key '{key}' \(\w", said), said
    assert example in said


def test_a_definition_without_its_text(tmp_path: Path) -> None:
    folder = tmp_path / "ourclauses"
    folder.mkdir()
    (folder / "term.yaml").write_text("term: Steering Board\ndocuments: [agreement]\n")
    said = _said(folder)
    assert re.match(r".*term\.yaml:2: missing key 'text' \(", said), said
    assert "for a definition its meaning" in said


def test_check_says_it_at_the_answer_files_clauses(tmp_path: Path) -> None:
    _folder(tmp_path, "order")
    post = tmp_path / "post.yaml"
    post.write_text((EXAMPLES_DIR / "shared-head-of-hr.yaml").read_text()
                    + "clauses: [ourclauses]\n")
    result = CliRunner().invoke(cli, ["check", "--json", str(post)])
    assert result.exit_code == 1
    assert "x.yaml:4: missing key 'order' (where the clause goes in the document" in \
        result.output
