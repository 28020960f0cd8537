"""A lawyer's read of a built contract (7 December 2026, P04): a Welsh council's chief
executive was told only that "Your pay is reviewed under the Employer's arrangements": the pay
controls were missing. Sections 38 to 41 of the Localism Act 2011 (pay policy statements) bind
Welsh councils too, and the agreement already makes the chief executive's remuneration consistent
with each appointing council's statement and, in a draft, asks legal review to check the role
of the Independent Remuneration Panel for Wales (s.143A of the Local Government (Wales) Measure
2011). The contract now says the first and carries the second as a note, on the agreement's
condition (legal.wales_chief_executive)."""

from __future__ import annotations

from legal_answers import FOUR, WALES, answers, text

POLICY = ("Your remuneration, including any premium, must be consistent with the pay policy "
          "statement that each Partner Organisation that appoints you as its chief executive "
          "prepares for each financial year under sections 38 to 41 of the Localism Act 2011, "
          "and the Employer will review your pay accordingly.")


def test_a_welsh_chief_executives_contract_names_the_pay_controls() -> None:
    t = text(answers(WALES), "contract")
    pay = t[t.index("\nPay and pension\n"):t.index("\nManagement, accountability")]
    assert POLICY in pay
    assert ("Note for legal review: as the Agreement's note says, check the current role of "
            "the Independent Remuneration Panel for Wales on a chief executive's remuneration "
            "(section 143A of the Local Government (Wales) Measure 2011") in pay
    # the agreement's own note, whose condition the contract shares
    assert "Independent Remuneration Panel for Wales" in text(answers(WALES))


def test_a_post_with_no_welsh_chief_executive_says_nothing_of_it() -> None:
    t = text(answers(FOUR), "contract")
    assert "Localism Act 2011" not in t
    assert "Independent Remuneration Panel" not in t
