"""GP051 and a "Chief Executive" who is also the same English council's monitoring officer (a
lawyer's review, 7 December 2026, finding 2): GP051 asked only to rename the role "Chief
Executive and Head of Paid Service", and GE004 fired once that was done. An English council's
chief executive is in practice designated its head of paid service (s.4 of the Local
Government and Housing Act 1989), whom s.5(1A) of that Act bars from being its monitoring
officer. GP051 now says the clash and offers keeping one role; it stays a warning, since the
title alone does not prove the designation. In Scotland there is no such bar."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_rules import add_role, example, problems_for  # noqa: E402

from docgen.rulebook.registry import way  # noqa: E402

CLASH = "section 5(1A) of that Act bars from also being its monitoring officer"


def _gp051(jurisdiction: str, *roles: str) -> list:
    data = example("legal")
    data["jurisdiction"] = jurisdiction
    data["post"]["statutory_roles"] = []
    for role in roles:
        add_role("brookfield", role)(data)
    return [p for p in problems_for(data) if p.rule == "GP051"]


def test_an_english_chief_executive_who_is_also_monitoring_officer_is_told_the_clash() -> None:
    [p] = _gp051("england", "Monitoring Officer", "Chief Executive")
    assert p.severity == "warning"
    assert CLASH in p.message and "also Brookfield's monitoring officer" in p.message
    assert p.fix is not None
    assert p.fix.ways == (way("post.statutory_roles.0=-"), way("post.statutory_roles.1=-"),
                          way("acknowledge=GP051"))
    assert "Head of Paid Service'" not in p.message  # renaming would only lead to GE004


def test_without_the_monitoring_officer_or_in_scotland_the_rename_is_asked() -> None:
    for said in (_gp051("england", "Chief Executive"),
                 _gp051("scotland", "Monitoring Officer", "Chief Executive")):
        [p] = said
        assert CLASH not in p.message
        assert "'Chief Executive and Head of Paid Service'" in p.message
