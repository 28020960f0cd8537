"""What every page shares: the templates, the CSRF token, the draft in the URL, and the
checks run through ``docgen.check`` (on a hidden copy beside the file when it extends
a base).
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

import docgen
from docgen.web.checking import Live, live
from docgen.web.drafts import Draft, DraftStore, to_plain
from docgen.web.fields import STEPS
from docgen.web.forms import apply, party_ids
from docgen.web.output import (
    TITLES,
    pdf_available,
)
from docgen.web.security import CSRF_COOKIE, CSRF_FIELD, new_token, token_ok
from docgen.web.views import party_names
from docgen.web.wording import plain

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


def say(problem: Any, draft: Draft | None = None) -> str:
    """A problem's message in plain words, partners by name (never a key path or rule id)."""
    names = party_names(draft.view()) if draft is not None else {}
    return plain(problem.message, names)


templates.env.globals.update(say=say, GOVUK=GOVUK, STEPS=STEPS, CSRF_FIELD=CSRF_FIELD,
                             TITLES=TITLES,
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
