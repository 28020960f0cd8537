"""Stage 1c: turn loaded data into an :class:`AnswerFile`, or into problems a person can fix.

Shape errors from pydantic are rewritten to say which key, on which line, and
what to write instead; then the checks between keys run (party ids exist,
shares add up, dates in order). Good-practice advice is not here: see
``rules.py``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from docgen.answers.folder_names import reference_folder_problem
from docgen.answers.forms import example, field_at, model_at, not_known_branch, right_form
from docgen.answers.model import AnswerFile
from docgen.answers.notknown import is_not_known, not_known_paths
from docgen.answers.yamlfile import Located, load_answer_file
from docgen.errors import AnswerFileError, KeyPath, Problem, format_path


def known_keys(path: KeyPath) -> list[str]:
    """The keys allowed in the mapping at ``path`` (for did-you-mean suggestions)."""
    model = model_at(path)
    return list(model.model_fields) if model is not None else []


def _data_path(data: Any, loc: tuple, keep_last: bool) -> KeyPath:
    """Drop pydantic's union-member tags from ``loc``, keeping real keys and indices."""
    out: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        in_dict = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and part < len(node)
        if in_dict or in_list:
            node = node[part]
            out.append(part)
        elif keep_last and i == len(loc) - 1:
            out.append(part)
    return tuple(out)


def _short(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 40 else text[:37] + "...'"


def _party_ids(data: dict) -> list[str]:
    parties = data.get("parties")
    if not isinstance(parties, list):
        return []
    return [p["id"] for p in parties if isinstance(p, dict) and isinstance(p.get("id"), str)]


def _rewrite(err: dict, data: dict, located: Located) -> Problem:
    kind = err["type"]
    path = _data_path(data, err["loc"], keep_last=kind in ("missing", "extra_forbidden"))
    if kind == "missing":
        shown = example(path, _party_ids(data))
        info = field_at(path)
        meaning = f" ({info.description.rstrip('.')})" if info and info.description else ""
        msg = (f"'{path[-1]}' is required here but missing{meaning}; add it"
               + (f", e.g. {shown}" if shown else "") + " (docgen schema or "
               "docs/answer-file.md describe every key)")
    elif kind == "extra_forbidden":
        key = str(path[-1])
        options = known_keys(path[:-1])
        close = difflib.get_close_matches(key, options, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else (
            f"allowed keys here: {', '.join(options)}" if options else "remove it")
        msg = f"unknown key '{key}'; {hint}"
    elif (form := right_form(err, path, _party_ids(data))) is not None:
        msg = form
    else:
        msg = err["msg"].replace("Input should be", "must be").replace("Value error, ", "")
        msg = (msg.replace("a valid decimal", "a number")
               .replace("a valid integer, unable to parse string as an integer", "a whole number")
               .replace("a valid integer", "a whole number"))
        if kind.startswith(("string_type", "int_", "decimal_", "bool_", "date_", "literal_",
                            "list_", "dict_", "float_", "model_", "tuple_", "greater", "less",
                            "string_pattern", "too_")):
            msg += f" (found {_short(err.get('input'))})"
        if kind == "string_pattern_mismatch" and path[-1:] == ("reference",):
            msg = ("must be a safe file name: letters, digits, '.', '_' and '-', starting "
                   f"with a letter or digit (found {_short(err.get('input'))})")
        elif kind == "string_pattern_mismatch":
            msg = ("must be a short id in lower case: letters, digits and '_', starting with "
                   f"a letter (found {_short(err.get('input'))})")
    return located.problem(path, msg)


def _merge_union_errors(problems: list[Problem]) -> list[Problem]:
    """A value failing ``Literal | int`` gives one error per member: say it once."""
    merged: dict[tuple, Problem] = {}
    for p in problems:
        key = (p.path, p.file, p.line)
        if key in merged and merged[key].message == p.message:
            continue
        if key in merged and "required" not in p.message:
            prev = merged[key]
            first = prev.message.split(" (found")[0]
            second = p.message.split(" (found")[0].removeprefix("must be ")
            found = p.message[len(p.message.split(" (found")[0]):]
            merged[key] = Problem(f"{first} or {second}{found}", p.path, p.file, p.line)
        else:
            merged.setdefault(key, p)
    return list(merged.values())


def check_references(a: AnswerFile, located: Located) -> list[Problem]:
    """Checks between keys: ids, sums, dates. Returns errors only."""
    problems: list[Problem] = []

    def err(path: KeyPath, msg: str) -> None:
        problems.append(located.problem(path, msg))

    ids = [p.id for p in a.parties]
    known = ", ".join(ids)
    for i, p in enumerate(a.parties):
        if ids.index(p.id) != i:
            err(("parties", i, "id"), f"party id '{p.id}' is used by two parties; "
                "give each party its own id")
    shorts = [p.short_name.casefold() for p in a.parties]
    for i, p in enumerate(a.parties):
        if shorts.index(p.short_name.casefold()) != i and not is_not_known(p.short_name):
            err(("parties", i, "short_name"), f"short name '{p.short_name}' is used by two "
                "parties; each party needs its own defined term")

    def party(path: KeyPath, value: str, what: str = "party id") -> None:
        if value not in ids:
            close = difflib.get_close_matches(value, ids, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"the parties are: {known}"
            err(path, f"'{value}' is not a {what} of this file; {hint}")

    def every_party(path: KeyPath, mapping: dict[str, Any], what: str,
                    extra: tuple[str, ...] = ()) -> None:
        for key in mapping:
            if key not in extra:
                party((*path, key), key)
        missing = [i for i in ids if i not in mapping]
        if missing:
            err(path, f"{what} is missing for {', '.join(missing)}; every party needs one")

    if (bad_folder := reference_folder_problem(a.reference)) is not None:
        err(("reference",), bad_folder)
    party(("employer",), a.employer)
    if a.agreement_style is not None:
        party(("agreement_style",), a.agreement_style)
    for i, loc in enumerate(a.post.locations):
        party(("post", "locations", i, "party"), loc.party)
    for i, role in enumerate(a.post.statutory_roles):
        party(("post", "statutory_roles", i, "party"), role.party)
    if a.post.end_date and a.post.end_date <= a.post.start_date:
        err(("post", "end_date"), f"the end date {a.post.end_date} is not after the start "
            f"date {a.post.start_date}")
    if a.post.pay_range and a.post.pay_range[0] > a.post.pay_range[1]:
        err(("post", "pay_range"), "the pay range must be written [minimum, maximum]")
    if a.post.hours_per_week > a.post.days_per_week * 24:
        err(("post", "hours_per_week"), "more hours than the working days can hold")
    if a.postholder:
        consulted = a.postholder.consulted_on
        if isinstance(consulted, dt.date) and consulted > a.post.start_date:
            err(("postholder", "consulted_on"), "the post-holder must be consulted before "
                f"the start date ({a.post.start_date}); the consultation date is later")
        cs = a.postholder.continuous_service_from
        if isinstance(cs, dt.date) and cs > a.post.start_date:
            err(("postholder", "continuous_service_from"),
                "continuous service cannot begin after the post starts")

    # time split
    ts = a.time_split
    every_party(("time_split", "shares"), ts.shares, "a time share")
    total = sum(ts.shares.values(), Decimal(0))
    target, unit = {
        "percent": (Decimal(100), "%"),
        "days_per_week": (a.post.days_per_week, " days"),
        "hours_per_week": (a.post.hours_per_week, " hours"),
    }[ts.unit]
    if total != target:
        what = {"percent": "they must add up to 100%",
                "days_per_week": f"they must add up to the post's {target.normalize():f} "
                                 "working days (post.days_per_week)",
                "hours_per_week": f"they must add up to post.hours_per_week "
                                  f"({target.normalize():f})"}[ts.unit]
        err(("time_split", "shares"), f"shares add up to {total.normalize():f}{unit}; {what}")
    for pid, amount in ts.shares.items():
        if amount <= 0 and pid in ids:
            err(("time_split", "shares", pid), "every party needs a share above zero; a party "
                "with no time is not part of a shared post")

    m = a.management
    every_party(("management", "line_managers"), m.line_managers, "a line manager")
    if m.hr_lead is not None:
        party(("management", "hr_lead"), m.hr_lead)

    pay = a.payment
    if pay.cost_shares is not None:
        if pay.mechanism != "salary_share":
            err(("payment", "cost_shares"), "cost_shares applies only to the salary_share "
                "mechanism; remove it or change payment.mechanism")
        every_party(("payment", "cost_shares"), pay.cost_shares, "a cost share")
        cs_total = sum(pay.cost_shares.values(), Decimal(0))
        if cs_total != 100:
            err(("payment", "cost_shares"), f"cost shares add up to {cs_total.normalize():f}%; "
                "they must add up to 100%")
    fee = pay.fee
    if pay.mechanism == "time_fee":
        if fee is None or fee.rate is None or fee.per is None or fee.weeks_per_year is None:
            err(("payment", "fee"), "the time_fee mechanism needs fee.rate, fee.per (day or "
                "hour) and fee.weeks_per_year")
        if fee is not None and fee.amounts is not None:
            err(("payment", "fee", "amounts"), "fee.amounts is for fixed_fee; remove it")
    elif pay.mechanism == "fixed_fee":
        if fee is None or not fee.amounts:
            err(("payment", "fee"), "the fixed_fee mechanism needs fee.amounts: party id to "
                "the annual sum it pays")
        else:
            for pid in fee.amounts:
                party(("payment", "fee", "amounts", pid), pid)
            unpaid = [i for i in ids if i != a.employer and i not in fee.amounts]
            if unpaid:
                err(("payment", "fee", "amounts"), f"no fixed fee is given for "
                    f"{', '.join(unpaid)}; every party other than the employer needs an amount "
                    "(write 0 if it really pays nothing)")
    elif fee is not None:
        err(("payment", "fee"), "fee applies to time_fee and fixed_fee only; remove it or "
            "change payment.mechanism")

    coi = a.conflicts_of_interest
    if coi.decided_by != "steering_group":
        party(("conflicts_of_interest", "decided_by"), coi.decided_by,
              "party id (or 'steering_group')")
    g = a.governance
    for i, mem in enumerate(g.steering_group.members):
        party(("governance", "steering_group", "members", i, "party"), mem.party)
    for key in g.objectives:
        if key != "shared":
            party(("governance", "objectives", key), key, "party id (or 'shared')")
    for key in a.job.responsibilities:
        if key != "shared":
            party(("job", "responsibilities", key), key, "party id (or 'shared')")

    r = a.review
    for path, value in (("post", "start_date"), a.post.start_date), (
            ("post", "end_date"), a.post.end_date), (("date",), a.date):
        if value is not None and not 1990 <= value.year <= 2200:
            err(path, f"{value} is not a plausible date for this arrangement; check the year")
    if r.reviews_after_months != sorted(set(r.reviews_after_months)):
        err(("review", "reviews_after_months"), "list the review months once each, in order")
    party(("exit", "postholder_reverts_to"), a.exit.postholder_reverts_to)
    if a.legal_basis == "other" and not a.legal_basis_text:
        err(("legal_basis_text",), "legal_basis is 'other': say which power applies in "
            "legal_basis_text")
    if len(set(a.documents)) != len(a.documents):
        err(("documents",), "list each document once")
    return problems


# characters Word pastes for a line break; converted (with a warning), since the intent is clear.
# NEL (U+0085) is a line break to YAML and to Python's str.splitlines (which the clause
# engine uses), so left alone it would silently split a value into two paragraphs.
CONVERTIBLE = {"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"}
FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# a mapping key is a one-line label (job.dimensions): line breaks and tabs there are refused
KEY_FORBIDDEN = re.compile(f"{FORBIDDEN.pattern}|[\t\n\r{''.join(CONVERTIBLE)}]")


def check_characters(located: Located) -> list[Problem]:
    """Reject characters a Word file cannot hold; convert pasted line breaks, with a warning.

    Never drop a character silently: docxtpl and lxml's recover mode do, and a
    lone surrogate even truncates the rest of the document.
    """
    problems: list[Problem] = []

    def check_key(key: Any, path: KeyPath) -> None:
        """Mapping keys are printed too (``job.dimensions``): no control characters there."""
        bad = KEY_FORBIDDEN.search(key) if isinstance(key, str) else None
        if bad:
            file, line = located.where((*path, key))
            shown = key.encode("unicode_escape").decode("ascii")
            problems.append(Problem(
                message=f"the key '{shown}' contains the control character "
                f"U+{ord(bad.group()):04X} at position {bad.start() + 1}; delete it",
                path=(*path, shown), file=file, line=line))

    def walk(node: Any, path: KeyPath) -> Any:
        if isinstance(node, dict):
            for k in node:
                check_key(k, path)
            return {k: walk(v, (*path, k)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v, (*path, i)) for i, v in enumerate(node)]
        if not isinstance(node, str):
            return node
        bad = FORBIDDEN.search(node)
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            problems.append(located.problem(
                path, f"contains the control character {code} at position {bad.start() + 1}, "
                "which a Word document cannot hold; delete it (it is often pasted from "
                "another program)"))
            return node
        if any(c in node for c in CONVERTIBLE):
            for c, repl in CONVERTIBLE.items():
                node = node.replace(c, repl)
            located.warnings.append(located.problem(
                path, "contained a pasted line or page break character; it was converted to "
                "a line break", severity="warning", rule="INPUT"))
        return node

    located.data = walk(located.data, ())
    return problems


def validate(located: Located) -> AnswerFile:
    """The answer file as a model, or :class:`AnswerFileError` with every problem found."""
    bad_chars = check_characters(located)
    if bad_chars:
        raise AnswerFileError(bad_chars)
    try:
        answers = AnswerFile.model_validate(located.data)
    except ValidationError as exc:
        problems = [_rewrite(dict(e), located.data, located) for e in exc.errors()
                    if not not_known_branch(dict(e))]
        raise AnswerFileError(_merge_union_errors(problems)) from None
    problems = check_references(answers, located) + not_known_problems(answers, located)
    if problems:
        raise AnswerFileError(problems)
    return answers


def not_known_problems(a: AnswerFile, located: Located) -> list[Problem]:
    """Values not known yet: a warning in a draft (added to ``located.warnings``), an error
    when ``status: final``."""
    errors: list[Problem] = []
    paths = not_known_paths(located.data)  # as written: cheaper than dumping the model
    given = located.data.get("postholder")
    if a.postholder is not None and isinstance(given, dict):
        paths += [("postholder", key) for key in ("name", "address", "consulted_on")
                  if key not in given]  # left out of a partly known block: tbc
    for path in paths:
        given = _given(located.data, path)
        shown = f"'{given}'" if given is not None else "not given, so tbc"
        if a.status == "final":
            errors.append(located.problem(path, f"is not known yet ({shown}) but status is "
                                          "final; give the real value, or set status: draft"))
        else:
            located.warnings.append(located.problem(
                path, f"is not known yet ({shown}); the documents show a highlighted gap "
                "until it is given", severity="warning", rule="TBC"))
    return errors


def _given(data: Any, path: KeyPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def load(path: Path | str) -> tuple[AnswerFile, Located]:
    """Load and validate one answer file; raises :class:`AnswerFileError`."""
    located = load_answer_file(path)
    return validate(located), located


__all__ = ["load", "validate", "check_references", "known_keys", "format_path"]
