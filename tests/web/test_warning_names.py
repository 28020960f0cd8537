"""About's "Before the post can be final" named each open warning by its answer's question,
and two answers sharing one question's words read alike: the NHS trust's director of public
health has a warning on each of its two on-costs' percentages, and the officer read "Accept
or put right the warning about the percentage (Payment)" twice, for two different warnings
(and "about pay grade", "about this answer" elsewhere). Each answer is now named apart, in
the words of its own question: the row of a list, by the name typed for it ("the percentage
for ‘Employer National Insurance’"), the partner whose answer it is, the label where it says
more than the missing-answer sentence; two warnings about one answer are said once, counted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from yaml_text import load_yaml

pytest.importorskip("starlette")

from docgen.errors import Problem  # noqa: E402
from docgen.web.before_final import Open  # noqa: E402
from docgen.web.guards import todo  # noqa: E402
from docgen.web.nouns import answer_noun  # noqa: E402
from docgen.web.views import party_names  # noqa: E402

from .helpers import Browser  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DPH = (ROOT / "tests" / "data" / "legal" / "nhs-trust-employs-dph.yaml").read_text("utf-8")
HR = (ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml").read_text("utf-8")
#: what no name shown to an officer may hold: a key path, YAML, a rule id, a command
NOT_PLAIN = re.compile(r"\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z_]+\b|\bGP\d+\b|\bdocgen\b|\btbc\b")


def _warnings(folder: Path, name: str, text: str) -> list[list[str]]:
    """The warnings About lists under "Before the post can be final" once "Final" is
    chosen, each [text, link]."""
    web = Browser.on(folder, name, text)
    refused = web.press(web.go(f"{web.base}/about"), status="final")
    assert refused.status == 422, refused.text()
    listed = refused.links("//div[@id='before-final']//a")
    return [[text, href.split("/", 3)[-1]] for text, href in listed
            if text.startswith("Accept or put right")]


def _named_apart(listed: list[list[str]]) -> None:
    said = [text for text, _ in listed]
    assert len(set(said)) == len(said), said  # no name said twice
    for text in said:
        assert NOT_PLAIN.search(text) is None, text
        assert "this answer" not in text, text


def test_two_on_costs_warnings_each_name_their_own_on_cost(tmp_path: Path) -> None:
    listed = _warnings(tmp_path, "dph.yaml", DPH)
    _named_apart(listed)
    assert sorted(listed) == sorted([
        ["Accept or put right the warning about the percentage for ‘Employer pension "
         "contribution (NHS Pension Scheme)’ (Payment)",
         "payment#f-payment-on_costs-0-percent"],
        ["Accept or put right the warning about the percentage for ‘Employer National "
         "Insurance’ (Payment)", "payment#f-payment-on_costs-1-percent"],
        ["Accept or put right the warning about the pay grade (The post)",
         "post#f-post-grade"],
        # GP054: the council's director of public health, an NHS employee placed under
        # s.113(1A)(b), is not its officer by s.113(2)
        ["Accept or put right the warning about the power the arrangement is made under "
         "(Legal basis)", "basis#f-legal_basis"]]), listed


def test_the_head_of_hr_with_payment_changes(tmp_path: Path) -> None:
    """The example with more extra pay than usual and National Insurance on all the pay:
    "the extra pay as a percentage" and "the percentage", said as the answers they are."""
    text = HR.replace("premium_percent: 8", "premium_percent: 30").replace(
        "{name: Employer National Insurance, percent: 15, above: 5000}",
        "{name: Employer National Insurance, percent: 15}")
    listed = _warnings(tmp_path, "hr.yaml", text)
    _named_apart(listed)
    assert [t for t, _ in listed] == [
        "Accept or put right the warning about the extra pay for the shared role (Payment)",
        "Accept or put right the warning about the percentage for ‘Employer National "
        "Insurance’ (Payment)"]


def test_a_partners_answer_and_a_whole_row_are_named() -> None:
    names = party_names(load_yaml(HR))
    assert answer_noun(("time_split", "shares", "westmere"), names) == \
        "Westmere's share of the time"
    assert answer_noun(("payment", "fee", "amounts", "westmere"), names) == \
        "what Westmere pays the employer a year"
    assert answer_noun(("management", "line_managers", "eastwick"), names) == \
        "the manager at Eastwick"
    assert answer_noun(("post", "statutory_roles", 0), names) == "statutory role 1"
    assert answer_noun(("review", "trial_notice_months"), names) != \
        answer_noun(("exit", "notice_months"), names)
    assert answer_noun(("payment",), names) == "an answer on the page \u2018Payment\u2019"


def test_two_warnings_about_one_answer_are_said_once(tmp_path: Path) -> None:
    web = Browser.on(tmp_path, "hr.yaml", HR)
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    assert draft is not None
    both = [Problem(f"warning {n}", ("legal_basis",), severity="warning", rule=f"GP90{n}")
            for n in (1, 2)]
    said = todo(draft, Open(warnings=both))
    assert said == [("Accept or put right the 2 warnings about the power the arrangement "
                     "is made under (Legal basis)", f"/edit/{draft.id}/basis#f-legal_basis")], said
