"""Start a new post from what is known: the partners (from the workspace's organisation
profiles, and one organisation not listed there, such as an NHS trust with no profile),
the employer, whether the post-holder is known, and a reference. Everything else a
council normally says is filled from the standing answers and the employer's profile,
and shown on "Check your answers" to change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

import docgen
from docgen.answers.party_ids import party_id
from docgen.web.drafts import Draft, reference_taken
from docgen.web.fields import model_choices
from docgen.web.forms import merge
from docgen.web.messages import error
from docgen.web.orgs import organisations
from docgen.web.pages import draft_of, keep, page, posted
from docgen.web.standing import SETTLED, standing, without
from docgen.web.wording import WORDS, choice

#: the form's value for "an organisation not listed here" (never a profile id: ids are
#: lower-case letters, digits and underscores)
OTHER = "-other-"
#: the kinds of body the model allows, in the browser's words
KINDS = tuple((value, choice(value, ("parties", "kind")))
              for value in model_choices(("parties", "kind")))


def _context(request: Request, draft: Draft, errors: dict[str, str] | None = None,
             form: Any = None) -> dict[str, Any]:
    orgs = organisations(request.app.state.folder)
    chosen = form.getlist("partners") if form is not None else []
    errors = errors or {}
    return {"draft": draft, "orgs": orgs, "chosen": chosen,
            "employer": form.get("employer", "") if form is not None else "",
            "known": form.get("postholder_known", "") if form is not None else "",
            "reference": form.get("reference", "") if form is not None else "",
            "other_name": form.get("other_name", "") if form is not None else "",
            "other_kind": form.get("other_kind", "") if form is not None else "",
            "OTHER": OTHER, "kinds": KINDS, "errors": errors,
            "summary": [(message, field) for field, message in errors.items()],
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
    return error(found[0].message, found[0].path, "text", code=found[0].code) if found \
        else None


def _problems(form: Any, orgs: dict[str, dict[str, Any]], folder: Path) -> dict[str, str]:
    errors = {}
    reference = (form.get("reference") or "").strip()
    wrong = reference_problem(reference)
    taken = reference_taken(folder, reference) if not wrong else None
    if taken:
        wrong = (f"{reference} is already the reference of the post in {taken}; give this "
                 "post its own, for example with the next number")
    if wrong:
        errors["reference"] = wrong
    chosen = [pid for pid in form.getlist("partners") if pid in orgs]
    other = OTHER in form.getlist("partners")
    if orgs and len(chosen) + other < 2:
        errors["partners"] = "Select at least two partners"
    if orgs and other and not (form.get("other_name") or "").strip():
        errors["other_name"] = "Enter the legal name of the organisation not listed"
    if orgs and other and form.get("other_kind") not in dict(KINDS):
        errors["other_kind"] = "Select what kind of body the organisation not listed is"
    if orgs and form.get("employer") not in [*chosen, *([OTHER] if other else [])]:
        errors["employer"] = "Select which of the partners employs the post-holder"
    if form.get("postholder_known") not in ("yes", "no"):
        errors["postholder_known"] = "Select whether you know who will hold the post"
    return errors


def other_party(form: Any, taken: list[str]) -> dict[str, Any]:
    """The organisation not listed, as far as the start page knows it: its legal name and
    kind, with a short code made from the name as ``docgen new`` makes it (unlike any
    profile's); the rest is asked on its partner page."""
    name = " ".join((form.get("other_name") or "").split())
    return {"id": party_id(name, taken), "name": name, "kind": form.get("other_kind")}


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
    errors = _problems(form, orgs, request.app.state.folder)
    if errors:
        return page(request, "begin.html", _context(request, draft, errors, form), status=422)
    with draft.lock:
        draft.doc["reference"] = form["reference"].strip()
        other: dict[str, Any] | None = None
        if orgs:  # the partners by id: docgen takes their details from the profiles
            chosen = [pid for pid in form.getlist("partners") if pid in orgs]
            parties = [orgs[pid]["party"] for pid in chosen]
            listed: list[Any] = list(chosen)
            if OTHER in form.getlist("partners"):  # given on its own partner page next
                other = other_party(form, list(orgs))
                parties.append(other)
                listed.append(other)
            employer = other["id"] if form["employer"] == OTHER and other \
                else form["employer"]
            policy = orgs[employer]["policy"] if employer in orgs else {}
            answers = {"parties": listed, "employer": employer,
                       **without(standing(parties, employer), policy)}
            for key, value in answers.items():
                if key not in draft.doc:
                    draft.doc[key] = merge(None, value)
            draft.profiles = orgs
            draft.visited.update(SETTLED)
            if other is not None:  # its page is still to be answered: no errors on arrival
                draft.visited.discard("partners")
        if form["postholder_known"] == "no":
            draft.doc.pop("postholder", None)
            draft.visited.add("postholder")
        elif "postholder" not in draft.doc:
            draft.doc["postholder"] = CommentedMap()
        keep(request, draft)
    if other is not None:  # its address, signatory and notices: on its own page
        return RedirectResponse(f"/edit/{draft.id}/partners/{len(listed) - 1}", 303)
    return RedirectResponse(f"/edit/{draft.id}/{'tasks' if orgs else 'about'}", 303)
