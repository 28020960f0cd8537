"""Figures ``docgen verify`` checks must stay in the clauses that print them.

An overlay (often written by ``docgen clauses import`` from a lawyer's clause book) may
drop a figure the standard clauses print: deleting the salary from the finance clause.
The document would still be made, and verify may still find the figure elsewhere (in a
schedule), so the loss is caught here, when a post is built, by the figures' expressions.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from docgen._records import record
from docgen.clauses.library import Clause, Library, cached_library

#: expression in clause text → what it is (the figures word/figures.py verifies)
FIGURES = {
    "money.salary_text": "the salary",
    "money.premium_text": "the premium",
    "money.pay_text": "the total pay",
    "money.cost_base_text": "the Cost Base",
    "money.on_costs_total_text": "the on-costs total",
    "oc.text": "each on-cost",
    "money.payment_days": "the days to pay an invoice",
}
_EXPR = re.compile(r"\{\{\s*(" + "|".join(re.escape(f) for f in FIGURES) + r")\s*\}\}")


@lru_cache(maxsize=4096)
def _printed(text: str) -> frozenset[str]:
    return frozenset(_EXPR.findall(text))


@record(frozen=True)
class Dropped:
    """A figure the standard clause ``standard`` prints in ``kind`` and the clauses in use
    no longer do: the overlay ``clause`` (from ``source``) took it out."""

    expression: str  # as the clause text prints it: money.salary_text
    clause: str
    source: Path | None
    standard: str
    kind: str

    def __str__(self) -> str:
        return (f"{self.source}: clause '{self.clause}' no longer prints "
                f"{FIGURES[self.expression]} ({{{{ {self.expression} }}}}), which the standard "
                f"clause '{self.standard}' prints and `docgen verify` checks in the "
                f"{self.kind.replace('_', ' ')}; put it back, or keep the standard clause")


def dropped(library: Library, kind: str, now: list[Clause] | None = None) -> list[Dropped]:
    """Each figure the standard clauses of ``kind`` print and the clauses in use (with
    overlays) no longer do; empty without overlays. ``now``: the library's clauses for
    ``kind``, if the caller has them."""
    if now is None:
        now = library.for_document(kind)
    overlays = [c for c in now if c.overlay]
    if not overlays:
        return []
    printed = set().union(*(_printed(c.text) for c in now))
    standard = cached_library([], library.dirs[0]) if library.dirs else cached_library([])
    found = []
    for c in standard.for_document(kind):
        for expr in sorted(_printed(c.text) - printed):
            by = next((o for o in overlays if o.id == c.id), overlays[0])
            found.append(Dropped(expr, by.id, by.source, c.id, kind))
            printed.add(expr)
    return found


def dropped_figures(library: Library, kind: str, now: list[Clause] | None = None
                    ) -> list[str]:
    """:func:`dropped` as messages for a clause file's author (file, clause id, expression)."""
    return [str(d) for d in dropped(library, kind, now)]
