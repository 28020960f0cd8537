"""Rule messages read as sentences on the command line, whatever the answers hold, and say
only what the documents do."""

from __future__ import annotations

from .test_rules import example, problems_for


def _messages(rule: str, data: dict) -> list[str]:
    return [p.message for p in problems_for(data) if p.rule == rule]


def test_an_exit_cost_share_for_someone_not_a_party_names_the_id_as_an_id() -> None:
    """GE007 began "nobody is not a party id" for a share given to the id 'nobody' (read
    as "no one is not a party id"); the id is now quoted and is never the sentence's
    subject."""
    data = example("legal")
    data["exit"]["cost_shares"] = {"ashby": 40, "brookfield": 30, "coldharbour": 20,
                                   "nobody": 10}
    assert _messages("GE007", data) == [
        "the exit-cost shares give a share to 'nobody', which is not one of the parties; use "
        "the ids under parties (ashby, brookfield and coldharbour)"]
    data["exit"]["cost_shares"]["westmere"] = 0
    [said] = _messages("GE007", data)
    assert said.startswith("the exit-cost shares give a share to 'nobody' and 'westmere', "
                           "which are not among the parties; ")
