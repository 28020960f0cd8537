"""Words typed and "Not known yet" ticked for one answer, however the page was sent: its
Continue, a partner's page, the live check, or a button that leaves the page. Each keeps
the words and asks which was meant, by the one rule,
:func:`~docgen.web.guards.both_given`: the question lives only in the form sent, so a
page left without asking lost it, and the officer believed "Not known yet" was saved.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from docgen.errors import Problem
from docgen.web.guards import both_given

#: the buttons and links that save a section's page and leave it; with words and the tick
#: the page is shown again and asks, as "Final" refused is shown whichever button
LEAVING = ("later", "tasks", "goto")

#: what each leaving button's officer does once they have chosen
_AGAIN = {"later": "press \u2018Save and come back later\u2019 again",
          "tasks": "press \u2018Save and return to the task list\u2019 again",
          "goto": "choose where you were going again"}


def left_with_both(action: str) -> dict[str, Any]:
    """The notice on the page shown again instead of leaving it (``action``, one of
    :data:`LEAVING`): the answers are saved, the words kept, and what to do next."""
    return {"heading": "Your answers are saved",
            "text": "For each answer marked below, you typed an answer and also ticked "
                    "\u2018Not known yet\u2019, so what you typed was saved. If an answer "
                    "is not known yet, delete what you typed and tick \u2018Not known "
                    f"yet\u2019. Then {_AGAIN.get(action, 'press Continue')}.",
            "links": []}


def partner_both(form: Any, shown: int, index: int) -> list[Problem]:
    """:func:`~docgen.web.guards.both_given` for partner ``index``'s page, whose form named
    its boxes by ``shown`` (a new partner's form added elsewhere: see
    :func:`~docgen.web.partner_place.new_at`)."""
    return [dataclasses.replace(p, path=("parties", index, *p.path[2:]))
            if p.path[:2] == ("parties", shown) else p for p in both_given(form)]
