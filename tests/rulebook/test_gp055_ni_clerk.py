"""GP055 and a role titled "Clerk of the Council" listed for an HSC Trust (7 December 2026):
the clerk is a Northern Ireland council's statutory office ("Every council shall appoint a
clerk of the council", s.41(1) of the Local Government Act (Northern Ireland) 1972), but GP055
read only the offices a role names, and the clerk is read as the chief executive, which it
does not flag (an HSC Trust has its own chief executive). A role with the clerk's own title is
now flagged for a body that is not a council, citing s.41(1); "Chief Executive" is not."""

from __future__ import annotations

from typing import Any

from legal_answers import NI, answers

from docgen import check

S41_1 = "section 41(1) of the Local Government Act (Northern Ireland) 1972"


def _gp055(role: str, **changes: Any) -> list[Any]:
    data = answers(NI, **changes)
    data["post"]["statutory_roles"] = [{"party": "trust", "role": role}]
    return [p for p in check(data).problems if p.rule == "GP055"]


def test_the_clerk_of_the_council_listed_for_an_hsc_trust_is_flagged() -> None:
    [p] = _gp055("Clerk of the Council")
    assert p.path == ("post", "statutory_roles", 0, "party")
    assert (f"but the clerk of the council is an office of a local authority ({S41_1}), and "
            "the documents would list it among the post-holder's statutory roles for the "
            "Trust, with none of that office's statutory wording") in p.message


def test_a_chief_executive_or_a_deputy_clerk_is_not() -> None:
    assert not _gp055("Chief Executive")
    assert not _gp055("Deputy Clerk of the Council")


def test_only_under_northern_irelands_law() -> None:
    assert not _gp055("Clerk of the Council", jurisdiction="england")
