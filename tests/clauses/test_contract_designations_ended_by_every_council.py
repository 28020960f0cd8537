"""A lawyer's review (B2), read back from the .docx: four councils that each designate the
post-holder as monitoring officer, one of them the Employer. The agreement binds every
designating Party, the Employer included, to end the designation only by a
resolution of its full council; the contract told the post-holder so of the other three only
(it dropped the Employer), as if the Employer could end its own designation some other way.
The contract now names every designating council, the Employer included, in the order of the
parties, and says that a dismissal is the Employer's alone under the conduct clause; where
only hosts designate, its wording is as it was."""

from __future__ import annotations

from legal_answers import FOUR, WALES, answers, clause, text

ENDING = ("Hartmoor, Fenwick, Stowbridge and Cradley Vale may end your designation or "
          "appointment as their monitoring officer, other than because the Arrangement ends"
          " or you leave the Employer's employment, only by a resolution of the "
          "full council of "
          "the Partner Organisation concerned, after following the procedure the Agreement sets "
          "out. That does not end your employment; any dismissal is a matter for the Employer "
          "alone, under clause 9.4.")
STATUTORY = "Where a statutory procedure applies to discipline or dismissal because of one of"


def _roles(t: str) -> str:
    return clause(t, "Statutory roles", "Expenses and travel")


def test_every_designating_council_is_named_the_employer_included() -> None:
    contract = text(answers(FOUR), "contract")
    assert ENDING in _roles(contract)
    # clause 9.4, which the sentence cites, is the conduct clause's statutory procedure
    conduct = clause(contract, "Disciplinary, grievance and capability matters", "Leave and "
                     "sickness")
    assert STATUTORY in conduct
    # the agreement binds each Party that designates, the Employer among them
    agreement = text(answers(FOUR))
    assert "A Party that has designated or appointed the Post-holder as its monitoring " \
        "officer shall not end that designation or appointment" in agreement


def test_wales_names_the_employer_too() -> None:
    roles = _roles(text(answers(WALES), "contract"))
    assert ("Dyffryn Teifi and Bro Hafren may end your designation or appointment as their "
            "chief executive, other than because the Arrangement ends"
            " or you leave the Employer's employment, only by a resolution of the full "
            "council of the Partner "
            "Organisation concerned, after following the procedure the Agreement sets out. That "
            "does not end your employment; any dismissal is a matter for the Employer alone, "
            "under clause 9.4.") in roles


def test_hosts_only_keep_their_wording() -> None:
    data = answers(WALES, post__statutory_roles=[{"party": "hafren", "role": "Chief Executive"}])
    roles = _roles(text(data, "contract"))
    assert ("Bro Hafren may end your designation or appointment as its chief executive"
            ", other than because the Arrangement ends"
            " or you leave the Employer's employment, only by "
            "a resolution of its full council, after following the procedure the Agreement "
            "sets out. That does not end your employment.") in roles
    assert "any dismissal" not in roles


def test_the_employer_alone_designating_is_named() -> None:
    data = answers(FOUR, post__statutory_roles=[{"party": "hartmoor",
                                                 "role": "Monitoring Officer"}])
    roles = _roles(text(data, "contract"))
    assert ("Hartmoor may end your designation or appointment as its monitoring officer"
            ", other than because the Arrangement ends"
            " or you leave the Employer's employment, only "
            "by a resolution of its full council, after following the procedure the Agreement "
            "sets out. That does not end your employment; any dismissal is a matter for the "
            "Employer alone, under clause 9.4.") in roles
