"""``create_app(folder)``: the interview pages over the answer files in one folder.

Every page is rendered on the server and works without JavaScript; a few lines
of script (static/live.js) post a step's fields when one is left and show the
checks and the money without a reload.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

import docgen
from docgen.errors import AnswerFileError, DocgenError
from docgen.web import api
from docgen.web.checking import Live, for_step, live
from docgen.web.drafts import Conflict, Draft, DraftStore, examples, list_files, to_plain
from docgen.web.fields import STEP_BY_SLUG, STEPS, step_index
from docgen.web.forms import apply, get, party_ids, row_name, without_row
from docgen.web.output import (
    TITLES,
    content_disposition,
    pdf_available,
    pdfs,
    to_html,
    zip_documents,
)
from docgen.web.security import CSRF_COOKIE, CSRF_FIELD, Guard, new_token, token_ok
from docgen.web.views import money_view, step_views, summary_rows

HERE = Path(__file__).resolve().parent
GOVUK = "govuk-frontend-5.14.0"
templates = Jinja2Templates(directory=str(HERE / "templates"))


@functools.cache
def _sources() -> dict[str, str]:
    return {r["id"]: r["source"] for r in docgen.rules()}


def rule_source(rule: str) -> str:
    """Where a good-practice rule comes from (shown with its warning)."""
    return _sources().get(rule, "")


def step_for(path: tuple) -> str:
    """The step that asks for the key at ``path`` (for "change" links from a problem)."""
    top = path[0] if path else ""
    return next((s.slug for s in STEPS if top in s.owns), "about")


templates.env.globals.update(GOVUK=GOVUK, STEPS=STEPS, CSRF_FIELD=CSRF_FIELD, TITLES=TITLES,
                             step_for=step_for, rule_source=rule_source,
                             pdf_available=pdf_available)


def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """A page with the CSRF token its forms carry (and the cookie it must match)."""
    token = request.cookies.get(CSRF_COOKIE) or new_token()
    context = {**context, "csrf": token}
    response = templates.TemplateResponse(request, name, context, status_code=status)
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
    return response


async def posted(request: Request) -> Any:
    """The form, once its CSRF token has been checked."""
    form = await request.form(max_files=0, max_fields=5000)
    if not token_ok(request.cookies.get(CSRF_COOKIE), form.get(CSRF_FIELD)):
        raise HTTPException(403, "This form has expired or came from another site. Go back, "
                                 "reload the page and try again.")
    return form


def store(request: Request) -> DraftStore:
    return request.app.state.store


def draft_of(request: Request) -> Draft:
    draft = store(request).get(request.path_params["draft"])
    if draft is None:
        raise HTTPException(404, "This draft is not open any more (the server was restarted "
                                 "or it was closed). Open the file again from the start page.")
    return draft


@contextlib.contextmanager
def source(draft: Draft, folder: Path) -> Iterator[Any]:
    """What docgen.check/render read: the plain answers, or (when the file extends a base or
    adds clause folders, which are relative to it) a hidden copy beside it in the folder."""
    if "extends" not in draft.doc and "clauses" not in draft.doc:
        yield to_plain(draft.doc)
        return
    fd, tmp = tempfile.mkstemp(prefix=".docgen-draft-", suffix=".yaml", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(draft.text)
        yield tmp
    finally:
        Path(tmp).unlink(missing_ok=True)


def update(draft: Draft, step: Any, form: Any) -> None:
    """Merge a step's answers into the draft (keeping what a base it extends already says)."""
    before = to_plain(draft.doc)
    apply(draft.doc, step, form, party_ids(draft.view()))
    draft.keep_base(before)


def run_live(request: Request, draft: Draft, owns: tuple[str, ...] = ()) -> Live:
    with source(draft, request.app.state.folder) as src:
        if isinstance(src, dict):
            return live(src, owns)
        report = docgen.check(src)
        return Live(report.errors, report.warnings, report.facts, report.ok)


async def index(request: Request) -> Response:
    rows = []
    for path in list_files(request.app.state.folder):
        report = docgen.check(path)
        facts = report.facts or {}
        title = None
        with contextlib.suppress(DocgenError, AnswerFileError):
            title = docgen.load(path).post.title if report.ok else None
        rows.append({"name": path.name, "reference": report.reference or "—",
                     "title": title or "—", "status": facts.get("status", "has errors"),
                     "errors": len(report.errors), "warnings": len(report.warnings)})
    return page(request, "index.html", {"rows": rows, "examples": examples(),
                                        "folder": request.app.state.folder})


async def new(request: Request) -> Response:
    form = await posted(request)
    draft = store(request).new(form.get("example") or None)
    slug = "check" if form.get("example") else STEPS[0].slug
    return RedirectResponse(f"/edit/{draft.id}/{slug}", 303)


async def open_file(request: Request) -> Response:
    draft = store(request).open(request.path_params["name"])
    return RedirectResponse(f"/edit/{draft.id}/check", 303)


def _step_context(request: Request, draft: Draft, slug: str, result: Live | None,
                  show_errors: bool) -> dict[str, Any]:
    step = STEP_BY_SLUG[slug]
    errors = for_step(result.errors, step.owns) if result and show_errors else []
    warnings = for_step(result.warnings, step.owns) if result else []
    views, summary = step_views(step, draft.view(), errors, draft.blank)
    i = step_index(slug)
    return {"draft": draft, "step": step, "views": views, "summary": summary,
            "warnings": warnings, "money": money_view(result.facts if result else None),
            "back": STEPS[i - 1].slug if i else None, "number": i + 1,
            "postholder_known": "no" if "postholder" not in draft.view() and
            slug in draft.visited else "yes" if "postholder" in draft.view() else ""}


async def step_get(request: Request) -> Response:
    draft, slug = draft_of(request), request.path_params["step"]
    if slug not in STEP_BY_SLUG:
        raise HTTPException(404, f"There is no step called '{slug}'.")
    result = run_live(request, draft, STEP_BY_SLUG[slug].owns)
    shown = slug in draft.visited or "*" in draft.visited  # an opened file: show at once
    return page(request, "step.html", _step_context(request, draft, slug, result,
                                                    show_errors=shown))


async def step_post(request: Request) -> Response:
    draft, slug = draft_of(request), request.path_params["step"]
    if slug not in STEP_BY_SLUG:
        raise HTTPException(404, f"There is no step called '{slug}'.")
    form = await posted(request)
    step = STEP_BY_SLUG[slug]
    action = form.get("action", "continue")
    if action.startswith("remove:"):
        form = without_row(form, action)
    with draft.lock:
        update(draft, step, form)
        draft.blank.clear()  # blank rows were dropped with the answers
        if action.startswith("add-"):
            name = row_name(action)
            raw = form.get(name + ".__n") or ""
            posted_rows = int(raw) if raw.isdigit() else 0
            node = get(draft.view(), tuple(name.split(".")))
            filled = len(node) if isinstance(node, list) else 0
            draft.blank[name] = min(20, 1 + max(0, posted_rows - filled))  # keep blank rows
            anchor = f"#f-{name.replace('.', '-')}-group"
            return RedirectResponse(f"/edit/{draft.id}/{slug}{anchor}", 303)
        if action.startswith("remove:"):
            anchor = f"#f-{action.split(':')[1].replace('.', '-')}-group"
            return RedirectResponse(f"/edit/{draft.id}/{slug}{anchor}", 303)
        draft.visited.add(slug)
    result = run_live(request, draft, step.owns)
    if for_step(result.errors, step.owns) and action != "back":
        context = _step_context(request, draft, slug, result, show_errors=True)
        return page(request, "step.html", context, status=422)
    i = step_index(slug)
    if action == "back" and i:
        return RedirectResponse(f"/edit/{draft.id}/{STEPS[i - 1].slug}", 303)
    following = STEPS[i + 1].slug if i + 1 < len(STEPS) else "check"
    return RedirectResponse(f"/edit/{draft.id}/{following}", 303)


async def step_live(request: Request) -> Response:
    """The live check (JavaScript): merge the step's fields, return messages and money."""
    draft, slug = draft_of(request), request.path_params["step"]
    if slug not in STEP_BY_SLUG:
        raise HTTPException(404, f"There is no step called '{slug}'.")
    form = await posted(request)
    step = STEP_BY_SLUG[slug]
    with draft.lock:
        update(draft, step, form)
    result = run_live(request, draft, step.owns)
    context = _step_context(request, draft, slug, result, show_errors=True)
    fields: dict[str, list[str]] = {}
    for view in context["views"]:
        _collect(view, fields)
    context["csrf"] = request.cookies.get(CSRF_COOKIE, "")
    panel = templates.get_template("live.html").render(context)
    return JSONResponse({"fields": fields, "panel": panel,
                         "summary": [{"message": m, "href": f"#{a}"}
                                     for m, a in context["summary"]]})


def _collect(view: dict[str, Any], out: dict[str, list[str]]) -> None:
    out[view["id"]] = view["errors"]
    for row in view.get("rows", []):
        for sub in row if isinstance(row, list) else [row]:
            if "kind" in sub:
                _collect(sub, out)
            else:
                out[sub["id"]] = sub["errors"]
    for entry in view.get("entries", []):
        _collect(entry["view"], out)


def _check_context(request: Request, draft: Draft, **extra: Any) -> dict[str, Any]:
    result = run_live(request, draft)
    return {"draft": draft, "result": result, "money": money_view(result.facts),
            "sections": [(s, summary_rows(s, draft.view())) for s in STEPS],
            "name": draft.name or f"{draft.doc.get('reference') or 'new-post'}.yaml",
            "acknowledged": {a.get("rule"): a.get("reason")
                             for a in draft.doc.get("acknowledge") or []
                             if isinstance(a, dict)}, **extra}


def _prefetch(request: Request, draft: Draft) -> None:
    """Make the previews in the background while the person reads "check your answers", so
    "Preview" opens at once (pandoc takes most of a second); failures show on the preview."""
    if "extends" in draft.doc or "clauses" in draft.doc:
        return
    with draft.lock:
        plain = to_plain(draft.doc)
        key = draft.text
    seen = request.app.state.prefetched
    if key in seen:
        return
    if len(seen) > 64:
        seen.clear()
    seen.add(key)

    def work() -> None:
        with contextlib.suppress(Exception):
            for data in docgen.render(plain).documents.values():
                to_html(data)

    request.app.state.background.submit(work)


async def check_page(request: Request) -> Response:
    draft = draft_of(request)
    context = _check_context(request, draft)
    if context["result"].complete:
        _prefetch(request, draft)
    return page(request, "check.html", context)


async def acknowledge(request: Request) -> Response:
    draft = draft_of(request)
    form = await posted(request)
    rule, reason = form.get("rule", "").strip(), form.get("reason", "").strip()
    if not reason:
        context = _check_context(request, draft, ack_error=(rule, "Give a reason for "
                                 "accepting this warning, for example what your adviser said"))
        return page(request, "check.html", context, status=422)
    with draft.lock:
        acks = draft.doc.setdefault("acknowledge", [])
        existing = [a for a in acks if isinstance(a, dict) and a.get("rule") == rule]
        if existing:
            existing[0]["reason"] = reason
        else:
            acks.append({"rule": rule, "reason": reason})
    back = form.get("back", "check")
    target = back if back in STEP_BY_SLUG else "check"
    return RedirectResponse(f"/edit/{draft.id}/{target}#warnings", 303)


async def save(request: Request) -> Response:
    draft = draft_of(request)
    form = await posted(request)
    name = (form.get("name") or draft.name or "").strip()
    try:
        path = store(request).save(draft, name)
    except Conflict as exc:
        return page(request, "check.html", _check_context(request, draft, save_error=str(exc)),
                    status=409)
    except DocgenError as exc:
        return page(request, "check.html", _check_context(request, draft, save_error=str(exc)),
                    status=422)
    return page(request, "check.html", _check_context(request, draft, saved=path.name))


def _render(request: Request, draft: Draft) -> docgen.RenderResult:
    with source(draft, request.app.state.folder) as src:
        return docgen.render(src)


async def preview(request: Request) -> Response:
    draft, kind = draft_of(request), request.path_params["kind"]
    if kind not in TITLES:
        raise HTTPException(404, f"There is no document called '{kind}'.")
    result = await run_in_threadpool(_render, request, draft)
    if kind not in result.documents:
        raise HTTPException(404, f"This post does not produce the {TITLES[kind].lower()} "
                                 "(see `documents` in the answer file).")
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


async def error_page(request: Request, exc: Exception) -> Response:
    """Every failure as a page a person can act on; never a traceback."""
    if isinstance(exc, HTTPException):
        status, message, problems = exc.status_code, exc.detail, []
    elif isinstance(exc, AnswerFileError):
        status, message, problems = 422, "The answers have errors, so the documents cannot "\
            "be made yet. Fix these first:", [str(p) for p in exc.problems]
    elif isinstance(exc, DocgenError):
        status, message, problems = 422, str(exc), []
    else:
        status, message, problems = 500, "Something went wrong inside docgen. Your draft is " \
            "still open: go back and try again, or save it and run `docgen check` on it.", []
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message, "problems": problems}, status_code=status)
    return page(request, "error.html", {"message": message, "problems": problems,
                                        "status": status}, status=status)


def create_app(folder: str | os.PathLike[str] = "inputs", *, host: str = "127.0.0.1",
               max_body: int | None = None) -> Any:
    """The ASGI application serving the answer files in ``folder``.

    Requests must name a loopback host (``Host: 127.0.0.1``/``localhost``) unless
    ``host`` is not a loopback address, which guards against DNS rebinding.
    """
    folder = Path(folder).resolve()
    routes = [
        Route("/", index), Route("/new", new, methods=["POST"]),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/open/{name}", open_file),
        Route("/edit/{draft}/check", check_page),
        Route("/edit/{draft}/acknowledge", acknowledge, methods=["POST"]),
        Route("/edit/{draft}/save", save, methods=["POST"]),
        Route("/edit/{draft}/preview/{kind}", preview),
        Route("/edit/{draft}/download", download),
        Route("/edit/{draft}/{step}", step_get),
        Route("/edit/{draft}/{step}", step_post, methods=["POST"]),
        Route("/edit/{draft}/{step}/live", step_live, methods=["POST"]),
        *api.routes(),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    hosts = ["127.0.0.1", "localhost", "[::1]", "::1", "testserver"]
    middleware = [Middleware(TrustedHostMiddleware,
                             allowed_hosts=hosts if host in hosts[:4] else ["*"])]
    app = Starlette(routes=routes, middleware=middleware,
                    exception_handlers={Exception: error_page, HTTPException: error_page,
                                        DocgenError: error_page, AnswerFileError: error_page})
    app.state.folder = folder
    app.state.store = DraftStore(folder)
    app.state.prefetched = set()
    app.state.background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="docgen-preview")
    guard_kw = {"max_body": max_body} if max_body else {}
    return Guard(app, **guard_kw)
