"""Northern Ireland: an officer of a council must disclose a pecuniary interest in the
council's contracts under section 46 of the Local Government Act (Northern Ireland) 1972, the
counterpart of s.117 LGA 1972 and s.68 LG(S)A 1973. The agreement cited no statute, and said
the Employer would make the duty to every Party a term of the contract, which the contract
did not contain."""

from __future__ import annotations

from legal_answers import NI, answers, text

S46 = "section 46 of the Local Government Act (Northern Ireland) 1972"


def _said(t: str, start: str) -> str:
    return next(s for s in t.splitlines() if s.startswith(start))


def test_a_council_employer_cites_section_46_in_both_documents() -> None:
    d = answers(NI)
    agreement = _said(text(d), "The Employer shall also require the Post-holder, as a term")
    assert agreement == (
        "The Employer shall also require the Post-holder, as a term of the Contract, to give "
        "each Party written notice of any pecuniary interest in a contract, or proposed "
        f"contract, with that Party. This is in addition to the Post-holder's duty under {S46}, "
        "as an officer of the Council, to disclose to it in writing any pecuniary interest in "
        "a contract with it.")
    contract = _said(text(d, "contract"), "You must give each Partner Organisation written")
    assert contract == (
        "You must give each Partner Organisation written notice of any pecuniary interest in "
        "a contract, or proposed contract, with it. This is a term of your employment with the "
        f"Employer, in addition to your duty under {S46}, as an officer of the Council, to "
        "disclose to it in writing any pecuniary interest in a contract with it.")


def test_an_hsc_trust_employer_makes_it_a_term_of_the_contract_only() -> None:
    d = answers(NI)
    d["employer"] = "trust"
    d["exit"]["postholder_reverts_to"] = "trust"
    contract = _said(text(d, "contract"), "You must give each Partner Organisation written")
    assert contract.endswith("This is a term of your employment with the Employer.")
    assert S46 not in text(d, "contract")
