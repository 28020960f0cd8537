"""The figures the register counts: those of the documents that stand. The Partners
sheet's totals and the Parties sheet count each post whose documents stand, and the
notes under their tables say so.

A post whose build failed has a row in the register (so every post asked for is there).
Publishing is all or nothing, so a post built before that now fails keeps the documents
of its last successful build; its row gives their figures and carries ``standing``
(:func:`docgen.publish.register_rows.standing_row`), and it is counted with them, the
note naming it. A post that failed with no earlier documents has only the figures asked
for this time, which no document has (a rule's error, a PDF that could not be made), or
none at all (answers that could not be read). Counting them would make a partner's total
annual cost one that no agreement states; they are left out of both sheets, and the
notes name them.
"""

from __future__ import annotations

from typing import Any

from docgen.publish.programme import partner_totals

#: how many posts a note names before "and N more"
NAMED_FAILURES = 10


def failed(row: dict[str, Any]) -> bool:
    """Whether a register row's post failed its last build."""
    return row.get("build") == "failed"


def stands(row: dict[str, Any]) -> bool:
    """Whether a row's figures are those of documents that stand: built, or failed while
    the documents of its last successful build stand (the row gives theirs)."""
    return not failed(row) or bool(row.get("standing"))


def partner_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each partner's posts, total time and total annual cost across the programme: the
    posts whose documents stand (each with its last successful build's figures), never
    the figures of answers that failed."""
    return [{"party": t.name, "party_id": t.party_id, "posts": t.posts, "time": t.time,
             "annual": t.annual, "references": ", ".join(t.references)}
            for t in partner_totals([r for r in rows if stands(r)])]


def _name(post: dict[str, Any]) -> str:
    return str(post.get("reference") or post.get("title") or "?")


def _listed(names: list[str], sep: str = ", ") -> str:
    """The first ``NAMED_FAILURES`` of ``names``, then "and N more"."""
    more = len(names) - NAMED_FAILURES
    return sep.join(names[:NAMED_FAILURES]) + (f" and {more} more" if more > 0 else "")


def _named(posts: list[dict[str, Any]]) -> str:
    return _listed([_name(p) for p in posts])


def _posts(n: int) -> str:
    return f"{n} post{'s' if n != 1 else ''}"


def _left_out(posts: list[dict[str, Any]], verb: str) -> str:
    """The sentences naming the failed posts with no documents that stand under their
    reference, or "": those with none at all, and those whose answer file's documents
    stand under an earlier reference (counted there)."""
    out = [p for p in posts if not stands(p) and not p.get("stands_under")]
    moved = [p for p in posts if not stands(p) and p.get("stands_under")]
    text = ""
    if out:
        one = len(out) == 1
        text += (f" {verb}: {_posts(len(out))} whose build failed and which "
                 f"{'has' if one else 'have'} no documents from an earlier build "
                 f"({_named(out)}); the Register sheet's Why it failed says why. Build "
                 f"{'it' if one else 'them'} again once fixed and {'it is' if one else 'they are'}"
                 f" {verb.split()[-1].lower()}.")
    if moved:
        one = len(moved) == 1
        under = _listed([f"{_name(p)} under {p['stands_under']}" for p in moved], "; ")
        text += (f" {verb} under {'its' if one else 'their'} new reference: "
                 f"{_posts(len(moved))} whose answer file now gives another reference and "
                 f"failed ({under}); the documents "
                 f"of {'its' if one else 'their'} last successful build stand under the "
                 f"earlier reference, {verb.split()[-1].lower()} there.")
    return text


def partners_note(posts: list[dict[str, Any]]) -> str:
    """What the Partners sheet's totals count, in words, naming the failed posts counted
    with their standing documents and those left out."""
    counted = [p for p in posts if stands(p)]
    kept = [p for p in counted if failed(p)]
    if not kept:
        text = (f"Totals of the {_posts(len(counted))} whose last build succeeded (those "
                "whose Last build is built on the Register sheet).")
    else:
        one = len(kept) == 1
        text = (f"Totals of the {_posts(len(counted))} whose documents stand: "
                f"{len(counted) - len(kept)} whose last build succeeded, and {len(kept)} whose "
                f"latest answers failed ({_named(kept)}), counted with the figures of "
                f"{'its' if one else 'their'} last successful build, whose documents still "
                f"stand, never those of the answers that failed (the Register sheet's Why it "
                "failed says why).")
    return text + _left_out(posts, "Not counted")


def parties_note(posts: list[dict[str, Any]]) -> str:
    """What the Parties sheet lists, when a post failed: "" when every post built."""
    kept = [p for p in posts if failed(p) and stands(p)]
    text = ""
    if kept:
        one = len(kept) == 1
        text = (f"The latest answers of {_posts(len(kept))} failed ({_named(kept)}): "
                f"{'its' if one else 'their'} rows give the figures of "
                f"{'its' if one else 'their'} last successful build, whose documents still "
                "stand.")
    return (text + _left_out(posts, "Not listed")).strip()
