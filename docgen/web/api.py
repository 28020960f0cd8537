"""The HTTP API for other systems: ``POST /api/check`` and ``POST /api/render``.

Bodies are an answer file as YAML or JSON (``Content-Type`` application/json,
application/yaml or text/plain), at most 1 MB as for the CLI. No cookie is
needed: other programs send no ``Origin`` header, and requests a browser makes
from another site are refused by :class:`docgen.web.security.Guard`.
"""

from __future__ import annotations

import functools
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

import docgen
from docgen.api.interview import MAX_ANSWER_BYTES
from docgen.errors import AnswerFileError
from docgen.web.output import content_disposition, zip_documents


async def _body(request: Request) -> bytes | JSONResponse:
    body = await request.body()
    if len(body) > MAX_ANSWER_BYTES:
        return JSONResponse({"error": f"the answer file is larger than {MAX_ANSWER_BYTES:,} "
                             "bytes; docgen reads answer files up to 1 MB"}, 413)
    if not body.strip():
        return JSONResponse({"error": "send the answer file (YAML or JSON) as the request "
                             "body"}, 400)
    return body


async def check(request: Request) -> Response:
    """Errors and warnings, each with its key, line, message and how to fix it; and the money."""
    body = await _body(request)
    if isinstance(body, Response):
        return body
    report = docgen.check(body, workspace=request.app.state.folder)
    result: dict[str, Any] = report.to_dict()
    result["facts"] = report.facts
    return JSONResponse(result, status_code=200)


async def render(request: Request) -> Response:
    """A zip of the .docx documents; 422 with the problems when the answers have errors."""
    body = await _body(request)
    if isinstance(body, Response):
        return body
    try:
        result = await run_in_threadpool(functools.partial(
            docgen.render, body, workspace=request.app.state.folder))
    except AnswerFileError as exc:
        report = docgen.check(body, workspace=request.app.state.folder)
        return JSONResponse({"error": "the answer file has errors; nothing was made",
                             **report.to_dict(),
                             "problems": [str(p) for p in exc.problems]}, 422)
    reference = result.report.reference or "post"
    return Response(zip_documents(reference, result.documents), media_type="application/zip",
                    headers=content_disposition(f"{reference}.zip"))


async def rules(request: Request) -> Response:
    return JSONResponse(docgen.rules())


def routes() -> list[Route]:
    return [Route("/api/check", check, methods=["POST"]),
            Route("/api/render", render, methods=["POST"]),
            Route("/api/rules", rules)]
