"""A lawyer's review (B5), read back from the .docx: in Scotland, with an integration joint
board, the liabilities clause made each Host Party liable for the Post-holder's "work for it",
but the chief officer's work for the board is work for neither Party. When a board is named the
clause now treats that work, as between the Parties, as done for each Party in proportion to
its share of the Cost Base (or, without cost sharing, of the Post-holder's time), with a
drafting note that the integration scheme may provide otherwise. Without a board the clause is
unchanged."""

from __future__ import annotations

import pytest
from legal_answers import FOUR, NHS, NI, SCOT, WALES, answers, clause, text

PARTY, BENEFICIARY = "scotland-ijb-party", "scotland-ijb-beneficiary"
BOARD = "Glenmuir Integration Joint Board"
COST = ("is treated, as between the Parties, as done for each Party in proportion to its share "
        "of the Cost Base under clause ")
TIME = ("is treated, as between the Parties, as done for each Party in proportion to its share "
        "of the Post-holder's time under clause ")
NOTE = "The integration scheme may provide otherwise for liabilities"


def _liabilities(t: str) -> str:
    return clause(t, "Liabilities and insurance", "Disputes")


@pytest.mark.parametrize("name", [SCOT, BENEFICIARY])
def test_a_named_board_s_work_is_shared_by_cost_base(name: str) -> None:
    t = _liabilities(text(answers(name)))
    assert f"Work done by the Post-holder as chief officer of {BOARD} {COST}" in t
    assert NOTE in t


def test_a_board_that_signs_is_named_by_its_short_name() -> None:
    t = _liabilities(text(answers(PARTY)))
    assert f"Work done by the Post-holder as chief officer of the IJB {COST}" in t


def test_without_cost_sharing_the_time_split_is_used() -> None:
    data = answers(SCOT)
    data["payment"] = {**data["payment"], "mechanism": "fixed_fee",
                       "fee": {"amounts": {"board": 40000}}}
    t = _liabilities(text(data))
    assert f"Work done by the Post-holder as chief officer of {BOARD} {TIME}" in t
    assert "Cost Base under clause" not in t


@pytest.mark.parametrize("name", [NHS, FOUR, WALES, NI])
def test_no_board_no_sentence(name: str) -> None:
    t = _liabilities(text(answers(name)))
    assert "chief officer of" not in t and NOTE not in t
