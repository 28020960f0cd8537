"""A section's page as step.html shows it: its questions with their errors, its warnings
and the money, where Back goes; and the page shown again (with errors, after a copy from
another tab, with "Final" refused), for the buttons that send it (interview.py,
accepting.py).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from docgen.errors import NOT_KNOWN, Problem
from docgen.web.checking import Live, for_step
from docgen.web.drafts import Draft
from docgen.web.fields import STEP_BY_SLUG, no_postholder, step_index
from docgen.web.final_now import FINAL_NOW_SAID
from docgen.web.guards import CHANGED_ELSEWHERE, Refused
from docgen.web.not_both import asks_with_notice, left_with_both
from docgen.web.pages import (
    back_address,
    fingerprint,
    from_tasks,
    page,
    run_live,
    step_for,
    unasked,
)
from docgen.web.summary import money_view
from docgen.web.tasks import rechecks
from docgen.web.unknown import unknown_views
from docgen.web.views import step_views

#: the ways off a section's page that save it as typed and go, its answers not yet done:
#: "Save and return to the task list", a link (live.js sends the form first) and Back (a
#: button of the form, so it saves without the script too)
LINKS = ("tasks", "goto", "back")


def returning(then: Any) -> str | None:
    """Where a "Change" link came from: the post's check your answers (``check``) or the
    section's own (``section``); Continue and Back return there."""
    return then if then in ("check", "section") else None


def page_address(request: Request, draft: Draft, slug: str, then: str | None = None) -> str:
    """The section's address to show it again at (after "Add another", "Remove" or "Remove
    this answer"), keeping where it was opened from: a "Change" link's ``then``, else the
    task list's ``?from=tasks``, for its Back to return there (step.html)."""
    here = f"/edit/{draft.id}/{slug}"
    if then:
        return f"{here}?then={then}"
    return here + from_tasks(request)


def step_context(request: Request, draft: Draft, slug: str, result: Live | None,
                 show_errors: bool, then: str | None = None) -> dict[str, Any]:
    """What step.html shows of section ``slug``: its questions with ``result``'s errors
    (when ``show_errors``), its warnings and the money, and where Back goes."""
    step = STEP_BY_SLUG[slug]
    unknown = unknown_here(result, slug) if show_errors else []
    errors = [p for p in for_step(result.errors, step.owns) if p not in unknown] \
        if result and show_errors else []
    warnings = step_warnings(result, slug, show_errors)
    views, summary = step_views(step, draft.view(), errors, draft.blank)
    listed = unknown_views(draft, unknown)
    summary = [(u["message"], u["target"]) for u in listed] + summary
    i, then = step_index(slug), then or returning(request.query_params.get("then"))
    return {"draft": draft, "step": step, "views": views, "summary": summary,
            "unknown": listed,
            "warnings": warnings, "money": money_view(result.facts if result else None),
            "back": back_address(request, draft, slug, then), "number": i + 1, "then": then,
            "accept_with_page": True,  # a warning accepted with the page's form (live.html)
            "seen": fingerprint(draft, step.owns), "recheck": rechecks(draft.visited, slug),
            "postholder_known": "no" if no_postholder(draft.view()) and (
                slug in draft.visited or "*" in draft.visited)  # an opened file's too
            else "" if no_postholder(draft.view()) else "yes"}


def step_warnings(result: Live | None, slug: str, show_errors: bool) -> list[Problem]:
    """The warnings section ``slug``'s page shows (asked alone by "Accept this warning",
    which needs no more of the page to know whether the warning is still there): a page not
    answered yet does not greet the officer with "The post-holder's name is not known yet"."""
    owns = STEP_BY_SLUG[slug].owns
    return [w for w in for_step(result.warnings, owns) if show_errors
            or w.code != NOT_KNOWN] if result else []


def unknown_here(result: Live | None, slug: str) -> list[Problem]:
    """The answers in the file docgen does not use that this step's page offers to remove
    (a key at the top of the file: About's); on About, each answer no page asks for that
    docgen refuses too, once, as the whole answer (:func:`~docgen.web.pages.unasked`)."""
    errors = result.errors if result else []
    found = [p for p in errors if p.code == "unknown_key"
             and p.path and step_for(p.path) == slug and slug != "partners"]
    tops = {p.path[0]: dataclasses.replace(p, path=p.path[:1])
            for p in errors if slug == "about" and unasked(p)}
    return found + list(tops.values())


def changed_elsewhere(request: Request, draft: Draft, slug: str,
                      then: str | None) -> Response:
    """The page again, with the answers saved now and :data:`CHANGED_ELSEWHERE`."""
    result = run_live(request, draft, STEP_BY_SLUG[slug].owns)
    context = step_context(request, draft, slug, result,
                            show_errors=draft.shows_problems(slug), then=then)
    return page(request, "step.html", {**context, "notice": CHANGED_ELSEWHERE}, status=409)


def refused_page(request: Request, draft: Draft, refused: Refused,
                 then: str | None) -> Response:
    """About again: "Final" not saved, why, and a link to each thing to do first; for a
    recruit whose contract alone waits for the appointee, the choice (``final_now``: the
    button's words; its action :data:`FINAL_NOW`) to make the rest final now."""
    result = run_live(request, draft, STEP_BY_SLUG["about"].owns)
    result.errors.insert(0, refused.problem)
    context = step_context(request, draft, "about", result, show_errors=True, then=then)
    return page(request, "step.html", {
        **context, "before_final": refused.todo,
        "final_now": FINAL_NOW_SAID if refused.can_wait else None}, status=422)


def shown_again(request: Request, draft: Draft, slug: str, both: list[Problem],
                action: str, then: str | None, result: Live | None = None) -> Response:
    """The section's page again, with its errors: first ``both``, each answer typed with
    "Not known yet" ticked; a button other than Continue says what it did or what to do
    (:func:`~docgen.web.not_both.left_with_both`): saved, not left."""
    result = result or run_live(request, draft, STEP_BY_SLUG[slug].owns)
    result.errors[:0] = both
    context = step_context(request, draft, slug, result, show_errors=True, then=then)
    if both and asks_with_notice(action):
        context["notice"] = left_with_both(action)
    return page(request, "step.html", context, status=422)
