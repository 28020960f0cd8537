"""How many tracked changes a Word document holds: a redline with none says so.

``docgen compare`` of two identical files makes a redline without a single change; the
command tells the person rather than leave them to open it and look.
"""

from __future__ import annotations

from docgen.ooxml.hdrfields import w
from docgen.ooxml.readback import parse_parts

#: a change Word lists in its Reviewing pane: text inserted, deleted or moved, or a
#: paragraph, run, table or section whose formatting changed
CHANGE_TAGS = tuple(w(t) for t in (
    "ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
    "tblPrChange", "tblPrExChange", "trPrChange", "tcPrChange", "tblGridChange",
    "numberingChange", "cellIns", "cellDel", "cellMerge"))


def tracked_changes(name: str, data: bytes) -> int:
    """The tracked changes in the document ``data`` (its body, headers and footers)."""
    root, extra = parse_parts(name, data)
    return sum(1 for part in (root, *extra) for _ in part.iter(*CHANGE_TAGS))


__all__ = ["CHANGE_TAGS", "tracked_changes"]
