"""What the interview says at a money question whose answer no reader of typed money reads:
"104.250", "1.234.567" (a dot between thousands) or "104.2501" (more places than pence),
refused as the workbook and ``docgen new`` refuse them (``answers/typed_money.py``), in
GOV.UK words at the question: "Enter the salary as £104,250 or 104250 — a dot marks
pence, never thousands".

The form keeps the text as typed (``forms.parse_money``), so docgen's check refuses it; its
message quotes the text, which is read back here for its own figures.
"""

from __future__ import annotations

import re

from docgen.answers.typed_money import dot_thousands, too_many_places

#: the money typed, as a checker's message quotes it: "(found '£104.250')", or "has 3
#: figures after the point (104.250)" (``answers/pence.py``)
_QUOTED = re.compile(r"\(found '(.*?)'\)|after the point \((.*?)\)")


def money_typed(message: str, noun: str) -> str | None:
    """What to write for the money a problem's ``message`` quotes, asked for ``noun`` ("the
    salary"), when it is money with a dot between thousands or more places than pence;
    None for another problem."""
    found = _QUOTED.search(message)
    typed = next((g for g in found.groups() if g is not None), "") if found else ""
    what = noun.split(" as a ")[0]
    meant = dot_thousands(typed)
    if meant is not None:
        shown, plain = meant
        return f"Enter {what} as {shown} or {plain} \u2014 a dot marks pence, never thousands"
    if too_many_places(typed):
        return f"Enter {what} with no more than 2 figures of pence after the dot, for " \
            "example £104,250.50 or 104250.50"
    return None
