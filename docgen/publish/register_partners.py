"""The register's Partners sheet: each partner's totals over the posts whose last build
succeeded, and the note under the table saying so.

A post whose build failed has a row in the register (so every post asked for is there),
but the figures on it are the ones asked for this time, which no document has (a rule's
error, a document edited by hand that was not overwritten), or none at all (answers that
could not be read). Counting them would make a partner's total annual cost one that
no agreement states; they are left out, and the note names them.
"""

from __future__ import annotations

from typing import Any

from docgen.publish.programme import partner_totals

#: how many posts left out of the totals the note names before "and N more"
NAMED_FAILURES = 10


def failed(row: dict[str, Any]) -> bool:
    """Whether a register row's post failed its last build (its figures are in no document)."""
    return row.get("build") == "failed"


def partner_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each partner's posts, total time and total annual cost across the programme: the
    posts whose last build succeeded (built in this run or before), never a failed one."""
    return [{"party": t.name, "party_id": t.party_id, "posts": t.posts, "time": t.time,
             "annual": t.annual, "references": ", ".join(t.references)}
            for t in partner_totals([r for r in rows if not failed(r)])]


def partners_note(posts: list[dict[str, Any]]) -> str:
    """What the Partners sheet's totals count, in words, naming the posts left out."""
    left_out = [p.get("reference") or p.get("title") or "?" for p in posts if failed(p)]
    built = len(posts) - len(left_out)
    text = (f"Totals of the {built} post{'s' if built != 1 else ''} whose last build "
            "succeeded (those whose Last build is built on the Register sheet).")
    if not left_out:
        return text
    named = ", ".join(left_out[:NAMED_FAILURES])
    more = len(left_out) - NAMED_FAILURES
    named += f" and {more} more" if more > 0 else ""
    n = len(left_out)
    return (f"{text} Not counted: {n} post{'s' if n != 1 else ''} whose last build failed "
            f"({named}); the Register sheet's Why it failed says why. Build "
            f"{'it' if n == 1 else 'them'} again once fixed and {'it is' if n == 1 else 'they are'}"
            " counted.")
