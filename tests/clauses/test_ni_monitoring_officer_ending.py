"""Northern Ireland, read back from the built documents: the agreement's clause 18.6 had a
Party end its designation of the post-holder as monitoring officer only "by a resolution of
its full council", and the contract repeated it. That mirrors the Standing Orders Regulations
of England and Wales (and s.5 of the Local Government and Housing Act 1989), none of which
extends to Northern Ireland, where the role rests on the council's own arrangements. The
agreement now says so in Northern Ireland's own words, and its note asks whether the Parties
want to agree such a protection; the contract says the role is ended by the council under its
own procedures, as the agreement does (``legal.guarded`` is empty there)."""

from __future__ import annotations

from legal_answers import clause, ni_two_councils, numbered, text


def test_the_agreement_ends_an_ni_monitoring_officer_under_the_councils_arrangements() -> None:
    data = ni_two_councils()  # Mourne Glens makes the post-holder its monitoring officer
    n = numbered(data)
    # 18.1 the employer's role, held; 18.2 and 18.3 Mourne Glens' roles, to be given
    # (legal.doubted_hosts: s.105 makes no one its officer)
    assert n["18.4"] == (
        "Each designation or appointment is made by the Party concerned, under its own "
        "statutory powers and procedures, and not by any other Party, and it may be ended only "
        "by the Party that made it. Nothing in this Agreement requires a Party to make or keep "
        "a designation.")
    ending = [v for v in n.values() if v.startswith("No statute in Northern Ireland")]
    assert ending == [
        "No statute in Northern Ireland provides for the role of monitoring officer or for how "
        "it ends: a Party that has made the Post-holder its monitoring officer may end that role "
        "only by a decision taken under its own arrangements for the role, and shall give the "
        "other Party written notice of the decision."]
    # no operative sub-clause asks for the full council (only the note raises it)
    assert not [k for k, v in n.items() if "full council" in v]
    t = text(data)
    assert ("Confirm what the role involves, the power under which it is given to the "
            "Post-holder, whether any statutory duty of a council's officers in Northern "
            "Ireland applies to it, and whether Mourne Glens should agree to end the role only "
            "by a resolution of its full council, which no statute there requires.") in t


def test_the_contract_agrees() -> None:
    t = text(ni_two_councils(), "contract")
    said = clause(t, "Statutory roles", "Expenses and travel")
    assert "full council" not in said
    assert ("Each designation or appointment is made, and may be ended, only by the Partner "
            "Organisation concerned under its own procedures") in said
