"""Stage 1d: the checks between keys of a valid answer file — ids, sums, dates.

pydantic checks each key's shape; these check that keys agree with each other (a party
id named anywhere is a party of the file, shares add up, dates are in order). Each
check is a named function over one part of the file; ``check_references`` runs them
in the order a person reads the file, so the problems come out in that order.
``check_what_validated`` runs them over the top-level keys that validated when others have
a shape error, so that one run lists both kinds (the parties among them: a check stops
where it first reads a party id), and asks for each part of a time fee left blank when
the payment has a shape error elsewhere.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Collection
from decimal import Decimal
from typing import Any

from docgen.answers.folder_names import reference_folder_problem
from docgen.answers.forms import example
from docgen.answers.model import AnswerFile
from docgen.answers.notknown import is_not_known
from docgen.answers.organisation import PROFILE_FOLDER, is_profile_name
from docgen.answers.what_validated import what_validated
from docgen.answers.yamlfile import Located
from docgen.errors import MISSING, KeyPath, Problem, closest


def written(day: dt.date) -> str:
    """A date as people write it in a message: "1 January 2020", not 2020-01-01."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


class _Found:
    """The problems found so far, with the helpers every check uses to add one."""

    def __init__(self, a: AnswerFile, located: Located) -> None:
        self.located = located
        self.problems: list[Problem] = []
        self._answers = a
        self._ids: list[str] | None = None
        self._known: set[str] | None = None

    @property
    def ids(self) -> list[str]:
        """The party ids, read when a check first needs them: with ``parties`` of the wrong
        shape this raises AttributeError, so only the checks that read them stop there."""
        if self._ids is None:
            self._ids = [p.id for p in self._answers.parties]
        return self._ids

    def err(self, path: KeyPath, msg: str, code: str = "", near: KeyPath = ()) -> None:
        """Add a problem at ``path``; ``near``: a key whose line to give when ``path`` is
        not written (an answer a choice needs is asked for beside the choice, not at the
        top of the file)."""
        if near and path not in self.located.lines:
            file, line = self.located.where(near)
            self.problems.append(Problem(msg, tuple(path), file, line, code=code))
        else:
            self.problems.append(self.located.problem(path, msg, code=code))

    def party(self, path: KeyPath, value: str, what: str = "party id",
              also: tuple[str, ...] = ()) -> None:
        """``value`` must be a party id of this file (or one of the words ``also`` allows,
        such as 'shared'): an organisation known elsewhere (a profile of the workspace) is
        said to be no partner of this post, with the partners; another id gets a
        did-you-mean when one is close, those words included."""
        if value in self.ids:
            return
        if value in self.known_elsewhere():
            self.err(path, f"'{value}' is not one of this post's partners "
                     f"({', '.join(self.ids)})", "not_a_party")
            return
        close = closest(value, [*self.ids, *also])
        hint = (f"did you mean '{close}'?" if close
                else f"the parties are: {', '.join(self.ids)}")
        self.err(path, f"'{value}' is not a {what} of this file; {hint}", "not_a_party")

    def known_elsewhere(self) -> set[str]:
        """The ids of the organisations the workspace has a profile for (read once, only
        when an id names no party)."""
        if self._known is None:
            folder = self.located.workspace / PROFILE_FOLDER if self.located.workspace \
                else None
            self._known = {p.stem for p in folder.iterdir()  # as the loader finds them
                           if is_profile_name(p.name)
                           } if folder is not None and folder.is_dir() else set()
        return self._known

    def every_party(self, path: KeyPath, mapping: dict[str, Any], what: str) -> None:
        """``mapping`` is keyed by party id and names every party."""
        for key in mapping:
            self.party((*path, key), key)
        missing = [i for i in self.ids if i not in mapping]
        if missing:
            self.err(path, f"{what} is missing for {', '.join(missing)}; every party needs one")


def _unique_parties(a: AnswerFile, f: _Found) -> None:
    """Each party has its own id and its own defined term."""
    for i, p in enumerate(a.parties):
        if f.ids.index(p.id) != i:
            f.err(("parties", i, "id"), f"party id '{p.id}' is used by two parties; "
                  "give each party its own id", "same_party_id")
    shorts = [p.short_name.casefold() for p in a.parties]
    for i, p in enumerate(a.parties):
        if shorts.index(p.short_name.casefold()) != i and not is_not_known(p.short_name):
            f.err(("parties", i, "short_name"), f"short name '{p.short_name}' is used by two "
                  "parties; each party needs its own defined term", "same_short_name")


def _post(a: AnswerFile, f: _Found) -> None:
    """The reference can name a folder; the post's parties, dates, pay and hours agree."""
    if (bad_folder := reference_folder_problem(a.reference)) is not None:
        f.err(("reference",), bad_folder)
    f.party(("employer",), a.employer)
    if a.agreement_style is not None:
        f.party(("agreement_style",), a.agreement_style)
    for i, loc in enumerate(a.post.locations):
        f.party(("post", "locations", i, "party"), loc.party)
    for i, role in enumerate(a.post.statutory_roles):
        f.party(("post", "statutory_roles", i, "party"), role.party)


def _post_figures(a: AnswerFile, f: _Found) -> None:
    """The post ends after it starts (first, apart from the parties: said beside a mistake in
    them or in the post's other keys); the pay range is in order; the hours fit the days."""
    if a.post.end_date and a.post.end_date <= a.post.start_date:
        f.err(("post", "end_date"), f"the end date ({written(a.post.end_date)}) is not "
              f"after the start date ({written(a.post.start_date)}); give a later end date, "
              "or none for an arrangement with no fixed end")
    if a.post.pay_range and a.post.pay_range[0] > a.post.pay_range[1]:
        f.err(("post", "pay_range"), "the pay range must be written [minimum, maximum]")
    if a.post.hours_per_week > a.post.days_per_week * 24:
        f.err(("post", "hours_per_week"), "more hours than the working days can hold")


def _postholder(a: AnswerFile, f: _Found) -> None:
    """The post-holder is consulted, and their service begins, before the post starts."""
    if not a.postholder:
        return
    consulted = a.postholder.consulted_on
    if isinstance(consulted, dt.date) and consulted > a.post.start_date:
        f.err(("postholder", "consulted_on"), f"the consultation date ({written(consulted)}) "
              f"is after the start date ({written(a.post.start_date)}); the post-holder is "
              "consulted before the arrangement starts")
    cs = a.postholder.continuous_service_from
    if isinstance(cs, dt.date) and cs > a.post.start_date:
        f.err(("postholder", "continuous_service_from"),
              "continuous service cannot begin after the post starts")


def _time_split(a: AnswerFile, f: _Found) -> None:
    """Every party has a share above zero, and the shares add up to the whole post."""
    ts = a.time_split
    f.every_party(("time_split", "shares"), ts.shares, "a time share")
    total = sum(ts.shares.values(), Decimal(0))
    # post: is read only for a split in days or hours, so a percent split is checked even
    # when post: has a mistake of its own (check_what_validated)
    target, unit = (Decimal(100), "%") if ts.unit == "percent" else (
        a.post.days_per_week, " days") if ts.unit == "days_per_week" else (
        a.post.hours_per_week, " hours")
    if total != target:
        what = {"percent": "they must add up to 100%",
                "days_per_week": f"they must add up to the post's {target.normalize():f} "
                                 "working days (post.days_per_week)",
                "hours_per_week": f"they must add up to post.hours_per_week "
                                  f"({target.normalize():f})"}[ts.unit]
        f.err(("time_split", "shares"), f"shares add up to {total.normalize():f}{unit}; {what}")
    for pid, amount in ts.shares.items():
        if amount <= 0 and pid in f.ids:
            f.err(("time_split", "shares", pid), "every party needs a share above zero; a "
                  "party with no time is not part of a shared post")


def _management(a: AnswerFile, f: _Found) -> None:
    """Every party names a line manager; the HR lead is a party."""
    m = a.management
    f.every_party(("management", "line_managers"), m.line_managers, "a line manager")
    if m.hr_lead is not None:
        f.party(("management", "hr_lead"), m.hr_lead)


def _cost_shares(a: AnswerFile, f: _Found) -> None:
    """Cost shares are for a salary share, and add up to 100% (apart from the fee, so a
    party lookup here does not stop the fee being checked when the parties are wrong)."""
    pay = a.payment
    if pay.cost_shares is not None:
        if pay.mechanism != "salary_share":
            f.err(("payment", "cost_shares"), "cost_shares applies only to the salary_share "
                  "mechanism; remove it or change payment.mechanism", "cost_shares_unused")
        f.every_party(("payment", "cost_shares"), pay.cost_shares, "a cost share")
        cs_total = sum(pay.cost_shares.values(), Decimal(0))
        if cs_total != 100:
            f.err(("payment", "cost_shares"), f"cost shares add up to "
                  f"{cs_total.normalize():f}%; they must add up to 100%")


#: a time fee's parts, each asked for at its own key when left blank, and what it is
TIME_FEE_PARTS = {"rate": "the fee for each day or each hour",
                  "per": "whether the fee is for each day or each hour",
                  "weeks_per_year": "the working weeks charged a year"}


def _time_fee_blank(f: _Found, fee: Any, said: Collection[KeyPath] = ()) -> None:
    """Each part of a time fee left out (``fee`` a mapping or a :class:`Fee`, or None) at
    its own key, saying what it is and its form, so each is put right where it goes;
    none under a key that already has a message (``said``)."""
    for key, meaning in TIME_FEE_PARTS.items():
        path: KeyPath = ("payment", "fee", key)
        value = fee.get(key) if isinstance(fee, dict) else getattr(fee, key, None)
        if value not in (None, "") or any(path[:len(p)] == tuple(p) for p in said):
            continue
        f.err(path, f"the time_fee mechanism needs fee.{key}, {meaning}; add it under "
              f"payment.fee, e.g. {example(path, [])}", MISSING)


def _fee(a: AnswerFile, f: _Found) -> None:
    """The fee given fits the mechanism chosen."""
    pay = a.payment
    fee = pay.fee
    if pay.mechanism == "time_fee":
        _time_fee_blank(f, fee)
        if fee is not None and fee.amounts is not None:
            f.err(("payment", "fee", "amounts"), "fee.amounts is for fixed_fee; remove it",
                  "fee_amounts_unused")
    elif pay.mechanism == "fixed_fee":
        if fee is None or not fee.amounts:
            f.err(("payment", "fee"), "the fixed_fee mechanism needs fee.amounts: party id "
                  "to the annual sum it pays", "fixed_fee_incomplete")
        else:
            for pid in fee.amounts:
                f.party(("payment", "fee", "amounts", pid), pid)
            # who need not pay depends on the employer: an employer that is no party is
            # reported under employer:, and guessing here would only add a wrong error
            unpaid = [i for i in f.ids if i != a.employer and i not in fee.amounts]
            if unpaid and a.employer in f.ids:
                f.err(("payment", "fee", "amounts"), f"no fixed fee is given for "
                      f"{', '.join(unpaid)}; every party other than the employer needs an "
                      "amount (write 0 if it really pays nothing)")
    elif fee is not None:
        f.err(("payment", "fee"), "fee applies to time_fee and fixed_fee only; remove it or "
              "change payment.mechanism", "fee_unused")


def _governance(a: AnswerFile, f: _Found) -> None:
    """Conflicts, the steering group, objectives and responsibilities name real parties."""
    coi = a.conflicts_of_interest
    if coi.decided_by != "steering_group":
        f.party(("conflicts_of_interest", "decided_by"), coi.decided_by,
                "party id (or 'steering_group')", also=("steering_group",))
    g = a.governance
    for i, mem in enumerate(g.steering_group.members):
        f.party(("governance", "steering_group", "members", i, "party"), mem.party)
    for key in g.objectives:
        if key != "shared":
            f.party(("governance", "objectives", key), key, "party id (or 'shared')",
                    also=("shared",))
    for key in a.job.responsibilities:
        if key != "shared":
            f.party(("job", "responsibilities", key), key, "party id (or 'shared')",
                    also=("shared",))


def _dates(a: AnswerFile, f: _Found) -> None:
    """Dates are plausible."""
    for path, value in (("post", "start_date"), a.post.start_date), (
            ("post", "end_date"), a.post.end_date), (("date",), a.date):
        if value is not None and not 1990 <= value.year <= 2200:
            f.err(path, f"{value} is not a plausible date for this arrangement; check the year")


def _review_exit(a: AnswerFile, f: _Found) -> None:
    """Reviews in order, and the reversion names a party (apart from the dates, so a
    mistake in post: does not stop these being checked)."""
    r = a.review
    if r.reviews_after_months != sorted(set(r.reviews_after_months)):
        f.err(("review", "reviews_after_months"), "list the review months once each, in order",
              "review_months_order")
    f.party(("exit", "postholder_reverts_to"), a.exit.postholder_reverts_to)


def _basis_documents(a: AnswerFile, f: _Found) -> None:
    """The power is named for legal_basis: other, and each document is listed once (apart
    from the party lookups, so a mistake in parties: does not stop these being checked)."""
    if a.legal_basis == "other" and not a.legal_basis_text:
        f.err(("legal_basis_text",), "legal_basis is 'other': say which power applies in "
              "legal_basis_text, e.g. legal_basis_text: section 1 of the Localism Act 2011",
              "other_power_unnamed", near=("legal_basis",))
    if len(set(a.documents)) != len(a.documents):
        f.err(("documents",), "list each document once")


CHECKS: tuple[Callable[[AnswerFile, _Found], None], ...] = (
    _unique_parties, _post, _post_figures, _postholder, _time_split, _management,
    _cost_shares, _fee, _governance, _dates, _review_exit, _basis_documents)


def check_references(a: AnswerFile, located: Located) -> list[Problem]:
    """Checks between keys: ids, sums, dates. Returns errors only."""
    found = _Found(a, located)
    for check in CHECKS:
        check(a, found)
    return found.problems


def _time_fee_as_written(data: dict[str, Any], answers: AnswerFile, f: _Found,
                         said: Collection[KeyPath]) -> None:
    """A time fee's parts left blank, read from the file as written when the payment has a
    shape error (a fee typed "£300 a day"), so one run asks for every part missing; none
    under a key that already has a message."""
    payment = data.get("payment")
    if "payment" in answers.__dict__ or not isinstance(payment, dict) \
            or payment.get("mechanism") != "time_fee":
        return
    fee = payment.get("fee")
    if fee is None or isinstance(fee, dict):  # another kind of fee: its shape error says
        _time_fee_blank(f, fee, said)


def check_what_validated(data: Any, wrong: set[str], located: Located,
                         said: Collection[KeyPath] = ()) -> list[Problem]:
    """The checks between keys over the top-level keys without a shape error (those in
    ``wrong`` have one; ``said`` are the paths of their messages), so that one run lists
    these problems too: shares adding up to 90% are reported beside a start date written
    01/04/2027. A check that reads a key with a shape error stops there: what it found up
    to then stands, the rest waits for the fix (the checks reading party ids stop there
    when the parties have one). A time fee's blank parts are asked for all the same."""
    if not isinstance(data, dict):
        return []
    answers = what_validated(data, wrong)
    found = _Found(answers, located)
    for check in CHECKS:
        try:
            check(answers, found)
        except AttributeError:
            if check is _fee:
                _time_fee_as_written(data, answers, found, said)
            continue  # it read a key with a shape error, already reported
    return found.problems
