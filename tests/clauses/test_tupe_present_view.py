"""A lawyer's review (B7), read back from the .docx: the exit clause said the ending of the
Arrangement "is unlikely to be a relevant transfer" because of regulation 3(5) of TUPE, as if
settled. Regulation 3(5) excludes only an administrative reorganisation of public
administrative authorities, or the transfer of administrative functions between them; where a
party carries on an economic activity, as an NHS body providing clinical services may, that is
doubtful (Henke C-298/94; Scattolon C-108/10). The sentence is now the Parties' present view
and binds each Party to take advice; a drafting note gives the reason when a Party is not a
council, and the existing note on confirming the facts at the end stays."""

from __future__ import annotations

import pytest
from legal_answers import FOUR, NHS, NI, SCOT, WALES, answers, clause, text

VIEW = ("The Parties' present view is that the ending of the Arrangement, or a change to it, is "
        "unlikely to be a relevant transfer under the Transfer of Undertakings (Protection of "
        "Employment) Regulations 2006, because under regulation 3(5) of those Regulations")
ADVICE = ("Each Party shall take advice on whether the Regulations apply before the "
          "Arrangement ends or is changed.")
OLD = "The Parties consider that the ending of the Arrangement"
KEPT_NOTE = "apply depends on the facts when the Arrangement ends; this should be confirmed"
CASES = "see Henke (C-298/94) and Scattolon (C-108/10)"


def _exit(t: str) -> str:
    return clause(t, "Termination and exit", "Notices")


@pytest.mark.parametrize("name", [NHS, FOUR, WALES, SCOT, NI])
def test_the_tupe_sentence_is_a_present_view_with_advice(name: str) -> None:
    t = text(answers(name))
    assert VIEW in _exit(t) and ADVICE in _exit(t)
    assert OLD not in t
    assert KEPT_NOTE in t


def test_an_nhs_party_gets_the_note_on_economic_activity() -> None:
    t = text(answers("nhs-trust-employs-dph"))
    assert ("It may not apply where a Party carries on an economic activity, as the Trust may "
            "(an NHS body that provides clinical services, for example): " + CASES) in t


def test_councils_alone_have_no_note_on_economic_activity() -> None:
    assert CASES not in text(answers(FOUR))


def test_northern_ireland_names_a_health_and_social_care_body() -> None:
    t = text(answers(NI))
    assert "(a health and social care body that provides clinical services, for example)" in t
    assert "NHS" not in t
