"""Live checks for a half-finished answer file, through ``docgen.check`` only.

docgen checks the relations between keys (shares add up, party ids exist) only
once the whole file has the right shape. A new post answered step by step is
not whole until the last step, so for the live checks the sections not
answered yet are filled from a neutral scaffold that agrees with the parties
given; problems and warnings are then reported only for the sections the user
has answered. The check-your-answers page and Save use the real file alone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import docgen
from docgen.errors import KeyPath, Problem
from docgen.web.fields import STEP_BY_KEY


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


@dataclass
class Live:
    """What the interview shows beside the questions: problems, warnings and the money."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    facts: dict[str, Any] | None = None
    complete: bool = False  # the real file, unaided, has no errors


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


#: a problem whose words count what the whole post holds (open warnings, answers still to
#: give): from a check with stand-ins, the count is the stand-ins', so it is said without
FINAL_UNSURE = "final_open_unsure"


def first_said(*checks: list[Problem]) -> list[Problem]:
    """Each answer's problems from the first check that found any: the real answers', then
    those with the scaffold beneath, then with wrong answers stood in for (two checks word
    one problem differently: "10 warnings" with the real answers, "8" with stand-ins)."""
    out: list[Problem] = list(checks[0])
    said = {p.path for p in out}
    for check in checks[1:]:
        new = [dataclasses.replace(p, code=FINAL_UNSURE) if p.code == "final_open" else p
               for p in check if p.path not in said]
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
    real = docgen.check(plain, **where)
    if real.ok:
        return Live(real.errors, real.warnings,
                    real.facts if all(k in plain for k in MONEY_KEYS) else None, True)
    scaffold = _scaffold(_ids(plain))
    for section, values in (policy or {}).items():  # each policy key taken whole
        if isinstance(scaffold.get(section), dict) and isinstance(values, dict):
            scaffold[section] = {**scaffold[section], **values}
    merged = {k: v for k, v in scaffold.items() if k not in owns}
    for key, value in plain.items():
        merged[key] = value if key in owns else _under(scaffold.get(key), value)
    report = docgen.check(merged, **where)
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
        again = [p for p in docgen.check(stood_in, **where).errors
                 if p.path and p.path[0] in owns]
    errors = first_said(real.errors, found, again)
    errors = [p for p in errors if _answered(p, plain, owns)]
    warnings = [p for p in report.warnings if _answered(p, plain, owns)]
    money_ok = all(k in plain for k in MONEY_KEYS) and not any(
        p.path and p.path[0] in (*MONEY_KEYS, "post") for p in real.errors)
    return Live(errors, warnings, report.facts if money_ok else None, False)


def for_step(problems: list[Problem], owns: tuple[str, ...]) -> list[Problem]:
    return [p for p in problems if p.path and p.path[0] in owns]


#: what a post-holder's return needs (the documents show a gap where one is not given)
RETURN = ("reversion_post", "reversion_grade")


def final_gaps(doc: Any) -> list[tuple[str, str]]:
    """The answers still to give before the post can be final, as the documents show them
    (a highlighted gap), each with the section that asks it: a recruit's name and address
    (the contract's), and a named post-holder's post to return to (the agreement's and the
    contract's). The same two docgen counts as its placeholders."""
    made = doc.get("documents") if isinstance(doc, dict) else None
    made = made if isinstance(made, list) else ["agreement", "contract"]
    held = doc.get("postholder") if isinstance(doc, dict) else None
    leaving = doc.get("exit") if isinstance(doc, dict) else None
    leaving = leaving if isinstance(leaving, dict) else {}
    gaps = []
    if not isinstance(held, dict) and "contract" in made:
        gaps.append(("the post-holder's name and address", "postholder"))
    if isinstance(held, dict) and not all(leaving.get(k) for k in RETURN) and \
            {"agreement", "contract"} & set(made):
        gaps.append(("the post and grade the post-holder returns to", "exit"))
    return gaps


def refusal(message: str, gaps: list[tuple[str, str]]) -> str:
    """Why "Final" was not saved, from docgen's reason (its counts of warnings open and
    answers still to give, ``message``) and the answers to give (:func:`final_gaps`)."""
    warnings = re.search(r"(\d+) unacknowledged warning", message)
    placeholders = re.search(r"(\d+) placeholder", message)
    said, todo = [], []
    if warnings:
        n = int(warnings.group(1))
        said.append(f"{n} warning{'s are' if n != 1 else ' is'} not accepted or put right")
        todo.append("accept or put right each warning")
    if placeholders or gaps:
        n = int(placeholders.group(1)) if placeholders else len(gaps)
        named = f" ({' and '.join(g for g, _ in gaps)})" if gaps else ""
        said.append(f"{n} answer{'s are' if n != 1 else ' is'} still to be given{named}")
        todo.append("give " + ("each answer" if n != 1 else "that answer"))
    why = " and ".join(said) if said else \
        "every question must be answered without errors and every warning accepted or " \
        "put right"
    do = " and ".join(todo) if todo else "put right each problem"
    return f"\u2018Final\u2019 was not saved, so the post is still a draft. It cannot be " \
        f"final yet: {why}. {do[:1].upper()}{do[1:]}, then choose \u2018Final\u2019 again"
