"""Good-practice rules from the December 2026 legal review: the less common structures
(a Welsh chief executive, Scotland's s.35, exit-cost shares stated apart from payments,
execution formalities, an integration joint board's part). Ids ``GP046`` onwards and
``GE007`` onwards; registered like the others (the catalogue imports this module)."""

from __future__ import annotations

import re
from decimal import Decimal

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words, number
from docgen.facts.roles import role_kinds
from docgen.rulebook.book import Findings
from docgen.rulebook.registry import rule

REVIEW_12 = "docgen legal review of December 2026, docs/sources.md"
LGEWA_S54 = "Local Government and Elections (Wales) Act 2021 s.54 and Sch. 5"
LGSA_S35 = "Local Government (Scotland) Act 1966 s.35"
PBJWSA = "Public Bodies (Joint Working) (Scotland) Act 2014"
IJB_KEYS = ("integration_joint_board", "integration_joint_board_enforces",
            "integration_joint_board_party")


@rule("GE007", "error", "exit.cost_shares", REVIEW_12 + ", 5 (exit-cost shares)",
      "exit-cost shares must name every party and add up to 100%",
      clauses=("agreement.exit",))
def exit_cost_shares(a: AnswerFile, f: Facts) -> Findings:
    shares = a.exit.cost_shares
    if shares is None:
        return
    unknown = sorted(set(shares) - set(f.party))
    missing = [p.short_name for p in f.parties if p.id not in shares]
    total = sum(shares.values(), Decimal(0))
    if unknown:
        yield ("exit", "cost_shares"), (
            f"{join_words(unknown)} {'is' if len(unknown) == 1 else 'are'} not a party id; "
            f"use the ids under parties ({join_words([p.id for p in f.parties])})")
    elif missing:
        yield ("exit", "cost_shares"), (
            f"{join_words(missing)} {'has' if len(missing) == 1 else 'have'} no share; give "
            "every party a percent (0 if it bears none), e.g. cost_shares: {"
            + ", ".join(f"{p.id}: {number(p.time_percent.quantize(Decimal('1')))}"
                        for p in f.parties) + "}")
    elif total != 100:
        yield ("exit", "cost_shares"), (
            f"the exit-cost shares add up to {number(total)}%; they must add up to 100%")


@rule("GP046", "warning", "post.statutory_roles", LGEWA_S54,
      "a Welsh county or county borough council appoints a chief executive under s.54, "
      "not a head of paid service", clauses=("agreement.statutory_roles",))
def wales_head_of_paid_service(a: AnswerFile, f: Facts) -> Findings:
    if a.jurisdiction != "wales":
        return
    for i, r in enumerate(a.post.statutory_roles):
        if "head of paid service" in role_kinds(r.role) and \
                f.party[r.party].kind == "local_authority":
            yield ("post", "statutory_roles", i, "role"), (
                "since 5 May 2022 a county or county borough council in Wales appoints a chief "
                "executive under section 54 of the Local Government and Elections (Wales) Act "
                "2021 instead of designating a head of paid service; write the role as "
                "'Chief Executive' (a community council is not affected)")


@rule("GP047", "warning", "legal_basis", LGSA_S35,
      "s.35 of the 1966 Act places staff only between Scottish local authorities (and with "
      "the Scottish Ministers)", clauses=("agreement.background",))
def s35_parties(a: AnswerFile, f: Facts) -> Findings:
    if a.legal_basis != "lgs_1966_s35":
        return
    odd = [p.short_name for p in f.parties if p.kind != "local_authority"]
    if odd:
        yield ("legal_basis",), (
            f"section 35 of the Local Government (Scotland) Act 1966 does not reach "
            f"{join_words(odd)}, which {'is' if len(odd) == 1 else 'are'} not a local "
            "authority; state the basis in legal_basis: other (for a health board, the "
            "Public Bodies (Joint Working) (Scotland) Act 2014 and the integration scheme, "
            "or a secondment)")


@rule("GP048", "warning", "execution", REVIEW_12 + ", Scotland (execution)",
      "self-proving execution is a Scottish formality",
      clauses=("agreement.background",))
def execution_outside_scotland(a: AnswerFile, f: Facts) -> Findings:
    if a.execution == "self_proving" and a.jurisdiction != "scotland":
        yield ("execution",), (
            "self-proving execution (witnesses and a testing clause) is a formality of Scots "
            f"law and has no effect under {f.jurisdiction['law']}; remove execution or set it "
            "to signatures")


@rule("GP049", "warning", "exit.fallback_post", REVIEW_12 + ", 20 (recruited post-holder)",
      "terms for a new appointment have no effect when a post-holder is named",
      clauses=("agreement.exit",))
def recruit_terms_for_a_named_postholder(a: AnswerFile, f: Facts) -> Findings:
    if a.postholder is None:
        return
    given = [k for k, v in (("exit.fallback_post", a.exit.fallback_post),
                            ("post.probation_months", a.post.probation_months),
                            ("post.pension_scheme", a.post.pension_scheme)) if v is not None]
    if given:
        yield tuple(given[0].split(".")), (
            "a post-holder is named, so the terms for a new appointment (a fall-back post, "
            "probation, the pension scheme offered) have no effect; the named post-holder "
            f"returns to the post in exit.reversion_post instead. Remove {join_words(given)}")


@rule("GE008", "error", "integration_joint_board", PBJWSA,
      "an integration joint board exists only in Scotland",
      clauses=("agreement.background",))
def ijb_outside_scotland(a: AnswerFile, f: Facts) -> Findings:
    given = [k for k in IJB_KEYS if getattr(a, k)]
    if given and a.jurisdiction != "scotland":
        yield (given[0],), (
            "integration joint boards are set up under the Public Bodies (Joint Working) "
            f"(Scotland) Act 2014 and exist only in Scotland; remove {join_words(given)} "
            "or set jurisdiction: scotland")


def _board_index(a: AnswerFile) -> list[int]:
    """The parties (by index) that are an integration joint board: named as the board, or
    called one ("... Integration Joint Board", "IJB")."""
    named = (a.integration_joint_board or "").casefold()
    return [i for i, p in enumerate(a.parties)
            if (named and p.name.casefold() == named)
            or re.search(r"\bintegration joint board\b|\bIJB\b", f"{p.name} {p.short_name}",
                         re.IGNORECASE)]


@rule("GE009", "error", "integration_joint_board_party", REVIEW_12 + ", Scotland (IJB); "
      "Contract (Third Party Rights) (Scotland) Act 2017",
      "an integration joint board's part needs its name, and is either a party or a third "
      "party that may enforce", clauses=("agreement.background", "agreement.general"))
def ijb_part(a: AnswerFile, f: Facts) -> Findings:
    given = [k for k in IJB_KEYS[1:] if getattr(a, k)]
    if given and not a.integration_joint_board:
        yield (given[0],), (
            f"the integration joint board whose part {join_words(given)} "
            f"{'gives' if len(given) == 1 else 'give'} is not named; name it in "
            "integration_joint_board, e.g. integration_joint_board: Glenmuir Integration "
            "Joint Board")
    board = a.integration_joint_board_party
    if board is not None and a.integration_joint_board_enforces:
        yield ("integration_joint_board_enforces",), (
            "the board signs as a party (integration_joint_board_party) and so enforces its "
            "clauses as a party, not as a third party; remove integration_joint_board_enforces")
    if board is not None and board.short_name.casefold() in {
            p.short_name.casefold() for p in a.parties}:
        yield ("integration_joint_board_party", "short_name"), (
            f"'{board.short_name}' is already a party's short name; give the board its own "
            "defined term, e.g. short_name: the IJB")


@rule("GE010", "error", "employer", PBJWSA + " (the integration joint board's chief officer)",
      "an integration joint board does not employ the chief officer",
      clauses=("agreement.background",))
def ijb_employer(a: AnswerFile, f: Facts) -> Findings:
    boards = _board_index(a)
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
    for i in _board_index(a):
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


@rule("GP050", "warning", "legal_basis", LGSA_S35 + "; " + PBJWSA,
      "s.35 of the 1966 Act does not reach an integration joint board",
      clauses=("agreement.background",))
def s35_ijb_party(a: AnswerFile, f: Facts) -> Findings:
    board = f.legal.ijb_party if f.legal else None
    if a.legal_basis == "lgs_1966_s35" and board is not None:
        yield ("legal_basis",), (
            "section 35 of the Local Government (Scotland) Act 1966 lets a local authority "
            f"place its staff at the disposal of another local authority; it does not reach "
            f"{board.name}, an integration joint board, which signs as a party. Set "
            "legal_basis: other and name the Public Bodies (Joint Working) (Scotland) Act 2014 "
            "and the integration scheme in legal_basis_text")
