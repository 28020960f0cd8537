"""Facts about the individual: which contract document they get, the trial break, and exit.

An officer already employed by the employer gets a *variation* of the contract they
have; a post still being recruited to gets a *new contract of employment*, with exit
terms fit for a new hire (redeployment, then redundancy) rather than a return to a
post that never existed. Rules (``rulebook/exit.py``) and clauses read these same
facts, so a warning and the wording it concerns can never disagree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from docgen._records import record
from docgen.answers.kinds import BY_KIND
from docgen.answers.model import AnswerFile
from docgen.answers.notknown import LABEL as NOT_KNOWN_LABEL
from docgen.answers.notknown import is_not_known
from docgen.facts.formatting import add_months, join_words, long_date, months_text, percent
from docgen.facts.wording import words


@record
class Placeholder:
    """Text a reviewer must supply; rendered highlighted, and listed as a drafting note."""

    label: str

    def __str__(self) -> str:
        return f"[{self.label}]"


def gap_or_value(value: object) -> object:
    """A value as printed: "tbc", "TBA", "XXX", "[name]" are a gap to fill (a highlighted
    placeholder), never the answer; anything else is itself."""
    return Placeholder(NOT_KNOWN_LABEL) if is_not_known(value) else value


class _Sharer(Protocol):
    short_name: str
    cost_percent: Decimal


@record
class IndividualFacts:
    """What the individual's document is: a variation, or a new contract of employment."""

    recruiting: bool  # nobody named yet: the document is a new-appointment contract
    title: str  # "Contract variation for a shared post"
    cover: str  # "CONTRACT VARIATION"
    opening: str  # "THIS VARIATION" (… is dated)
    acceptance: str  # the post-holder's words above their signature


@record
class ExitFacts:
    """Reversion, exit costs and the trial break, as the documents print them."""

    trial_notice_months: int
    trial_notice_text: str  # "3 months"
    trial_exit: dt.date | None  # a withdrawal at the end of the trial takes effect on this day
    trial_exit_text: str
    withdrawal_costs_months: int  # a withdrawing party's tail of liability for exit costs
    withdrawal_costs_text: str
    prior_service: str  # "employer" or "shared": exit costs for service before the start
    prior_service_set: bool  # the answer file chose it (else the default applies)
    service_before_start: bool  # the named post-holder's continuous service began earlier
    service_before_text: str  # "2 September 2019"
    reversion_post: str | Placeholder
    reversion_grade: str | Placeholder
    pay_protection_months: int | None  # None: the employer's policy decides
    pay_protection_text: str  # "12 months"
    cost_shares_text: str = ""  # "Ashby Vale 33.58%, Brookfield 33.21% and Coldharbour 33.21%"


def period_end(start: dt.date, months: int) -> dt.date:
    """Last day of a period of ``months`` from ``start`` (31 Jan + 1 month: 28/29 Feb)."""
    end = add_months(start, months)
    return end if end.day < start.day else end - dt.timedelta(days=1)


def review_dates(start: dt.date, months: Sequence[int], trial: int | None) -> list[dt.date]:
    """The formal review dates. The review at the end of a trial is held one month before
    the trial ends, so that a Party can still act on it: notice to leave at the end of the
    trial is due by the trial's last day, and a review the day after would come too late."""
    return [add_months(start, m - 1 if trial and trial > 1 and m == trial else m)
            for m in months]


def individual_facts(a: AnswerFile) -> IndividualFacts:
    """The title from the one table of documents (``KINDS``), so a title is spelt once;
    the cover, opening and acceptance words from the facts' wording file."""
    recruiting = a.postholder is None
    contract = BY_KIND["contract"]
    said = words()  # contract.variation / contract.new (docgen/data/wording/facts.yaml)
    which = "new" if recruiting else "variation"
    return IndividualFacts(
        recruiting=recruiting, title=contract.recruit_title if recruiting else contract.title,
        cover=said[f"contract.{which}.cover"], opening=said[f"contract.{which}.opening"],
        acceptance=said[f"contract.{which}.acceptance"])


def exit_facts(a: AnswerFile, parties: Sequence[_Sharer] = ()) -> ExitFacts:
    """``parties`` carry their share of the cost base (``cost_percent``), already derived."""
    e, r, ph = a.exit, a.review, a.postholder
    # the notice runs from the day after the trial's last day: from a month's last day
    # (31 August + 6 months ends on 29 February) it ends on 31 May, not 30 May
    trial_exit = (period_end(period_end(a.post.start_date, r.trial_months)
                             + dt.timedelta(days=1), r.trial_notice_months)
                  if r.trial_months else None)
    service_from = ph.continuous_service_from if ph else None
    known = service_from if isinstance(service_from, dt.date) else None  # not "tbc"
    before = bool(known and known < a.post.start_date)
    said = words()  # the gaps' labels (docgen/data/wording/facts.yaml)
    return ExitFacts(
        trial_notice_months=r.trial_notice_months,
        trial_notice_text=months_text(r.trial_notice_months),
        trial_exit=trial_exit, trial_exit_text=long_date(trial_exit) if trial_exit else "",
        withdrawal_costs_months=e.withdrawal_costs_months,
        withdrawal_costs_text=months_text(e.withdrawal_costs_months),
        prior_service=e.prior_service or "employer", prior_service_set=e.prior_service is not None,
        service_before_start=before,
        service_before_text=long_date(known) if known else "",
        reversion_post=e.reversion_post or Placeholder(said["placeholders.reversion_post"]),
        reversion_grade=(e.reversion_grade
                         or Placeholder(said["placeholders.reversion_grade"])),
        pay_protection_months=e.pay_protection_months,
        pay_protection_text=(months_text(e.pay_protection_months)
                             if e.pay_protection_months else ""),
        cost_shares_text=join_words([
            f"{p.short_name} {percent(p.cost_percent.quantize(Decimal('0.01')))}"
            for p in parties]),
    )


def needs_reversion_post(a: AnswerFile) -> bool:
    """A named post-holder returns to a post: the documents must say which, and its grade."""
    return a.postholder is not None and not (a.exit.reversion_post and a.exit.reversion_grade)


def placeholders(a: AnswerFile) -> list[tuple[str, tuple[str, ...]]]:
    """What a reviewer must still supply, in the documents this post produces: each gap's
    words (the drafting note's sentence) and the key path of the question that fills it
    (the return post's grade when the post is given and only its grade is missing).

    A placeholder counts only if a document being made shows it: a job specification
    for a post being recruited to names the post, not the person, so it can be final.
    """
    out: list[tuple[str, tuple[str, ...]]] = []
    docs = set(a.documents)
    said = words()  # the drafting notes' sentences (docgen/data/wording/facts.yaml)
    if a.postholder is None and "contract" in docs:
        out.append((said["drafting_notes.postholder"], ("postholder",)))
    if needs_reversion_post(a) and docs & {"agreement", "contract"}:
        missing = "reversion_post" if not a.exit.reversion_post else "reversion_grade"
        out.append((said["drafting_notes.reversion"], ("exit", missing)))
    return out
