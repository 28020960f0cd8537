"""Rules on ``governance`` (steering group, objectives, disputes) and ``management``
(who leads HR, who appraises)."""

from __future__ import annotations

import re

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.formatting import join_words
from docgen.facts.governance import dispute_overlaps
from docgen.facts.role_titles import NOT_THE_HOLDER, ROLE_PATTERNS, role_kinds
from docgen.rulebook.common import (
    CAPITAL_AMBITION,
    GOOD_GOVERNANCE,
    JOINT_WORKING,
    LEGAL_REVIEW,
    SCOTTISH_GUIDE,
    Findings,
    has_or_have,
    roles_by_party,
)
from docgen.rulebook.registry import rule, told, way


@rule("GE006", "error", "governance.steering_group.members", SCOTTISH_GUIDE + ", Critical "
      "Success Factor 2", "every party must have a member on the steering group",
      clauses=("agreement.governance",))
def steering_group_all_parties(a: AnswerFile, f: Facts) -> Findings:
    present = {m.party for m in a.governance.steering_group.members}
    missing = [p.short_name for p in f.parties if p.id not in present]
    if missing:
        yield ("governance", "steering_group", "members"), told(
            f"{join_words(missing)} {has_or_have(missing)} no member on the steering group; "
            "a steering group must include senior people from every partner. ",
            "Add a member for each party", way("governance.steering_group.members"))


@rule("GP002", "warning", "governance.objectives", CAPITAL_AMBITION + ", 4.4 Governance issues",
      "each party should have its own objectives for the post", clauses=("agreement.governance",))
def party_objectives(a: AnswerFile, f: Facts) -> Findings:
    missing = [p.short_name for p in f.parties if not p.objectives]
    if missing:
        yield ("governance", "objectives"), told(
            f"{join_words(missing)} {has_or_have(missing)} no objectives; "
            "each organisation should have a clear "
            "set of goals that all parties sign up to. ", "Add a list under "
            "governance.objectives for each party", way("governance.objectives"))


@rule("GP003", "warning", "management.hr_lead", CAPITAL_AMBITION + ", 4.7 On-going management "
      "and monitoring", "HR matters should be led by the employer",
      clauses=("agreement.management", "contract.management"))
def hr_lead_is_employer(a: AnswerFile, f: Facts) -> Findings:
    if f.hr_lead.id != f.employer.id:
        yield ("management", "hr_lead"), told(
            f"HR matters (discipline, grievance, capability, pay) are led by "
            f"{f.hr_lead.short_name}, but {f.employer.short_name} is the employer and remains "
            "legally responsible for them; ", "make the employer the hr_lead (consulting the "
            "others), or acknowledge this rule", way(f"management.hr_lead={f.employer.id}"),
            way("acknowledge=GP003"), after=" with the delegation agreed")


@rule("GP004", "warning", "management.appraisal", SCOTTISH_GUIDE + " (joint performance "
      "management)", "the post-holder's appraisal should be joint",
      clauses=("agreement.management", "contract.management"))
def joint_appraisal(a: AnswerFile, f: Facts) -> Findings:
    if a.management.appraisal != "joint":
        yield ("management", "appraisal"), told(
            f"the appraisal is done by {f.hr_lead.short_name} alone; the other parties then "
            "have no formal say on performance against their objectives. ",
            "Set management.appraisal: joint", way("management.appraisal=joint"))


@rule("GP005", "warning", "governance.disputes", CAPITAL_AMBITION + ", 4.4 Governance issues",
      "disputes should escalate through at least two steps",
      clauses=("agreement.disputes",))
def dispute_steps(a: AnswerFile, f: Facts) -> Findings:
    if len(a.governance.disputes) < 2:
        yield ("governance", "disputes"), told(
            "there is only one step for resolving disputes; differences of opinion are likely "
            "to arise, so ", "add a higher step", way("governance.disputes"),
            after=" (e.g. chief executives, then independent mediation)")


@rule("GP011", "warning", "governance.steering_group.meets", SCOTTISH_GUIDE + ", Good "
      "practice note (regular intervals)", "the steering group should meet at least twice a "
      "year", clauses=("agreement.governance",))
def steering_group_meets(a: AnswerFile, f: Facts) -> Findings:
    if a.governance.steering_group.meets == "yearly":
        yield ("governance", "steering_group", "meets"), told(
            "a steering group that meets once a year cannot monitor progress or settle "
            "conflicting priorities in time; ", "set meets: twice_yearly or quarterly",
            way("governance.steering_group.meets=twice_yearly"),
            way("governance.steering_group.meets=quarterly"))


@rule("GP030", "warning", "governance.objectives.shared", JOINT_WORKING + " (question 1); "
      + GOOD_GOVERNANCE, "the partners should share at least one objective",
      clauses=("agreement.governance",))
def shared_objectives(a: AnswerFile, f: Facts) -> Findings:
    if not a.governance.objectives.get("shared"):
        yield ("governance", "objectives"), told(
            "there are no shared objectives; a joint post should serve goals all parties "
            "own together. ", "Add a list under governance.objectives.shared",
            way("governance.objectives.shared"))


@rule("GP033", "warning", "governance.disputes", LEGAL_REVIEW + ", 8 (governance)",
      "no one should act at two steps of the dispute procedure",
      clauses=("agreement.disputes",))
def dispute_same_person(a: AnswerFile, f: Facts) -> Findings:
    for o in dispute_overlaps(a):
        yield ("governance", "disputes", o.second, "level"), told(
            f"{o.who} would act at step {o.first + 1} and again at step {o.second + 1} of "
            "the dispute procedure, so that step adds nothing. The agreement takes the two "
            "steps together; to keep them apart, ", "name a different level at one of them",
            way(f"governance.disputes.{o.first}.level"),
            way(f"governance.disputes.{o.second}.level"))


#: what may follow a title that names the post: the end, punctuation, or a joining word
#: ("the Chief Executive of each council", "Chief Executives and Leaders"); not more of a
#: longer title ("Chief Officer (Finance)", "Head of HR Business Partnering") nor a
#: possessive ("the Chief Executive's nominee")
_TITLE_ENDS = (r"(?=\s*$|\s*[,;:)/.]|\s+(?:&|(?:and|or|of\s+(?:each|the|both|all|every|"
               r"their|its))\b))")


#: the words before a title that say the post is shared ("the Joint ...")
_SHARED_WORDS = re.compile(r"^(?:the\s+)?(?:(?:shared|joint|combined)\s+)*")
#: each office's pattern as another's owner ("the Chief Executive's nominee"), compiled as
#: the module loads (so the command's table of compiled patterns keeps them)
_POSSESSED = tuple(re.compile(rf"(?:{pattern})s?(?=['’])", re.IGNORECASE)
                   for pattern in ROLE_PATTERNS.values())
#: a plural title's last word ("Chief Executives"), made singular
_PLURAL = re.compile(r"\b(\w+?(?:ive|er|or|ead))s\b")


def _plain_title(title: str) -> str:
    """A post's title without the words that say it is shared ("Joint Director of Public
    Health" → "director of public health")."""
    return _SHARED_WORDS.sub("", title.strip().lower())


def _not_possessed(said: str) -> str:
    """``said`` without the offices it names only as another's owner ("the Chief
    Executive's nominee", "Chief Executives' nominees")."""
    if "'" not in said and "’" not in said:  # no apostrophe, no owner: each pattern
        return said  # needs one
    for pattern in _POSSESSED:
        said = pattern.sub(" ", said)
    return said


#: an acting, interim or former officer holds (or held) the office, so ``role_kinds`` gives
#: it the office's wording, but is someone other than the post-holder ("acting as" is the
#: verb: the post-holder acting as another officer)
_SOMEONE_ELSE = re.compile(r"\b(?:acting|interim|former)\b(?!\s+(?:as|for|on|in|under)\b)",
                           re.IGNORECASE)


def _title_pattern(plain: str) -> re.Pattern[str]:
    """A post's plain title where a role names the post: as a whole title, not after a word
    that makes it someone else's ("deputy"), and ending where :data:`_TITLE_ENDS` allows."""
    before = "".join(rf"(?<!{w} )" for w in NOT_THE_HOLDER)
    return re.compile(rf"(?<![\w-]){before}{re.escape(plain)}s?{_TITLE_ENDS}")


def _names_the_post(said: str, title: str, kinds: set[str]) -> str:
    """How ``said`` (a member's role, a dispute step's level) names the post: by its title
    ("Chief Executives" for a post titled Chief Executive) or by a statutory office it holds
    (``kinds``, as ``facts/role_titles.role_kinds`` names them); "" when it does not. A
    deputy's or an acting, interim or former officer's title is someone else's
    (``facts/role_titles.NOT_THE_HOLDER``, :data:`_SOMEONE_ELSE`)."""
    if _SOMEONE_ELSE.search(said):
        return ""
    plain, low = _plain_title(title), said.lower()
    # the pattern holds the title as it is written, so a role without the title cannot
    # match it: not compiling it then saves a compile per post (every title differs)
    if plain and plain in low and _title_pattern(plain).search(low):
        return f"the post is the {title.strip()}"
    singular = _PLURAL.sub(r"\1", said)
    found = (role_kinds(_not_possessed(said)) | role_kinds(_not_possessed(singular))) & kinds
    return f"the post-holder is the {sorted(found)[0]}" if found else ""


@rule("GP060", "warning", "governance.steering_group.members", LEGAL_REVIEW
      + ", 8 (governance)", "the post-holder should not oversee their own post: no steering "
      "group member or step of the dispute procedure should be the post itself",
      clauses=("agreement.governance", "agreement.disputes"))
def post_oversees_itself(a: AnswerFile, f: Facts) -> Findings:
    """A shared chief executive on the steering group that oversees them, or "Chief
    Executives" as a dispute step when the post is the chief executive (the agreement says
    the post-holder is not asked to act or advise for any Party in a dispute). The post is
    named by its title, or by a statutory office it holds (for that member's party; for a
    dispute step, for any party). A member is matched by the post's title only for a party
    the post holds a statutory office for, when it holds any: a health board's "Chief
    Executive" is its own, not the two councils' joint chief executive."""
    title = a.post.title
    held = roles_by_party(a)  # the offices the post holds, not those its title mentions
    everywhere = {k for kinds in held.values() for k in kinds}
    for i, m in enumerate(a.governance.steering_group.members):
        named = _names_the_post(m.role, title if not held or m.party in held else "",
                                set(held.get(m.party, {})))
        if named:
            name = f.party[m.party].short_name if m.party in f.party else m.party
            yield ("governance", "steering_group", "members", i, "role"), told(
                f"{name}'s member of the steering group, '{m.role}', is the post itself "
                f"({named}): the post-holder would oversee their own post. ",
                f"Name someone else for {name}", way(f"governance.steering_group.members.{i}"
                                                     ".role=~"),
                after=", for example the Leader, a deputy or another chief officer",
                code="post_on_steering_group")
    for i, step in enumerate(a.governance.disputes):
        named = _names_the_post(step.level, title, everywhere)
        if named:
            yield ("governance", "disputes", i, "level"), told(
                f"step {i + 1} of the dispute procedure, '{step.level}', includes the "
                f"post-holder ({named}), but the agreement says the post-holder is not asked "
                "to act or advise for any Party in a dispute. ",
                "Name someone else at that step", way(f"governance.disputes.{i}.level=~"),
                after=", for example the Leaders of the councils or their deputies",
                code="post_at_dispute_step")
