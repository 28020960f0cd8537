"""A lawyer's review (Scotland, an integration joint board), read back from the .docx.

A1. When the board signs the agreement as a party, clause 2.6 says references to a Party do
    not include it: "A Party may change its details for notices by notice to the other Party"
    left the board unable to change its own details, and not told of the Parties'. The
    notices clause now names the board on both sides; without a board that signs, the
    wording is unchanged.
A2. The change-of-circumstances clause covered a Party ending a statutory designation of the
    Post-holder, not the board ending the Post-holder's appointment as its chief officer
    (section 10 of the Public Bodies (Joint Working) (Scotland) Act 2014). It now lists that
    whenever a board is named; when the board signs, the board's own clause binds it to tell
    the Parties promptly if it proposes to end that appointment, and its telling them starts
    the Steering Group's meeting.
"""

from __future__ import annotations

from legal_answers import FOUR, SCOT, answers, clause, numbered, text

PARTY, BENEFICIARY = "scotland-ijb-party", "scotland-ijb-beneficiary"
BOARD = "Glenmuir Integration Joint Board"
ACT = "the Public Bodies (Joint Working) (Scotland) Act 2014"
OLD_NOTICES = "A Party may change its details for notices by notice to the other Party."
NEW_NOTICES = ("A Party, or the IJB, may change its details for notices by notice to the "
               "others (the IJB included).")
DESIGNATION = ("it has ended, or intends to end, a statutory designation or appointment of the "
               "Post-holder that the Arrangement depends on")
CHIEF_OFFICER = ("has ended, or intends to end, the Post-holder's appointment as its chief "
                 f"officer under section 10 of {ACT}.")
POWER = ("a power relied on in clause 2 has ceased, or may cease, to be available for the "
         "Arrangement")
TELLS = ("It shall tell the Parties promptly if it proposes to end the Post-holder's "
         f"appointment as its chief officer under section 10 of {ACT}.")


def _change(t: str) -> str:
    return clause(t, "Breach and change of circumstances", "Termination and exit")


# --- A1: notices ------------------------------------------------------------------------------

def test_a_board_that_signs_may_change_its_notice_details_and_is_told_of_the_parties() -> None:
    t = clause(text(answers(PARTY)), "Notices", "General")
    assert NEW_NOTICES in t
    assert OLD_NOTICES not in t


def test_notices_unchanged_without_a_board_that_signs() -> None:
    for data in (answers(BENEFICIARY), answers(SCOT), answers(FOUR)):
        t = text(data)
        assert NEW_NOTICES not in t
        assert "may change its details for notices by notice to the other" in t


# --- A2: the board ending the chief officer's appointment ------------------------------------

def test_a_board_that_signs_is_listed_and_its_notice_starts_the_meeting() -> None:
    data = answers(PARTY)
    t = _change(text(data))
    assert ("The Steering Group shall meet within 20 Working Days after any Party tells the "
            "other Party, or the IJB tells the Parties, that:") in t
    # each item a paragraph of its own, in order
    assert (f"\n{POWER};\n{DESIGNATION}; or\nthe IJB {CHIEF_OFFICER}\nThe Steering Group shall "
            "decide") in t
    n = numbered(data)
    assert n["2.6"].startswith("The IJB is a party to this Agreement only for the purposes of "
                               "clauses 2.4 and 2.5, this clause and, so far as they name it, "
                               "clauses 22.2 and 24, and may enforce them. " + TELLS)


def test_a_board_named_but_not_signing_is_listed_by_name() -> None:
    for data in (answers(BENEFICIARY), answers(SCOT)):
        agreement = text(data)
        t = _change(agreement)
        assert f"\n{POWER};\n{DESIGNATION}; or\n{BOARD} {CHIEF_OFFICER}\n" in t
        assert "after any Party tells the other Party that:" in t
        assert "tells the Parties, that" not in t
        assert TELLS not in agreement


def test_no_board_item_without_a_board() -> None:
    for data in (answers(SCOT, integration_joint_board=None), answers(FOUR)):
        t = _change(text(data))
        assert f"\n{POWER}; or\n{DESIGNATION}.\nThe Steering Group shall decide" in t
        assert "section 10 of" not in t and "chief officer" not in t
