""""Final" refused is counted once, from docgen's problems, the same by the command line
and the interview: the final status's own warning (GP029, naming the gap) is not a second
thing open beside the gap, and the interview's words count the answers still to give and
the warnings open in the check's data, never the numbers in docgen's English message (they
were read out of it, so the browser said what the command line miscounted)."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytest.importorskip("starlette")
from yaml_text import load_yaml  # noqa: E402

import docgen  # noqa: E402
from docgen.web.checking import live  # noqa: E402
from docgen.web.messages import problem_text  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402


def _recruit(**changes: Any) -> dict[str, Any]:
    """The Head of HR example, final, the post-holder not known yet and the post returned
    to not given (one gap in the contract; GP045 about the grade returned to open)."""
    data = load_yaml((EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8"))
    data.pop("postholder")
    data["exit"].pop("reversion_post")
    return {**data, "status": "final", **changes}


def _counts(message: str) -> list[int]:
    return [int(n) for n in re.findall(r"(\d+) (?:unacknowledged warning|placeholder|"
                                       r"warning|answer)", message)]


@pytest.mark.parametrize("accepted", [(), ({"rule": "GP045", "reason": "Agreed"},)])
def test_the_command_line_and_the_interview_count_the_same(accepted: tuple[Any, ...]) -> None:
    data = _recruit()
    data["acknowledge"] = [*data["acknowledge"], *accepted]
    [cli] = [p for p in docgen.check(data).errors if p.code == "final_open"]
    [web] = [p for p in live(data).errors if p.path == ("status",)]
    said = problem_text(web.message, web.path, code=web.code)
    open_warnings = 0 if accepted else 1  # GP045; never GP029, the gap's own
    assert _counts(cli.message) == ([1, 1] if open_warnings else [1]), cli.message
    assert _counts(said) == _counts(cli.message), (said, cli.message)
    assert ("warning" in said) == bool(open_warnings), said
    assert "1 answer is still to be given" in said, said


def test_the_interview_never_reads_the_count_out_of_docgens_words() -> None:
    """A "Final" refused the interview did not count itself says what to do, no number."""
    said = problem_text("the documents are marked final but 7 unacknowledged warnings and 3 "
                        "placeholders are still open; resolve or acknowledge the warnings and "
                        "fill in the placeholders (docgen check lists them), or set status: "
                        "draft", ("status",), code="final_open")
    assert not re.search(r"\d", said), said
    assert "every warning is accepted or put right" in said, said
