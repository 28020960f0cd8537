"""A legal review (6 December 2026, point 1), read back from the built agreement: the ICB's
director of adult social services was cited only with the statutory guidance issued under
s.7 of the Local Authority Social Services Act 1970. The office is appointed under s.6(A1) of
that Act ("shall appoint an officer, to be known as the director of adult social services"),
which ``OFFICES`` in ``docgen/facts/roles.py`` now gives as its own-officer provision: clause
18.4 names it as the provision the Council appoints under, and the note after 2.4 makes the
"officer" point for it as it did for a director of public health under s.73A(2)."""

from __future__ import annotations

from legal_answers import NHS, answers, numbered, statutory_roles, text

from docgen.facts.roles import OFFICES

S6A1 = "section 6(A1) of the Local Authority Social Services Act 1970"


def test_clause_18_4_names_the_appointing_provision_and_keeps_the_guidance() -> None:
    n = numbered(answers(NHS))
    # 18.2 says when the role, to be given to the ICB's officer, is given (legal.doubted_hosts)
    assert n["18.5"].startswith(
        "As director of adult social services of the Council, once appointed by the Council "
        "under "
        f"{S6A1}, the Post-holder is accountable to its chief executive for its adult social "
        "services functions, as the statutory guidance on the role of the director of adult "
        "social services issued under section 7 of that Act expects.")


def test_the_note_after_2_4_says_the_director_must_be_an_officer_of_the_council() -> None:
    t = text(answers(NHS))
    assert ("but the point should be confirmed for this structure before the Agreement is "
            "signed, all the more for a director of adult social services, whom "
            f"{S6A1} requires to be an officer of the local authority.") in t


def test_the_provision_has_one_home_the_table_of_offices() -> None:
    for jurisdiction in ("england", "england_and_wales"):
        assert OFFICES["director of adult social services"][jurisdiction].own_officer == S6A1
    assert not OFFICES["director of adult social services"]["wales"].own_officer


def test_england_and_wales_cites_the_same_provision() -> None:
    data = answers(NHS, jurisdiction="england_and_wales")
    assert f"appointed by the Council under {S6A1}" in statutory_roles(data)


def test_a_host_council_dass_under_another_power_is_cited_in_that_note() -> None:
    """The note on an office under a power that does not make the post-holder the council's
    officer cites the same provision (``legal.own_office_duties``)."""
    data = answers(NHS, legal_basis="other",
                   legal_basis_text="section 75 of the National Health Service Act 2006")
    assert f"({S6A1} for a director of adult social services)" in statutory_roles(data)
