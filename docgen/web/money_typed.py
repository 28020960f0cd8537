"""What the interview says at a money question whose answer no reader of typed money reads:
"104.250", "1.234.567" (a dot between thousands) or "104.2501" (more places than pence),
refused as the workbook and ``docgen new`` refuse them (``answers/typed_money.py``), in
GOV.UK words at the question: "Enter the salary as £104,250 or 104250 — a dot marks
pence, never thousands".

The form keeps the text as typed (``forms.parse_money``), so docgen's check refuses it and
the answers hold what was typed at the problem's key: its figures are read from there
(``messages.error`` passes the answer), never out of the words of docgen's message, which
quote it shortened and may be reworded.
"""

from __future__ import annotations

from typing import Any

from docgen.answers.typed_money import dot_thousands, too_many_places


def money_typed(typed: Any, noun: str) -> str | None:
    """What to write for the money ``typed`` (the answer a problem is about, as the form
    kept it), asked for ``noun`` ("the salary"), when it is money with a dot between
    thousands or more places than pence; None for any other answer."""
    text = typed if isinstance(typed, str) else ""
    what = noun.split(" as a ")[0]
    meant = dot_thousands(text)
    if meant is not None:
        shown, plain = meant
        return f"Enter {what} as {shown} or {plain} \u2014 a dot marks pence, never thousands"
    if too_many_places(text):
        return f"Enter {what} with no more than 2 figures of pence after the dot, for " \
            "example £104,250.50 or 104250.50"
    return None
