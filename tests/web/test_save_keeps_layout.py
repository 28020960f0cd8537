"""Saving a post changes only the lines of the answers changed, in the file's own layout
(docgen/web/yamltext.py ``written_indent``): a file written by PyYAML (lists at their
key's column) kept its lists so, where a save rewrote all 224 lines of them in docgen's
way; docgen's own layout stays docgen's. A long answer the file folded over lines is
written on one line, as docs/web.md says: those lines are the only others that change."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview  # noqa: E402

EXAMPLE = (EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8")


def _saved(folder: Path, text: str) -> tuple[list[str], list[str]]:
    """The lines taken out of and put into ``text`` by changing the salary and saving."""
    (folder / "post.yaml").write_text(text, "utf-8")
    web = Interview(folder)
    web.open("post.yaml")
    assert web.submit("payment", payment__salary="93000").status_code == 200
    assert "saved=post.yaml" in str(web.save("post.yaml").url)
    after = (folder / "post.yaml").read_text("utf-8")
    diff = [line for line in difflib.unified_diff(text.splitlines(), after.splitlines(),
                                                   lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    return [d[1:] for d in diff if d[0] == "-"], [d[1:] for d in diff if d[0] == "+"]


def _folded(text: str) -> tuple[set[int], int]:
    """The lines (by number) of each answer PyYAML wrote over more than one line or with
    an escape (``"\\xA3..."``), and how many such answers there are."""
    lines: set[int] = set()
    count = 0
    stack = [yaml.compose(text)]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend(v for pair in node.value for v in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif (node.end_mark.line > node.start_mark.line
              or "\\x" in text[node.start_mark.index:node.end_mark.index]):
            count += 1
            lines.update(range(node.start_mark.line, node.end_mark.line + 1))
    return lines, count


def test_a_pyyaml_file_keeps_its_lists_as_written(tmp_path: Path) -> None:
    text = yaml.safe_dump(yaml.safe_load(EXAMPLE), sort_keys=False)
    assert "\n- id: eastwick\n" in text  # PyYAML's lists: the dash at the key's column
    removed, added = _saved(tmp_path, text)
    folded, answers = _folded(text)
    assert answers  # the long answers PyYAML folded (the test's point)
    numbered = text.splitlines()
    assert "  salary: 92000" in removed and "  salary: 93000" in added
    removed.remove("  salary: 92000")
    added.remove("  salary: 93000")
    assert all(any(numbered[n] == line for n in folded) for line in removed), removed
    assert len(added) <= answers, added  # each folded answer on one line at most


def test_a_docgen_file_changes_only_the_answer(tmp_path: Path) -> None:
    assert "\n  - id: eastwick\n" in EXAMPLE  # docgen's lists: the dash in by 2
    assert _saved(tmp_path, EXAMPLE) == (["  salary: 92000"], ["  salary: 93000"])
