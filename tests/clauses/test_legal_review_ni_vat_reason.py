"""A legal review (6 December 2026, point 4), read back from the built agreement: the NI
example's VAT reason (13.12) said "Officer placed with another public body under a statutory
power", though 2.2 says the Council provides the Trust with the Post-holder's professional
services under s.105(1)(b) of the Local Government Act (Northern Ireland) 1972 and that the
Arrangement is not a transfer under s.105(2). The reason is the answer file's own words
(``payment.vat.rationale``): the example now gives the s.105(1)(b) basis, GP059's suggested
reason for a s.105 post says the same, and the VAT note for legal review says that services
provided for payment are the case HMRC treats as taxable by default (VATSC03540)."""

from __future__ import annotations

from legal_answers import NI, answers, numbered, text

from docgen import check

S105 = "section 105(1)(b) of the Local Government Act (Northern Ireland) 1972"


def _vat(t: str) -> str:
    start = t.index("The Parties' present view is that the sums payable")
    return t[start:t.index("\n", t.index("Note for legal review", start))]


def test_the_vat_reason_matches_the_basis_in_2_2() -> None:
    data = answers(NI)
    n = numbered(data)
    assert ("Under section 105(1)(b) of that Act, the Council provides the Trust with the "
            "professional services of the Post-holder") in n["2.2"]
    vat = _vat(text(data))
    assert ("They have recorded the following reason for that view:\nThe Council provides the "
            f"Trust with the professional services of the Post-holder under {S105}.") in vat
    assert "placed" not in vat


def test_the_vat_note_asks_the_adviser_to_confirm_services_for_payment() -> None:
    vat = _vat(text(answers(NI)))
    assert (f"Under {S105} the Employer provides the professional services of the Post-holder "
            "to the Host Party for payment: a supply of services for consideration, which HMRC "
            "treats as taxable by default (VAT manual VATSC03540) unless it is made under a "
            "special legal regime. Check that the reason recorded above describes that basis. "
            "Confirm the treatment above with the Parties' VAT advisers before the Agreement "
            "is signed.") in vat


def test_a_section_113_agreement_keeps_the_note_as_it_was() -> None:
    # a fee at cost (£499 a day, the Cost Base per day is £499.45): above it, the recharge is
    # no longer said to be outside the scope (tests/clauses/test_vat_above_cost.py)
    t = text(answers("four-districts-monitoring-officer", payment__fee__rate=499))
    assert ("a supply of staff for payment is taxable by default. Confirm the treatment above "
            "with the Parties' VAT advisers") in t
    assert "VATSC03540" not in t


def test_gp059_suggests_a_reason_on_the_s105_basis_not_a_placement() -> None:
    data = answers(NI, payment__vat__rationale="Officer placed at the disposal of another "
                   "local authority under section 113 of the Local Government Act 1972.")
    [warning] = [p for p in check(data).warnings if p.rule == "GP059"]
    assert warning.fix is not None
    [[(_, instead)]] = warning.fix.ways
    assert instead == ("Professional services of the Post-holder provided to another party "
                       f"under {S105}.")
    assert "GP059" not in {p.rule for p in check(answers(NI)).warnings}
