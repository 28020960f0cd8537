""""Accept this warning" on a section's page. Its reason box and button belong to the
page's own form (``form="step-form"`` in live.html), so what was typed on the page is saved
first, as "Save and return to the task list" saves it, with JavaScript or without (a form
of its own lost the typing, and the warning it came from with it); a reason left empty
shows the same page again with one error, at the reason's box, the words typed kept. It
threw the officer out to Check your answers, under every problem of the post. Check your
answers keeps a form of its own for each warning (``finish.acknowledge``).

The acceptance joins the page's own save (:func:`accept_with_page`, in
``interview.step_post`` before its one write): writing the draft out is most of a
button's time, and it was written a second time for the acceptance alone.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from docgen.web.drafts import Draft
from docgen.web.fields import STEP_BY_SLUG
from docgen.web.pages import can_accept, page, run_live
from docgen.web.step_page import page_address, step_context, step_warnings

#: the action of a section page's "Accept this warning" button, before the rule's id
ACCEPT = "accept:"
#: the name of a warning's reason box on a section's page, before the rule's id
REASON = "reason-"
#: the error for a warning accepted without a reason
NO_REASON = "Give a reason for accepting this warning, for example what your adviser said"


def reasons_typed(form: Any) -> dict[str, str]:
    """The reasons typed in the page's boxes, by rule: shown again as typed."""
    return {key.removeprefix(REASON): str(value) for key, value in form.multi_items()
            if key.startswith(REASON)}


def record(draft: Draft, rule: str, reason: str, index: str = "") -> None:
    """``rule``'s warning accepted for ``reason`` in the draft's answers (a reason given
    before replaced); the reason a change reopened it with is offered no more. ``index``:
    the acceptance the reason is given for ("Give the reason" on check your answers), when
    the post lists that rule more than once (the first was given it, losing its own)."""
    acks = draft.doc.setdefault("acknowledge", [])
    existing = [a for a in acks if isinstance(a, dict) and a.get("rule") == rule]
    if index.isdigit() and int(index) < len(acks) and isinstance(acks[int(index)], dict) \
            and acks[int(index)].get("rule") == rule:
        existing = [acks[int(index)]]
    if existing:
        existing[0]["reason"] = reason
    else:
        acks.append({"rule": rule, "reason": reason})
    draft.reopened.pop(rule, None)


def accept_with_page(draft: Draft, form: Any, action: str) -> tuple[str, str]:
    """The warning accepted in the draft with the page's answers, before they are saved
    (the caller holds the draft's lock and saves once); nothing without a reason, or for a
    rule that cannot be accepted (:func:`~docgen.web.pages.can_accept`). Returns what the
    button asked, for :func:`accept_on_page`: the rule, and the reason typed ("" for none or
    spaces alone)."""
    rule = action.removeprefix(ACCEPT)
    reason = str(form.get(REASON + rule) or "").strip()
    if reason and can_accept(rule):
        record(draft, rule, reason)
    return rule, reason


def accept_on_page(request: Request, draft: Draft, slug: str, form: Any,
                   asked: tuple[str, str], then: str | None) -> Response:
    """After the page's answers are saved with the acceptance (``asked``: what
    :func:`accept_with_page` returned): the page shown at its warnings; without a reason,
    the page again with the error (the page is built for that alone)."""
    rule, reason = asked
    here = page_address(request, draft, slug, then)
    # a reason given: recorded, or for a rule that cannot be accepted, which the page offers
    # no button for (a form made by hand): nothing to ask again, the page shows it as it is
    if reason:
        return RedirectResponse(f"{here}#warnings", 303)
    result = run_live(request, draft, STEP_BY_SLUG[slug].owns)
    shown = draft.shows_problems(slug)
    if not any(w.rule == rule and not w.acknowledged
               for w in step_warnings(result, slug, shown)):
        return RedirectResponse(f"{here}#warnings", 303)  # no longer warned
    context = step_context(request, draft, slug, result, show_errors=shown, then=then)
    return page(request, "step.html", {
        **context, "summary": [*context["summary"], (NO_REASON, f"ack-{rule}")],  # the box
        # is in the warnings, after the questions (the page's order: views.step_views)
        "ack_error": (rule, NO_REASON), "reasons": reasons_typed(form)}, status=422)
