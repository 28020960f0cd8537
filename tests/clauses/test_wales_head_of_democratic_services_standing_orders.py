"""A Welsh council's head of democratic services is protected by the Local Authorities
(Standing Orders) (Wales) Regulations 2006 (reg. 8(1), as amended by SI 2014/1514): the
agreement's discipline paragraph, which names that office, is given when the post-holder
holds it alone, and a designation is ended only as the agreement provides."""

from __future__ import annotations

from legal_answers import WALES, answers, text

from docgen.facts.legal import STANDING_ORDERS_OFFICES

DISCIPLINE = "Disciplinary action against, or dismissal of, a chief executive, monitoring " \
    "officer, chief finance officer or head of democratic services"


def _hds(kind: str) -> str:
    d = answers(WALES)
    d["parties"][1]["kind"] = kind
    d["post"]["statutory_roles"] = [{"party": d["parties"][1]["id"],
                                     "role": "Head of Democratic Services"}]
    return text(d)


def test_a_councils_head_of_democratic_services_alone_gets_the_discipline_paragraph() -> None:
    assert "head of democratic services" in STANDING_ORDERS_OFFICES["wales"]
    t = _hds("local_authority")
    assert DISCIPLINE in t
    assert "its head of democratic services shall not end that designation" in t


def test_not_for_a_body_that_is_not_a_council() -> None:
    assert DISCIPLINE not in _hds("nhs_body")
