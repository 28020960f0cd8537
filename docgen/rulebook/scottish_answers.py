"""Rules on the answers only a Scottish post gives: ``integration_joint_board`` (and the
board's part in the agreement) and ``execution`` (self-proving, with a testing clause); the
rest of the arrangement's legal frame is in :mod:`docgen.rulebook.legal`."""

from __future__ import annotations

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words
from docgen.rulebook.common import IJB_KEYS, PBJWSA, REVIEW_12, Findings
from docgen.rulebook.registry import Told, rule, told, way


@rule("GE008", "error", "integration_joint_board", PBJWSA,
      "an integration joint board exists only in Scotland",
      clauses=("agreement.background",))
def ijb_outside_scotland(a: AnswerFile, f: Facts) -> Findings:
    given = [k for k in IJB_KEYS if getattr(a, k)]
    if given and a.jurisdiction != "scotland":
        yield (given[0],), told(
            "integration joint boards are set up under the Public Bodies (Joint Working) "
            f"(Scotland) Act 2014 and exist only in Scotland; remove {join_words(given)} "
            "or ", "set jurisdiction: scotland", way("jurisdiction=scotland"))


@rule("GE009", "error", "integration_joint_board_party", REVIEW_12 + ", Scotland (IJB); "
      "Contract (Third Party Rights) (Scotland) Act 2017",
      "an integration joint board's part needs its name, and is either a party or a third "
      "party that may enforce", clauses=("agreement.background", "agreement.general"))
def ijb_part(a: AnswerFile, f: Facts) -> Findings:
    given = [k for k in IJB_KEYS[1:] if getattr(a, k)]
    if given and not a.integration_joint_board:
        yield (given[0],), Told(
            f"the integration joint board whose part {join_words(given)} "
            f"{'gives' if len(given) == 1 else 'give'} is not named; name it in "
            "integration_joint_board, e.g. integration_joint_board: Glenmuir Integration "
            "Joint Board", code="board_unnamed")
    board = a.integration_joint_board_party
    if board is not None and a.integration_joint_board_enforces:
        yield ("integration_joint_board_enforces",), Told(
            "the board signs as a party (integration_joint_board_party) and so enforces its "
            "clauses as a party, not as a third party; remove integration_joint_board_enforces",
            code="board_enforces_as_party")
    if board is not None and board.short_name.casefold() in {
            p.short_name.casefold() for p in a.parties}:
        yield ("integration_joint_board_party", "short_name"), Told(
            f"'{board.short_name}' is already a party's short name; give the board its own "
            "defined term, e.g. short_name: the IJB", code="board_short_name_taken")


@rule("GP048", "warning", "execution", REVIEW_12 + ", Scotland (execution)",
      "self-proving execution is a Scottish formality",
      clauses=("agreement.background",))
def execution_outside_scotland(a: AnswerFile, f: Facts) -> Findings:
    if a.execution == "self_proving" and a.jurisdiction != "scotland":
        yield ("execution",), told(
            "self-proving execution (witnesses and a testing clause) is a formality of Scots "
            f"law and has no effect under {f.jurisdiction['law']}; ", "remove execution or "
            "set it to signatures", way("execution=signatures"))
