"""A lawyer's review (round 3, point 4), read back from the built agreement: in Scotland
nothing covered how a host council's functions come to be exercised by the post-holder.
Section 35 of the Local Government (Scotland) Act 1966 has no provision treating the
post-holder as the receiving council's officer; section 56(1) of the Local Government
(Scotland) Act 1973 lets a council arrange for the discharge of its functions by another local
authority, which under section 56(3) may arrange for their discharge by its own officer. A
Scottish agreement with a host council now carries a drafting note (not binding text) asking
legal review to set out those arrangements."""

from __future__ import annotations

from typing import Any

from legal_answers import SCOT, answers, text

S56 = ("Under section 56(1) of the Local Government (Scotland) Act 1973 a local authority may "
       "arrange for the discharge of any of its functions by an officer of the authority or by "
       "another local authority in Scotland, and under section 56(3) that other authority may in "
       "turn arrange, subject to the terms of the arrangement, for their discharge by one of its "
       "own officers. Set out the arrangements under section 56 under which the Post-holder "
       "exercises the functions of")


def _two_councils() -> dict[str, Any]:
    data = answers(SCOT, legal_basis="lgs_1966_s35", legal_basis_text=None)
    data["parties"][1].update(kind="local_authority", name="Craigbrae Council",
                              short_name="Craigbrae")
    return data


def _note(t: str) -> str:
    return next((line for line in t.splitlines() if "section 56(1)" in line), "")


def test_a_host_council_under_section_35_gets_the_note() -> None:
    note = _note(text(_two_councils()))
    assert note.startswith("Note for legal review: nothing in this Agreement makes the "
                           "Post-holder an officer of Craigbrae, and section 35 of the Local "
                           "Government (Scotland) Act 1966 contains no provision treating")
    assert S56 + " Craigbrae (for example, an arrangement by it for the discharge of the " \
        "functions concerned by the Council, and an arrangement by the Council for their " \
        "discharge by the Post-holder as its officer)" in note


def test_a_health_board_employer_with_a_host_council_gets_it_too() -> None:
    data = answers(SCOT, employer="board", exit__postholder_reverts_to="board")
    note = _note(text(data))
    assert S56 + " the Council. The Health Board, which employs the Post-holder, is not a local " \
        "authority" in note
    assert "section 35" not in note


def test_no_note_without_a_host_council() -> None:
    assert _note(text(answers(SCOT))) == ""
