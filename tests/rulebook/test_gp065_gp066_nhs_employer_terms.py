"""An NHS employer's terms (a lawyer's review, 6 December 2026, findings 4 and 5).

GP065: the Trust employs the county's Director of Public Health, and the documents said the
post was "graded Director (JNC Chief Officers)", a council's terms. An NHS body's staff are
on Agenda for Change, the NHS's pay framework for very senior managers or the medical and
dental consultant contract; a council grade kept by agreement is acknowledged.

GP066: the NHS Pension Scheme's employer rate from 1 April 2024 is 23.7% (23.78% with the
0.08% administration levy), but the NHS Business Services Authority collects 14.38% from NHS
organisations in England, NHS England paying 9.4% centrally (NHSBSA, employer contribution
rates 2024/25; NHS Employers, 14 March 2024). An English NHS employer's on-cost at the full
rate would have the partners share a contribution the employer does not bear."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from legal_answers import answers

from docgen import check
from docgen.rulebook.registry import way


def _found(data: dict[str, Any], rule: str) -> list[Any]:
    return [p for p in check(data).problems if p.rule == rule]


def test_a_trust_employee_on_jnc_terms_is_warned_about() -> None:
    [p] = _found(answers("nhs-trust-employs-dph"), "GP065")
    assert p.path == ("post", "grade")
    assert p.message.startswith("the Trust, an NHS body, employs the post-holder, but the "
                                "grade 'Director (JNC Chief Officers)' is on local-government "
                                "terms")
    assert "Agenda for Change" in p.message
    assert p.fix is not None
    assert p.fix.ways == (way("post.grade"), way("acknowledge=GP065"))


def test_nhs_terms_or_a_council_employer_are_quiet() -> None:
    assert not _found(answers("nhs-trust-employs-dph", post__grade="Very Senior Manager"),
                      "GP065")
    assert not _found(answers("county-council-nhs-trust-dph"), "GP065")  # the council employs
    data = answers("nhs-trust-employs-dph", post__grade="NJC Grade 12")
    assert _found(data, "GP065")
    data["acknowledge"].append({"rule": "GP065", "reason": "Council grade kept by agreement "
                                "of both parties, 1 April 2027."})
    [p] = [p for p in check(data).warnings if p.rule == "GP065"]
    assert p.acknowledged  # accepted with its reason: no open warning


def test_an_english_nhs_employers_full_pension_rate_is_warned_about() -> None:
    [p] = _found(answers("nhs-trust-employs-dph"), "GP066")
    assert p.path == ("payment", "on_costs", 0, "percent")
    assert "is 23.78%, the NHS Pension Scheme's full employer rate" in p.message
    assert "collects 14.38% (the administration levy included) from NHS organisations in " \
        "England, NHS England paying the other 9.4% centrally" in p.message
    assert p.fix is not None
    assert p.fix.ways == (way("payment.on_costs.0.percent=14.38"), way("acknowledge=GP066"))
    data = answers("nhs-trust-employs-dph")
    data["payment"]["on_costs"][0]["percent"] = Decimal("23.7")
    assert _found(data, "GP066")


def test_the_local_rate_a_council_employer_or_another_country_is_quiet() -> None:
    data = answers("nhs-trust-employs-dph")
    data["payment"]["on_costs"][0]["percent"] = 14.38
    assert not _found(data, "GP066")
    assert not _found(answers("county-council-nhs-trust-dph"), "GP066")
    assert not _found(answers("nhs-trust-employs-dph", jurisdiction="wales"), "GP066")
