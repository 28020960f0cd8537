"""The start page and the interview's steps: each step posts, the answers are merged into
the draft and checked again; ``/live`` does the same for the script, field by field.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from docgen.web.accepting import ACCEPT, accept_on_page, accept_with_page, reasons_typed
from docgen.web.carried import answer_among, removed_with
from docgen.web.checking import for_step
from docgen.web.drafts import Draft, Missing
from docgen.web.fields import STEP_BY_SLUG
from docgen.web.final_now import FINAL_NOW, contract_again, final_now
from docgen.web.forms import get, row_name, without_row
from docgen.web.guards import both_given, refuse_final, stale
from docgen.web.not_both import at_saved_rows
from docgen.web.orgs import policy_under
from docgen.web.pages import (
    back_address,
    draft_of,
    keep,
    page,
    posted,
    run_live,
    source,
    store,
    templates,
    update,
)
from docgen.web.security import CSRF_COOKIE
from docgen.web.step_page import (
    LINKS,
    changed_elsewhere,
    page_address,
    refused_page,
    returning,
    shown_again,
    step_context,
    unknown_here,
)
from docgen.web.tasks import (
    checked,
    new_employer,
    next_section,
    remember_back,
)
from docgen.web.unknown import drop
from docgen.web.views import focus, party_names, step_views


def _new_box(step: Any, draft: Draft, name: str) -> str:
    """The id of the box "Add another" added to the list ``name`` (its last row's first):
    the page comes back at it, and live.js moves the focus into it."""
    found = _named(step_views(step, draft.view(), [], draft.blank)[0], name)
    last = (found.get("rows") or [None])[-1] if found else None
    if isinstance(last, list) and last:
        return focus(last[0])
    return str(last["id"]) if isinstance(last, dict) else f"f-{name.replace('.', '-')}-group"


def _named(views: list[dict[str, Any]], name: str) -> dict[str, Any] | None:
    """The question ``name`` among ``views`` (inside a per-partner question or a row too)."""
    inner = [e["view"] for v in views for e in v.get("entries", [])] + [
        sub for v in views for row in v.get("rows", []) if isinstance(row, list) for sub in row]
    return next((v for v in views if v.get("name") == name), None) or (
        _named(inner, name) if inner else None)


def _draft_and_step(request: Request) -> tuple[Draft, str]:
    """The open draft and the step the URL names (404 for a step that does not exist)."""
    slug = request.path_params["step"]
    if slug not in STEP_BY_SLUG:
        raise HTTPException(404, f"There is no step called '{slug}'.")
    return draft_of(request), slug


async def open_file(request: Request) -> Response:
    if request.headers.get("sec-fetch-site") in ("cross-site", "same-site"):
        raise HTTPException(403, "Refused: another web site asked to open this file. Open "
                                 "it from the docgen start page instead.")
    try:
        draft = store(request).open(request.path_params["name"])
    except Missing as exc:
        raise HTTPException(404, str(exc)) from None
    return RedirectResponse(f"/edit/{draft.id}/check", 303)


def _drop(request: Request, draft: Draft, slug: str, action: str) -> Response:
    """"Remove this answer" on a section's page (see :mod:`docgen.web.unknown`)."""
    return drop(request, draft, action, lambda: unknown_here(
        run_live(request, draft, STEP_BY_SLUG[slug].owns), slug),
        page_address(request, draft, slug), STEP_BY_SLUG[slug].title)


def leaving_to(draft: Draft, to: Any) -> str:
    """Where a page left with its answers saved goes: another page of this draft (a link
    the script sent with the form), or the task list."""
    where = f"/edit/{draft.id}/"
    if isinstance(to, str) and re.fullmatch(rf"{re.escape(where)}[a-z0-9/-]+"
                                            r"(?:\?then=(?:check|section))?(?:#[\w-]+)?", to):
        return to
    return where + "tasks"


def _discarding(draft: Draft, form: Any, slug: str, action: str) -> bool:
    """Whether "Not yet: we are recruiting" would throw away a post-holder's details typed
    on the page (asked first: they were lost, and choosing "Yes" again found them gone).
    Details docgen filled in from the employer's organisation profile (its pension scheme)
    are not the officer's: they go without asking, as nothing is lost (with a post-holder
    again, the profile gives them again; asked, "Remove the post-holder's details?" puzzled
    an officer who had typed nothing)."""
    saves = action in ("continue", "later", "back", "tasks", "goto") or \
        action.startswith("drop-ask:")  # "Remove this answer" saves the page first too
    if slug != "postholder" or form.get("postholder_known") != "no" or \
            form.get("discard") == "yes" or not saves:
        return False
    gives = policy_under({**source(draft), "postholder": {}}, draft.profiles).get(
        "postholder") if draft.profiles else None  # what the profile fills in
    filled = {f"postholder.{k}": str(v) for k, v in (gives or {}).items()}
    return any(isinstance(v, str) and v.strip() and v.strip() != filled.get(k)
               for k, v in form.multi_items()
               if k.startswith("postholder.") and not k.endswith(".__n"))


def _ask_to_discard(request: Request, draft: Draft, form: Any, then: str | None) -> Response:
    """Keep the details typed (as if "Yes" were chosen) and ask whether to remove them."""
    kept = FormData([*((k, v) for k, v in form.multi_items() if k != "postholder_known"),
                     ("postholder_known", "yes")])
    with draft.lock:
        update(draft, STEP_BY_SLUG["postholder"], kept)
        keep(request, draft)
    name = get(draft.view(), ("postholder", "name"))
    back = page_address(request, draft, "postholder", then)  # its form posts there too
    return page(request, "postholder_remove.html", {
        "draft": draft, "step": STEP_BY_SLUG["postholder"], "back": back, "then": then,
        "action": form.get("action", "continue"), "to": form.get("to") or "",
        "name": name if isinstance(name, str) and name.lower() != "tbc" else ""})


def _update(draft: Draft, step: Any, form: Any) -> bool:
    """:func:`~docgen.web.pages.update`; True when sections are to be checked again."""
    view, said = draft.view(), draft.notice
    update(draft, step, form)
    return new_employer(draft, said, view.get("employer"), party_names(view))


async def step_get(request: Request) -> Response:
    draft, slug = _draft_and_step(request)
    result = run_live(request, draft, STEP_BY_SLUG[slug].owns)
    response = page(request, "step.html", step_context(
        request, draft, slug, result, show_errors=draft.shows_problems(slug)))
    response.headers["Cache-Control"] = "no-store"  # the browser's Back asks again: a copy
    return response  # kept from before Continue would be refused as changed elsewhere


async def step_post(request: Request) -> Response:
    draft, slug = _draft_and_step(request)
    form = await posted(request)
    step = STEP_BY_SLUG[slug]
    action = form.get("action", "continue")
    then = returning(form.get("then"))
    here = page_address(request, draft, slug, then)
    if not action.startswith("drop:") and stale(draft, form, step.owns):
        return changed_elsewhere(request, draft, slug, then)  # no await since: no race
    if action.startswith(("drop-ask:", "drop:")):  # an answer docgen does not use
        if action.startswith("drop-ask:"):  # sent with the page's form: typing is kept,
            if _discarding(draft, form, slug, action):  # saved as Continue saves it
                return _ask_to_discard(request, draft, form, then)
            with draft.lock:
                was, among = draft.doc.get("status"), answer_among(draft.doc.get(slug), action)
                _update(draft, step, form)
                refused = refuse_final(request, draft, was) if slug == "about" else None
                if slug == "postholder":  # a post-holder named: the contract made again
                    contract_again(request, draft)
                    removed_with(draft, among, action)  # gone with "Not yet": said next
                keep(request, draft)
            if refused is not None:  # the officer learns "Final" was not kept
                return refused_page(request, draft, refused, then)
            # asked here: the confirmation would lose the question
            both = at_saved_rows(both_given(form), form, step)
            if both:
                return shown_again(request, draft, slug, both, action, then)
        return _drop(request, draft, slug, action)
    if _discarding(draft, form, slug, action):  # "Not yet" with a post-holder's details typed
        return _ask_to_discard(request, draft, form, then)
    if action.startswith("remove:"):
        form = without_row(form, action)  # the row removed asks nothing
    both = at_saved_rows(both_given(form), form, step)  # words typed and "Not known yet"
    # ticked: the words are kept, and the page asks which, whichever button (the question
    # is lost once it is left), beside the words as the page shows them again
    with draft.lock:
        was = draft.doc.get("status")
        flagged = _update(draft, step, form)
        refused = refuse_final(request, draft, was) if slug == "about" else None
        if slug == "about" and action == FINAL_NOW:
            refused = final_now(request, draft)
            action = "continue"
        if slug == "postholder":
            contract_again(request, draft)
        draft.changed.clear()  # Continue shows every message of the step
        draft.blank.clear()  # blank rows were dropped with the answers
        if not action.startswith(("add-", "remove:", ACCEPT)) and action not in LINKS:
            draft.visited.add(slug)  # left by a link or "Save and return": not done
            if action == "continue":  # opened and continued: no longer to check again
                checked(draft.visited, slug)
        # "Accept this warning" (nothing to ask first): the acceptance in the one save
        asked = accept_with_page(draft, form, action) if action.startswith(ACCEPT) and \
            not both and refused is None else None
        keep(request, draft)  # once: writing the YAML out is most of a Continue's time
        if action.startswith("add-"):
            name = row_name(action)
            raw = form.get(name + ".__n") or ""
            posted_rows = int(raw) if raw.isascii() and raw.isdigit() else 0  # not "²"
            node = get(draft.view(), tuple(name.split(".")))
            filled = len(node) if isinstance(node, list) else 0
            draft.blank[name] = min(20, 1 + max(0, posted_rows - filled))  # keep blank rows
            if not both:  # else added, and the page asks which below
                return RedirectResponse(f"{here}#{_new_box(step, draft, name)}", 303)
        if action.startswith("remove:") and not both:
            anchor = f"#f-{action.split(':')[1].replace('.', '-')}-group"
            return RedirectResponse(here + anchor, 303)
    if refused is not None:  # whichever button: the officer learns "Final" was not kept
        return refused_page(request, draft, refused, then)
    if asked is not None:  # "Accept this warning": saved with the acceptance, then shown
        return accept_on_page(request, draft, slug, form, asked, then)
    if action == "later" and not both:  # "Save and come back later": kept on disk, listed
        return RedirectResponse(f"/?kept={draft.id}", 303)  # on the start page
    if action in LINKS and not both:  # "Save and return to the task list", Back, or a link
        to = back_address(request, draft, slug, then) if action == "back" else leaving_to(
            draft, form.get("to"))  # left by (live.js)
        if to.endswith("/tasks") and for_step(run_live(request, draft, step.owns).errors,
                                                step.owns):
            to += f"?to_correct={slug}"  # saved as typed: the task list says what to correct
        return RedirectResponse(to, 303)
    result = run_live(request, draft, step.owns)
    if both or for_step(result.errors, step.owns):
        return shown_again(request, draft, slug, both, action, then, result)
    if flagged:  # the sections to check again, and why: on the task list
        return RedirectResponse(f"/edit/{draft.id}/tasks", 303)
    following = next_section(slug, draft.view(), result, draft.visited)
    if then:  # "Change" from check your answers (the post's or this section's): back there
        following = "check" if then == "check" else f"check/{slug}"
    elif following in STEP_BY_SLUG:
        remember_back(draft.came_from, slug, following)
    return RedirectResponse(f"/edit/{draft.id}/{following}", 303)


async def step_live(request: Request) -> Response:
    """The live check (JavaScript): the step's fields checked as if sent, its messages and
    the money returned; nothing is kept but which fields were changed."""
    draft, slug = _draft_and_step(request)
    form = await posted(request)
    if slug == "partners":  # partners are edited one at a time (partners.py), not here
        raise HTTPException(404, "The partners are changed one at a time.")
    step = STEP_BY_SLUG[slug]
    with draft.lock:  # checked on a copy: the draft keeps only what a button sent (a value
        # typed and left, "37 hrs", was kept and shown as an error in another browser)
        draft.changed.update(n for n in form.getlist("changed")[:500] if len(n) < 200)
        kept, notice, reopened = draft.doc, draft.notice, dict(draft.reopened)
        draft.doc = copy.deepcopy(kept)
        try:
            update(draft, step, form)
            result = run_live(request, draft, step.owns)
            result.errors[:0] = both_given(form)  # as Continue would say: which was meant
            context = step_context(request, draft, slug, result, show_errors=True)
            context["csrf"] = request.cookies.get(CSRF_COOKIE, "")
            context["reasons"] = reasons_typed(form)  # kept as typed when the panel changes
            panel = templates.get_template("live.html").render(context)  # partners' names
        finally:
            draft.doc, draft.notice = kept, notice
            draft.reopened.clear()  # not forgotten for answers typed but not sent
            draft.reopened.update(reopened)
    fields: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    for view in context["views"]:
        _collect(view, fields, names)
    touched = {re.sub(r"-(day|month|year|tbc)$", "", n) for n in draft.changed}
    shown = {fid: (errors if _touched(names.get(fid, ""), touched) else None)
             for fid, errors in fields.items()}  # None: leave what the page shows
    return JSONResponse({"fields": shown, "panel": panel,
                         "summary": [{"message": m, "href": f"#{a}"}
                                     for m, a in context["summary"]
                                     if _shown_at(shown, a)]})


def _shown_at(shown: dict[str, Any], anchor: str) -> bool:
    """Whether the message linked to ``anchor`` is shown: its question's (the anchor is the
    question's first box, such as a date's day or a per-partner question's first partner)."""
    return any(errors for fid, errors in shown.items()
               if anchor == fid or anchor.startswith(fid + "-"))


def _touched(name: str, changed: set[str]) -> bool:
    """Whether the person changed this field (or a row or box inside it)."""
    return bool(name) and any(c == name or c.startswith((name + ".", name + "-"))
                              for c in changed)


def _collect(view: dict[str, Any], out: dict[str, list[str]], names: dict[str, str]) -> None:
    out[view["id"]] = view["errors"]
    names[view["id"]] = view["name"]
    for row in view.get("rows", []):
        for sub in row if isinstance(row, list) else [row]:
            if "kind" in sub:
                _collect(sub, out, names)
            else:
                out[sub["id"]] = sub["errors"]
                names[sub["id"]] = sub["name"]
    for entry in view.get("entries", []):
        _collect(entry["view"], out, names)
