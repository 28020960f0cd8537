"""The body a post's dispute steps already name as nominating the mediator
(``legal.mediator``), and that its patterns are compiled once, as ``facts/legal.py`` loads:
they are the same for every post, so searched as strings they were compiled again by every
build (four a build), which ``tests/test_constant_patterns.py``'s probe could not tell from
patterns made from the answers' words."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from legal_answers import answers

from docgen import _codecache, load
from docgen.facts.derive import derive

pytestmark = pytest.mark.skipif(not _codecache.RE_TESTED,
                                reason="wraps re._compiler.compile, known for Python "
                                       "3.11-3.13")


def _mediator(level: str) -> str:
    data = answers("wales-joint-chief-executive")
    data["governance"].pop("mediator_nominated_by", None)
    data["governance"]["disputes"][1]["level"] = level
    return derive(load(data)).legal.mediator


@pytest.mark.parametrize(("level", "body"), [
    ("Mediation by a mediator nominated by the WLGA", "the Welsh Local Government Association"),
    ("Mediation through the Welsh Local Government Association",
     "the Welsh Local Government Association"),
    ("Mediation through the lga", "the Local Government Association"),
    ("Mediation through the Local Government Association", "the Local Government Association"),
    ("Mediation by Scottish Mediation", "Scottish Mediation"),
    ("Mediation through CEDR", "the Centre for Effective Dispute Resolution"),
    ("Independent mediation", "the Centre for Effective Dispute Resolution"),  # the default
])
def test_the_body_the_steps_name_nominates_the_mediator(level: str, body: str) -> None:
    assert _mediator(level) == body


def test_the_mediators_patterns_are_not_compiled_while_a_post_is_built(
        monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[str] = []
    compiler: Any = _codecache._re_compiler
    original: Callable[..., Any] = compiler.compile

    def recording(pattern: Any, flags: int = 0) -> Any:
        compiled.append(pattern if isinstance(pattern, str) else repr(pattern))
        return original(pattern, flags)

    re.purge()  # nothing an earlier build cached hides a compile
    monkeypatch.setattr(compiler, "compile", recording)
    assert _mediator("Independent mediation") == "the Centre for Effective Dispute Resolution"
    mediators = [p for p in compiled if "Dispute Resolution" in p or "Scottish Mediation" in p
                 or "Government Association" in p]
    assert not mediators, mediators
    re.search(r"the\s+wrapper\s+watches", "")  # it sees a pattern searched as a string
    assert compiled[-1] == r"the\s+wrapper\s+watches"
