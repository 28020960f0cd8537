"""The task list: each section's state as GOV.UK's task list pattern shows it.

A section is *Cannot start yet* when it asks about the partners and none are given,
*Not started* when none of its answers are given, *Completed* when its answers are
given and have no errors, and *In progress* otherwise.
"""

from __future__ import annotations

from typing import Any

from docgen.web.checking import Live, for_step
from docgen.web.fields import STEPS, Step, asked, offered, step_index
from docgen.web.forms import get, party_ids

NEEDS_PARTNERS = frozenset({"employer", "time-split", "management", "governance", "exit",
                            "payment", "job"})
STATES = ("Cannot start yet", "Not started", "In progress", "Completed")


def state(step: Step, doc: Any, result: Live, visited: set[str]) -> str:
    """One section's state (one of :data:`STATES`)."""
    if step.slug in NEEDS_PARTNERS and len(party_ids(doc)) < 2:
        return "Cannot start yet"
    if step.slug == "postholder" and "postholder" not in doc and (
            step.slug in visited or "*" in visited):
        return "Completed"  # recruiting: nothing to answer
    given = [k for k in step.owns if k in doc and k != "docgen"]
    if not given:
        return "Not started"
    errors = for_step(result.errors, step.owns)
    return "In progress" if errors or _unoffered(step, doc) or not (
        step.slug in visited or "*" in visited) else "Completed"


def _unoffered(step: Step, doc: Any) -> bool:
    """An answer its page cannot show as chosen: a legal basis of another jurisdiction (the
    law changed to Scotland after section 113 was chosen); the section is not completed,
    so Continue goes there rather than past it."""
    return any(q.kind == "radios" and asked(q, doc) and isinstance(get(doc, q.path), str)
               and get(doc, q.path) not in offered(q, doc) for q in step.questions)


def task_list(doc: Any, result: Live, visited: set[str]) -> list[dict[str, Any]]:
    """Every section's state; ``result`` is the draft's checks (a section with errors is
    never *Completed*), so every page that counts sections counts the same."""
    return [{"step": s, "state": state(s, doc, result, visited)} for s in STEPS]


def next_section(slug: str, doc: Any, result: Live, visited: set[str]) -> str:
    """Where Continue on section ``slug`` leads: the next section still to answer (not
    *Completed*, and able to start), going round to an earlier one left open; check your
    answers once every other section is completed. Walking an officer through sections
    the start page already answered wasted a click each (six for two profiled councils)."""
    states = task_list(doc, result, visited)
    i = next(n for n, t in enumerate(states) if t["step"].slug == slug)
    for t in states[i + 1:] + states[:i]:
        if t["state"] in ("Not started", "In progress"):
            return str(t["step"].slug)
    return "check"


def to_choose(draft: Any) -> bool:
    """Whether a draft's partners are still to be chosen on "Start a new post" (the folder
    has organisation profiles, and the draft names no partners yet): the task list and
    the drafts list link there, where "Save and come back later" left its choices."""
    return bool(draft.profiles) and "parties" not in draft.view()


def where_to(draft: Any) -> str:
    """Where a draft reopens: "Start a new post" while its partners are to be chosen,
    else its task list."""
    return f"/edit/{draft.id}/{'begin' if to_choose(draft) else 'tasks'}"


def remember_back(came_from: dict[str, str], slug: str, following: str) -> None:
    """Where Back on ``following`` leads after Continue on ``slug``: back to ``slug`` when
    Continue went forward; when it went round to an earlier section, to the section before
    that one (remembered both ways, A to C and C back to A, Back went A, C, A, C...)."""
    if step_index(following) > step_index(slug):
        came_from[following] = slug
    else:
        came_from.pop(following, None)


def progress(tasks: list[dict[str, Any]]) -> str:
    done = sum(1 for t in tasks if t["state"] == "Completed")
    return f"{done} of {len(tasks)} sections completed"
