"""Review D2: a section the post leaves out is the post's to add, not the profile's. The
employer's policy gives ``governance.disputes``; a post without ``governance:`` was told
``organisations/eastwick.yaml:46: governance.steering_group: ... add it`` (the profile's
policy block), sending the person to edit a profile every post shares. The error is now
at the post's own file, and says to add the section to the post, with an example."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.answers.profiles import load_post
from docgen.answers.validation import validate
from docgen.cli import cli
from docgen.errors import AnswerFileError


def _without_governance(post: Path) -> None:
    text = post.read_text(encoding="utf-8")
    cut = re.sub(r"\ngovernance:\n(?:  .*\n)+", "\n", text)
    assert cut != text and "steering_group" not in cut
    post.write_text(cut, encoding="utf-8")


def test_a_section_left_out_is_located_in_the_post(workspace: Path) -> None:
    post = workspace / "post.yaml"
    _without_governance(post)
    with pytest.raises(AnswerFileError) as caught:
        validate(load_post(post))
    problems = {p.key: p for p in caught.value.problems}
    assert set(problems) == {"governance.steering_group", "governance.objectives"}
    for p in problems.values():
        assert (p.file, p.line) == (post, None)  # the post's file: it has no governance line
        assert "organisations/eastwick.yaml:" not in str(p)
        assert "this post has no 'governance' section (the employer's organisation profile, " \
               "organisations/eastwick.yaml, gives its disputes only): add one to this post " \
               "with its" in p.message
    assert "e.g. governance: {steering_group: {name: " in \
        problems["governance.steering_group"].message
    result = CliRunner().invoke(cli, ["check", "--json", "post.yaml"])
    assert result.exit_code == 1
    [record] = json.loads(result.output)
    assert {(p["file"], p["line"]) for p in record["problems"]} == {("post.yaml", None)}


def test_a_key_left_out_of_a_section_the_post_writes_keeps_its_line(workspace: Path) -> None:
    """The post writes ``governance:`` without objectives: the error is at that line, as
    before."""
    post = workspace / "post.yaml"
    text = post.read_text(encoding="utf-8")
    cut = re.sub(r"  objectives:\n(?:    .*\n)+", "", text)
    assert cut != text
    post.write_text(cut, encoding="utf-8")
    with pytest.raises(AnswerFileError) as caught:
        validate(load_post(post))
    [problem] = caught.value.problems
    line = cut.splitlines().index("governance:") + 1
    assert (problem.key, problem.file, problem.line) == ("governance.objectives", post, line)
    assert problem.message.startswith("'objectives' is required here but missing")
