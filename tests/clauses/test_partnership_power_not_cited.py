"""A lawyer's reading of the NHS party's powers in the agreement's background. Section 75 of
the National Health Service Act 2006 (partnership arrangements), and in Wales section 33 of
the National Health Service (Wales) Act 2006, provide for partnership arrangements and pooled
funds and change no one's employer (domain notes, legal bases by jurisdiction), so neither is
cited; nor is section 65Z5 (exercising functions jointly, not lending an employee), which the
notes do not support. The line names the Act alone, by the party's country as the local
authority line above it does (England's Act, Wales' Act, or under England and Wales' law the
Act of the country an NHS body's kind fixes, both where its country is not known), and a
draft's note asks the legal reviewer to confirm the power relied on. Read back from the
generated agreement."""

from __future__ import annotations

from legal_answers import NHS, WALES, answers, clause, text

ENGLAND = "the ICB: its powers under the National Health Service Act 2006."
WELSH = "Bro Hafren: its powers under the National Health Service (Wales) Act 2006."
BOTH = ("the ICB: its powers under the National Health Service Act 2006 (in England) or the "
        "National Health Service (Wales) Act 2006 (in Wales).")
NOTE = ("Note for legal review: clause 2.5 names the Act under which {who} acts, not a section "
        "of it. Confirm the power it relies on to take part in the Arrangement{more}, and name "
        "it in that clause.")


def _background(data: dict) -> str:
    return clause(text(data), "Background", "Interpretation")


def _welsh() -> dict:
    d = answers(WALES)
    d["parties"][1].update(kind="nhs_body", name="Bro Hafren University Health Board")
    d["post"]["statutory_roles"] = [{"party": "dyffryn", "role": "Chief Executive"}]
    return d


def test_an_english_nhs_body_under_s113_cites_its_act_and_no_section() -> None:
    t = _background(answers(NHS))
    lines = t.splitlines()
    assert ENGLAND in lines
    assert NOTE.format(who="the ICB", more="") in lines
    assert "section 75" not in t and "65Z5" not in t and "partnership arrangements" not in t


def test_an_english_secondment_cites_no_section() -> None:
    t = _background(answers(NHS, legal_basis="secondment"))
    assert ENGLAND in t.splitlines()
    assert "section 75" not in t and "65Z5" not in t


def test_a_welsh_health_board_cites_the_welsh_act() -> None:
    t = _background(_welsh())
    assert WELSH in t.splitlines()
    assert "names the Act under which Bro Hafren acts, not a section of it." in t
    assert "section 33" not in t and "section 75" not in t and "65Z5" not in t


def test_under_england_and_wales_law_an_nhs_trust_is_given_both_acts() -> None:
    """An NHS trust may be English or Welsh (an ICB is England's alone, and is given
    England's Act: tests/acceptance/test_nhs_act_by_body.py)."""
    data = answers(NHS, jurisdiction="england_and_wales",
                   parties__0__name="Shawbury Community Health NHS Trust")
    lines = _background(data).splitlines()
    assert BOTH in lines
    assert NOTE.format(who="the ICB", more=", and which Act applies to it") in lines

