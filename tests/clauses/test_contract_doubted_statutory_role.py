"""A lawyer's read of built contracts (7 December 2026, P19 and P20): for an NHS employer
whose officer a council is to make its director of adult social services (or of public health)
under section 113(1A)(b) of the Local Government Act 1972, the agreement carries a note doubting
that the council may do so (section 113(2) deems an officer placed under section 113(1) the
council's own, not one placed under section 113(1A)(b)), yet the contract told the post-holder
"You hold the following statutory roles". The contract now says the role is to be designated
or appointed, subject to the council being satisfied that it may, with a drafting note; the
same condition as the agreement's note (and as its note for a host no power places the
post-holder with). A council employer's roles read as before."""

from __future__ import annotations

from legal_answers import FOUR, NHS, answers, notes, numbered, text

DOUBTED = "You are to be designated or appointed to the following statutory roles"


def _clause(data: dict) -> dict[str, str]:
    n = numbered(data, "contract")
    start = next(k for k, v in n.items()
                 if v.startswith(("You hold the following statutory", DOUBTED)))
    return {k: v for k, v in n.items() if k.split(".")[0] == start.split(".")[0]}


def test_an_nhs_employers_council_role_is_to_be_designated_not_held() -> None:
    data = answers(NHS)
    roles = _clause(data)
    said = "\n".join(roles.values())
    assert "You hold the following statutory roles" not in said
    assert list(roles.values())[0] == (
        "You are to be designated or appointed to the following statutory roles, subject to "
        "the next paragraph:")
    assert ("The Partner Organisation concerned will make each such designation or "
            "appointment only if it is satisfied that the law allows it to give the role to an "
            "officer employed by the ICB whose services are placed at its disposal under the "
            "Agreement. Until then you do not hold that role") in said
    assert "\nDirector of Adult Social Services of the Council.\n" in text(data, "contract")
    from_docx = text(data, "contract")
    assert ("Note for legal review: the Agreement's note on this point applies here: section "
            "113(2) of the Local Government Act 1972 treats as an officer of a local authority "
            "an officer placed at its disposal under section 113(1), and does not say the same "
            "of an officer of an NHS body placed under section 113(1A)(b); section 6(A1) of "
            "the Local Authority Social Services Act 1970 requires a director of adult social "
            "services to be an officer of the local authority.") in from_docx
    # the agreement's own note is the one the contract follows
    assert "section 113(2) expressly treats as an officer" in text(data, "agreement")


def test_a_council_employers_roles_are_still_held() -> None:
    roles = _clause(answers(FOUR))
    assert list(roles.values())[0] == "You hold the following statutory roles:"
    assert DOUBTED not in "\n".join(roles.values())
    assert not any("Agreement's note on this point" in n for n in notes(answers(FOUR),
                                                                          "contract"))


def test_the_job_spec_says_the_same_of_the_doubted_role() -> None:
    spec = text(answers(NHS), "job_spec")
    assert "The post-holder also holds, or is to be given, these statutory roles" in spec
    assert ("Director of Adult Social Services, Shawbury Council (to be designated or "
            "appointed only once Shawbury Council is satisfied that the law allows it to give "
            "the role to an officer employed by") in spec


def test_a_council_employers_job_spec_lists_its_roles_as_held() -> None:
    spec = text(answers(FOUR), "job_spec")
    assert "The post-holder also holds these statutory roles" in spec
    assert "satisfied that the law allows it" not in spec
