"""Issue 20 (legal review, December 2026), Scotland: an integration joint board as a third party
that may enforce the clauses on its chief officer, or as a party for those clauses only. The
answer files are tests/data/legal/scotland-ijb-*.yaml (the Scottish chief officer post with one
key added); the agreements are read back as a reviewing lawyer would."""

from __future__ import annotations

import difflib

from legal_answers import SCOT, answers, clause, numbered, rules_fired, text

from docgen import check

PARTY, BENEFICIARY = "scotland-ijb-party", "scotland-ijb-beneficiary"
BOARD = "Glenmuir Integration Joint Board"


def _messages(data: dict, rule: str) -> list[str]:
    return [f"{p.key}: {p.message}" for p in check(data).problems if p.rule == rule]


# --- the board as a third party that may enforce ---------------------------------------------

def test_beneficiary_may_enforce_the_chief_officer_clauses_under_the_2017_act() -> None:
    data = answers(BENEFICIARY)
    n = numbered(data)
    # the clauses it may enforce, by the numbers the agreement prints
    assert n["2.4"].startswith(f"So far as the Post-holder is the chief officer of {BOARD}, "
                               f"the appointment is made by {BOARD} under that Act, and the "
                               f"Post-holder is accountable to {BOARD} for its functions.")
    assert n["2.5"] == (f"The Parties shall consult {BOARD} on any decision under this "
                        "Agreement that affects the Post-holder's appointment as its chief "
                        "officer.")
    assert n["2.6"] == (f"{BOARD} is not a party to this Agreement. It may enforce clauses 2.4 "
                        "and 2.5 as a third party, as clause 25.3 provides, and no other term "
                        "of this Agreement.")
    general = [k for k, v in n.items() if v.startswith("Except as clause 25.3 provides")]
    assert general == ["25.2"], general
    assert n["25.2"] == ("Except as clause 25.3 provides, nothing in this Agreement confers a "
                         "third-party right on any person under the Contract (Third Party "
                         "Rights) (Scotland) Act 2017.")
    assert n["25.3"] == (
        f"{BOARD} may enforce clauses 2.4 and 2.5 (the appointment of its chief officer, the "
        "chief officer's accountability to it, and its consultation) as a third party under "
        "the Contract (Third Party Rights) (Scotland) Act 2017. The Parties may vary this "
        f"Agreement, or end it in accordance with its terms, without the consent of {BOARD}, "
        "except that no variation or cancellation of clauses 2.4 and 2.5, or of this clause, "
        "takes effect without its written consent.")
    t = text(data)
    assert "has no right to enforce it" not in t
    assert "Note for legal review: confirm that the third-party right given to " + BOARD in t
    # a third party: not in PARTIES and does not sign
    assert f"Signed for and on behalf of {BOARD}" not in t
    assert f"Signed for {BOARD}" not in t
    assert not rules_fired(data) & {"GE008", "GE009", "GE010", "GE011", "GP050"}


def test_beneficiary_changes_only_the_board_and_third_party_wording() -> None:
    """Against the Scottish post as it was: only the board's paragraphs, the third-party
    clause and its note differ (and the reference)."""
    before = text(answers(SCOT)).split("\n")
    after = text(answers(BENEFICIARY)).replace("GLN-HB-CO-03", "GLN-HB-CO-01").split("\n")
    removed = [x[2:] for x in difflib.ndiff(before, after) if x.startswith("- ")]
    added = [x[2:] for x in difflib.ndiff(before, after) if x.startswith("+ ")]
    assert len(removed) == 2, removed
    assert removed[0].startswith(f"The Post serves {BOARD}") and removed[0].endswith(
        f"{BOARD} is not a party to this Agreement and has no right to enforce it.")
    assert removed[1].startswith("Nothing in this Agreement confers a third-party right")
    assert len(added) == 7, added
    assert all(BOARD in x or "clause 25.3" in x for x in added), added


# --- the board as a party, for its clauses only -----------------------------------------------

def test_party_is_named_signs_and_takes_no_time_or_cost() -> None:
    data = answers(PARTY)
    t = text(data)
    assert (f"(3)\t{BOARD} of c/o Council Headquarters, High Street, Glenmuir KA1 1AA "
            "(“the IJB”).") in t
    assert "(2)\tNHS Glenmuir of Board Headquarters, Muir Road, Glenmuir KA2 2BB (“the Health " \
        "Board”); and" in t
    assert f"\n(3)  {BOARD}\n" in t  # the cover: "between (1) ... (2) ... (3) ..."
    assert "“Parties” means the Council and the Health Board, and not the IJB, which is a " \
        "party to this Agreement only as clause 2.6 provides;" in t
    n = numbered(data)
    # the clauses that name the IJB besides its own (a review found 2.6 left them out)
    notices = next(k for k, v in n.items() if v.startswith("A Party, or the IJB, may change"))
    notices = notices.rsplit(".", 1)[0]  # the Notices clause's number
    change = next(k for k, v in n.items() if v.startswith("The Steering Group shall meet "
                                                          "within 20 Working Days"))
    assert n["2.4"].startswith("So far as the Post-holder is the chief officer of the IJB")
    assert n["2.5"].startswith("The Parties shall consult the IJB on any decision")
    assert n["2.6"] == (
        "The IJB is a party to this Agreement only for the purposes of clauses 2.4 and 2.5, "
        f"this clause and, so far as they name it, clauses {change} and {notices}, and may "
        "enforce them. It shall tell the Parties promptly if it proposes "
        "to end the Post-holder's appointment as its chief officer under section 10 of the "
        "Public Bodies (Joint Working) (Scotland) Act 2014. It takes no share of the "
        "Post-holder's time, is not "
        "the Employer or a Host Party, and has no obligation under this Agreement to pay any "
        "sum. References elsewhere in this Agreement to the Parties or a Party do not include "
        "it. No variation of clauses 2.4 and 2.5, or of this clause, takes effect unless the "
        "IJB signs it.")
    # a party: the general clause gives no third-party right
    assert "Nothing in this Agreement confers a third-party right on any person under the " \
        "Contract (Third Party Rights) (Scotland) Act 2017." in t
    assert "has no right to enforce it" not in t
    # notices, the testing clause and the signature block
    notices = clause(t, "Notices", "General")
    assert "the IJB: the Standards Officer, c/o Council Headquarters, High Street, Glenmuir " \
        "KA1 1AA, or by email to:\nijb.standards@glenmuir.example.gov.uk." in notices
    ex = clause(t, "Execution", "Post details")  # the board signs here, before a witness
    assert f"Signed for {BOARD} by Cllr Ann Reid, Chair of the Integration Joint Board, at" in ex
    assert "SIGNATURES" not in t  # one place to sign: no signature page after the clause
    # no time share and no payment: the schedules name the two sharing bodies only
    split = t[t.rindex("Time split and management"):]
    assert BOARD not in split
    assert "Note for legal review: confirm that " + BOARD + " has power to enter into this " \
        "Agreement" in t
    assert not rules_fired(data) & {"GE008", "GE009", "GE010", "GE011", "GP050"}


def test_contract_and_job_spec_are_unchanged_by_the_board_signing() -> None:
    for kind in ("contract", "job_spec"):
        assert text(answers(PARTY), kind).replace("GLN-HB-CO-02", "GLN-HB-CO-01") == \
            text(answers(SCOT), kind), kind


# --- the rules, with the key and the fix in their messages ------------------------------------

def test_board_cannot_be_the_employer() -> None:
    data = answers(SCOT, parties__0__name=BOARD)  # the Council (the employer) renamed
    [message] = _messages(data, "GE010")
    assert message.startswith(f"employer: {BOARD} is an integration joint board, and an "
                              "integration joint board does not employ the chief officer: the "
                              "chief officer is employed by the health board or a council")
    assert "Make that body the employer (employer: board)" in message
    assert "integration_joint_board_party" in message


def test_board_cannot_share_time_or_pay() -> None:
    data = answers(SCOT, parties__1__name=BOARD, parties__1__short_name="the IJB")
    [message] = _messages(data, "GE011")
    assert message.startswith(f"parties[1].name: {BOARD} is an integration joint board "
                              "listed under parties, the bodies that share the post's time and "
                              "cost")
    assert "docgen cannot write an agreement in which an integration joint board takes a " \
        "share of the time or pays towards the post" in message
    assert "Remove 'board' from parties" in message
    assert "integration_joint_board_party (a party that pays nothing)" in message


def test_s35_does_not_reach_the_board() -> None:
    data = answers(PARTY, legal_basis="lgs_1966_s35")
    [message] = _messages(data, "GP050")
    assert message.startswith("legal_basis: section 35 of the Local Government (Scotland) Act "
                              "1966")
    assert f"it does not reach {BOARD}, an integration joint board" in message
    assert "Set legal_basis: secondment, or state another power in legal_basis: other (the " \
        "Public Bodies (Joint Working) (Scotland) Act 2014 and an integration scheme are no " \
        "power to share staff), and have it confirmed by a lawyer" in message
    assert "GP050" not in rules_fired(answers(PARTY))
    assert "GP050" not in rules_fired(answers(PARTY, legal_basis="secondment"))


def test_board_outside_scotland_and_its_part_without_a_name_are_errors() -> None:
    wales = answers(PARTY, jurisdiction="wales")
    [message] = _messages(wales, "GE008")
    assert "exist only in Scotland; remove integration_joint_board and " \
        "integration_joint_board_party or set jurisdiction: scotland" in message
    nameless = answers(BENEFICIARY)
    del nameless["integration_joint_board"]
    [message] = _messages(nameless, "GE009")
    assert message.startswith("integration_joint_board_enforces: the integration joint board "
                              "whose part integration_joint_board_enforces gives is not named")
    both = answers(PARTY, integration_joint_board_enforces=True)
    [message] = _messages(both, "GE009")
    assert "enforces its clauses as a party, not as a third party; remove " \
        "integration_joint_board_enforces" in message
