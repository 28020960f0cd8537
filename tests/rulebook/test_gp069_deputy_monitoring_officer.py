"""GP069: a monitoring officer's deputy named from another party's staff (a lawyer's review,
7 December 2026, finding 4). The agreement said Ashby Vale's deputy monitoring officer was to
be the "Democratic Services Manager, Brookfield", with no warning; s.5(7) of the Local
Government and Housing Act 1989 has the monitoring officer nominate "a member of his staff",
the staff the council provides for the office (s.5(1)(b)): Ashby Vale's own, or staff placed
at its disposal (s.113 of the Local Government Act 1972). Found by the names in the words
alone, so a warning that may be acknowledged when the post is so placed."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_rules import example, problems_for  # noqa: E402

from docgen.rulebook.registry import way  # noqa: E402


def _gp069(deputy: str, jurisdiction: str = "england", role: str = "Monitoring Officer"
           ) -> list:
    data = example("legal")
    data["jurisdiction"] = jurisdiction
    data["post"]["statutory_roles"] = [{"party": "ashby", "role": role, "deputy": deputy}]
    return [p for p in problems_for(data) if p.rule == "GP069"]


def test_a_deputy_on_another_councils_staff_is_warned_about() -> None:
    [p] = _gp069("Democratic Services Manager, Brookfield")
    assert p.severity == "warning"
    assert p.path == ("post", "statutory_roles", 0, "deputy")
    assert "is by its words on Brookfield's staff" in p.message
    assert "section 5(7) of the Local Government and Housing Act 1989" in p.message
    assert ("The deputy must be on Ashby Vale's staff, or placed at its disposal under section "
            "113 of the Local Government Act 1972") in p.message
    assert p.fix is not None and p.fix.ways == (way("post.statutory_roles.0.deputy"),
                                                way("acknowledge=GP069"))


def test_by_the_other_councils_legal_name_and_in_scotland() -> None:
    assert _gp069("Head of Democratic Services, Coldharbour District Council")
    [p] = _gp069("Committee Manager, Brookfield", jurisdiction="scotland")
    assert "section 35 of the Local Government (Scotland) Act 1966" in p.message


def test_the_councils_own_staff_or_no_party_named_is_quiet() -> None:
    assert not _gp069("Democratic Services Manager, Ashby Vale")
    assert not _gp069("Democratic Services Manager")
    assert not _gp069("Legal Manager (Ashby Vale, placed from Brookfield)")
    assert not _gp069("Democratic Services Manager, Brookfield",
                      jurisdiction="northern_ireland")
