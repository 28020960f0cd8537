"""The agreement, the contract and the job specification state the same legal basis for
each host (facts/legal.py: ``basis_hosts``, ``seconded_hosts``, ``basis_excludes``).

- s.35(1) of the Local Government (Scotland) Act 1966 lets a local authority place the
  services of persons it employs with another local authority: a health board employer's
  post-holder is seconded to the council host, in all three documents.
- s.113(1A) of the Local Government Act 1972 lets an NHS body place its officers with a local
  authority, not with another NHS body: an ICB employer places the post-holder with the
  council under s.113 and seconds them to an NHS foundation trust, in all three documents.

Each test builds the documents in memory and reads the .docx back.
"""

from __future__ import annotations

import copy
from typing import Any

from legal_answers import NHS, SCOT, answers, clause, icb_council_and_trust, text

S35 = "section 35 of the Local Government (Scotland) Act 1966"
S113 = "section 113 of the Local Government Act 1972"


def _board_employs() -> dict[str, Any]:
    data = copy.deepcopy(answers(SCOT, legal_basis="lgs_1966_s35", employer="board",
                                 exit__postholder_reverts_to="board"))
    data.pop("legal_basis_text", None)
    return data




def test_a_health_board_employee_is_seconded_in_all_three_documents() -> None:
    data = _board_employs()
    agreement = clause(text(data), "Background", "Interpretation")
    contract, spec = text(data, "contract"), text(data, "job_spec")
    assert f"{S35[0].upper()}{S35[1:]} allows a local authority to place its staff at the " \
        "disposal of another local authority, and does not extend to the Health Board; the " \
        "Employer therefore makes the Post-holder's services available by way of " \
        "secondment" in agreement
    assert "The Partner Organisations have made the Agreement about the Arrangement as a " \
        f"secondment, because {S35} does not extend to the Health Board." in contract
    assert "under an agreement between the two organisations, as a secondment from the " \
        f"Health Board, to which {S35} does not extend." in spec
    # no document says the council host takes the services under s.35
    assert "the Parties make this Agreement under that section" not in agreement
    assert f"under {S35} so far as your services are placed" not in contract
    assert f"made under {S35}" not in spec
    # nor does the political-restriction note speak of a treatment under s.35
    assert f"whether the treatment under {S35}" not in text(data)
    assert "whether a secondment, as clause 2.2 provides, makes the Post politically " \
        "restricted by statute is doubtful" in text(data)


def test_an_icb_places_with_the_council_and_seconds_to_the_trust_in_all_three() -> None:
    data = icb_council_and_trust()
    agreement = clause(text(data), "Background", "Interpretation")
    contract, spec = text(data, "contract"), text(data, "job_spec")
    assert "it does not extend to placing the services of officers employed by the ICB at " \
        "the disposal of the Foundation Trust. The Parties make this Agreement under that " \
        "section so far as the Post-holder's services are placed at the disposal of the " \
        "Council; so far as they are made available to the Foundation Trust, the Employer " \
        "makes the Post-holder's services available by way of secondment" in agreement
    assert f"about the Arrangement under {S113} so far as your services are placed at the " \
        "disposal of the Council, and as a secondment so far as they are made available to " \
        "the Foundation Trust, because that section does not extend to placing the services " \
        "of officers employed by the ICB at the disposal of the Foundation Trust." in contract
    assert f"made under {S113} so far as the post-holder works for Shawbury Council and as a " \
        "secondment from the ICB so far as the post-holder works for Shawbury Community " \
        "Health NHS Foundation Trust, because that section does not extend to placing the " \
        "services of officers employed by the ICB at the disposal of Shawbury Community " \
        "Health NHS Foundation Trust." in spec
    assert f"about the Arrangement under {S113}." not in contract
    assert f"made under {S113}." not in spec


def test_where_the_statute_reaches_every_host_the_sentences_are_unchanged() -> None:
    # the ICB and the council alone: s.113(1A)(b) reaches the council
    data = answers(NHS)
    assert f"about the Arrangement under {S113}." in text(data, "contract")
    assert f"organisations made under {S113}." in text(data, "job_spec")
    # two Scottish councils: s.35 reaches the host
    both = answers(SCOT, legal_basis="lgs_1966_s35", parties__1__kind="local_authority")
    assert f"about the Arrangement under {S35}." in text(both, "contract")
    assert f"organisations made under {S35}." in text(both, "job_spec")
