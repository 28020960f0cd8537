"""Choosing "Final" on About says why the post cannot be final once, in the interview's
words: the live check ran docgen three ways (the real answers, the scaffold beneath the
sections not answered, wrong answers stood in for) and kept each message whose words
differed, so "4 unacknowledged warnings" and "3 unacknowledged warnings" both showed."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("starlette")
from yaml_text import load_yaml  # noqa: E402

from docgen.web.checking import live  # noqa: E402
from docgen.web.messages import problem_text  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402

ABOUT = ("reference", "status", "jurisdiction", "docgen")


def _final(**changes: Any) -> dict[str, Any]:
    data = load_yaml((EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8"))
    data["status"] = "final"
    data.pop("postholder")  # the contract's name and address: a gap
    data.pop("acknowledge", None)
    data.update(changes)
    return data


def test_one_message_while_another_section_is_wrong_and_one_not_answered() -> None:
    data = _final()
    # the post-holder's own title on the steering group (a warning, GP060) and a partner
    # without a member (an error elsewhere): the check with that stood in counts one less
    data["governance"]["steering_group"]["members"] = [
        {"party": "eastwick", "role": data["post"]["title"]}]
    data.pop("job")
    said = [p for p in live(data, owns=ABOUT).errors if p.path == ("status",)]
    assert len(said) == 1
    words = problem_text(said[0].message, said[0].path, code=said[0].code)
    assert words == "About the arrangement: The post can only be final once every question " \
        "is answered without errors and every warning is accepted or put right; choose " \
        "‘Draft’ until then"


def test_the_real_answers_count_in_the_interviews_words() -> None:
    data = _final()
    data["governance"]["steering_group"]["members"] = [
        {"party": "eastwick", "role": data["post"]["title"]}]
    said = [p for p in live(data, owns=ABOUT).errors if p.path == ("status",)]
    assert len(said) == 1
    words = problem_text(said[0].message, said[0].path, code=said[0].code)
    assert words.startswith("About the arrangement: The post cannot be final yet: ")
    assert "The post cannot be final yet: 1 answer is still to be given (shown as a " \
        "highlighted gap in the documents) and " in words  # first, as "Final" refused says
    assert "Give each answer and accept or put right each warning, or choose ‘Draft’" in words
    assert "acknowledge" not in words and "placeholder" not in words
