"""Statutory roles are worded by the office each line names, not by the party that gives it.

A lawyer's read found two faults: in Wales every role of a council that appoints the
post-holder chief executive was said to be "appointed under section 54" (a returning officer
is appointed under the Representation of the People Act 1983), and the contract told the
post-holder that any partner other than the employer could end a designation only by a
resolution of its full council, even an NHS body, and even when only the employer had made
the post-holder one of its guarded officers."""

from __future__ import annotations

from legal_answers import FOUR, SCOT, WALES, answers, text

S54 = "appointed under section 54 of the Local Government and Elections (Wales) Act 2021"


def _lines(t: str) -> dict[str, str]:
    """The statutory-role list's lines by role and party ("Returning Officer of Bro Hafren")."""
    return {line.split(",")[0].rstrip(";."): line for line in t.splitlines()
            if " of " in line and line.rstrip(";.").split(",")[0].count(" of ") == 1
            and line.startswith(("Chief Executive of", "Returning Officer of",
                                 "Electoral Registration Officer of"))}


def test_only_the_chief_executive_line_cites_section_54() -> None:
    d = answers(WALES)
    d["post"]["statutory_roles"] += [
        {"party": "dyffryn", "role": "Returning Officer"},
        {"party": "hafren", "role": "Electoral Registration Officer"}]
    for kind in ("agreement", "contract"):
        lines = _lines(text(d, kind))
        assert S54 in lines["Chief Executive of Dyffryn Teifi"], kind
        assert S54 in lines["Chief Executive of Bro Hafren"], kind
        assert S54 not in lines["Returning Officer of Dyffryn Teifi"], kind
        assert S54 not in lines["Electoral Registration Officer of Bro Hafren"], kind


FULL_COUNCIL = "only by a resolution of"


def _sentence(t: str) -> str:
    return next((s for s in t.splitlines() if FULL_COUNCIL in s), "")


def test_the_contract_names_the_councils_that_hold_a_guarded_office_employer_too() -> None:
    """The Employer is named with the hosts, in the parties' order, as the agreement binds
    every designating Party (a lawyer's review, B2: before, only the hosts were named)."""
    d = answers(FOUR)
    d["post"]["statutory_roles"] = [{"party": "fenwick", "role": "Monitoring Officer"},
                                    {"party": "hartmoor", "role": "Monitoring Officer"}]
    sentence = _sentence(text(d, "contract"))
    assert sentence.startswith(
        "Hartmoor and Fenwick may end your designation or appointment as their monitoring "
        "officer, other than because the Arrangement ends"
        " or you leave the Employer's employment, only by a resolution of the "
        "full council of the Partner Organisation "
        "concerned"), sentence
    assert "Stowbridge" not in sentence


def test_the_employer_alone_holding_a_guarded_office_is_named() -> None:
    d = answers(FOUR)
    d["parties"][1]["kind"] = "nhs_body"
    d["parties"][1]["name"] = "Fenwick Community Health NHS Trust"
    d["post"]["statutory_roles"] = [{"party": "hartmoor", "role": "Monitoring Officer"},
                                    {"party": "fenwick", "role": "Caldicott Guardian"}]
    assert _sentence(text(d, "contract")).startswith(
        "Hartmoor may end your designation or appointment as its monitoring officer"
        ", other than because the Arrangement ends"
        " or you leave the Employer's employment, only by a "
        "resolution of its full council")


def test_two_hosts_are_each_named_with_their_offices() -> None:
    d = answers(FOUR)
    d["post"]["statutory_roles"] = [{"party": "fenwick", "role": "Monitoring Officer"},
                                    {"party": "stowbridge", "role": "Monitoring Officer"}]
    sentence = _sentence(text(d, "contract"))
    assert sentence.startswith("Fenwick and Stowbridge may end your designation or appointment "
                               "as their monitoring officer, other than because the "
                               "Arrangement ends or you leave the Employer's employment,"
                               " only by a resolution of the full "
                               "council of the Partner Organisation concerned"), sentence


def test_the_chief_social_work_officer_note_cites_the_section_that_creates_the_office() -> None:
    """s.3 of the Social Work (Scotland) Act 1968 requires the appointment; s.45 of the 1994
    Act only substituted it (as docs/sources.md says)."""
    d = answers(SCOT)
    d["post"]["statutory_roles"] = [{"party": "council", "role": "Chief Social Work Officer"}]
    note = next(s for s in text(d).splitlines() if "chief social work officer must be" in s)
    assert ("appointed by the council under section 3 of the Social Work (Scotland) Act 1968 "
            "(as substituted by section 45 of the Local Government etc. (Scotland) Act 1994)"
            ) in note


def test_a_welsh_health_board_relies_on_the_welsh_nhs_act_alone() -> None:
    """A Local Health Board's powers come from the National Health Service (Wales) Act 2006;
    the English Act of the same year was cited beside it."""
    d = answers(WALES)
    d["parties"][1].update(kind="nhs_body", name="Bro Hafren University Health Board")
    d["post"]["statutory_roles"] = [{"party": "dyffryn", "role": "Chief Executive"}]
    powers = next(s for s in text(d).splitlines() if s.startswith("Bro Hafren: its powers"))
    assert powers == "Bro Hafren: its powers under the National Health Service (Wales) Act 2006."
