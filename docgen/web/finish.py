"""Check your answers, accepting warnings, saving, previews and the zip of documents.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

import docgen
from docgen.api.interview import is_answer_name, save_name_problem
from docgen.errors import DocgenError
from docgen.web.accepting import record
from docgen.web.drafts import Conflict, Draft
from docgen.web.fields import STEP_BY_SLUG, STEPS
from docgen.web.nouns import phrase
from docgen.web.output import (
    TITLES,
    content_disposition,
    pdfs,
    to_html,
    zip_documents,
)
from docgen.web.pages import (
    can_accept,
    draft_of,
    keep,
    page,
    posted,
    render,
    run_live,
    source,
    stale_acceptances,
    store,
)
from docgen.web.previews import content_key
from docgen.web.same_post import (
    breaks_folder,
    kept_aside,
    reference_of,
    refusal,
    to_replace,
)
from docgen.web.summary import money_view, summary_rows
from docgen.web.tasks import suggested_rows

#: the check page's query naming the file just saved ("Saved as ...")
SAVED = "saved"


def _check_context(request: Request, draft: Draft, **extra: Any) -> dict[str, Any]:
    result = run_live(request, draft)
    view = draft.view()
    marked = suggested_rows(view, draft.profiles, draft.visited, list(STEPS))
    taken = to_replace(request, draft)  # another post has this reference: replace it, or change
    return {"draft": draft, "result": result, "money": money_view(result.facts),
            "sections": [(s, summary_rows(s, view), marked[s.slug]) for s in STEPS],
            "name": shown_name(taken or draft.name
                               or f"{draft.doc.get('reference') or 'new-post'}"),
            "taken": taken, "reference": reference_of(draft),
            "acknowledged": {a.get("rule"): a.get("reason")
                             for a in draft.doc.get("acknowledge") or []
                             if isinstance(a, dict)},
            "stale": stale_acceptances(draft.doc, [*result.errors, *result.warnings]),
            "to_answer": [(f"{STEP_BY_SLUG[slug].title}: "
                           f"{phrase('check_page.section_to_answer')}",
                           f"/edit/{draft.id}/{slug}") for slug in result.unanswered],
            **extra}


def _prefetch(request: Request, draft: Draft) -> None:
    """Make the previews in the background while the person reads "check your answers", so
    "Preview" opens at once (pandoc takes most of a second); failures show on the preview.
    One job for each draft, for its answers as they are now (docgen/web/previews.py): a
    change since cancels the job for the earlier answers, or stops it between documents."""
    with draft.lock:
        plain = source(draft)
    key = content_key(plain)
    folder = request.app.state.folder

    def work(wanted: Callable[[], bool]) -> None:
        with contextlib.suppress(Exception):
            if not wanted():
                return
            for data in docgen.render(plain, workspace=folder).documents.values():
                if not wanted():  # the answers changed, or the draft is gone
                    return
                to_html(data)

    request.app.state.previews.ask(request.app.state.background, draft.id, key, work)


def _saved(request: Request, draft: Draft) -> str | None:
    """The file "Saved as" names, after Save (``?saved=``): only while the draft is that
    file with no change since (a link kept from earlier, or edited, claims nothing)."""
    name = request.query_params.get(SAVED)
    return name if name and name == draft.name and not draft.unsaved else None


async def check_page(request: Request) -> Response:
    draft = draft_of(request)
    saved = _saved(request, draft)
    context = _check_context(request, draft, saved=saved,
                             kept=kept_aside(request, draft) if saved else None)
    if context["result"].complete:
        _prefetch(request, draft)
    return page(request, "check.html", context)


async def acknowledge(request: Request) -> Response:
    draft = draft_of(request)
    form = await posted(request)
    rule, reason = form.get("rule", "").strip(), form.get("reason", "").strip()
    back = form.get("back", "check")
    target = back if back in STEP_BY_SLUG else "check"
    if form.get("action") == "remove":  # an acceptance to put right (stale_acceptances)
        result = run_live(request, draft)
        with draft.lock:
            acks = draft.doc.get("acknowledge")
            gone = [i for i, r, _, _ in stale_acceptances(
                draft.doc, [*result.errors, *result.warnings])
                if str(i) == form.get("index") and r == rule]
            if gone and isinstance(acks, list):
                del acks[gone[0]]
                if not acks:
                    del draft.doc["acknowledge"]
                keep(request, draft)
        return RedirectResponse(f"/edit/{draft.id}/check", 303)
    if not can_accept(rule):  # not a good-practice rule: nothing to accept (see can_accept)
        return RedirectResponse(f"/edit/{draft.id}/{target}#warnings", 303)
    if not reason:
        context = _check_context(request, draft, ack_error=(rule, "Give a reason for "
                                 "accepting this warning, for example what your adviser said"))
        return page(request, "check.html", context, status=422)
    with draft.lock:
        record(draft, rule, reason, str(form.get("index") or ""))
        keep(request, draft)
    return RedirectResponse(f"/edit/{draft.id}/{target}#warnings", 303)


def shown_name(name: str) -> str:
    """A file name as the Save box shows it: without the ending added on saving."""
    return name.removesuffix(".yaml")


def file_name(typed: str) -> str:
    """The file to save as: the name typed, with '.yaml' added when it was left off (a
    person need not know the ending; one typed, '.yaml' or '.yml', is kept)."""
    name = typed.strip()
    return name if is_answer_name(name) or not name else f"{name}.yaml"


async def save(request: Request) -> Response:
    draft = draft_of(request)
    form = await posted(request)
    typed = (form.get("name") or shown_name(draft.name or "")).strip()
    name = file_name(typed)
    if name != draft.name and name == to_replace(request, draft):  # that post, replaced: asked
        return RedirectResponse(f"/edit/{draft.id}/replace", 303)  # first, by its name
    # the file it was opened from keeps its name (``My Post.yaml`` is a post docgen builds);
    # a new name must be one every computer can open
    problem = None if name == draft.name else save_name_problem(name)
    if problem is not None or not name:
        return page(request, "check.html", _check_context(
            request, draft, name=typed, save_error=problem if typed else
            "Enter a file name, for example EWK-WSM-HR-01"), status=422)
    other = breaks_folder(request, draft, name)
    if other is not None:  # a second post with one reference: never written
        return page(request, "check.html", _check_context(
            request, draft, save_error=refusal(reference_of(draft) or "", other, draft.name)),
            status=409)
    try:
        path = store(request).save(draft, name)
    except Conflict as exc:
        return page(request, "check.html", _check_context(request, draft, save_error=str(exc)),
                    status=409)
    except DocgenError as exc:
        return page(request, "check.html", _check_context(request, draft, save_error=str(exc)),
                    status=422)
    # Post/Redirect/Get: the confirmation is a page of its own, so reloading it (or Back
    # to it) sends nothing again ("Confirm Form Resubmission")
    return RedirectResponse(f"/edit/{draft.id}/check?{urlencode({SAVED: path.name})}", 303)


def _render(request: Request, draft: Draft) -> docgen.RenderResult:
    return render(draft, request.app.state.folder)


async def preview(request: Request) -> Response:
    draft, kind = draft_of(request), request.path_params["kind"]
    if kind not in TITLES:
        raise HTTPException(404, f"There is no document called '{kind}'.")
    result = await run_in_threadpool(_render, request, draft)
    if kind not in result.documents:
        raise HTTPException(404, f"This post does not produce the {TITLES[kind].lower()} "
                                 "(the post's list of documents leaves it out).")
    html = await run_in_threadpool(to_html, result.documents[kind])
    return page(request, "preview.html", {"draft": draft, "kind": kind, "html": html})


async def download(request: Request) -> Response:
    draft = draft_of(request)
    result = await run_in_threadpool(_render, request, draft)
    reference = result.report.reference or "post"
    extra = None
    if request.query_params.get("pdf") == "1":
        extra = await run_in_threadpool(pdfs, reference, result.documents)
    return Response(zip_documents(reference, result.documents, extra),
                    media_type="application/zip",
                    headers=content_disposition(f"{reference}.zip"))
