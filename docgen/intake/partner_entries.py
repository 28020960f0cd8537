"""A per-partner cell ("eastwick: Town Hall; westmere: Civic Centre") with one partner's
entry run on into the next with a comma for ';'. Pure. The reader refuses such a cell
(``cells.from_cell`` for shares, ``rows`` for places and line managers, once the post's
partners are known); the writer (``writing``) asks the same question of a cell it would
write, so a value that is genuinely one partner's ("Town Hall, Westmere: Annex") goes to
Other answers, where it reads back as it is, rather than into a cell the reader refuses.
"""

from __future__ import annotations

import re

from docgen.answers.party_ids import ID_FORM

PAIRS = re.compile(r"[;\n]")  # what separates a cell's "id: value" pairs
ID_COLON = re.compile(r"(?:^|[\s,]+)([A-Za-z][A-Za-z0-9_]*)\s*:")  # "…, icb:" in an entry
_SEMICOLON = re.compile(r"\s*;\s*")  # how a corrected per-partner cell is spaced
_AFTER_COLON = re.compile(r":\s+")


def id_words(text: str) -> list[str]:
    """Every word before a colon in ``text``: the ids a cell may name, when the post's
    partners are not known (each taken for one, to be safe)."""
    return [m.group(1) for m in ID_COLON.finditer(text)]


def run_on(text: str, ids: list[str]) -> str | None:
    """Why a per-partner cell ("eastwick: Town Hall; westmere: Civic Centre") has a
    partner's entry run on into its neighbour's ("council: Guildhall, icb: Riverside
    House", a comma typed for ';'), which would print the second partner's text as the
    first's in every document; None when no entry holds another ``id:`` of the post's
    partners (``ids``, with the ids the cell names itself). A comma in an address is
    text, as it always was."""
    parts = [p.partition(":") for p in PAIRS.split(text) if p.strip()]
    named = [pid.strip().lower() for pid, colon, _ in parts if colon]
    known = {i.lower() for i in [*ids, *named] if ID_FORM.match(i.lower())}

    def next_id(m: re.Match[str]) -> str:  # "…, icb:" → "; icb:" (another text: as it is)
        return f"; {m.group(1)}: " if m.group(1).lower() in known else m.group(0)
    found = next(((pid.strip(), m.group(1)) for pid, colon, rest in parts if colon
                  for m in ID_COLON.finditer(rest) if m.group(1).lower() in known), None)
    if found is None:
        return None
    fixed = "; ".join(f"{pid.strip()}: " + ID_COLON.sub(next_id, rest).strip(" ,;")
                      for pid, _, rest in parts)
    fixed = _SEMICOLON.sub("; ", _AFTER_COLON.sub(": ", fixed))
    example = fixed if len(fixed) <= 120 else "eastwick: Town Hall; westmere: Civic Centre"
    return (f"the entry for {found[0]} holds '{found[1]}:', another partner's entry run on "
            f"without ';'; separate partners with ';' or a new line, e.g. {example}")
