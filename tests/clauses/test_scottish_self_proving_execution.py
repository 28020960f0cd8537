"""Legal audit, finding 8: a Scottish agreement signed to be self-proving. For a local authority
and for another body corporate (a health board, an integration joint board) Schedule 2 to the
Requirements of Writing (Scotland) Act 1995 modifies section 3: the document is signed for a
local authority by its proper officer (paragraph 4) and for another body corporate by a member
of its board, its secretary or a person authorised to sign (paragraph 5). Section 8 incorporates
an annexed schedule that the document refers to and that is identified on its face as the one
referred to. The testing clause now cites section 3 as applied by Schedule 2, says in which
capacity each signatory signs, and identifies the Schedules; each agreement is read back from
the .docx."""

from __future__ import annotations

from legal_answers import SCOT, answers, clause, text

ACT = "the Requirements of Writing (Scotland) Act 1995"
BLANK = "________________"


def _execution(name: str, **changes: object) -> str:
    t = text(answers(name, **changes))
    start = t.index("\nExecution\n")
    return t[start:t.index("\nPost details\n", start)]


def test_testing_clause_cites_schedule_2_and_each_signatorys_capacity() -> None:
    ex = _execution(SCOT)
    assert f"self-proving under section 3 of {ACT}, as applied by Schedule 2 to that Act." in ex
    assert ("Each signatory below shall sign it for the body named, as that body's proper "
            "officer if it is a local authority and otherwise as a person authorised to sign on "
            "its behalf, in the presence of a witness") in ex
    # the council signs by its proper officer, the health board by a person authorised
    assert (f"Signed for Glenmuir Council by Morag Stewart, Chief Executive, at {BLANK} on "
            f"{BLANK}, as its proper officer: signature {BLANK};") in ex
    assert (f"Signed for NHS Glenmuir by Dr Iain Fraser, Chief Executive, at {BLANK} on {BLANK}, "
            f"as a person authorised to sign on its behalf: signature {BLANK};") in ex
    assert "This clause is the testing clause." in ex


def test_schedules_are_identified_as_those_referred_to() -> None:
    ex = _execution(SCOT)
    assert ("The Schedules annexed to this Agreement are the schedules referred to in it, and "
            "each is identified on its face as the schedule of its number referred to in this "
            "Agreement, so that each is incorporated in this Agreement under section 8 of that "
            "Act.") in ex
    assert f"as section 8(1) of {ACT} requires" in ex  # the draft asks to confirm the headings


def test_a_board_signing_as_a_party_signs_as_a_person_authorised() -> None:
    ex = _execution("scotland-ijb-party")
    assert ("Signed for Glenmuir Integration Joint Board by Cllr Ann Reid, Chair of the "
            f"Integration Joint Board, at {BLANK} on {BLANK}, as a person authorised to sign on "
            "its behalf: signature") in ex


def test_signatures_print_no_testing_clause() -> None:
    t = text(answers(SCOT, execution="signatures"))
    assert "Schedule 2 to that Act" not in t and "as its proper officer" not in t
    assert clause(t, "Governing law and jurisdiction", "Post details")
