"""Rules on who the parties are and who employs: an integration joint board can be
neither the employer nor a party that shares the post's time and cost."""

from __future__ import annotations

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.rulebook.common import PBJWSA, REVIEW_12, Findings, board_indexes
from docgen.rulebook.registry import rule


@rule("GE010", "error", "employer", PBJWSA + " (the integration joint board's chief officer)",
      "an integration joint board does not employ the chief officer",
      clauses=("agreement.background",))
def ijb_employer(a: AnswerFile, f: Facts) -> Findings:
    boards = board_indexes(a)
    for i in boards:
        p = a.parties[i]
        if p.id == a.employer:
            councils = [q.id for j, q in enumerate(a.parties) if j not in boards
                        and q.kind in ("local_authority", "nhs_body")]
            yield ("employer",), (
                f"{p.name} is an integration joint board, and an integration joint board does "
                "not employ the chief officer: the chief officer is employed by the health "
                "board or a council and appointed by the board. Make that body the employer"
                + (f" (employer: {councils[0]})" if councils else "")
                + ", and give the board its part with integration_joint_board and "
                "integration_joint_board_party")


@rule("GE011", "error", "parties", REVIEW_12 + ", Scotland (IJB as a party)",
      "an integration joint board cannot be one of the parties that share the time and cost",
      clauses=("agreement.background",))
def ijb_sharing_party(a: AnswerFile, f: Facts) -> Findings:
    for i in board_indexes(a):
        p = a.parties[i]
        if p.id != a.employer:
            yield ("parties", i, "name"), (
                f"{p.name} is an integration joint board listed under parties, the bodies "
                "that share the post's time and cost; docgen cannot write an agreement in "
                "which an integration joint board takes a share of the time or pays towards "
                f"the post. Remove '{p.id}' from parties (and from time_split, management and "
                "payment) and give the board its part with integration_joint_board and "
                "integration_joint_board_party (a party that pays nothing) or "
                "integration_joint_board_enforces: true")
