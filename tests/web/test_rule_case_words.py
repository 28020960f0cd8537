"""Every rule's warning, worded for the browser, reads as a sentence: a setting the
message names becomes a noun ("the post they return to"), never the question the
interview asks about it ("… returns to the post in which post do they return to").

The cases are the rulebook's own (each rule fired on an example, in
tests/rulebook/test_rules.py), so a rule added or reworded is checked here too.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.rulebook.registry import way  # noqa: E402
from docgen.web.fixes import _way  # noqa: E402
from docgen.web.messages import problem_text  # noqa: E402
from docgen.web.views import party_names  # noqa: E402
from docgen.web.wording import WORDS  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rulebook"))
import test_rules  # noqa: E402

#: the interview's questions, as they would read inlined into a sentence ("which post do
#: they return to"): none may appear inside a rule's wording
QUESTIONS = sorted({w.label.rstrip("?").lower() for w in WORDS.values()
                    if w.label.endswith("?") and len(w.label.split()) > 2}, key=len)


def _fired() -> list[tuple[str, str]]:
    """(rule id, the browser's words) for every problem of every firing case."""
    out = []
    for rule, name, modify, fires in test_rules.CASES:
        if not fires:
            continue
        data = test_rules.example(name)
        modify(data)
        names = party_names(data)
        for p in test_rules.problems_for(data):
            if p.rule == rule:
                out.append((rule, problem_text(p.message, p.path, names, p.severity,
                                               code=p.code, rule=p.rule, fix=p.fix)))
    return out


def test_no_rule_warning_inlines_a_question() -> None:
    fired = _fired()
    assert len({rule for rule, _ in fired}) >= 50  # every rule has a firing case
    # "choose Scotland for which law applies" names the question on purpose (a rule's
    # instruction, worded from its data); anywhere else a question is a noun gone wrong
    bad = [(rule, said, q) for rule, said in fired for q in QUESTIONS
           if re.search(rf"(?<=\w )(?<!\bfor )\b{re.escape(q)}\b", said.lower())]
    assert not bad, "\n".join(f"{rule}: {said!r} says {q!r}" for rule, said, q in bad)


def test_the_named_post_holders_terms_warning_reads_as_a_sentence() -> None:
    said = [s for rule, s in _fired() if rule == "GP049"]
    assert said and all("reversion post" in s and "?" not in s for s in said), said


def test_answers_left_blank_together_are_said_once() -> None:
    """Three answers to leave blank on one page: one verb, one "blank", one page (not
    "leave ‘A’ blank and ‘B’ blank and leave ‘C’ blank")."""
    said = _way(way("exit.reversion_post=-", "exit.reversion_grade=-",
                    "exit.pay_protection_months=-"), {})
    assert said == ("leave ‘Which post do they return to?’, ‘Grade of that post’ and ‘Months "
                    "of pay protection if that post pays less’ blank on the page ‘Exit’")
    assert _way(way("exit.reversion_post", "exit.reversion_grade"), {}) == (
        "answer ‘Which post do they return to?’ and ‘Grade of that post’ on the page ‘Exit’")
