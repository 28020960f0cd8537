"""The interview's steps and questions, as data; labels and hints come from the model.

Each question names a key path in the answer file. Its words (label, hint,
error phrasing, help) come from :mod:`docgen.web.wording`, keyed by that path,
and its choices from the model's ``Literal`` values, so a value the model
allows is always offered. Only the widget and the order live here.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from docgen.answers.model import AnswerFile
from docgen.answers.powers import LEGAL_BASIS_HOME, laws_of
from docgen.api.interview import scotland_only_keys
from docgen.web.wording import choice, words

Path = tuple[str | int, ...]
NOT_KNOWN = "tbc"  # the answer file's "not known yet", where the model allows it

#: the jurisdictions each legal basis belongs to (others apply everywhere), from docgen's
#: one table of powers (``answers/powers.py``, GP016's)
BASIS_HOME = {basis: laws_of(home) for basis, home in LEGAL_BASIS_HOME.items()}

#: keys asked only of a post in Scotland, as the rules know them: an integration joint
#: board's (GE008 refuses one elsewhere) and self-proving execution, a formality of Scots
#: law (GP048's key)
SCOTLAND_ONLY = scotland_only_keys()


@dataclass(frozen=True)
class Q:
    """One question: a key path, a widget and, for repeating groups, the item's questions.

    kind: text, textarea, number, date, radios, select, yesno, checkboxes, party
    (one of the parties), party_map (one ``inner`` answer per party, ``extra`` keys
    first), group (a list of mappings, add/remove), strlist (a list of text, add/remove).
    """

    path: Path
    kind: str = "text"
    choices: tuple[str, ...] = ()
    fields: tuple[Q, ...] = ()
    inner: str = "text"
    extra: tuple[str, ...] = ()
    width: str = ""  # GOV.UK width class suffix, e.g. "10" or "one-half"
    label: str = ""  # only where the model has no field (e.g. per-party keys)
    hint: str = ""
    reveal_when: tuple[str, ...] = ()  # for a radios' conditional sub-question: parent values
    item: str = ""  # a repeating group's row, in the singular ("Partner")
    drop_hidden: bool = True  # remove the answer when its condition no longer holds
    not_employer: bool = False  # a party_map asked of the partners other than the employer


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    owns: tuple[str, ...]  # top-level keys this step answers
    questions: tuple[Q, ...] = field(default_factory=tuple)


def _p(dotted: str) -> Path:
    return tuple(dotted.split("."))


def _q(dotted: str, kind: str = "text", **kw: Any) -> Q:
    return Q(_p(dotted), kind, **kw)


LINES = "strlist"
STEPS: tuple[Step, ...] = (
    Step("about", "About the arrangement", ("reference", "status", "jurisdiction", "docgen"), (
        _q("reference", width="20"), _q("status", "radios"),
        _q("jurisdiction", "radios"))),
    Step("basis", "Legal basis", ("legal_basis", "legal_basis_text", "execution",
                                  "integration_joint_board",
                                  "integration_joint_board_enforces"), (
        _q("legal_basis", "radios"),
        _q("legal_basis_text", "textarea", reveal_when=("other",), drop_hidden=False),
        _q("execution", "radios"),
        _q("integration_joint_board"), _q("integration_joint_board_enforces", "yesno"))),
    Step("partners", "Partners", ("parties",), (
        _q("parties", "group", item="Partner", fields=(
            _q("name"), _q("short_name", width="20"), _q("id", width="20"),
            _q("kind", "radios"), _q("address", "textarea"),
            _q("signatory.name"), _q("signatory.title"), _q("notices.title"),
            _q("notices.email", width="30"))),)),
    Step("employer", "Employer", ("employer",), (_q("employer", "party"),)),
    Step("post", "The post", ("post",), (
        _q("post.title"), _q("post.grade", width="20"), _q("post.purpose", "textarea"),
        _q("post.start_date", "date"), _q("post.end_date", "date"),
        _q("post.hours_per_week", "number", width="4"),
        _q("post.days_per_week", "number", width="4"),
        _q("post.locations", "group", item="Location", fields=(_q("party", "party"), _q("site"))),
        _q("post.politically_restricted", "yesno"),
        _q("post.statutory_roles", "group", item="Statutory role",
           fields=(_q("party", "party"), _q("role"), _q("deputy"))),
        _q("post.not_expected", LINES),
        _q("post.probation_months", "number", width="4"),
        _q("post.pension_scheme"))),
    Step("postholder", "Post-holder", ("postholder",), (
        _q("postholder.name"), _q("postholder.address", "textarea"),
        _q("postholder.consulted_on", "date"), _q("postholder.continuous_service_from", "date"),
        _q("postholder.pension_scheme"))),
    Step("time-split", "Time split", ("time_split",), (
        _q("time_split.unit", "radios"),
        _q("time_split.shares", "party_map", inner="number"),
        _q("time_split.flexibility", "textarea"))),
    Step("payment", "Payment", ("payment",), (
        _q("payment.mechanism", "radios"),
        _q("payment.fee.rate", "number", width="10", reveal_when=("time_fee",)),
        _q("payment.fee.per", "radios", reveal_when=("time_fee",)),
        _q("payment.fee.weeks_per_year", "number", width="4", reveal_when=("time_fee",)),
        _q("payment.fee.amounts", "party_map", inner="number", reveal_when=("fixed_fee",),
           not_employer=True),
        _q("payment.salary", "number", width="10"),
        _q("payment.premium_percent", "number", width="4"),
        _q("payment.on_costs", "group", item="On-cost",
           fields=(_q("name"), _q("percent", "number", width="4"),
                   _q("above", "number", width="10"))),
        _q("payment.cost_shares", "party_map", inner="number", reveal_when=("salary_share",)),
        _q("payment.invoicing.frequency", "radios"),
        _q("payment.invoicing.timing", "radios"),
        _q("payment.invoicing.payment_days", "number", width="4"),
        _q("payment.vat.treatment", "radios"),
        _q("payment.vat.rationale", "textarea"),
        _q("payment.expenses", "radios"), _q("payment.during_absence", "radios"),
        _q("payment.pause_after_weeks", "number", width="4"),
        _q("payment.family_leave", "radios"))),
    Step("confidentiality", "Confidentiality", ("confidentiality",), (
        _q("confidentiality.protected_information", LINES),
        _q("confidentiality.duration_after_end", "intortext", width="10"),
        _q("confidentiality.data_protection", "radios"),
        _q("confidentiality.data_sharing_agreement"),
        _q("confidentiality.foi_consultation_days", "number", width="4"))),
    Step("conflicts", "Conflicts of interest", ("conflicts_of_interest",), (
        _q("conflicts_of_interest.declare_within_days", "number", width="4"),
        _q("conflicts_of_interest.registers", "radios"),
        _q("conflicts_of_interest.excluded_matters", LINES),
        _q("conflicts_of_interest.decided_by", "party", extra=("steering_group",)))),
    Step("management", "Management", ("management",), (
        _q("management.line_managers", "party_map"),
        _q("management.hr_lead", "party"),
        _q("management.appraisal", "radios"))),
    Step("governance", "Governance", ("governance",), (
        _q("governance.steering_group.name"),
        _q("governance.steering_group.members", "group", item="Member",
           fields=(_q("party", "party"), _q("role"))),
        _q("governance.steering_group.meets", "radios"),
        _q("governance.objectives", "party_map", inner=LINES, extra=("shared",)),
        _q("governance.disputes", "group", item="Step",
           fields=(_q("level"), _q("days", "number", width="4"))),
        _q("governance.mediator_nominated_by"))),
    Step("review", "Review", ("review",), (
        _q("review.trial_months", "number", width="4"),
        _q("review.trial_notice_months", "number", width="4"),
        _q("review.reviews_after_months", "intlist", width="10",
           hint="Months after the start, separated by commas, for example 6, 12"),
        _q("review.then_every_months", "number", width="4"))),
    Step("exit", "Exit", ("exit",), (
        _q("exit.notice_months", "number", width="4"),
        _q("exit.postholder_reverts_to", "party"),
        _q("exit.reversion_post"), _q("exit.reversion_grade", width="20"),
        _q("exit.pay_protection_months", "number", width="4"),
        _q("exit.fallback_post"),
        _q("exit.redundancy_costs", "radios"),
        _q("exit.pension_strain_costs", "radios"), _q("exit.prior_service", "radios"),
        _q("exit.employer_withdrawal_costs", "radios"),
        _q("exit.withdrawal_costs_months", "number", width="4"),
        _q("exit.cost_shares", "party_map", inner="number"))),
    Step("job", "Job", ("job",), (
        _q("job.responsibilities", "party_map", inner=LINES, extra=("shared",)),
        _q("job.relationships.internal", LINES), _q("job.relationships.external", LINES),
        _q("job.person_specification", "group", item="Criterion", fields=(
            _q("criterion"),
            _q("area", "select"),
            _q("essential", "yesno"),
            _q("assessed_by", "checkboxes"))),
        _q("job.special_conditions", LINES))),
)


def _unwrap(tp: Any) -> Any:
    """The model class inside ``X | None``, ``list[X]``, ``dict[str, X]``, if any."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType, list, tuple, dict):
        args = typing.get_args(tp)[1:] if origin is dict else typing.get_args(tp)
        for arg in args:
            found = _unwrap(arg)
            if found is not None:
                return found
        return None
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    return None


@functools.cache
def empty_is_whole(path: Path) -> bool:
    """Whether ``path`` is a mapping the post must have whose every answer is optional
    (``review``; the job's ``relationships``): left blank, it is written empty, which docgen
    accepts, so the page can be left ("'review' is required here but missing" had no
    question to answer)."""
    info = model_field(path)
    model = _unwrap(info.annotation) if info is not None and info.is_required() else None
    return model is not None and typing.get_origin(info.annotation) not in (list, dict) \
        and not any(f.is_required() for f in model.model_fields.values())


def model_field(path: Path, root: type[BaseModel] = AnswerFile) -> Any:
    """The pydantic FieldInfo at ``path`` (indices and dict keys skipped), or None."""
    model: Any = root
    info = None
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        info = model.model_fields.get(part)
        if info is None:
            continue
        model = _unwrap(info.annotation)
    return info


def humanise(key: str | int) -> str:
    text = str(key).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def label_for(q: Q, prefix: Path = ()) -> str:
    """The question in plain words (docgen.web.wording), else the model's title."""
    if q.label:
        return q.label
    found = words(prefix + q.path)
    if found is not None:
        return found.label
    title = getattr(model_field(prefix + q.path), "title", None)
    return title or humanise(" ".join(str(k) for k in q.path))


def hint_for(q: Q, prefix: Path = ()) -> str:
    if q.hint:
        return q.hint
    found = words(prefix + q.path)
    return found.hint if found is not None else ""


def help_for(q: Q, prefix: Path = ()) -> str:
    found = words(prefix + q.path)
    return found.help if found is not None else ""


#: answers a file may leave out that their page asks for all the same: the name of a
#: post-holder the officer says is known ("[to be confirmed]" in the contract otherwise)
ASKED_FOR = frozenset({("postholder", "name")})


def is_optional(q: Q, prefix: Path = ()) -> bool:
    if prefix + q.path in ASKED_FOR:
        return False
    info = model_field(prefix + q.path)
    return info is not None and not info.is_required()


def choice_label(value: str, path: Path = ()) -> str:
    return choice(value, path)


def step_index(slug: str) -> int:
    return [s.slug for s in STEPS].index(slug)


def no_postholder(doc: Any) -> bool:
    """Whether the post has no post-holder yet, as docgen reads it: ``postholder`` left
    out or written empty (``postholder:`` or ``postholder: null``, which docgen reads as
    no post-holder: a recruit, with a contract of employment)."""
    return not isinstance(doc, dict) or doc.get("postholder") is None


def _partners(doc: dict[str, Any]) -> int:
    parties = doc.get("parties")
    return len(parties) if isinstance(parties, list) else 0


#: questions that apply only to some posts, and what says whether this one is such a post:
#: Scotland's; a recruit's terms (a named post-holder's have no effect, rule GP049); a
#: named post-holder's return (a recruit has no post to return to); a leaving partner's
#: exit costs (three or more partners)
ONLY_WHEN: dict[Path, Any] = {
    **{(key,): lambda doc: doc.get("jurisdiction") == "scotland" for key in SCOTLAND_ONLY},
    # and the board wherever it signs as a party: left blank, its signing details go too
    ("integration_joint_board",): lambda doc: doc.get("jurisdiction") == "scotland"
    or doc.get("integration_joint_board_party") is not None,
    **{path: no_postholder for path in (("post", "probation_months"),
                                        ("post", "pension_scheme"), ("exit", "fallback_post"))},
    **{path: lambda doc: not no_postholder(doc) for path in (
        ("exit", "reversion_post"), ("exit", "reversion_grade"),
        ("exit", "pay_protection_months"))},
    **{path: lambda doc: _partners(doc) >= 3 for path in (
        ("exit", "employer_withdrawal_costs"), ("exit", "withdrawal_costs_months"))},
}


def asked(q: Q, doc: Any) -> bool:
    """Whether the interview asks ``q`` of this answer file (:data:`ONLY_WHEN`: a
    Scotland-only question only in Scotland, a recruit's terms only when recruiting …), or
    when the file already gives it an answer other than its default (so that the error or
    warning that answer causes can be seen and put right)."""
    when = ONLY_WHEN.get(q.path)
    if when is None or not isinstance(doc, dict):
        return True
    value: Any = doc
    for key in q.path:
        value = value.get(key) if isinstance(value, dict) else None
    info = model_field(q.path)
    return bool(when(doc)) or (value is not None and (info is None or value != info.default))


def legal_bases(jurisdiction: str | None, given: Any = None) -> tuple[str, ...]:
    """The legal bases that apply in ``jurisdiction`` (all of them when it is not known),
    and the one ``given`` when it is another law's (section 113, then the law changed to
    Scotland): shown chosen, with docgen's warning (GP016) saying which to choose instead,
    as the command line says it; never refused, nor hidden from the officer."""
    info = AnswerFile.model_fields["legal_basis"]
    every = typing.get_args(info.annotation)
    return tuple(b for b in every if jurisdiction is None or b == given
                 or jurisdiction in BASIS_HOME.get(b, (jurisdiction,)))


def offered(q: Q, doc: Any) -> tuple[str, ...]:
    """The choices a radio question offers for this post (the legal bases of its
    jurisdiction, and the one given; otherwise the question's own)."""
    return legal_bases(doc.get("jurisdiction"), doc.get("legal_basis")) \
        if q.path == ("legal_basis",) else q.choices


def _literals(tp: Any) -> tuple[str, ...]:
    """The values of every ``Literal`` inside ``tp`` (through Optional, list and Annotated)."""
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return tuple(str(v) for v in typing.get_args(tp))
    if origin in (typing.Annotated,):
        return _literals(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType, list, tuple):
        return tuple(v for arg in typing.get_args(tp) for v in _literals(arg))
    return ()


def model_choices(path: Path) -> tuple[str, ...]:
    """The closed set of values the model allows at ``path`` (empty when it is open)."""
    info = model_field(path)
    return _literals(info.annotation) if info is not None else ()


def _with_choices(q: Q, prefix: Path = ()) -> Q:
    """``q`` with its choices read from the model (never typed by hand), sub-questions too."""
    subs = tuple(_with_choices(sub, prefix + q.path) for sub in q.fields)
    found = model_choices(prefix + q.path) if q.kind in ("radios", "select",
                                                         "checkboxes") else ()
    return dataclasses.replace(q, choices=found or q.choices, fields=subs)


STEPS = tuple(dataclasses.replace(s, questions=tuple(_with_choices(q) for q in s.questions))
              for s in STEPS)
STEP_BY_SLUG = {s.slug: s for s in STEPS}
#: the step whose page answers each top-level key (each key is one step's)
STEP_BY_KEY = {key: s for s in STEPS for key in s.owns}


def question_at(path: Path) -> tuple[Step | None, Q | None]:
    """The step whose page answers the key at ``path``, and the question nearest it (list
    indices and per-partner keys ignored); ``(None, None)`` for a key no page asks."""
    keys = tuple(str(p) for p in path if not isinstance(p, int))
    step = STEP_BY_KEY.get(keys[0]) if keys else None
    found: list[tuple[int, Q]] = []

    def walk(questions: tuple[Q, ...], prefix: tuple[str, ...]) -> None:
        for q in questions:
            full = prefix + tuple(str(k) for k in q.path)
            if keys[:len(full)] == full:
                found.append((len(full), q))
                walk(q.fields, full)

    walk(step.questions if step else (), ())
    return step, max(found, key=lambda f: f[0])[1] if found else None
