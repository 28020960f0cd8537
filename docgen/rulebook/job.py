"""Rules on the joint job specification (``job``): each party's responsibilities, a
director of public health's special condition, a Welsh post's language criterion."""

from __future__ import annotations

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words
from docgen.facts.role_titles import role_kinds
from docgen.facts.welsh_language import welsh_criteria
from docgen.rulebook.common import BOARD_PAPER, DOMAIN, SCOTTISH_GUIDE, Findings, has_or_have
from docgen.rulebook.registry import rule, told, way


@rule("GP018", "warning", "job.responsibilities", SCOTTISH_GUIDE + ", Critical Success "
      "Factor 2", "the job specification should give each party responsibilities",
      clauses=("job_spec.responsibilities", "contract.duties"))
def party_responsibilities(a: AnswerFile, f: Facts) -> Findings:
    missing = [p.short_name for p in f.parties if not p.responsibilities]
    if missing:
        yield ("job", "responsibilities"), told(
            f"{join_words(missing)} {has_or_have(missing)} no responsibilities in the job "
            "specification; each party should see what the post does for it. ",
            "Add a list under job.responsibilities for each party", way("job.responsibilities"))


@rule("GP019", "warning", "job.special_conditions", BOARD_PAPER + "; " + DOMAIN +
      " (Director of Public Health)", "a council's Director of Public Health is appointed "
      "jointly with the Secretary of State",
      clauses=("job_spec.special_conditions", "agreement.statutory_roles"))
def dph_secretary_of_state(a: AnswerFile, f: Facts) -> Findings:
    """Section 73A of the National Health Service Act 2006 makes the director of public
    health a local authority's office: only a council appoints one jointly with the
    Secretary of State (as the agreement's and contract's s.73A wording, given only for a
    council, say). A statutory role naming the office counts only for a party that is a
    local authority; with no role naming it, a title naming it counts when a party is one."""
    if a.jurisdiction not in ("england_and_wales", "england"):
        return
    named = [r for r in a.post.statutory_roles
             if "director of public health" in role_kinds(r.role)]
    council = any(p.kind == "local_authority" for p in f.parties)
    dph = any(f.party[r.party].kind == "local_authority" for r in named) if named else (
        council and "director of public health" in role_kinds(a.post.title))
    said = any("secretary of state" in c.lower() for c in a.job.special_conditions)
    if dph and not said:
        yield ("job", "special_conditions"), told(
            "a Director of Public Health in England is appointed jointly with the Secretary of "
            "State (through an advisory appointments committee), who is consulted before the "
            "appointment ends; ", "add a special condition", way("job.special_conditions"),
            after=" saying so")


@rule("GP058", "warning", "job.person_specification", "Welsh Language (Wales) Measure 2011; "
      "Welsh Language Standards (No. 1) Regulations 2015 (councils) and (No. 7) Regulations "
      "2018 (health bodies): the standard on assessing the Welsh language skills a new or "
      "vacant post needs", "a post in Wales should say in its person specification what Welsh "
      "language skills it needs",
      clauses=("job_spec.special_conditions", "agreement.welsh_language"))
def welsh_language_criterion(a: AnswerFile, f: Facts) -> Findings:
    """The agreement has the parties assess the level and record it in the job specification,
    whose special conditions point to the person specification only when it has one."""
    if a.jurisdiction == "wales" and not welsh_criteria(a):
        yield ("job", "person_specification"), told(
            "no criterion in the person specification says what Welsh language skills the post "
            "needs; a body in Wales bound by the Welsh Language Standards assesses the need "
            "for Welsh language skills of a new or vacant post and categorises it "
            "(essential, to be learnt once appointed, desirable or not necessary), and the "
            "agreement has the parties record that level in the job specification. ",
            "Add a criterion on Welsh language skills to job.person_specification",
            way("job.person_specification"),
            after=", for example 'Welsh language skills at level 3 (can hold a conversation "
            "at work)'")
