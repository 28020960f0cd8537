"""A lawyer's review (B4), read back from the .docx: in Northern Ireland recruitment is
governed by the Fair Employment and Treatment (Northern Ireland) Order 1998 and the Equality
Commission's Fair Employment Code of Practice, and an employer monitors its applicants and
appointees under Article 52 of the Order. The agreement's clause on the Post now says so, for
a post being recruited to and one with a post-holder alike; Great Britain's wording is
unchanged."""

from __future__ import annotations

import pytest
from legal_answers import FOUR, NI, SCOT, WALES, answers, clause, text

FAIR = ("The Employer shall recruit to the Post in accordance with the Fair Employment and "
        "Treatment (Northern Ireland) Order 1998 and the Equality Commission's Fair Employment "
        "Code of Practice, and shall include the applicants and the appointee in its monitoring "
        "under Article 52 of that Order; each Party's panel members shall follow the Employer's "
        "recruitment procedures.")


def _post(t: str) -> str:
    return clause(t, "The Post and the Post-holder", "Employment of the Post-holder")


def test_northern_ireland_recruits_under_the_fair_employment_order() -> None:
    data = answers(NI)
    t = _post(text(data))
    assert "Any recruitment shall be jointly managed" in t
    assert t.index("Any recruitment shall be jointly managed") < t.index(FAIR)


def test_a_vacant_post_in_northern_ireland_too() -> None:
    data = answers(NI, postholder=None)
    t = _post(text(data))
    assert "The Post is vacant at the date of this Agreement." in t and FAIR in t


@pytest.mark.parametrize("name", [FOUR, WALES, SCOT])
def test_great_britain_has_no_fair_employment_wording(name: str) -> None:
    t = text(answers(name))
    assert "Fair Employment" not in t and "Article 52" not in t
