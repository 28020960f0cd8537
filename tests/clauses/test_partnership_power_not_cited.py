"""A lawyer's reading: the agreement's background listed, among an NHS body's powers, section
75 of the National Health Service Act 2006 (partnership arrangements), and in Wales section 33
of the National Health Service (Wales) Act 2006, for every post with an NHS party, though no
answer says the post sits within a partnership arrangement or pooled fund. Those sections
provide for partnership arrangements and pooled funds and change no one's employer: staff are
supplied through s.113 of the Local Government Act 1972 or by secondment (domain notes, legal
bases by jurisdiction). The answer file has no key saying a post sits within one, so neither
is cited; read back from the generated agreement."""

from __future__ import annotations

from legal_answers import NHS, WALES, answers, clause, text

ENGLAND = ("the ICB: its powers under the National Health Service Act 2006, including section "
           "65Z5 (joint working and delegation arrangements).")
WELSH = "Bro Hafren: its powers under the National Health Service (Wales) Act 2006."


def _background(data: dict) -> str:
    return clause(text(data), "Background", "Interpretation")


def test_an_english_nhs_body_under_s113_cites_no_partnership_power() -> None:
    t = _background(answers(NHS))
    assert ENGLAND in t.splitlines()
    assert "section 75" not in t and "partnership arrangements" not in t


def test_an_english_secondment_cites_no_partnership_power() -> None:
    t = _background(answers(NHS, legal_basis="secondment"))
    assert ENGLAND in t.splitlines()
    assert "section 75" not in t


def test_a_welsh_health_board_cites_no_partnership_power() -> None:
    d = answers(WALES)
    d["parties"][1].update(kind="nhs_body", name="Bro Hafren University Health Board")
    d["post"]["statutory_roles"] = [{"party": "dyffryn", "role": "Chief Executive"}]
    t = _background(d)
    assert WELSH in t.splitlines()
    assert "section 33" not in t and "section 75" not in t
