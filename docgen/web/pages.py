"""What every page shares: the templates, the CSRF token, the draft in the URL, and the
checks run through ``docgen.check`` on the answers in memory.
"""

from __future__ import annotations

import dataclasses
import decimal
import functools
import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

import docgen
from docgen.answers.kinds import KINDS
from docgen.answers.model import AnswerFile
from docgen.api.interview import over_base, pdf_available
from docgen.errors import (
    ACCEPTANCE_CODES,
    ACCEPTANCE_NO_REASON,
    ACCEPTANCE_NOT_APPLYING,
    ACCEPTANCE_OF_ERROR,
    ACCEPTANCE_RULE_FORM,
    MISSING,
    NOT_KNOWN,
    OVERLAY_RULE,
    KeyPath,
    Problem,
)
from docgen.web import checked
from docgen.web.carried import carry, policy_now
from docgen.web.checking import Live, live
from docgen.web.drafts import Draft, reference_taken
from docgen.web.fields import STEP_BY_KEY, STEP_BY_SLUG, STEPS, Step, no_postholder, step_index
from docgen.web.forms import apply, party_ids
from docgen.web.messages import BY_CODE, problem_text
from docgen.web.orgs import policy_under
from docgen.web.output import TITLES
from docgen.web.own_wording import folder_said, own_wording_error, own_wording_said
from docgen.web.renaming import id_form, id_from_short_name
from docgen.web.security import CSRF_COOKIE, CSRF_FIELD, new_token, token_ok
from docgen.web.store import DraftStore
from docgen.web.summary import public_source
from docgen.web.views import (
    BOARD,
    BOARD_PARTY,
    field_id,
    party_names,
    question_anchors,
    step_views,
)
from docgen.web.yamltext import to_plain

HERE = Path(__file__).resolve().parent
GOVUK = "govuk-frontend-5.14.0"
templates = Jinja2Templates(directory=str(HERE / "templates"))


@functools.cache
def _rules() -> dict[str, dict[str, Any]]:
    """docgen's rule catalogue by rule id, read once (its sources, summaries, severities)."""
    return {r["id"]: r for r in docgen.rules()}


def rule_summary(rule: str) -> str:
    """What a good-practice warning says, in words (an acceptance with no reason is shown
    by it: never by its id); "" for a rule docgen does not have."""
    said = str(_rules().get(rule, {}).get("summary") or "")
    return said[:1].upper() + said[1:]


def rule_source(rule: str) -> str:
    """Where a good-practice rule comes from (shown with its warning): its public sources
    only (:func:`~docgen.web.summary.public_source`), as an HR officer can look them up."""
    return public_source(str(_rules().get(rule, {}).get("source") or ""))


def can_accept(rule: str) -> bool:
    """Whether a warning can be accepted with a reason: only a good-practice rule's (a
    value not known yet, ``TBC``, is put right by giving it; accepting one wrote a rule id
    docgen refuses, an error no page could remove, so the documents could not be made;
    nor is an error's: it is put right)."""
    return _rules().get(rule, {}).get("severity") == "warning"


def stale_acceptances(doc: Any, problems: Iterable[Problem] = ()
                      ) -> list[tuple[int, str, str, str]]:
    """The post's accepted warnings no question puts right (index, rule, reason, why), so
    check your answers lists each to put right: one naming no rule of docgen's (why "",
    removed), and one with a problem the checks code (``errors.ACCEPTANCE_CODES``, why the
    code: a reason to give, an id not in its form or a warning no longer given, removed)."""
    given = doc.get("acknowledge") if isinstance(doc, dict) else None
    coded = {p.path[1]: p.code for p in problems if p.code in ACCEPTANCE_CODES
             and len(p.path) > 1 and p.path[0] == "acknowledge"}
    return [(i, str(a.get("rule") or ""), str(a.get("reason") or ""), coded.get(i, ""))
            for i, a in enumerate(given if isinstance(given, list) else [])
            if isinstance(a, dict) and (i in coded or not can_accept(str(a.get("rule") or "")))]


#: the answers at the top of a file that no page asks for (docgen's usual answer stands in
#: for each left out), but the base it extends, accepted warnings (check your answers puts
#: them right) and the board's signing details (the board's page): one docgen refuses is
#: listed on About with the answers it does not use, to remove (``unasked``); its error
#: linked to the reference, which could not put it right, and said only "Must be ‘GBP’"
UNASKED = frozenset(AnswerFile.model_fields) - set(STEP_BY_KEY) - {
    "extends", "acknowledge", BOARD_PARTY}
#: the interview's words for such an answer (problem_words.yaml)
UNASKED_ANSWER = "unasked_answer"


def unasked(problem: Problem) -> bool:
    """Whether ``problem`` is an error in an answer no page asks for (:data:`UNASKED`), not
    the own wording of clauses (said apart: ``own_wording_error``), nor an answer docgen
    does not use (listed already)."""
    return problem.severity == "error" and bool(problem.path) and \
        problem.path[0] in UNASKED and problem.code != "unknown_key" and \
        not own_wording_error(problem)


def step_for(path: KeyPath) -> str:
    """The step that asks for the key at ``path`` (for "change" links from a problem); the
    board's signing details, which no page asks, the board's (where they can be removed)."""
    key = BOARD if path and path[0] == BOARD_PARTY else str(path[0]) if path else ""
    step = STEP_BY_KEY.get(key)
    return step.slug if step else "about"


def problem_href(draft: Draft, problem: Any) -> str:
    """Where an error shown away from its page links: its section page, at its field (the
    GOV.UK error summary links to the answer to change, not to the top of a page); "" for
    a clause folder's error, which no answer puts right (shown without a link)."""
    if own_wording_error(problem):
        return ""
    slug = step_for(problem.path)
    path = problem.path
    if path[:1] == ("acknowledge",):  # removed on check your answers (stale_acceptances)
        return f"/edit/{draft.id}/check#stale-acceptances"
    if path[:1] == (BOARD_PARTY,):  # no page asks them: the board's question says so
        return f"/edit/{draft.id}/basis#{field_id(BOARD)}"
    at = path[1] if slug == "partners" and len(path) > 1 and isinstance(path[1], int) \
        else None
    if problem.code == "unknown_key" or unasked(problem):  # listed, "Remove this answer"
        page_of = f"partners/{at}" if at is not None else slug
        return f"/edit/{draft.id}/{page_of}#unknown-answers"
    if slug == "partners":
        return partner_box(draft, problem) if at is not None else f"/edit/{draft.id}/partners"
    _, summary = step_views(STEP_BY_SLUG[slug], draft.view(), [problem])
    anchor = summary[0][1] if summary else "main-content"
    return f"/edit/{draft.id}/{slug}#{anchor}"


def partner_step(index: int) -> Step:
    """Partner ``index``'s questions, as its own page asks them (the one-page form's names)."""
    partners = STEP_BY_SLUG["partners"]
    return dataclasses.replace(partners, questions=tuple(
        dataclasses.replace(q, path=("parties", index, *q.path))
        for q in partners.questions[0].fields))


def partner_box(draft: Draft, problem: Any) -> str:
    """The address of one partner's answer ``problem`` is about: the partner's own page, at
    the box its error summary links to (the page's top for an answer it does not ask)."""
    at = problem.path[1]
    _, summary = step_views(partner_step(at), draft.view(), [problem])
    found = [anchor for _, anchor in summary if anchor.startswith(f"f-parties-{at}-")]
    return f"/edit/{draft.id}/partners/{at}" + (f"#{found[0]}" if found else "")


def titles_for(draft: Draft | None) -> dict[str, str]:
    """The documents' titles for this post: a recruit gets a contract of employment, a
    named officer already employed a contract variation (each as the one table of
    documents names it)."""
    recruiting = draft is not None and no_postholder(draft.view())
    return {k.kind: k.recruit_label if recruiting and k.recruit_label else k.label
            for k in KINDS}


def say(problem: Any, draft: Draft | None = None) -> str:
    """A problem's message in plain words, partners by name (never a key path or rule id);
    an organisation's own wording of a clause that is out of date by whose it is, the
    clause's title and its documents (its message names a file, an id and a YAML key)."""
    answers = draft.view() if draft is not None else None
    if own_wording_error(problem):
        return folder_said(problem, answers)
    if unasked(problem):  # no page asks it: listed on About, to remove
        return BY_CODE[UNASKED_ANSWER]
    if problem.rule == OVERLAY_RULE:
        return own_wording_said(problem, answers, {
            kind: in_sentence(title) for kind, title in titles_for(draft).items()})
    names = party_names(answers) if answers is not None else {}
    return problem_text(problem.message, problem.path, names, problem.severity,
                        code=problem.code, rule=problem.rule, fix=problem.fix, answers=answers)


def in_sentence(text: str) -> str:
    """A label or title inside a sentence ("Change how is VAT treated?"): its first letter
    made small, unless its first word is an abbreviation in capitals (VAT, HR, NHS, TUPE);
    the rest as written, so no abbreviation or name in it is made small."""
    first = re.sub(r"['’]s$", "", text.split(" ", 1)[0].rstrip("?,:;"))
    return text if len(first) > 1 and first.isupper() else text[:1].lower() + text[1:]


def change_anchors(draft: Draft, step: Step) -> dict[str, str]:
    """:func:`~docgen.web.views.question_anchors` of ``draft``'s answers: where each
    Change link on Check your answers lands on ``step``'s page."""
    return question_anchors(step, draft.view())


templates.env.filters["in_sentence"] = in_sentence
templates.env.globals.update(say=say, change_anchors=change_anchors,
                             titles_for=titles_for, problem_href=problem_href,
                             GOVUK=GOVUK, STEPS=STEPS,
                             CSRF_FIELD=CSRF_FIELD, TITLES=TITLES,
                             step_for=step_for, rule_source=rule_source,
                             can_accept=can_accept, NOT_KNOWN=NOT_KNOWN,
                             rule_summary=rule_summary, NO_REASON=ACCEPTANCE_NO_REASON,
                             RULE_FORM=ACCEPTANCE_RULE_FORM,
                             NOT_APPLYING=ACCEPTANCE_NOT_APPLYING,
                             OF_ERROR=ACCEPTANCE_OF_ERROR,
                             pdf_available=pdf_available)


def page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """A page with the CSRF token its forms carry (and the cookie it must match)."""
    token = request.cookies.get(CSRF_COOKIE) or new_token()
    context = {**context, "csrf": token}
    draft = context.get("draft")
    if isinstance(draft, Draft) and draft.notice:  # said once, on the next page shown
        context["notice"], draft.notice = draft.notice, None
    response = templates.TemplateResponse(request, name, context, status_code=status)
    if request.cookies.get(CSRF_COOKIE) != token:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict")
    return response


async def posted(request: Request) -> Any:
    """The form, once its CSRF token has been checked."""
    form = await request.form(max_files=0, max_fields=5000)
    token = form.get(CSRF_FIELD)
    if not token_ok(request.cookies.get(CSRF_COOKIE), token if isinstance(token, str) else None):
        raise HTTPException(403, "This form has expired or came from another site. Go back, "
                                 "reload the page and try again.")
    return form


def store(request: Request) -> DraftStore:
    drafts: DraftStore = request.app.state.store
    return drafts


def draft_of(request: Request) -> Draft:
    draft = store(request).get(request.path_params["draft"])
    if draft is None:
        raise HTTPException(404, "There is no draft here any more (it was deleted, or saved "
                                 "and closed). The start page lists your drafts and posts.")
    return draft


def source(draft: Draft) -> dict[str, Any]:
    """What docgen.check/render read, from memory, with ``workspace=`` the served folder:
    the answers (over what the file ``extends``, already read from inside the folder).
    docgen reads them as if written in that folder (profiles, house styles and clause
    folders from inside it, confined), so nothing is written beside the posts and a
    build never sees a draft."""
    plain: dict[str, Any] = to_plain(draft.doc)
    if draft.base:
        plain = over_base(draft.base, plain)
    plain.pop("extends", None)
    return plain


def check(draft: Draft, folder: Path) -> docgen.CheckReport:
    return checked.check(source(draft), folder)


def render(draft: Draft, folder: Path) -> docgen.RenderResult:
    return docgen.render(source(draft), workspace=folder)


def gone_with_board(doc: Any, view: Any) -> None:
    """The board's signing details removed from ``doc`` (the file's own answers) once the
    board is left blank in ``view`` (as read, with any base beneath), as docgen's message
    outside Scotland says to leave it: kept, they were errors no page could put right
    ("Enter the name of the integration joint board", "exists only in Scotland")."""
    if isinstance(doc, dict) and isinstance(view, dict) and not view.get(BOARD):
        doc.pop(BOARD_PARTY, None)


def update(draft: Draft, step: Any, form: Any) -> None:
    """Merge a step's answers into the draft (keeping what a base it extends already says)."""
    before = to_plain(draft.doc)
    policy = policy_now(draft, source(draft))
    view = draft.view()
    apply(draft.doc, step, form, party_ids(view), view)
    if step.slug == "basis":  # the board left blank: its signing details go with it
        gone_with_board(draft.doc, draft.view())
    draft.keep_base(before)
    carry(draft, policy, source(draft))  # a new employer: its old profile's answers kept


def _shown(value: Any) -> Any:
    """``value`` without its empty lists and mappings (a page shows none, and Continue
    writes ``{internal: [], external: []}`` as ``{}``), numbers as the text a box shows (a
    profile's "19.8" is sent back as the number 19.8)."""
    if isinstance(value, dict):
        kept = {k: _shown(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v not in ({}, [])}
    if isinstance(value, list):
        return [_shown(v) for v in value]
    if isinstance(value, (int, float, decimal.Decimal)) and not isinstance(value, bool):
        return format(decimal.Decimal(str(value)).normalize(), "f")  # 19.8 as "19.8" shows
    return value


def fingerprint(draft: Draft, owns: tuple[str, ...]) -> str:
    """A short digest of the answers a section's page shows (its keys as shown, with the
    employer's profile and the base beneath, empty lists and mappings left out; not the
    file's version number): the page carries it, so a page sent after another tab or
    window changed those answers is refused rather than undoing that change. As shown,
    not as in the file: a first Continue that changed nothing writes the profile's answers
    the page showed into the file, and a second tab was refused for it."""
    view = to_plain(draft.view())
    answers = _shown({key: view[key] for key in owns if key != "docgen" and key in view})
    text = json.dumps(answers, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def keep(request: Request, draft: Draft) -> None:
    """Write the draft to the drafts folder, so a restart or an error page loses nothing."""
    store(request).persist(draft)


def named_but_blank(draft: Draft, result: Live) -> Live:
    """``result`` with "Enter the post-holder's name" when "Yes, a named person" was chosen
    and no name given: docgen reads an empty post-holder as none, so it finds nothing
    wrong. The name is asked for whenever a named person was chosen: a profile's pension
    scheme, or an address alone, left the name blank, and the contract printed "[to be
    confirmed]" for a person the officer knows. The address and the consultation date are
    not: docgen reads them left out as not known yet (a gap the documents show, needed
    before the post is final), as their labels say; refusing them blank here, with all
    else blank, asked the officer to tick "Not known yet" for what the label said could
    wait."""
    held = draft.view().get("postholder")
    if isinstance(held, dict) and not str(held.get("name") or "").strip() and not any(
            p.path == ("postholder", "name") for p in result.errors):
        result.errors.append(Problem("required", ("postholder", "name"), code=MISSING))
    return result


def from_tasks(request: Request) -> str:
    """``?from=tasks`` when the page was opened from the task list, to keep on the links,
    forms and redirects that lead on from it, so Back returns to the task list."""
    return "?from=tasks" if request.query_params.get("from") == "tasks" else ""


def back_address(request: Request, draft: Draft, slug: str, then: str | None) -> str:
    """Where a section's Back goes (step.html's Back, which saves the page first): to check
    your answers after its "Change" (``then``), to the task list when opened from it, else
    to the page that led here or the section before, else the task list."""
    where = {"check": "check", "section": f"check/{slug}"}.get(then or "")
    if where is None and not from_tasks(request):
        i = step_index(slug)
        where = draft.came_from.get(slug) or (STEPS[i - 1].slug if i else None)
    return f"/edit/{draft.id}/{where or 'tasks'}"


def run_live(request: Request, draft: Draft, owns: tuple[str, ...] = ()) -> Live:
    """The checks every page shows: docgen's, and a reference another post in the folder
    already has (which ``docgen build`` refuses for the second post, and docgen cannot see
    from this post alone), and a named post-holder's blank name (:func:`named_but_blank`):
    one place, so a section's page, the task list and check your answers agree."""
    answers = source(draft)
    policy = policy_under(answers, draft.profiles) if draft.profiles else None
    result = live(answers, owns, policy, workspace=request.app.state.folder)
    result.errors = id_from_short_name(answers, id_form(answers, result.errors))  # as asked
    reference = answers.get("reference")
    if isinstance(reference, str) and reference_taken(request.app.state.folder, reference,
                                                      draft.name):
        result.errors.append(Problem("another post in the folder has this reference",
                                     ("reference",), code="reference_taken"))
    named_but_blank(draft, result)  # the same on a section's page, the task list and check
    if result.complete:  # every warning known: a reopened one no longer warned is not
        rules = {w.rule for w in result.warnings}  # offered to accept again (its reason
        for rule in [r for r in draft.reopened if r not in rules]:  # is not kept either)
            draft.reopened.pop(rule)
    return result  # still complete: the documents themselves can be made and previewed
