"""Northern Ireland, read back from the built agreement: a lawyer's review (7 December 2026)
found that the agreement listed a host council's chief financial officer (or an HSC Trust
employee as a council's chief executive) in its clause on statutory roles with no note, while
its note on interests in contracts said the Arrangement made the post-holder an officer of no
other Party. Section 1(2) of the Local Government Finance Act (Northern Ireland) 2011 and
s.41(1) of the Local Government Act (Northern Ireland) 1972 have a council give those offices
to an officer of the council, and s.105(1)(b) of the 1972 Act makes no one the receiving
council's officer. The clause on statutory roles now says so in a note for legal review (as
it does under England's and Wales' law for a power in words: ``legal.unplaced_hosts``), and
the note on interests points to it, so the two agree."""

from __future__ import annotations

from legal_answers import NI, answers, clause, ni_two_councils, numbered, text

S105_2 = "section 105(2) of the Local Government Act (Northern Ireland) 1972"


def _roles_clause(data: dict) -> str:
    return clause(text(data), "Statutory roles", "Political restriction")


def test_a_host_councils_chief_financial_officer_gets_the_note() -> None:
    data = ni_two_councils()
    n = numbered(data)
    assert n["18.1"] == "The Post-holder holds the following statutory roles:"
    said = _roles_clause(data)
    assert "Chief Financial Officer of Mourne Glens;" in said
    assert (
        "Note for legal review: section 1(2) of the Local Government Finance Act (Northern "
        "Ireland) 2011 requires a council's chief financial officer to be an officer of the "
        "council. Nothing in section 105(1)(b) of the Local Government Act (Northern Ireland) "
        "1972 makes the Post-holder an officer of Mourne Glens. Consider a temporary transfer "
        f"of the Post-holder to Mourne Glens under {S105_2}, with the Post-holder's consent, "
        "or have the role held by Mourne Glens's own officer.") in said.splitlines()
    # the note on interests in contracts (clause 17) names clause 18 and agrees with it
    assert n["17.3"].startswith("The Employer shall also require the Post-holder")
    [note] = [s for s in text(data).splitlines()
              if s.startswith("Note for legal review: section 46 of the Local Government")]
    assert "the Arrangement does not make the Post-holder an officer of any other Party" in note
    assert note.endswith(
        "Clause 18 lists a statutory office of Mourne Glens that only an officer of the council "
        "may hold, and the Arrangement does not make the Post-holder that council's officer: "
        "the note to that clause asks how that is to be resolved, and if it is by a transfer "
        "under section 105(2) of that Act, revisit this clause.")


def test_an_hsc_trust_employee_as_the_councils_chief_executive_gets_the_note() -> None:
    data = answers(NI, employer="trust", exit__postholder_reverts_to="trust")
    data["post"]["statutory_roles"] = [{"party": "council", "role": "Chief Executive"}]
    # the Council's role, which s.105 gives it no officer for, is to be given (doubted_hosts)
    assert numbered(data)["18.1"] == ("The Parties intend that the Post-holder be designated "
                                      "or appointed to the following statutory roles:")
    assert (
        "Note for legal review: section 41(1) of the Local Government Act (Northern Ireland) "
        "1972 requires a council's clerk (its chief executive) to be an officer of the council. "
        "Nothing in section 105(1)(b) of the Local Government Act (Northern Ireland) 1972 "
        "makes the Post-holder an officer of the Council. Consider a temporary transfer of the "
        f"Post-holder to the Council under {S105_2}, with the Post-holder's consent and, for "
        "a public body (the Trust), the consent of the Department concerned under section "
        "105(3), or have the role held by the Council's own officer.") \
        in _roles_clause(data).splitlines()
    assert "Clause 18 lists a statutory office of the Council that only an officer" in text(data)


def test_no_note_for_the_employers_own_office_or_a_monitoring_officer() -> None:
    data = ni_two_councils()
    data["post"]["statutory_roles"] = [
        {"party": "dyffryn", "role": "Chief Financial Officer"},
        {"party": "hafren", "role": "Monitoring Officer"}]
    t = text(data)
    assert "to be an officer of the council" not in t
    assert "Clause 18 lists" not in t
    # the monitoring officer's own note (no statute in Northern Ireland) is as before
    assert "does not extend to Northern Ireland, so the role of monitoring officer of Mourne " \
        "Glens rests on its own arrangements" in t
