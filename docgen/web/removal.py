"""A partner removed takes its own answers with it: its share of the time and of the cost,
its fee, its line manager, objectives and responsibilities, and the rows that name it (its
place of work, statutory role, steering group member).

Left behind, they named a partner that no longer exists, and each page said "Select one
of the partners" beside a share box or a row the person could not match to anything. The
answers that choose one partner (the employer, the HR lead, whom the post-holder returns
to) are left as they are: their own page asks again, with the partners as choices.
"""

from __future__ import annotations

from typing import Any

from docgen.web.fields import STEPS, Q, Step
from docgen.web.forms import get
from docgen.web.named import sentence
from docgen.web.tasks import employer_changed, mark, mark_notice

#: what goes with a partner, in the confirmation page's words, by its question's key path
#: (a question not here is still named, by its section: see ``goes``)
GOES: dict[tuple[str | int, ...], str] = {
    ("post", "locations"): "its places of work",
    ("post", "statutory_roles"): "the statutory roles the post-holder holds for it",
    ("time_split", "shares"): "its share of the time",
    ("payment", "fee", "amounts"): "what it pays the employer a year",
    ("payment", "cost_shares"): "its share of the cost",
    ("management", "line_managers"): "its day-to-day manager",
    ("governance", "steering_group", "members"): "its members of the steering group",
    ("governance", "objectives"): "its objectives",
    ("exit", "cost_shares"): "its share of redundancy and pension strain costs",
    ("job", "responsibilities"): "its responsibilities",
}


#: the confirmation's warning begins so when the partner removed is the employer
EMPLOYS = ("This partner employs the post-holder: once it is removed, you will choose which "
           "partner left employs them, and whom they return to at the end.")


def _mapped(q: Q) -> bool:
    return q.kind == "party_map"


def _rows_naming(q: Q) -> bool:
    return q.kind == "group" and any(sub.kind == "party" and sub.path == ("party",)
                                     for sub in q.fields)


def forget(doc: Any, party_id: str) -> list[Step]:
    """Remove ``party_id``'s own answers from ``doc`` (in place); the steps they were on."""
    touched: list[Step] = []
    for step in STEPS:
        for q in step.questions:
            node = get(doc, q.path)
            if _mapped(q) and isinstance(node, dict) and party_id in node:
                del node[party_id]
            elif _rows_naming(q) and isinstance(node, list) and any(
                    isinstance(row, dict) and row.get("party") == party_id for row in node):
                node[:] = [row for row in node
                           if not (isinstance(row, dict) and row.get("party") == party_id)]
            else:
                continue
            if step not in touched:
                touched.append(step)
    return touched


def goes() -> list[str]:
    """Everything ``forget`` can take with a partner, in the interview's order and the
    confirmation page's words."""
    said: list[str] = []
    for step in STEPS:
        for q in step.questions:
            if _mapped(q) or _rows_naming(q):
                words = GOES.get(q.path, f"its answers in {step.title}")
                if words not in said:
                    said.append(words)
    return said


def notice(name: str, steps: list[Step], draft_id: str) -> dict[str, Any]:
    """What the list of partners says, once, about the answers that went with the partner
    (the task list keeps the sections marked, and says why, until each is continued)."""
    return {"heading": sentence(f"{name} was removed, and its own answers with it"),
            "text": "Its share of the time and the other answers about it were taken off "
                    "these pages. Check them: the shares of the partners left may no longer "
                    "add up to 100%. The task list marks these sections ‘Check again’ until "
                    "you open each one and press Continue:",
            "links": [(s.title, f"/edit/{draft_id}/{s.slug}") for s in steps]}


def removed(draft: Any, gone: Any, name: str, steps: list[Step]) -> None:
    """After partner ``gone`` (called ``name``) was removed (``steps``: where its own
    answers were): those sections, and any holding answers kept from its organisation
    profile when it was the employer, marked to check again on the task list (which calls
    it by its short name, as "Westmere"), and the list of partners saying so."""
    short = str((gone.get("short_name") if isinstance(gone, dict) else None) or name)
    kept = mark_notice(draft, employer_changed(short, None))  # the employer removed
    mark(draft.visited, [s.slug for s in steps], sentence(
        f"{short} was removed as a partner, and its own answers in these sections went with "
        "it, such as its share of the time. The shares of the partners left may no longer "
        "add up to 100%."))
    slugs = {s.slug for s in steps} | set(kept)
    if slugs:
        draft.notice = notice(name, [s for s in STEPS if s.slug in slugs], draft.id)


__all__ = ["EMPLOYS", "GOES", "forget", "goes", "notice", "removed"]
