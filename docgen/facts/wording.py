"""The words the facts layer works out (the VAT treatment, each party's basis of payment,
how often the Steering Group meets, the management matrix, "Host Party", the contract's
cover, the gaps' labels and drafting notes): data a lawyer can edit
(``docgen/data/wording/facts.yaml``), never strings in Python. Read on first use, again
only when the file changes, and checked whole (:mod:`docgen.wording_files`): a key
missing or a misspelt ``{name}`` is an error naming the file and the key."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from docgen import resources
from docgen.wording_files import Keys, file_state, read_wording

#: the answers each group has words for (the answer model's choices), in the order the
#: documents list them: the management matrix's rows follow ``MATTERS``
MECHANISMS = ("salary_share", "time_fee", "fixed_fee")
VAT = ("outside_scope", "standard_rated", "exempt")
MEETS = ("monthly", "quarterly", "twice_yearly", "yearly")
MATTERS = ("day_to_day", "appraisal", "pay_review", "discipline", "grievance", "capability",
           "sickness_absence", "annual_leave")
ASSESS = ("application", "interview", "test", "presentation", "references")
PLACEHOLDERS = ("postholder_name", "postholder_address", "date_consulted", "reversion_post",
                "reversion_grade")
PER = ("day", "hour")  # payment: fee: per
TIMING = ("advance", "arrears")  # payment: invoicing: timing
#: the fact ``hosts``' forms → their keys in the file (each ``_one`` and ``_more``)
HOST_FORMS = {"term": "term", "possessive": "possessive", "each": "each",
              "Each": "each_sentence_start"}
#: the post-holder's document: a variation of their contract, or a new one (recruiting)
CONTRACTS = ("variation", "new")
CONTRACT_WORDS = ("cover", "opening", "acceptance")

#: every key the file must give, with the names each must use in braces
KEYS: Keys = {
    **{f"money.mechanism.{k}": frozenset() for k in MECHANISMS},
    **{f"money.vat.{k}": frozenset() for k in VAT},
    **{f"money.rate.{k}": frozenset({"rate"}) for k in PER},
    "money.basis.salary_share": frozenset({"percent"}),
    "money.basis.fixed_fee": frozenset(), "money.basis.balance": frozenset(),
    **{f"money.basis.{k}_{n}": frozenset({"units", "weeks", "rate"})
       for k in PER for n in ("one", "more")},
    "money.on_cost.all": frozenset({"name", "percent"}),
    "money.on_cost.above": frozenset({"name", "percent", "threshold"}),
    "money.instalment.not_invoiced": frozenset(),
    "money.instalment.last": frozenset({"each", "last"}),
    **{f"money.timing.{k}": frozenset() for k in TIMING},
    **{f"steering_group.meets.{k}": frozenset() for k in MEETS},
    "steering_group.decides_conflicts": frozenset(),
    **{f"management.matters.{k}": frozenset() for k in MATTERS},
    "management.day_to_day_acts": frozenset(),
    "management.day_to_day_consulted_one": frozenset(),
    "management.day_to_day_consulted_more": frozenset(),
    "management.jointly": frozenset({"parties"}),
    "management.nobody_consulted": frozenset(),
    **{f"person_specification.assessed_by.{k}": frozenset() for k in ASSESS},
    "person_specification.requirement.essential": frozenset(),
    "person_specification.requirement.desirable": frozenset(),
    "person_specification.chief_finance_officer": frozenset(),
    "person_specification.chief_social_work_officer": frozenset(),
    "person_specification.director_of_social_services": frozenset(),
    "person_specification.director_of_public_health": frozenset(),
    "confidentiality.indefinite": frozenset(),
    "confidentiality.one_year": frozenset(),
    "confidentiality.years": frozenset({"years"}),
    "parties.other_one": frozenset(), "parties.other_more": frozenset(),
    **{f"hosts.{k}_{n}": frozenset() for k in HOST_FORMS.values() for n in ("one", "more")},
    **{f"contract.{c}.{k}": frozenset() for c in CONTRACTS for k in CONTRACT_WORDS},
    **{f"placeholders.{k}": frozenset() for k in PLACEHOLDERS},
    "drafting_notes.postholder": frozenset(), "drafting_notes.reversion": frozenset(),
}
MAX_BYTES = 64_000
#: docgen's own file, whose words for a key an error shows as its example (kept here, as
#: :data:`docgen.resources.FACT_WORDING` may be pointed at a copy: the file checked)
SHIPPED = resources.FACT_WORDING


def fact_wording_file() -> Path:
    """Where the words are (read at each call, so a test can point it at a copy)."""
    return resources.FACT_WORDING


def words() -> dict[str, str]:
    """Each key of :data:`KEYS` (``money.vat.exempt``) → its words."""
    path = fact_wording_file()
    return _read(path, *file_state(path, "reinstall docgen"))


@lru_cache(maxsize=8)
def _read(path: Path, _mtime_ns: int, size: int) -> dict[str, str]:
    """(cached per file and its state: a long-running server sees the file edited)"""
    return read_wording(path, size, KEYS, what="the facts' wording", limit=MAX_BYTES,
                        shipped=SHIPPED)
