"""Sample posts to try clause wording against: the example answer files, and variants of
each made in memory so that wording the examples never reach is tried too.

The three built-in examples are all English or English-and-Welsh, all with a trial period,
and all employed by a council; a condition on Scots law, on a post without a trial, on an
NHS employer or on four parties is never taken by them. An imported clause book (and
``docgen clauses lint --clauses``) renders its wording for every post here, so that such
wording fails when it is imported, naming the clause, not when someone's Scottish post is
built. A variant that its changes make invalid is left out (the examples, as data, say
which variants they allow).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from docgen.answers.validation import validate
from docgen.answers.yamlfile import load_answer_data, load_answer_file
from docgen.errors import AnswerFileError, DocgenError
from docgen.facts.derive import Facts, derive
from docgen.resources import BUILTIN_EXAMPLES

#: each jurisdiction, the power that places staff between councils there, and how a
#: variant made under it is named in a message
JURISDICTIONS = {
    "scotland": ("lgs_1966_s35", "under Scots law"),
    "northern_ireland": ("lgni_1972_s105", "under Northern Ireland law"),
    "wales": ("lga_1972_s113", "in Wales"),
    "england_and_wales": ("lga_1972_s113", "under the law of England and Wales"),
    "england": ("lga_1972_s113", "in England"),
}
_COUNCIL_POWERS = {power for power, _ in JURISDICTIONS.values()}

Data = dict[str, Any]


def _jurisdiction(name: str) -> Callable[[Data], bool]:
    def change(data: Data) -> bool:
        if data.get("jurisdiction") == name:
            return False
        data["jurisdiction"] = name
        if data.get("legal_basis") in _COUNCIL_POWERS:
            data["legal_basis"] = JURISDICTIONS[name][0]
        return True
    return change


def _no_trial(data: Data) -> bool:
    review = data.get("review")
    return isinstance(review, dict) and review.pop("trial_months", None) is not None


def _recruiting(data: Data) -> bool:
    return data.pop("postholder", None) is not None


def _nhs_employer(data: Data) -> bool:
    """Employed by the post's first NHS body; a fixed fee moves to the former employer."""
    parties = data.get("parties") or []
    nhs = [p["id"] for p in parties if isinstance(p, dict) and p.get("kind") == "nhs_body"]
    old = data.get("employer")
    if not nhs or old == nhs[0]:
        return False
    data["employer"] = nhs[0]
    amounts = ((data.get("payment") or {}).get("fee") or {}).get("amounts")
    if isinstance(amounts, dict) and nhs[0] in amounts:
        amounts[old] = amounts.pop(nhs[0])
    return True


def _number(value: Decimal) -> int | float:
    return int(value) if value == int(value) else float(value)


def _four_parties(data: Data) -> bool:
    """Parties added (copies of the last, each taking half of the largest time share) up
    to four."""
    parties = data.get("parties")
    if not isinstance(parties, list) or not parties or len(parties) >= 4:
        return False
    for n in range(4 - len(parties)):
        party = copy.deepcopy(parties[-1])
        party.update(id=f"sample{n + 1}", name=f"Sample Council {n + 1}",
                     short_name=f"Sample {n + 1}")
        parties.append(party)
        shares = (data.get("time_split") or {}).get("shares")
        if isinstance(shares, dict) and shares:
            largest = max(shares, key=lambda k: Decimal(str(shares[k])))
            whole = Decimal(str(shares[largest]))
            half = whole / 2 if whole % 2 == 0 or whole % 1 else (whole - 1) / 2
            shares[party["id"]], shares[largest] = _number(half), _number(whole - half)
        amounts = ((data.get("payment") or {}).get("fee") or {}).get("amounts")
        if isinstance(amounts, dict) and amounts:
            amounts[party["id"]] = next(iter(amounts.values()))
        managers = (data.get("management") or {}).get("line_managers")
        if isinstance(managers, dict):
            managers[party["id"]] = "Chief Executive"
    return True


def _other_choices(data: Data) -> bool:
    """The choices the examples all make one way, made the other way at once."""
    changes = {("legal_basis",): "secondment",
               ("confidentiality", "data_protection"): "joint_controllers",
               ("management", "appraisal"): "hr_lead",
               ("conflicts_of_interest", "registers"): "employer",
               ("conflicts_of_interest", "decided_by"): data.get("employer")}
    changed = False
    for path, value in changes.items():
        holder: Any = data
        for key in path[:-1]:
            holder = holder.get(key) if isinstance(holder, dict) else None
        if isinstance(holder, dict) and path[-1] in holder and holder[path[-1]] != value:
            holder[path[-1]] = value
            changed = True
    return changed


#: (how the variant is named in a message, the change; False when it changes nothing)
VARIANTS: list[tuple[str, Callable[[Data], bool]]] = [
    *((said, _jurisdiction(name)) for name, (_, said) in JURISDICTIONS.items()),
    ("without a trial period", _no_trial),
    ("while it is being recruited to (no post-holder yet)", _recruiting),
    ("employed by its NHS body", _nhs_employer),
    ("with four parties", _four_parties),
    ("as a secondment, with joint data controllers, appraisal by the HR lead, one register "
     "of interests and conflicts decided by the employer", _other_choices),
]


def _facts(data: Data, folder: Path) -> Facts | None:
    try:
        return derive(validate(load_answer_data(data, base=folder)))
    except (AnswerFileError, DocgenError):
        return None  # a variant these answers do not allow (a crash is not hidden)


@dataclass(frozen=True)
class Sample:
    """One sample post: the answer file it comes from, how it was varied ("" for the file
    as it is) and its facts."""

    file: Path
    variant: str
    facts: Facts

    @property
    def name(self) -> str:
        """As a message names it: “Title” (REFERENCE) under Scots law."""
        shown = f"“{self.facts.post['title']}” ({self.facts.reference})"
        return f"{shown} {self.variant}" if self.variant else shown

    @property
    def label(self) -> str:
        """As the lint names it: the file, and the variant."""
        return f"{self.file.name} {self.variant}" if self.variant else self.file.name


@lru_cache(maxsize=32)
def _example(path: Path, _mtime: int, _size: int) -> tuple[Data, Sample] | None:
    """An example's answers as written, and its sample; None if it cannot be read."""
    try:
        located = load_answer_file(path)
        data = copy.deepcopy(located.data)
        return data, Sample(path, "", derive(validate(located)))
    except (AnswerFileError, DocgenError):
        return None


@lru_cache(maxsize=8)
def _posts(files: tuple[tuple[Path, int, int], ...], variants: bool) -> tuple[Sample, ...]:
    found: list[Sample] = []
    for path, mtime, size in files:
        example = _example(path, mtime, size)
        if example is None:
            continue
        data, sample = example
        found.append(sample)
        if not variants:
            continue
        for said, change in VARIANTS:
            changed = copy.deepcopy(data)
            if change(changed) and (made := _facts(changed, path.parent)) is not None:
                found.append(Sample(path, said, made))
    return tuple(found)


def sample_posts(examples: Sequence[Path] | None = None, *, variants: bool = True
                 ) -> list[Sample]:
    """Each example answer file (default: the built-in examples) and, with ``variants``,
    each of its variants that is valid; unreadable files are left out. Remembered while the
    files are unchanged (an import and its lint ask twice)."""
    paths = list(examples) if examples is not None else sorted(BUILTIN_EXAMPLES.glob("*.yaml"))
    files = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:
            continue
        files.append((path, stat.st_mtime_ns, stat.st_size))
    return list(_posts(tuple(files), variants))
