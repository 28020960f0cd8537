"""``create_app(folder)``: the interview pages over the answer files in one folder.

Every page is rendered on the server and works without JavaScript; a few lines
of script (static/live.js) post a step's fields when one is left and show the
checks and the money without a reload.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import secrets
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from docgen.errors import AnswerFileError, DocgenError
from docgen.web import (
    api,
    begin,
    finish,
    interview,
    partner_place,
    partners,
    programme,
    same_post,
    start,
)
from docgen.web.drafts import Draft
from docgen.web.fields import STEP_BY_SLUG
from docgen.web.messages import plain
from docgen.web.pages import HERE, page, say
from docgen.web.previews import Previews
from docgen.web.security import Guard, host_names, is_loopback
from docgen.web.store import DraftStore

DRAFT_URL = re.compile(r"^/edit/([A-Za-z0-9_-]{8,40})(?:/([a-z-]+))?")


#: where a failure's technical message goes (the server's log), under the reference the
#: page gives the officer to quote; never into the page
LOG = logging.getLogger("docgen.web")
#: the pages that make the documents: a DocgenError there is docgen's own failure (a clause,
#: a house style, pandoc), its message written for whoever looks after docgen
MAKING = re.compile(r"^/edit/[^/]+/(?:preview/[^/]+|download)$")
#: docgen failed, not the officer: what to do, in plain words, with the reference to quote
WHAT_TO_DO = "Try again. If it happens again, tell whoever looks after docgen, quoting: "


def failure_reference(request: Request, exc: Exception) -> str:
    """A short reference for a failure (``DG-4F2A9C``), with its technical message (a file
    of docgen's, a Python name) written to the server's log under it."""
    reference = f"DG-{secrets.token_hex(3).upper()}"
    LOG.error("%s: %s %s failed: %s: %s", reference, request.method, request.url.path,
              type(exc).__name__, exc)
    return reference


async def error_page(request: Request, exc: Exception) -> Response:
    """Every failure as a page a person can act on; never a traceback, and never docgen's
    own message for a failure of docgen's (a file path, a Python attribute): plain words
    and a reference to quote, the message in the server's log."""
    reference = ""
    if isinstance(exc, HTTPException):
        status, message, problems = exc.status_code, exc.detail, []
    elif isinstance(exc, AnswerFileError):
        status, message, problems = 422, "The answers have errors, so the documents cannot "\
            "be made yet. Fix these first:", list(exc.problems)
    elif isinstance(exc, DocgenError) and MAKING.match(request.url.path):
        status, message, problems = 500, "The documents could not be made.", []
        reference = failure_reference(request, exc)
    elif isinstance(exc, DocgenError):  # the web's own, said for the officer ("big.yaml
        status, message, problems = 422, str(exc), []  # cannot be opened: …"), or an API's
    else:
        status, message, problems = 500, "Something went wrong inside docgen, and this " \
            "request was not completed. Go back and try again; if it happens again, ask " \
            "whoever looks after docgen to check the post.", []
        if not request.url.path.startswith("/api/"):
            message = "Something went wrong inside docgen, and this request was not completed."
            reference = failure_reference(request, exc)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message, "problems": [str(p) for p in problems]},
                            status_code=status)
    draft, back_to = _draft_in(request)
    draft_id = draft.id if draft is not None else None
    said = [str(p) for p in problems]
    if draft is not None:  # the page a person can act on: their draft, kept (each problem
        said = [say(p, draft) for p in problems]  # in its section page's words)
        message = plain(message) if status != 500 else message
    return page(request, "error.html", {"message": message, "problems": said,
                                        "status": status, "draft_id": draft_id,
                                        "back_to": back_to, "reference": reference,
                                        "what_to_do": WHAT_TO_DO}, status=status)


def _draft_in(request: Request) -> tuple[Draft | None, str]:
    """The draft a failed request was about (kept on disk, so the page can link back)."""
    found = DRAFT_URL.match(request.url.path)
    if not found:
        return None, "check"
    store = request.app.state.store
    draft = store.get(found.group(1))
    if draft is None:
        return None, "check"
    with contextlib.suppress(OSError, DocgenError):
        store.persist(draft)
    step = found.group(2) or ""
    return draft, step if step in STEP_BY_SLUG else "check"


def create_app(folder: str | os.PathLike[str] = "inputs", *, host: str = "127.0.0.1",
               max_body: int | None = None, extra_hosts: tuple[str, ...] = (),
               allow_hosts: tuple[str, ...] = ()) -> Any:
    """The ASGI application serving the answer files in ``folder``.

    When ``host`` is a loopback address, requests must name it or a loopback name
    (``Host: 127.0.0.1``/``localhost``/``[::1]``), which guards against DNS
    rebinding; ``extra_hosts`` adds names (the tests' ``testserver``). Off loopback,
    only this computer's names and addresses for ``host`` and ``allow_hosts``
    (``--allow-host``) are accepted, in ``Host`` and in a browser's ``Origin``.
    """
    folder = Path(folder).resolve()
    routes = [
        Route("/", start.index), Route("/new", start.new, methods=["POST"]),
        Route("/upload", start.upload, methods=["POST"]),
        Route("/drafts/{draft}/delete", start.delete_get),
        Route("/drafts/{draft}/delete", start.delete, methods=["POST"]),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/open/{name}", interview.open_file),
        Route("/programme", programme.programme),
        Route("/edit/{draft}/check", finish.check_page),
        Route("/edit/{draft}/tasks", start.tasks),
        Route("/edit/{draft}/check/{step}", start.check_section),
        Route("/edit/{draft}/partners", partners.list_get),
        Route("/edit/{draft}/partners", partners.list_post, methods=["POST"]),
        Route("/edit/{draft}/partners/add", partner_place.add_get),
        Route("/edit/{draft}/partners/add", partner_place.add_post, methods=["POST"]),
        Route("/edit/{draft}/partners/{index:int}", partners.item_get),
        Route("/edit/{draft}/partners/{index:int}", partners.item_post, methods=["POST"]),
        Route("/edit/{draft}/partners/{index:int}/remove", partners.remove_get),
        Route("/edit/{draft}/partners/{index:int}/remove", partners.remove, methods=["POST"]),
        Route("/edit/{draft}/begin", begin.begin_get),
        Route("/edit/{draft}/begin", begin.begin_post, methods=["POST"]),
        Route("/edit/{draft}/acknowledge", finish.acknowledge, methods=["POST"]),
        Route("/edit/{draft}/save", finish.save, methods=["POST"]),
        Route("/edit/{draft}/replace", same_post.replace_get),
        Route("/edit/{draft}/replace", same_post.replace_post, methods=["POST"]),
        Route("/edit/{draft}/preview/{kind}", finish.preview),
        Route("/edit/{draft}/download", finish.download),
        Route("/edit/{draft}/{step}", interview.step_get),
        Route("/edit/{draft}/{step}", interview.step_post, methods=["POST"]),
        Route("/edit/{draft}/{step}/live", interview.step_live, methods=["POST"]),
        *api.routes(),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    if is_loopback(host):
        hosts = [host, f"[{host}]", "127.0.0.1", "localhost", "[::1]", *extra_hosts]
        names: frozenset[str] = frozenset()
    else:
        names = frozenset([*host_names(host, allow_hosts), *extra_hosts])
        hosts = sorted({*names, *(f"[{n}]" for n in names if ":" in n)})
    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=hosts)]
    app = Starlette(routes=routes, middleware=middleware,
                    exception_handlers={Exception: error_page, HTTPException: error_page,
                                        DocgenError: error_page, AnswerFileError: error_page})
    app.state.folder = folder
    app.state.store = DraftStore(folder)
    app.state.previews = Previews()  # made in advance: one job a draft, a few at most
    app.state.background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="docgen-preview")
    guard_kw = {"max_body": max_body} if max_body else {}
    return Guard(app, names=names, **guard_kw)
