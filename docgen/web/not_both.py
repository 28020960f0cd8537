"""Words typed and "Not known yet" ticked for one answer, however the page was sent: its
Continue, a partner's page, the live check, a button that leaves the page, or one that
changes the page ("Add another", "Remove", "Remove this answer"). Each keeps the words
and asks which was meant, by the one rule,
:func:`~docgen.web.guards.both_given`: the question lives only in the form sent, so a
page left without asking lost it, and the officer believed "Not known yet" was saved.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from docgen.errors import KeyPath, Problem
from docgen.web.fields import Q, Step
from docgen.web.forms import dotted, kept_rows
from docgen.web.guards import both_given

#: the buttons and links that save a section's page and leave it; with words and the tick
#: the page is shown again and asks, as "Final" refused is shown whichever button
LEAVING = ("later", "tasks", "goto", "back")

#: the buttons that change the page itself, by how their action begins: "Add another" and
#: "Remove" a row do what was asked (the page comes back anyway, so nothing is lost by it)
#: and ask; "Remove this answer" would leave for its confirmation, so it asks instead
IN_PAGE = ("add-", "remove:", "drop-ask:")

#: what each button's officer does once they have chosen, or what the button did
_AGAIN = {"later": "Then press \u2018Save and come back later\u2019 again.",
          "tasks": "Then press \u2018Save and return to the task list\u2019 again.",
          "goto": "Then choose where you were going again.",
          "back": "Then press \u2018Back\u2019 again.",
          "add-": "The new row you asked for has been added.",
          "remove:": "The row you asked to remove has been removed.",
          "drop-ask:": "Then press \u2018Remove this answer\u2019 again."}


def asks_with_notice(action: str) -> bool:
    """Whether the page shown again for ``action`` says what happened and what to do
    (:func:`left_with_both`): every button but Continue, whose errors say it all."""
    return action in LEAVING or action.startswith(IN_PAGE)


def left_with_both(action: str) -> dict[str, Any]:
    """The notice on the page shown again instead of leaving it (``action``, one of
    :data:`LEAVING`, or a button of :data:`IN_PAGE`): the answers are saved, the words
    kept, and what to do next."""
    done = _AGAIN.get(action) or next(
        (said for start, said in _AGAIN.items() if action.startswith(start) and
         start in IN_PAGE), "Then press Continue.")
    return {"heading": "Your answers are saved",
            "text": "For each answer marked below, you typed an answer and also ticked "
                    "\u2018Not known yet\u2019, so what you typed was saved. If an answer "
                    "is not known yet, delete what you typed and tick \u2018Not known "
                    f"yet\u2019. {done}",
            "links": []}


def at_saved_rows(both: list[Problem], form: Any, step: Step) -> list[Problem]:
    """``both`` at the rows they are in once ``form`` (step ``step``'s page, as saved: for
    "Remove" without the row removed, see :func:`~docgen.web.forms.without_row`) is saved:
    a row after a blank one, or the one removed, moves up as the blank row is dropped
    (:func:`~docgen.web.forms.kept_rows`, the rule the save uses), so its question is
    asked beside its words as the page shows them again, whichever button was pressed."""
    return [dataclasses.replace(p, path=_saved_at(p.path, step.questions, form))
            for p in both]


def _saved_at(path: KeyPath, questions: tuple[Q, ...], form: Any,
              at: KeyPath = ()) -> KeyPath:
    """``path``, a box posted in ``form``, with the row it is in (of the list among
    ``questions``, asked under ``at``) numbered as saved."""
    for q in questions:
        whole = (*at, *q.path)
        n = len(whole) + (q.kind == "party_map")  # a party's own list of lines
        if path[:len(whole)] != whole or len(path) <= n:
            continue
        row = path[n]
        kept = kept_rows(q, form, dotted(path[:n]),
                         kind=q.inner if q.kind == "party_map" else None)
        if not isinstance(row, int) or row not in kept:
            return path  # not in a list's row, or in one not saved (asks nothing)
        inner = _saved_at(path, q.fields, form, (*path[:n], row))
        return (*path[:n], kept.index(row), *inner[n + 1:])
    return path


def partner_both(form: Any, shown: int, index: int) -> list[Problem]:
    """:func:`~docgen.web.guards.both_given` for partner ``index``'s page, whose form named
    its boxes by ``shown`` (a new partner's form added elsewhere: see
    :func:`~docgen.web.partner_place.new_at`)."""
    return [dataclasses.replace(p, path=("parties", index, *p.path[2:]))
            if p.path[:2] == ("parties", shown) else p for p in both_given(form)]
