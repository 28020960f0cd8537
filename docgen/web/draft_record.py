"""A draft as the interview keeps it on disk (``<folder>/.docgen-drafts/<id>.json``, written
by :class:`docgen.web.store.DraftStore`): what a restart must find again beside the answers
(the file's own lines, the sections visited and marked to check again, the Back links, the
start page's choices, the warnings reopened), and, read back, only what a draft may hold:
a record is the person's to edit, so nothing in it is trusted as more than short text.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.web.carried import marked_again
from docgen.web.drafts import Draft
from docgen.web.fields import STEP_BY_SLUG

MAX_BEGUN = 50  # fields, and values of one field, kept from the start page


def record_of(draft: Draft, text: str, max_written: int) -> dict[str, Any]:
    """The record of ``draft`` whose answers are ``text`` (its file's own lines kept too,
    unless they are the text's or longer than ``max_written``)."""
    return {"v": 1, "id": draft.id, "name": draft.name, "base_hash": draft.base_hash,
            "text": text, "visited": sorted(draft.visited),
            "written": draft.written if draft.written != text and len(
                draft.written or "") <= max_written else None,
            "came_from": draft.came_from, "begun": draft.begun,
            "reopened": draft.reopened,
            "updated": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}


def restore(draft: Draft, record: dict[str, Any]) -> None:
    """What ``record`` keeps beside the answers, put back into ``draft`` (made from its
    text and name), as far as each is what a draft holds."""
    written = record.get("written") or record["text"]  # none kept: the text's own
    draft.written = written if isinstance(written, str) and draft.name is not None else None
    draft.visited.update(marked_again(v) for v in record.get("visited", [])  # an older
                         if isinstance(v, str))  # docgen's reasons, given their marks
    came_from = record.get("came_from")
    if isinstance(came_from, dict):  # Back links: only sections' own names, never a path
        draft.came_from.update({k: v for k, v in came_from.items()
                                if k in STEP_BY_SLUG and v in STEP_BY_SLUG})
    draft.begun.update(_begun(record.get("begun")))
    reopened = record.get("reopened")
    if isinstance(reopened, dict):  # rule ids and the reasons given, as kept
        draft.reopened.update({k: v for k, v in reopened.items() if isinstance(k, str)
                               and isinstance(v, str) and len(k) <= 20})


def _begun(kept: Any) -> dict[str, list[str]]:
    """The start page's choices kept with a draft (:attr:`Draft.begun`), as far as they
    are a form's fields and values (short texts); nothing else from the file."""
    if not isinstance(kept, dict) or len(kept) > MAX_BEGUN:
        return {}
    return {k: [v for v in values if isinstance(v, str) and len(v) <= 1000][:MAX_BEGUN]
            for k, values in kept.items()
            if isinstance(k, str) and len(k) <= 40 and isinstance(values, list)}


__all__ = ["MAX_BEGUN", "record_of", "restore"]
