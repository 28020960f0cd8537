"""Merged cells on a sheet docgen reads: which would lose a value, and which are harmless.
Pure: ranges as the sheet names them ("E2:E3"), no openpyxl.

A merged range keeps its value in its first cell only. Below the headings, in a column
docgen reads, that leaves the other rows empty, so it is refused. A heading merged across
its own column and the next ones ("Job purpose" over J1:K1, to make it wide) is harmless
while those next columns hold nothing; a banner or note merged in a column docgen does not
read is the team's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

RANGE = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$")


@dataclass(frozen=True)
class Merged:
    ref: str
    first_col: int
    last_col: int
    first_row: int
    last_row: int

    @property
    def first_cell(self) -> str:
        return self.ref.split(":")[0].replace("$", "")


def column_number(letters: str) -> int:
    """``A`` is 1, ``Z`` 26, ``AA`` 27."""
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - ord("A") + 1
    return number


def parse(ref: str) -> Merged | None:
    found = RANGE.match(ref.strip().upper())
    if not found:
        return None
    c1, r1, c2, r2 = found.groups()
    cols = sorted((column_number(c1), column_number(c2 or c1)))
    rows = sorted((int(r1), int(r2 or r1)))
    return Merged(ref, cols[0], cols[1], rows[0], rows[1])


def losing(refs: list[str], read: set[int]) -> list[Merged]:
    """The ranges that merge cells below the headings in a column docgen reads (or a range
    it cannot make out): each would leave rows without their value."""
    out = []
    for ref in refs:
        merged = parse(ref)
        if merged is None or (merged.last_row >= 2 and any(
                c in read for c in range(merged.first_col, merged.last_col + 1))):
            out.append(merged or Merged(ref, 0, 0, 0, 0))
    return out


def widened_headings(refs: list[str], read: set[int]) -> dict[int, Merged]:
    """Columns under a heading docgen reads that is merged across them (not the heading's
    own column): each must hold no values, or they would be left out."""
    out: dict[int, Merged] = {}
    for ref in refs:
        merged = parse(ref)
        if merged is not None and merged.last_row == 1 and merged.first_col in read:
            out.update({c: merged for c in range(merged.first_col + 1, merged.last_col + 1)})
    return out
