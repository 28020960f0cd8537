"""What the browser says, in one place: plain-English labels, hints, error phrasing, choice
labels and help for every question the interview asks, keyed by the model's key path.

The command line keeps the model's own wording (titles, descriptions, messages that
name keys). An HR officer sees this instead: no key paths, YAML words, rule ids or
commands. The words are data an editor changes without Python: question_words.yaml
beside this module (:data:`WORDS_FILE`), read when the web loads and checked whole with
:mod:`docgen.wording_files` (a question or choice missing or misspelt, a field it does
not have, words left empty or read as a number is an error naming the file and the key).
This module keeps which keys there are (:data:`QUESTIONS`, :data:`CHOICE_KEYS`), in the
order a lookup tries them, and how they are looked up. ``tests/web/test_wording.py``
checks every question and every choice the model allows has its words, so a new key
cannot reach the browser unworded. Keys are dotted paths with list indices and party ids
left out (``parties.name``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from docgen.answers.kinds import KINDS
from docgen.errors import DocgenError
from docgen.wording_files import checked, file_state, load_words


@dataclass(frozen=True)
class Words:
    """How one question reads: label, hint, the message when it is left empty, help."""

    label: str
    hint: str = ""
    missing: str = ""  # GOV.UK style, e.g. "Enter the salary, for example 52000"
    example: str = ""  # shown in "Enter … as a number, for example …"
    help: str = ""  # "Help with this question": plain words where the law is hard


#: docgen's file of the questions' and choices' words
WORDS_FILE = Path(__file__).with_name("question_words.yaml")
MAX_BYTES = 128_000
#: what a question's entry may give: its label (which it must), then words it may leave out
FIELDS = ("label", "hint", "missing", "example", "help")


def _under(prefix: str, *names: str) -> tuple[str, ...]:
    """``prefix.name`` for each name: one section's questions without its name each time."""
    return tuple(f"{prefix}.{name}" for name in names)


#: every question with words, in the order :func:`words`' callers look through them (the
#: first key ending ``.name`` is ``parties.name``)
QUESTIONS: tuple[str, ...] = (
    "reference", "status", "jurisdiction", "legal_basis", "legal_basis_text", "parties",
    *_under("parties", "name", "short_name", "id", "kind", "address", "signatory.name",
            "signatory.title", "notices.title", "notices.email"),
    "employer",
    *_under("post", "title", "grade", "purpose", "start_date", "end_date", "hours_per_week",
            "days_per_week", "locations", "locations.party", "locations.site",
            "politically_restricted", "statutory_roles", "statutory_roles.party",
            "statutory_roles.role", "statutory_roles.deputy", "probation_months",
            "pension_scheme", "not_expected"),
    *_under("postholder", "name", "address", "consulted_on", "continuous_service_from",
            "pension_scheme"),
    *_under("time_split", "unit", "shares", "flexibility"),
    *_under("payment", "mechanism", "fee.rate", "fee.per", "fee.weeks_per_year",
            "fee.amounts", "salary", "premium_percent", "on_costs", "on_costs.name",
            "on_costs.percent", "on_costs.above", "cost_shares", "invoicing.frequency",
            "invoicing.timing", "invoicing.payment_days", "vat.treatment"),
    "execution", "integration_joint_board", "integration_joint_board_enforces",
    *_under("payment", "vat.rationale", "expenses", "during_absence", "pause_after_weeks",
            "family_leave"),
    *_under("confidentiality", "protected_information", "duration_after_end",
            "data_protection", "data_sharing_agreement", "foi_consultation_days"),
    *_under("conflicts_of_interest", "declare_within_days", "registers", "excluded_matters",
            "decided_by"),
    *_under("management", "line_managers", "hr_lead", "appraisal"),
    *_under("governance", "steering_group.name", "steering_group.members",
            "steering_group.members.party", "steering_group.members.role",
            "steering_group.meets", "objectives", "disputes", "disputes.level",
            "disputes.days", "mediator_nominated_by"),
    *_under("review", "trial_months", "reviews_after_months", "trial_notice_months",
            "then_every_months"),
    *_under("exit", "notice_months", "postholder_reverts_to", "reversion_post",
            "reversion_grade", "pay_protection_months", "fallback_post", "redundancy_costs",
            "pension_strain_costs", "prior_service", "employer_withdrawal_costs",
            "withdrawal_costs_months", "cost_shares"),
    *_under("job", "responsibilities", "relationships.internal", "relationships.external",
            "person_specification", "person_specification.criterion",
            "person_specification.area", "person_specification.essential",
            "person_specification.assessed_by", "special_conditions"),
)
#: every choice with words: a value ("draft"), or ``path:value`` for a value's own words at
#: one question; the documents' names come from :data:`~docgen.answers.kinds.KINDS`
CHOICE_KEYS: tuple[str, ...] = (
    "draft", "final", "england_and_wales", "england", "wales", "scotland", "northern_ireland",
    "lga_1972_s113", "lgs_1966_s35", "lgni_1972_s105", "secondment", "other",
    "local_authority", "nhs_body", "other_public_body", "percent", "days_per_week",
    "hours_per_week", "joint", "hr_lead", "day", "hour", "monthly", "quarterly", "advance",
    "arrears", "outside_scope", "standard_rated", "exempt", "salary_share", "time_fee",
    "fixed_fee", "each_party_own_business", "employer", "continues", "pauses",
    "separate_controllers", "joint_controllers", "all_parties", "twice_yearly", "yearly",
    "cost_shares", "shared", "qualifications", "experience", "knowledge", "skills",
    "attributes", "application", "interview", "test", "presentation", "references", "GBP",
    "1", "indefinite", "steering_group", "conflicts_of_interest.registers:employer",
    "payment.expenses:employer", "exit.prior_service:shared", "exit.prior_service:employer",
    "signatures", "self_proving", "as_other_absence", "payment.family_leave:continues",
    "exit.employer_withdrawal_costs:cost_shares", "exit.employer_withdrawal_costs:employer",
)


def read_words(path: Path) -> tuple[dict[str, Words], dict[str, str]]:
    """The questions' words (by :data:`QUESTIONS`, in its order) and the choices' words
    (with the documents' names from the one table of documents) in ``path``, checked
    whole: anything missing, misspelt or not words is an error naming ``path`` and the key,
    never a page with a hole in it."""
    size = file_state(path, "reinstall docgen")[1]
    if size > MAX_BYTES:
        raise DocgenError(f"{path} is {size} bytes; the questions' words are at most "
                          f"{MAX_BYTES}")
    data = load_words(path)
    if not isinstance(data, dict):
        raise DocgenError(f"{path} must give `questions:` and `choices:`; it reads {data!r}")
    _only(path, "", data, ("questions", "choices"))
    questions, choices = _section(path, data, "questions"), _section(path, data, "choices")
    _only(path, "questions.", questions, QUESTIONS)
    _only(path, "choices.", choices, CHOICE_KEYS)
    return ({key: _question(path, key, questions.get(key)) for key in QUESTIONS},
            {**{key: checked(path, f"choices.{key}", choices.get(key), frozenset(), WORDS_FILE)
                for key in CHOICE_KEYS},
             **{k.kind: k.label for k in KINDS}})  # the documents, as the one table names them


def _section(path: Path, data: dict[Any, Any], name: str) -> dict[Any, Any]:
    """``data[name]``, a mapping (an empty one where it is missing: each key is then
    reported missing by name)."""
    found = data.get(name)
    if found is None:
        return {}
    if not isinstance(found, dict):
        raise DocgenError(f"{path}: {name} must give each key its words; it reads {found!r}")
    return found


def _only(path: Path, prefix: str, given: dict[Any, Any], known: Iterable[str]) -> None:
    """Refuse a key of ``given`` docgen does not know (misspelt), naming the nearest one."""
    allowed = list(known)
    known_keys = set(allowed)
    for key in [key for key in given if key not in known_keys]:
        if not isinstance(key, str):
            raise DocgenError(f"{path}: {prefix}{key} must be in quotes ('{key}'): YAML "
                              "reads it as a number or a true/false")
        near = get_close_matches(key, allowed, n=1)
        raise DocgenError(f"{path}: {prefix}{key} is not a key docgen knows"
                          + (f"; did you mean {prefix}{near[0]}?" if near else ""))


#: the names in braces a question's words use, by ``<question>.<field>``: filled in from
#: the post (``views.basis_help``: the employer's kind of body, "one council")
FILLED_IN = {"legal_basis.help": frozenset({"employed_by"})}


def _question(path: Path, key: str, entry: Any) -> Words:
    """One question's words: its label, and each other field given (left out: none)."""
    if entry is None:
        entry = {}
    if not isinstance(entry, dict):
        raise DocgenError(f"{path}: questions.{key} must give its words under "
                          f"{', '.join(f + ':' for f in FIELDS)}; it reads {entry!r}")
    _only(path, f"questions.{key}.", entry, FIELDS)
    found = {field: checked(path, f"questions.{key}.{field}", entry.get(field),
                            FILLED_IN.get(f"{key}.{field}", frozenset()), WORDS_FILE)
             for field in FIELDS if field == "label" or entry.get(field) not in (None, "")}
    return Words(**found)


#: the words of each question and of each choice; ``path:value`` entries of CHOICES
#: override a value's usual words at that question
WORDS, CHOICES = read_words(WORDS_FILE)


def words(path: tuple[str | int, ...]) -> Words | None:
    """The words for the question at ``path`` (indices and party ids ignored)."""
    keys = [str(p) for p in path if not isinstance(p, int)]
    while keys:  # a per-partner answer (time_split.shares.eastwick) has its map's words
        found = WORDS.get(".".join(keys))
        if found is not None:
            return found
        keys = keys[:-1]
    return None


def choice(value: object, path: tuple[str | int, ...] = ()) -> str:
    """A choice as a person reads it ("England and Wales", "Salary share")."""
    dotted = ".".join(str(p) for p in path if not isinstance(p, int))
    text = str(value)
    return CHOICES.get(f"{dotted}:{text}") or CHOICES.get(text) or \
        (text[:1].upper() + text[1:]).replace("_", " ")


#: answers shown as money (£52,000.00) or percentages (60%) on "Check your answers"; a money
#: question's box has a "£" before it (GOV.UK's input prefix: docgen/web/templates/macros.html
#: lists these keys, which tests/web/test_format_hints.py keeps in step)
MONEY = frozenset({"payment.salary", "payment.fee.rate", "payment.fee.amounts"})
PERCENT = frozenset({"payment.premium_percent", "payment.on_costs.percent",
                     "payment.cost_shares"})
