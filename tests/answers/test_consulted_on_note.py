"""A post-holder's consultation date left ``tbc`` is described in the drafting notes by what
the key means. That description named s.113 of the Local Government Act 1972 (England and
Wales) whatever the law, so a Scottish agreement and contract said "s.113 requires
consultation before the start date". The note is now the same for every jurisdiction."""

from __future__ import annotations

import re

import pytest
from legal_answers import NI, SCOT, WALES, answers, notes

ENGLAND = "county-council-nhs-trust-dph"
STATUTES = re.compile(r"s\.\s?113|section 113|s\.\s?35|s\.\s?105|Act 19\d\d", re.IGNORECASE)


@pytest.mark.parametrize("name", [SCOT, ENGLAND, WALES, NI])
@pytest.mark.parametrize("kind", ["agreement", "contract"])
def test_the_consultation_note_names_no_other_country_s_law(name: str, kind: str) -> None:
    data = answers(name, postholder__consulted_on="tbc")
    found = [n for n in notes(data, kind) if "consulted about being shared" in n]
    assert len(found) == 1, notes(data, kind)
    assert "before the start date" in found[0]
    assert not STATUTES.search(found[0]), found[0]
