"""``create_app(folder)``: the interview pages over the answer files in one folder.

Every page is rendered on the server and works without JavaScript; a few lines
of script (static/live.js) post a step's fields when one is left and show the
checks and the money without a reload.
"""

from __future__ import annotations

import os
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
from docgen.web import api, finish, interview, programme
from docgen.web.drafts import DraftStore
from docgen.web.pages import HERE, page
from docgen.web.security import Guard, is_loopback


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
        status, message, problems = 500, "Something went wrong inside docgen, and this " \
            "request was not completed. Go back and try again; if it happens again, run " \
            "`docgen check` on the answer file to see what it reports.", []
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message, "problems": problems}, status_code=status)
    return page(request, "error.html", {"message": message, "problems": problems,
                                        "status": status}, status=status)


def create_app(folder: str | os.PathLike[str] = "inputs", *, host: str = "127.0.0.1",
               max_body: int | None = None, extra_hosts: tuple[str, ...] = ()) -> Any:
    """The ASGI application serving the answer files in ``folder``.

    When ``host`` is a loopback address, requests must name it or a loopback name
    (``Host: 127.0.0.1``/``localhost``/``[::1]``), which guards against DNS
    rebinding; ``extra_hosts`` adds names (the tests' ``testserver``).
    """
    folder = Path(folder).resolve()
    routes = [
        Route("/", interview.index), Route("/new", interview.new, methods=["POST"]),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/open/{name}", interview.open_file),
        Route("/programme", programme.programme),
        Route("/edit/{draft}/check", finish.check_page),
        Route("/edit/{draft}/acknowledge", finish.acknowledge, methods=["POST"]),
        Route("/edit/{draft}/save", finish.save, methods=["POST"]),
        Route("/edit/{draft}/preview/{kind}", finish.preview),
        Route("/edit/{draft}/download", finish.download),
        Route("/edit/{draft}/{step}", interview.step_get),
        Route("/edit/{draft}/{step}", interview.step_post, methods=["POST"]),
        Route("/edit/{draft}/{step}/live", interview.step_live, methods=["POST"]),
        *api.routes(),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    hosts = [host, f"[{host}]", "127.0.0.1", "localhost", "[::1]", *extra_hosts]
    middleware = [Middleware(TrustedHostMiddleware,
                             allowed_hosts=hosts if is_loopback(host) else ["*"])]
    app = Starlette(routes=routes, middleware=middleware,
                    exception_handlers={Exception: error_page, HTTPException: error_page,
                                        DocgenError: error_page, AnswerFileError: error_page})
    app.state.folder = folder
    app.state.store = DraftStore(folder)
    app.state.prefetched = set()
    app.state.background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="docgen-preview")
    guard_kw = {"max_body": max_body} if max_body else {}
    return Guard(app, **guard_kw)
