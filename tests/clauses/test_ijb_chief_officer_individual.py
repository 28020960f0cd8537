"""Legal audit, finding 5: with an integration joint board named (Scotland), the agreement says
the board appoints its chief officer and the post-holder is accountable to it for its
functions (section 10 of the Public Bodies (Joint Working) (Scotland) Act 2014); the contract's
management clause and the job specification's organisations and reporting-lines clauses now
say the same, instead of naming only the Partner Organisations and the Steering Group.

Each test builds the documents and reads the .docx back."""

from __future__ import annotations

from legal_answers import SCOT, answers, clause, text

BOARD = "Glenmuir Integration Joint Board"
S10 = "section 10 of the Public Bodies (Joint Working) (Scotland) Act 2014"


def _management(data: dict) -> str:
    return clause(text(data, "contract"), "Management, accountability and appraisal",
                  "Disciplinary, grievance and capability matters")


def _organisations(data: dict) -> str:
    return clause(text(data, "job_spec"), "Employing and partner organisations",
                  "Hours and time split")


def _reporting(data: dict) -> str:
    t = text(data, "job_spec")
    start = t.index("\nReporting lines\n")
    ends = [t.find("\n" + h + "\n", start + 1) for h in ("What the post is not",
                                                           "Key relationships")]
    return t[start:min(e for e in ends if e > 0)]


def test_agreement_contract_and_job_spec_agree_on_the_boards_appointment() -> None:
    for name, short in ((SCOT, BOARD), ("scotland-ijb-party", "the IJB"),
                        ("scotland-ijb-beneficiary", BOARD)):
        data = answers(name)
        assert f"the appointment is made by {short} under that Act" in text(data)
        management = _management(data)
        assert (f"So far as you are the chief officer of {BOARD}, the integration joint board "
                "established under the Public Bodies (Joint Working) (Scotland) Act 2014, you "
                f"are appointed to that office by {BOARD} under section 10 of that Act and are "
                "accountable to it for the carrying out of its functions.") in management
        assert f"{BOARD} is not a Partner Organisation." in management
        organisations = _organisations(data)
        assert (f"Integration joint board: {BOARD}, established under the Public Bodies "
                "(Joint Working) (Scotland) Act 2014 for the integration scheme of Glenmuir "
                "Council and NHS Glenmuir. So far as the post-holder is its chief officer, the "
                f"appointment is made by {BOARD}, and the post-holder is accountable to it for "
                f"its functions. The post-holder is not employed by {BOARD}.") in organisations
        reporting = _reporting(data)
        assert (f"so far as the post-holder is the chief officer of {BOARD}, the post-holder "
                f"is appointed by {BOARD} under {S10}, reports to it and is accountable to it "
                "for the carrying out of its functions.") in reporting
        assert (f"except that, so far as the post-holder acts as chief officer of {BOARD}, "
                f"they are set by {BOARD}.") in reporting


def test_no_board_no_board_wording() -> None:
    data = answers(SCOT, integration_joint_board=None)
    for t in (_management(data), _organisations(data), _reporting(data)):
        assert "integration joint board" not in t.lower()
        assert "section 10" not in t
    assert _reporting(data).endswith(
        "Direction and objectives are set by the Glenmuir Integration Steering Group, which "
        "includes senior representatives of every organisation.")
