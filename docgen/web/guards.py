"""What a section's page refuses to save: "Final" while the post cannot be final yet, and
a page sent from a copy shown before another tab or window changed its answers."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from docgen.errors import Problem
from docgen.web.checking import final_gaps, refusal
from docgen.web.drafts import Draft
from docgen.web.fields import STEP_BY_SLUG
from docgen.web.pages import fingerprint, run_live

#: the form field carrying :func:`~docgen.web.pages.fingerprint` of the answers shown
SEEN = "seen"

CHANGED_ELSEWHERE = {
    "heading": "This page was changed in another tab or window since you opened it",
    "text": "So that neither change undoes the other, nothing you sent from this page was "
            "saved. The answers below are the ones saved now, with the other change: make "
            "your changes again, then press Continue.",
    "links": []}


def stale(draft: Draft, form: Any, owns: tuple[str, ...]) -> bool:
    """Whether the page was sent from a copy shown before its answers last changed (two
    tabs of one section: the second sent its old copy of the first's change, undoing it)."""
    seen = form.get(SEEN)
    return isinstance(seen, str) and bool(seen) and seen != fingerprint(draft, owns)


def refuse_final(request: Request, draft: Draft, was: Any) -> Problem | None:
    """Why "Final", just chosen, cannot be kept (open warnings, answers still to give), with
    the status put back as it was (a draft): kept, it made every document refused until
    the officer found "Draft" again. None when final is allowed, or was already chosen.
    Decided from docgen's reason when it gives one, else from the answers still to give
    and the warnings not accepted, or any error shown: docgen does not say why while the
    file holds an answer it does not use (nor count its warnings), and "Final" was kept."""
    if draft.doc.get("status") != "final" or was == "final":
        return None
    result = run_live(request, draft, STEP_BY_SLUG["about"].owns)
    found = next((p for p in result.errors
                  if p.path == ("status",) and p.code.startswith("final_open")), None)
    gaps = final_gaps(draft.view())
    open_warnings = sum(not w.acknowledged for w in result.warnings)
    if found is None and not gaps and not open_warnings and not result.errors:
        return None
    draft.doc["status"] = was if isinstance(was, str) and was else "draft"
    if found is not None:
        counted = found.message if found.code == "final_open" else ""  # not stand-ins'
    else:
        counted = f"{open_warnings} unacknowledged warning" if open_warnings else ""
    return Problem(refusal(counted, gaps), ("status",), code="final_refused")
