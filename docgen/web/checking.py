"""Live checks for a half-finished answer file, through ``docgen.check`` only.

docgen checks the relations between keys (shares add up, party ids exist) only
once the whole file has the right shape. A new post answered step by step is
not whole until the last step, so for the live checks the sections not
answered yet are filled from a neutral scaffold that agrees with the parties
given; problems and warnings are then reported only for the sections the user
has answered. No warning shown quotes a stand-in (a scaffold salary of £50,000, the law of
England and Wales): the check is run again with every stand-in moved, and a warning whose
words change with them is said without the figure, or not yet (:func:`own_words`). An
answer docgen refuses before its rules (its shape: hours that are not a number) stops that
check too: the warnings on the other answers that hold whatever it is are found with
stand-ins for it as well (:mod:`docgen.web.stand_aside`). Save uses the real file alone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import docgen
from docgen.errors import FOLDER_CODES, KeyPath, Problem
from docgen.final_open import FINAL_OPEN
from docgen.web.before_final import (
    FINAL_COUNTED,
    FINAL_UNSURE,
    as_used,
    made,
    only_put_right,
    open_warnings,
    rules_ran,
    still_to_give,
    until,
    while_not_known,
)
from docgen.web.checked import check
from docgen.web.fields import STEP_BY_KEY, STEPS
from docgen.web.messages import final_open
from docgen.web.stand_aside import UNUSED, first, refused, warnings_aside


def _scaffold(ids: list[str]) -> dict[str, Any]:
    """Every required section, valid for the parties ``ids`` (never shown or saved)."""
    ids = ids if len(ids) >= 2 else ["party_a", "party_b"]
    base, n = ids[0], len(ids)
    shares = {pid: 100 // n + (100 % n if i == 0 else 0) for i, pid in enumerate(ids)}
    person = {"name": "Scaffold", "title": "Scaffold"}
    return {
        "docgen": 1, "reference": "SCAFFOLD-1", "jurisdiction": "england_and_wales",
        "legal_basis": "lga_1972_s113", "status": "draft",
        "parties": [{"id": pid, "name": f"Scaffold {pid}", "short_name": f"S {pid}",
                     "kind": "local_authority", "address": "Scaffold", "signatory": person,
                     "notices": {"title": "Scaffold", "email": "scaffold@example.org"}}
                    for pid in ids],
        "employer": base,
        "post": {"title": "Scaffold", "purpose": "Scaffold", "start_date": dt.date(2030, 1, 1),
                 "hours_per_week": 37, "locations": [{"party": base, "site": "Scaffold"}],
                 "politically_restricted": False},
        "time_split": {"unit": "percent", "shares": shares},
        "management": {"line_managers": {pid: "Scaffold" for pid in ids},
                       "appraisal": "joint"},
        "payment": {"mechanism": "salary_share", "salary": 50000,
                    "invoicing": {"frequency": "quarterly", "timing": "arrears",
                                  "payment_days": 30},
                    "vat": {"treatment": "standard_rated", "rationale": "Scaffold"},
                    "expenses": "employer"},
        "confidentiality": {"protected_information": ["Scaffold"], "duration_after_end": 2,
                            "data_protection": "separate_controllers",
                            "foi_consultation_days": 5},
        "conflicts_of_interest": {"declare_within_days": 28, "registers": "all_parties",
                                  "decided_by": "steering_group"},
        "governance": {"steering_group": {"name": "Scaffold", "members": [
            {"party": pid, "role": "Scaffold"} for pid in ids], "meets": "quarterly"},
            "objectives": {pid: ["Scaffold"] for pid in ids},
            "disputes": [{"level": "Scaffold", "days": 10}]},
        "review": {"reviews_after_months": [6]},
        "exit": {"notice_months": 6, "postholder_reverts_to": base,
                 "redundancy_costs": "cost_shares", "pension_strain_costs": "employer"},
        "job": {"responsibilities": {pid: ["Scaffold"] for pid in ids},
                "relationships": {}, "person_specification": [
                    {"criterion": "Scaffold", "area": "skills", "essential": True,
                     "assessed_by": ["interview"]}]},
    }


def _with_policy(scaffold: dict[str, Any], policy: dict[str, Any] | None) -> dict[str, Any]:
    """The scaffold with the employer's profile policy over it, each policy key taken whole
    (the policy is the partners' own, never a stand-in)."""
    for section, values in (policy or {}).items():
        if isinstance(scaffold.get(section), dict) and isinstance(values, dict):
            scaffold[section] = {**scaffold[section], **values}
    return scaffold


def _merged(scaffold: dict[str, Any], plain: dict[str, Any],
            owns: tuple[str, ...]) -> dict[str, Any]:
    """The answers given, the scaffold beneath them except in the step just answered."""
    merged = {k: v for k, v in scaffold.items() if k not in owns}
    for key, value in plain.items():
        merged[key] = value if key in owns else _under(scaffold.get(key), value)
    return merged


def _moved(value: Any, path: KeyPath = ()) -> Any:
    """The scaffold with every stand-in moved a little (a number one more, a date a day
    later, a share moved between the first two partners, a name in other words): a
    warning whose words then change quotes a stand-in, not the officer's answer."""
    if isinstance(value, dict) and path == ("time_split", "shares"):
        moved = dict(value)
        first, second, *_ = [*moved, None, None]
        if first is not None and second is not None:
            moved[first], moved[second] = moved[first] + 1, moved[second] - 1
        return moved
    if isinstance(value, dict):
        return {k: _moved(v, (*path, k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_moved(v, path) for v in value]
    if isinstance(value, bool) or path == ("docgen",):  # the file format's version
        return value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    return _SCAFFOLD.sub("Stand-in", value) if isinstance(value, str) else value


#: a stand-in's words in any case: "Scaffold", "SCAFFOLD-1", "scaffold@example.org"
_SCAFFOLD = re.compile("scaffold", re.IGNORECASE)


def _said(problems: list[Problem]) -> set[tuple[str, KeyPath, str]]:
    """Each problem as said: whether a check with stand-ins moved worded them all alike."""
    return {(p.rule, p.path, p.message) for p in problems}


#: a bracketed aside in a message, with the space before it: "(£50,000.00 a year)"
_ASIDE = re.compile(r"(\s?\([^()]*\))")


def own_words(warnings: list[Problem], moved: list[Problem], *far: list[Problem],
              law_open: bool = False) -> list[Problem]:
    """``warnings`` as the officer's answers alone can say them, from a check with the
    stand-ins moved (``moved``: a little, and the law and legal basis to others) and checks
    with the stand-in salary far from it and other laws (``far``): one worded the same is
    kept (if the law is a stand-in, ``law_open``, only when raised under the other laws too:
    "“England and Wales” does not say whether ..." is not, for a post whose law is not
    chosen); one whose bracketed asides alone changed ("the pay alone (£50,000.00 a year)",
    a scaffold salary) is kept without them when it is raised whatever the salary (no
    on-costs given), not when the stand-in decides it (a fee more than the post costs a
    day); any other waits until its answers are given."""
    out = []
    for warning in warnings:
        same = [p.message for p in moved if (p.rule, p.path) == (warning.rule, warning.path)]
        raised = all(any((p.rule, p.path) == (warning.rule, warning.path) for p in check)
                     for check in far)
        if warning.message in same and (raised or not law_open):
            out.append(warning)
            continue
        if not raised:
            continue
        said = _ASIDE.split(warning.message)
        for other in (_ASIDE.split(m) for m in same):
            if len(other) == len(said) and other[::2] == said[::2]:
                kept = [part for i, part in enumerate(said) if i % 2 == 0 or part == other[i]]
                out.append(dataclasses.replace(warning, message="".join(kept)))
                break
    return out


#: the checks with the stand-ins moved (see :func:`own_words`), each a stand-in salary (None:
#: the scaffold's, one more), law and legal basis: the first moves the law and power from
#: England and Wales' s.113; the others, far salaries, move them to the other laws' own.
#: Each is used only where the officer has not given it, so a law given with the basis not
#: may meet another law's power (England with s.105): only whether the same rule fires is
#: compared, and such a pair still raises its warnings
MOVES = ((None, "scotland", "secondment"), (25000, "wales", "lga_1972_s113"),
         (150000, "northern_ireland", "lgni_1972_s105"))


def _stand_ins(plain: dict[str, Any], owns: tuple[str, ...], policy: dict[str, Any] | None,
               move: tuple[int | None, str, str], taken: dict[KeyPath, str],
               ids: list[str]) -> dict[str, Any]:
    """The answers given over the scaffold with every stand-in moved (see :func:`_moved`),
    its law and legal basis too, and the stand-in salary of ``move`` when given; a stand-in
    at each answer ``taken`` (refused before docgen's rules) too. ``ids``: the partners'
    (:func:`_ids` of ``plain``, read once by :func:`live`)."""
    salary, law, basis = move
    scaffold = {**_moved(_scaffold(ids)), "jurisdiction": law, "legal_basis": basis}
    if salary is not None:
        scaffold["payment"]["salary"] = salary
    scaffold = _with_policy(scaffold, policy)
    return first(_merged(scaffold, plain, owns), taken, scaffold, ids)


@dataclass
class Live:
    """What the interview shows beside the questions: problems, warnings and the money."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    facts: dict[str, Any] | None = None
    complete: bool = False  # the real file, unaided, has no errors
    #: an answer refused before docgen's rules: the warnings that depend on it wait for it
    waiting: bool = False
    #: the sections not answered yet that docgen still needs (their errors held back from
    #: the pages, :func:`_answered`), by slug in the task list's order: check your answers
    #: lists them, as the documents cannot be made until they are answered
    unanswered: list[str] = field(default_factory=list)


def _ids(plain: dict[str, Any]) -> list[str]:
    parties = plain.get("parties")
    if not isinstance(parties, list):
        return []
    return [p if isinstance(p, str) else p["id"] for p in parties
            if isinstance(p, str) or isinstance(p, dict) and isinstance(p.get("id"), str)]


def _answered(problem: Problem, plain: dict[str, Any], owns: tuple[str, ...]) -> bool:
    """Whether a problem is about a section answered (or the step just answered): a key
    left out of a section that has answers counts (``legal_basis: other`` without
    ``legal_basis_text`` was hidden from check your answers and the task list, which
    showed the section completed and the post with no problem, yet made no documents)."""
    if not problem.path:
        return False
    top = problem.path[0]
    step = STEP_BY_KEY.get(str(top))
    section = step.owns if step else (top,)
    return top in owns or any(key in plain for key in section)


MONEY_KEYS = ("parties", "time_split", "payment")


def _under(scaffold: Any, given: Any) -> Any:
    """``given`` with the scaffold's keys filled in beneath it, in mappings only."""
    if isinstance(scaffold, dict) and isinstance(given, dict):
        return {**scaffold, **{k: _under(scaffold.get(k), v) for k, v in given.items()}}
    return given


def _without(given: Any, path: KeyPath) -> Any:
    """``given`` without the answer at ``path``, for the scaffold to stand in for it (a
    wrong answer inside a list takes the whole list; a wrong section, all of it)."""
    if not isinstance(given, dict) or not path:
        return {}
    key = path[0]
    if key not in given:
        return given
    rest = {k: v for k, v in given.items() if k != key}
    inner = given[key]
    if len(path) == 1 or not isinstance(inner, dict):
        return rest
    return {**rest, key: _without(inner, path[1:])}


def first_said(*checks: list[Problem]) -> list[Problem]:
    """Each answer's problems from the first check that found any: the real answers', then
    those with the scaffold beneath, then with wrong answers stood in for (two checks word
    one problem differently: "10 warnings" with the real answers, "8" with stand-ins)."""
    out: list[Problem] = list(checks[0])
    said = {p.path for p in out}
    for found in checks[1:]:
        new = [dataclasses.replace(p, code=FINAL_UNSURE) if p.code == FINAL_OPEN else p
               for p in found if p.path not in said]
        out += new
        said |= {p.path for p in new}
    return out


def live(plain: dict[str, Any], owns: tuple[str, ...] = (),
         policy: dict[str, Any] | None = None, **where: Any) -> Live:
    """Check the answers given so far (see the module docstring); never raises.

    ``owns``: the keys of the step just answered, checked as given (never filled in from
    the scaffold, so a missing answer there is reported). The other sections are
    completed beneath from the scaffold, so checks between keys (shares adding up) run
    before the whole post is answered. ``policy``: the employer's profile policy, which
    docgen reads where the post says nothing, so the scaffold never stands in for it (a
    one-step dispute ladder over the profile's three). ``where``: passed to
    ``docgen.check`` (the workspace whose organisation profiles apply).
    """
    real = check(plain, **where)
    known = [*real.errors, *real.warnings]  # an overlay left out on a value not known yet
    if real.ok:  # is said as "Final" counts it (before_final.while_not_known)
        return Live(real.errors, while_not_known(known, real.warnings),
                    real.facts if all(k in plain for k in MONEY_KEYS) else None, True)
    ids = _ids(plain)  # read once: the scaffold, the stand-ins and each moved check's
    scaffold = _with_policy(_scaffold(ids), policy)
    merged = _merged(scaffold, plain, owns)
    report = check(merged, **where)
    found = list(report.errors)
    wrong = {p.path[0] for p in found if p.path and p.path[0] not in owns
             and p.path[0] in scaffold and p.path[0] != "parties"}
    again: list[Problem] = []
    if wrong and owns:  # a wrong answer elsewhere (an end date that is not a date) stops
        # docgen before it checks between keys, so this step's shares adding up to 110%
        # would be said only once that is put right: check again with it stood in for
        stood_in = dict(merged)
        for q in found:  # only the wrong answers stand aside: the post's real hours stay
            if q.path and q.path[0] in wrong:
                stood_in[q.path[0]] = _without(stood_in[q.path[0]], q.path[1:])
        stood_in = {k: _under(scaffold[k], v) if k in wrong else v
                    for k, v in stood_in.items()}
        again = [p for p in check(stood_in, **where).errors
                 if p.path and p.path[0] in owns]
    errors = [counted(p, real, plain) if p.code == FINAL_OPEN else p
              for p in first_said(real.errors, found, again)]  # the real answers' count
    held = [p for p in errors if not _answered(p, plain, owns)]  # sections to answer
    errors = [p for p in errors if _answered(p, plain, owns)]
    warnings = [p for p in report.warnings if _answered(p, plain, owns)]
    taken = refused(report.errors)
    aside: list[Problem] | None = []
    if taken:  # an answer refused before docgen's rules stopped it there with the
        # scaffold too, so no warning was found: the others' warnings that hold whatever
        # it is (stand_aside; None: too many to check), none quoting a stand-in (own_words)
        aside = warnings_aside(merged, taken, scaffold, ids,
                               lambda answers: check(answers, **where))
        warnings = [p for p in aside or [] if _answered(p, plain, owns)]
    if rules_ran(real.errors):  # the rules' errors alone (a steering group without a
        # member for a partner, a final post's count of warnings open): docgen's rules ran
        # on the answers as given, so its warnings are theirs, no stand-in in them, and an
        # overlay left out is counted as used only on a draft's value not known yet, as
        # when the answers check without errors (before_final.rules_ran, while_not_known)
        warnings = while_not_known(known, real.warnings)
    elif warnings:  # none may quote a stand-in: checked again with every stand-in moved, and
        # at far salaries and other laws when a warning's words changed or the law is open
        moved = check(_stand_ins(plain, owns, policy, MOVES[0], taken, ids),
                      **where).warnings
        law_open = "jurisdiction" not in plain or ("jurisdiction",) in taken
        far = [check(_stand_ins(plain, owns, policy, m, taken, ids), **where).warnings
               for m in MOVES[1:]] if law_open or not _said(warnings) <= _said(moved) else []
        # the real check stopped before docgen's rules (the file's shape, a final post's
        # value not known yet), so every clause condition here is evaluated over
        # stand-ins: each overlay left out is counted as used (before_final.as_used), said
        # as waiting for a wrong answer to be put right where one is, in the real answers
        # or among the errors shown with the stand-ins (before_final.until)
        warnings = as_used(own_words(warnings, moved, *far, law_open=law_open),
                           until([*real.errors, *errors]))
    money_ok = all(k in plain for k in MONEY_KEYS) and not any(
        p.path and p.path[0] in (*MONEY_KEYS, "post") for p in real.errors)
    return Live(errors, warnings, report.facts if money_ok else None, False,
                aside is None or any(code != UNUSED for code in taken.values()),
                _sections(held))


def _sections(problems: list[Problem]) -> list[str]:
    """The sections (slugs, in the task list's order) ``problems`` are about."""
    about = {STEP_BY_KEY[str(p.path[0])].slug for p in problems
             if p.path and str(p.path[0]) in STEP_BY_KEY}
    return [s.slug for s in STEPS if s.slug in about]


def counted(problem: Problem, report: docgen.CheckReport, plain: dict[str, Any]) -> Problem:
    """docgen's "Final" refused (``problem``, its count in English) in the interview's words,
    counted from ``report``'s problems as "Final" refused on About counts them: the answers
    still to give and the warnings open (:func:`still_to_give`, :func:`open_warnings`)."""
    answers = still_to_give(report.errors)
    warnings = open_warnings(report.warnings, made(plain), answers)
    return dataclasses.replace(problem, code=FINAL_COUNTED, message=final_open(
        len(answers), len(warnings), sum(map(only_put_right, warnings))))


def for_step(problems: list[Problem], owns: tuple[str, ...]) -> list[Problem]:
    """The problems a section's page shows and its task state counts: those at its keys,
    except a clause folder's error (at ``employer`` for the profile's), which no answer on
    any page puts right: check your answers says it, and it keeps Final refused."""
    return [p for p in problems if p.path and p.path[0] in owns
            and p.code not in FOLDER_CODES]
