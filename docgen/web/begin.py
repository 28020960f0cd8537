"""Start a new post from what is known: the partners (from the workspace's organisation
profiles), the employer, whether the post-holder is known, and a reference. Everything
else a council normally says is filled from the standing answers and the employer's
profile, and shown on "Check your answers" to change.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

import docgen
from docgen.web.drafts import Draft
from docgen.web.forms import merge
from docgen.web.messages import error
from docgen.web.orgs import organisations
from docgen.web.pages import draft_of, keep, page, posted
from docgen.web.standing import SETTLED, standing, without
from docgen.web.wording import WORDS


def _context(request: Request, draft: Draft, errors: dict[str, str] | None = None,
             form: Any = None) -> dict[str, Any]:
    orgs = organisations(request.app.state.folder)
    chosen = form.getlist("partners") if form is not None else []
    errors = errors or {}
    return {"draft": draft, "orgs": orgs, "chosen": chosen,
            "employer": form.get("employer", "") if form is not None else "",
            "known": form.get("postholder_known", "") if form is not None else "",
            "reference": form.get("reference", "") if form is not None else "",
            "errors": errors, "summary": [(message, field) for field, message in errors.items()],
            "reference_hint": WORDS["reference"].hint}


async def begin_get(request: Request) -> Response:
    return page(request, "begin.html", _context(request, draft_of(request)))


def reference_problem(reference: str) -> str | None:
    """What is wrong with a post's reference, by docgen's own rule (the one ``check`` and
    Save apply, not a copy), in the words its question uses; None when it is fine."""
    if not reference:
        return WORDS["reference"].missing
    found = [p for p in docgen.check({"reference": reference}).errors
             if p.path == ("reference",)]
    return error(found[0].message, found[0].path, "text") if found else None


def _problems(form: Any, orgs: dict[str, dict[str, Any]]) -> dict[str, str]:
    errors = {}
    wrong = reference_problem((form.get("reference") or "").strip())
    if wrong:
        errors["reference"] = wrong
    chosen = [pid for pid in form.getlist("partners") if pid in orgs]
    if orgs and len(chosen) < 2:
        errors["partners"] = "Select at least two partners"
    if orgs and form.get("employer") not in chosen:
        errors["employer"] = "Select which of the partners employs the post-holder"
    if form.get("postholder_known") not in ("yes", "no"):
        errors["postholder_known"] = "Select whether you know who will hold the post"
    return errors


async def begin_post(request: Request) -> Response:
    draft = draft_of(request)
    form = await posted(request)
    if form.get("action") == "later":  # keep what there is (a reference, at least)
        if (form.get("reference") or "").strip():
            with draft.lock:
                draft.doc["reference"] = form["reference"].strip()
                keep(request, draft)
        return RedirectResponse(f"/?kept={draft.id}" if (form.get("reference") or "").strip()
                                else "/", 303)
    orgs = {o["id"]: o for o in organisations(request.app.state.folder)}
    errors = _problems(form, orgs)
    if errors:
        return page(request, "begin.html", _context(request, draft, errors, form), status=422)
    with draft.lock:
        draft.doc["reference"] = form["reference"].strip()
        if orgs:  # the partners by id: docgen takes their details from the profiles
            chosen = [pid for pid in form.getlist("partners") if pid in orgs]
            parties = [orgs[pid]["party"] for pid in chosen]
            employer = form["employer"]
            answers = {"parties": chosen, "employer": employer,
                       **without(standing(parties, employer), orgs[employer]["policy"])}
            for key, value in answers.items():
                if key not in draft.doc:
                    draft.doc[key] = merge(None, value)
            draft.profiles = orgs
            draft.visited.update(SETTLED)
        if form["postholder_known"] == "no":
            draft.doc.pop("postholder", None)
            draft.visited.add("postholder")
        elif "postholder" not in draft.doc:
            draft.doc["postholder"] = CommentedMap()
        keep(request, draft)
    return RedirectResponse(f"/edit/{draft.id}/{'tasks' if orgs else 'about'}", 303)
