"""An answer file without its ``docgen: 1`` line is told to add it as its first line, at
line 1 (it was "'docgen' is required here but missing" at the first key's line, with a
pointer to the schema)."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen import load
from docgen.errors import AnswerFileError

HR = Path(__file__).resolve().parents[2] / "inputs" / "shared-head-of-hr.yaml"


def test_a_lost_first_line_is_named_at_line_one(tmp_path: Path) -> None:
    text = HR.read_text("utf-8")
    assert "\ndocgen: 1\n" in "\n" + text
    post = tmp_path / "post.yaml"
    post.write_text(("\n" + text).replace("\ndocgen: 1\n", "\n", 1).lstrip("\n"), "utf-8")
    with pytest.raises(AnswerFileError) as caught:
        load(post)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line, problem.file) == (("docgen",), 1, post)
    assert problem.message == ("the file has no 'docgen: 1' line, which every answer file "
                               "begins with; add docgen: 1 as its first line")
