"""Answers in the file docgen does not use (a misspelling, or an answer from another tool),
and on About an answer no page asks for whose value docgen refuses (``pages.unasked``):
listed on the page of their section or partner with "Remove this answer", which asks to
confirm (drop.html) and then takes the answer out of the draft (plain forms, no
JavaScript). Only an answer the checks report so can be removed this way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from docgen.api.interview import join_words
from docgen.errors import Problem
from docgen.web.drafts import Draft
from docgen.web.fields import model_field
from docgen.web.forms import dotted, get
from docgen.web.messages import BY_CODE, unknown_answer
from docgen.web.pages import UNASKED_ANSWER, in_sentence, keep, page, titles_for

#: the answer listing which documents to make: removed, docgen makes every one
DOCUMENTS = ("documents",)
NUMBERS = {2: "two", 3: "three", 4: "four"}


def shown(value: Any) -> str:
    """An answer docgen does not use, as the page shows it (a group of answers, as such)."""
    if isinstance(value, dict | list):
        return "A group of answers"
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def called(problem: Problem) -> str:
    """How the page names an answer to remove: one docgen does not use, as the file names
    it (no other name is known); one no page asks for, by its name in docgen's reference
    (‘Agreement style’), never its key."""
    field = model_field(problem.path) if problem.code != "unknown_key" else None
    return field.title if field is not None and field.title else str(problem.path[-1])


def removing_means(problem: Problem, draft: Draft) -> str:
    """What removing the answer does where "docgen takes its usual answer" does not say it:
    a list of documents removed, every document is made (the file may have asked for one;
    the officer should know the post then gets all of them)."""
    if tuple(problem.path) != DOCUMENTS:
        return ""
    titles = [f"the {in_sentence(t)}" for t in titles_for(draft).values()]
    return (f"If you remove it, all {NUMBERS.get(len(titles), len(titles))} documents are "
            f"made: {join_words(titles)}.")


def unknown_under(problems: list[Problem], at: tuple[Any, ...]) -> list[Problem]:
    """The answers docgen does not use among ``problems``, under the key path ``at``."""
    return [p for p in problems if p.code == "unknown_key" and p.path[:len(at)] == at]


def unknown_views(draft: Draft, unknown: list[Problem]) -> list[dict[str, Any]]:
    """What the page's "Answers docgen does not use" block lists, one row an answer; its
    ``target``, the id the error summary links to, is the row's "Remove this answer"
    button, the thing to act on: the row itself cannot take the focus, which went to the
    page's body."""
    return [{"message": unknown_answer(p.path) if p.code == "unknown_key"
             else BY_CODE[UNASKED_ANSWER], "path": dotted(p.path),
             "id": f"unknown-{n}", "target": f"remove-unknown-{n}", "key": called(p),
             "value": shown(get(draft.view(), p.path))}
            for n, p in enumerate(unknown)]


def drop(request: Request, draft: Draft, action: str, unknown: Callable[[], list[Problem]],
         here: str, caption: str, which: str | None = None) -> Response:
    """"Remove this answer" (``drop-ask:<path>``): a page asking to confirm, whose form
    posts to ``here``; then (``drop:<path>``) the answer is taken out of the draft, if the
    checks (``unknown``) still report it, and the page ``here`` is shown again."""
    verb, _, path = action.partition(":")
    with draft.lock:
        found = next((p for p in unknown() if dotted(p.path) == path), None)
        if found is None:  # removed already (or never an answer docgen does not use)
            return RedirectResponse(here, 303)
        if verb == "drop-ask":
            return page(request, "drop.html", {
                "draft": draft, "caption": caption, "path": path, "post_to": here,
                "which": which, "key": called(found), "means": removing_means(found, draft),
                "value": shown(get(draft.view(), found.path)), "back": here})
        parent = get(draft.doc, found.path[:-1])
        if isinstance(parent, dict):
            parent.pop(found.path[-1], None)
        keep(request, draft)
    return RedirectResponse(here, 303)
