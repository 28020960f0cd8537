"""A legal review (6 December 2026, point 2), read back from the built documents: in Northern
Ireland the restrictions of the Local Government and Housing Act 1989 do not extend (the
agreement's note on political restriction says so), yet the contract's term said only "You
are subject to the restrictions on political activity that apply to the Employer's senior
officers", naming nothing the employee could find. The contract now names what binds them (the
Employer's policy or code of conduct on the political activity of its senior officers), the
agreement has the Employer make it a term of the Contract, and the contract carries the
agreement's review point as its own note for legal review (in a draft only)."""

from __future__ import annotations

from legal_answers import NI, answers, clause, numbered, text

from docgen import check

TERM = ("The Post is treated as politically restricted. As a term of your employment, you must "
        "observe the restrictions on political activity that the Employer's policy or code of "
        "conduct on the political activity of its senior officers sets out, as in force from "
        "time to time. The Employer will give you a copy of it before the Commencement Date.")
NOTE = ("Note for legal review: the political restriction provisions of the Local Government "
        "and Housing Act 1989 do not extend to Northern Ireland, so the restriction binds only "
        "as this term of the Contract. Confirm that the Council has a policy or code of conduct "
        "on the political activity of its senior officers for this term to refer to (naming it "
        "here), and the basis for the restriction.")


def _contract_clause(data: dict) -> str:
    return clause(text(data, "contract"), "Political restriction", "Expenses and travel")


def test_the_contract_names_the_employers_policy_and_carries_the_review_note() -> None:
    data = answers(NI)
    n = numbered(data, "contract")
    assert TERM in n.values()
    said = _contract_clause(data)
    assert NOTE in said
    assert "that apply to the Employer's senior officers" not in said


def test_the_agreement_has_the_employer_make_it_a_contract_term() -> None:
    t = clause(text(answers(NI)), "Political restriction", "Liabilities and insurance")
    assert ("The Employer shall make it a term of the Contract that the Post-holder observes "
            "the restrictions on political activity that the Employer's policy or code of "
            "conduct on the political activity of its senior officers sets out.") in t
    assert ("do not extend to Northern Ireland, so the restriction binds the Post-holder only "
            "as a term of the Contract. Confirm that the Council has a policy or code of "
            "conduct") in t


def test_a_final_contract_keeps_the_term_without_the_note() -> None:
    data = answers(NI, status="final")
    data["acknowledge"] = [{"rule": p.rule, "reason": "Agreed with the Parties' lawyers."}
                           for p in check(answers(NI)).warnings]
    said = _contract_clause(data)
    assert TERM in said and "Note for legal review" not in said
