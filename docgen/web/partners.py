"""Partners one at a time (the GOV.UK "add another" pattern): a list of the partners with
Change and Remove, and one page per partner, instead of one page of every partner's
eighteen answers.
"""

from __future__ import annotations

import copy
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from docgen.answers.notknown import is_not_known
from docgen.answers.party_ids import party_id
from docgen.errors import Problem
from docgen.web.carried import carry, policy_now
from docgen.web.drafts import Draft
from docgen.web.fields import STEP_BY_SLUG, STEPS, step_index
from docgen.web.forms import DELETE, dotted, fresh, merge, nest, party_ids, read
from docgen.web.messages import error as plain_error
from docgen.web.not_both import asks_with_notice, left_with_both, partner_both
from docgen.web.nouns import LEGAL_FIRST, partner_called, phrase
from docgen.web.orgs import minimal_party
from docgen.web.pages import (
    draft_of,
    from_tasks,
    keep,
    page,
    partner_box,
    partner_step,
    posted,
    run_live,
    source,
)
from docgen.web.partner_place import (
    MAX_PARTNERS,
    NEW,
    add_address,
    is_new,
    new_at,
    out_of_date,
    partners_of,
    which_of,
)
from docgen.web.removal import EMPLOYS, forget, goes, removed
from docgen.web.renaming import code_changed, rename_field, rename_party
from docgen.web.standing import site_at_address
from docgen.web.summary import money_view
from docgen.web.tasks import checked, mark_notice, next_section, remember_back
from docgen.web.unknown import drop, unknown_under, unknown_views
from docgen.web.views import focus, party_names, step_views
from docgen.web.written_out import detail_missing
from docgen.web.yamltext import to_plain

STEP = STEP_BY_SLUG["partners"]
GROUP = STEP.questions[0]


def _index(request: Request, draft: Draft) -> int:
    index = int(request.path_params["index"])
    if not 0 <= index <= min(len(partners_of(draft)), MAX_PARTNERS - 1):
        raise HTTPException(404, "There is no such partner. The list of partners shows "
                                 "them all.")
    return index


def _list_context(request: Request, draft: Draft, show_errors: bool) -> dict[str, Any]:
    result = run_live(request, draft, STEP.owns)
    rows = []
    names = party_names(draft.view())
    listed = names.listed
    for i in range(len(listed)):
        errors = [p for p in result.errors if p.path[:2] == ("parties", i)] \
            if show_errors else []
        rows.append({"index": i, "name": partner_called(listed, i, keys=("name",)),
                     "short": partner_called(listed, i, keys=("short_name",), by_place=False),
                     "problems": len(errors)})
    summary: list[tuple[str, str]] = []
    parties = partners_of(draft)
    for p in result.errors if show_errors else []:
        if p.path[:1] != ("parties",):
            continue
        at = p.path[1] if len(p.path) > 1 and isinstance(p.path[1], int) else None
        kind = "radios" if p.path[-1:] == ("kind",) else "text"
        said = plain_error(p.message, p.path, kind, names, code=p.code, rule=p.rule,
                           fix=p.fix)
        if at is not None and detail_missing(p, parties):
            said = f"Enter the details still missing for {rows[at]['name']}"  # typed in
            if any(line == said for line, _ in summary):
                continue  # said once for the partner, linked to its first question
        summary.append((said, partner_box(draft, p) if at is not None else "partners-list"))
    return {"draft": draft, "step": STEP, "rows": rows, "summary": summary,
            "number": step_index("partners") + 1,
            "back": draft.came_from.get("partners") or STEPS[step_index("partners") - 1].slug,
            "warnings": [],
            "money": money_view(result.facts), "then": request.query_params.get("then"),
            "live": result, "add": add_address(request, draft)}


async def list_get(request: Request) -> Response:
    draft = draft_of(request)
    shown = draft.shows_problems("partners")
    return page(request, "partners.html", _list_context(request, draft, shown))


async def list_post(request: Request) -> Response:
    draft = draft_of(request)
    form = await posted(request)
    action = form.get("action", "continue")
    with draft.lock:
        draft.visited.add("partners")
        if action != "later":
            checked(draft.visited, "partners")
        keep(request, draft)
    if action == "later":
        return RedirectResponse(f"/?kept={draft.id}", 303)
    context = _list_context(request, draft, show_errors=True)
    if context["summary"] or len(context["rows"]) < 2:
        if len(context["rows"]) < 2:
            context["summary"] = [("Add at least two partners", "add-partner")]
        return page(request, "partners.html", context, status=422)
    then = form.get("then")
    following = {"check": "check", "section": "check/partners"}.get(then or "") \
        or next_section("partners", draft.view(), context["live"], draft.visited)
    if following in STEP_BY_SLUG:
        remember_back(draft.came_from, "partners", following)
    return RedirectResponse(f"/edit/{draft.id}/{following}", 303)


def _next_unanswered(draft: Draft, index: int, result: Any) -> int | None:
    """The partner after ``index`` whose own page is still to be answered, while the post
    is being started (the start page's organisations not listed, each given its own page
    in turn before the list of partners); None once the list has been seen."""
    if {"partners", "*"} & draft.visited:
        return None
    waiting = {p.path[1] for p in result.errors if p.path[:1] == ("parties",)
               and len(p.path) > 1 and isinstance(p.path[1], int)}
    return next((i for i in range(index + 1, len(partners_of(draft))) if i in waiting), None)


def _item_context(request: Request, draft: Draft, index: int, show_errors: bool,
                  both: list[Problem] | None = None) -> dict[str, Any]:
    """Partner ``index``'s page; ``both``: its answers typed with "Not known yet" ticked."""
    result = run_live(request, draft, STEP.owns)
    partners = partners_of(draft)
    errors = [*(both or []), *(p for p in result.errors
                               if p.path[:2] == ("parties", index))] if show_errors else []
    unknown = unknown_views(draft, unknown_under(errors, ("parties", index)))
    views, summary = step_views(partner_step(index), draft.view(),
                                [p for p in errors if p.code != "unknown_key"])
    party = partners[index] if index < len(partners) else {}
    return {"draft": draft, "index": index, "views": views, "unknown": unknown,
            "summary": [(u["message"], u["target"]) for u in unknown] + summary,
            "which": which_of(party) if index < len(partners) else f"{NEW}:{index}",
            "title": _title(draft, index), "next": _next_unanswered(draft, index, result),
            "done": len(partners) >= 2 and not any(p.path[:1] == ("parties",)
                                                   for p in result.errors)}


async def item_get(request: Request) -> Response:
    draft = draft_of(request)
    index = _index(request, draft)
    shown = index < len(partners_of(draft)) and draft.shows_problems("partners")
    return page(request, "partner.html", _item_context(request, draft, index, shown))


def _read_item(form: Any, index: int, parties: list[str],
               at: int | None = None) -> dict[str, Any]:
    """Partner ``index``'s answers as its form named them, for the partner at ``at``
    (``index`` unless a new partner's form goes elsewhere: see
    :func:`~docgen.web.partner_place.new_at`)."""
    at = index if at is None else at
    item: dict[str, Any] = {}
    for sub in GROUP.fields:
        nest(item, sub.path, read(sub, form, f"parties.{index}.{dotted(sub.path)}", parties))
    if item.get("id") is DELETE and isinstance(item.get("short_name"), str):
        # made the one way every door makes an id ("Ynys Môn" → ynys_mon), unlike the
        # other partners' ids
        taken = [pid for i, pid in enumerate(parties) if i != at]
        item["id"] = party_id("", taken, short_name=item["short_name"])
    return item


def _store(draft: Draft, index: int, item: dict[str, Any]) -> None:
    before = to_plain(draft.doc)
    if "parties" not in draft.doc:  # from a base: copied in, pruned again if unchanged
        draft.doc["parties"] = fresh(copy.deepcopy(partners_of(draft)))
    parties = draft.doc["parties"]
    if not isinstance(parties, CommentedSeq):
        parties = draft.doc["parties"] = CommentedSeq()
    if index < len(parties):
        given = to_plain(parties[index])
        merged = merge(parties[index] if isinstance(parties[index], CommentedMap)
                       else CommentedMap(), item)
        written = minimal_party(given, to_plain(merged), draft.profiles)
        if isinstance(written, dict):  # keep the entry (and its comments), less repeats
            for key in [k for k in merged if k not in written]:
                del merged[key]
        parties[index] = merged if isinstance(written, dict) else written
    elif any(v is not DELETE for v in item.values()):
        parties.append(fresh(item))
    draft.keep_base(before)


async def item_post(request: Request) -> Response:
    draft = draft_of(request)
    form = await posted(request)
    action = str(form.get("action", "continue"))
    if action.startswith("drop:"):  # confirmed: the confirmation page sends no answers
        index = _index(request, draft)
        if out_of_date(form, draft, index):
            return page(request, "stale.html", {"draft": draft}, status=409)
        return _drop(request, draft, action, index)
    saved = _save(request, draft, form)
    if isinstance(saved, Response):
        return saved
    index, both, clash = saved
    if action == "later" and not both:
        return RedirectResponse(f"/?kept={draft.id}", 303)
    asking = action.startswith("drop-ask:")  # "Remove this answer", sent with the page's
    # form: what was typed on it is kept, and words typed with "Not known yet" ticked (or a
    # short code refused) are asked about here, as the confirmation would lose the question
    if asking and not both and not clash:
        return _drop(request, draft, action, index)
    context = _item_context(request, draft, index, show_errors=True, both=both)
    if both and asks_with_notice(action):  # saved, not left: what to do, then go on
        context["notice"] = left_with_both(action)
    if clash:
        _refused(context, index, clash)
    if context["summary"] and index < len(partners_of(draft)):
        return page(request, "partner.html", context, status=422)
    if action == "continue" and context["done"] and "partners" not in draft.visited:
        with draft.lock:  # every partner's page complete: the section is (task list)
            draft.visited.add("partners")
            keep(request, draft)
    at = f"/{context['next']}" if context["next"] is not None else ""  # the next not listed
    return RedirectResponse(f"/edit/{draft.id}/partners{at}{from_tasks(request)}", 303)


def _save(request: Request, draft: Draft, form: Any) -> \
        tuple[int, list[Problem], tuple[str, str] | None] | Response:
    """Partner's page ``form`` saved, whichever button sent it: the partner's place, its
    answers typed with "Not known yet" ticked, a short code refused; or the page saying
    the form was for a partner no longer there."""
    shown = int(request.path_params["index"])  # the index the form's fields are named by
    with draft.lock:
        if is_new(form.get("which")) and shown < MAX_PARTNERS:
            index = new_at(form, draft, shown)
            if index >= MAX_PARTNERS:
                raise HTTPException(404, "There can be at most 50 partners.")
        else:
            index = _index(request, draft)
        if out_of_date(form, draft, index):
            return page(request, "stale.html", {"draft": draft}, status=409)
        item = _read_item(form, shown, party_ids(draft.view()), at=index)
        both = partner_both(form, shown, index)  # the words kept: asked which was meant
        clash = _taken_by(draft, index, item)
        seen = to_plain(draft.view())
        old = _id_of(partners_of(draft)[index]) if index < len(partners_of(draft)) else None
        policy = policy_now(draft, source(draft))
        _store(draft, index, item)
        renamed = _renamed(draft, index, old, seen)
        site_at_address(draft.doc, _at(seen.get("parties"), index),
                        _at(partners_of(draft), index))  # typed in: its place of work
        said = draft.notice
        carry(draft, policy, source(draft))  # a profiled employer renamed: its answers kept
        if renamed and draft.notice is not said and draft.notice is not None:  # to check
            mark_notice(draft, code_changed(_title(draft, index)))
        keep(request, draft)
    return index, both, clash


def _drop(request: Request, draft: Draft, action: str, index: int) -> Response:
    """"Remove this answer" on partner ``index``'s page: its confirmation names the partner
    as now saved (its short code may have just changed), so "Yes, remove it" is not
    refused as out of date."""
    partners = partners_of(draft)
    return drop(request, draft, action, lambda: unknown_under(
        run_live(request, draft, STEP.owns).errors, ("parties", index)),
        f"/edit/{draft.id}/partners/{index}{from_tasks(request)}", "Partners",
        which=which_of(partners[index]) if index < len(partners) else None)


def _at(partners: Any, index: int) -> Any:
    return partners[index] if isinstance(partners, list) and index < len(partners) else None


def _id_of(partner: object) -> str | None:
    """A partner's id: the profile's id it is given by, or the id its details give."""
    pid = partner.get("id") if isinstance(partner, dict) else partner
    return pid if isinstance(pid, str) else None


def _taken_by(draft: Draft, index: int, item: dict[str, Any]) -> tuple[str, str] | None:
    """When an existing partner's form gives it the short code of another partner: that
    code and the other partner's name (and the form's code is put back to the partner's
    own, so the two partners' answers are never mixed); else None. A new partner given a
    code already used is added as before, and the page names both."""
    partners = partners_of(draft)
    new = item.get("id")
    if index >= len(partners) or not isinstance(new, str) or new == _id_of(partners[index]):
        return None
    for i, other in enumerate(partners):
        if i != index and _id_of(other) == new:
            item["id"] = _id_of(partners[index]) or DELETE
            name = other.get("name") if isinstance(other, dict) else None
            profile = draft.profiles.get(new) if isinstance(other, str) else None
            return new, str(name if name and not is_not_known(name) else
                            (profile or {}).get("name") or _title(draft, i))
    return None


def _title(draft: Draft, index: int) -> str:
    """A partner as its page is titled: its legal name, else its short name, else its place
    in the list ("Partner 2"), never "tbc" (:func:`~docgen.web.nouns.partner_called`)."""
    listed = party_names(draft.view()).listed
    return partner_called(listed, index, keys=LEGAL_FIRST) if index < len(listed) else \
        phrase("answer_names.partner_unnamed", number=index + 1)


def _renamed(draft: Draft, index: int, old: str | None, seen: dict[str, Any]) -> bool:
    """After partner ``index``'s short code changed from ``old``: every answer naming it
    by ``old`` names it by its new code (its shares, fee, line manager, the rows naming it,
    the employer, ...), unless another partner still has ``old``."""
    partners = partners_of(draft)
    new = _id_of(partners[index]) if index < len(partners) else None
    if not old or not new or old == new or old in [_id_of(p) for p in partners]:
        return False
    before = to_plain(draft.doc)
    rename_party(draft.doc, seen, old, new)
    draft.changed = {rename_field(name, old, new) for name in draft.changed}
    draft.blank = {rename_field(name, old, new): n for name, n in draft.blank.items()}
    draft.keep_base(before)
    return True


def _refused(context: dict[str, Any], index: int, clash: tuple[str, str]) -> None:
    """The partner page's message for an abbreviation (its id) another partner has."""
    code, other = clash
    message = phrase("partner_id.taken", other=other, code=code, partner=context["title"])
    for view in context["views"]:
        if view["name"] == f"parties.{index}.id":
            view["errors"].insert(0, message)
            context["summary"].insert(0, (message, focus(view)))
            return
    context["summary"].insert(0, (message, "main"))


async def remove_get(request: Request) -> Response:
    """"Are you sure you want to remove …?": a partner is removed only from here, so one
    click beside the list never loses a partner typed in full and its answers."""
    draft = draft_of(request)
    index = _index(request, draft)
    if index >= len(partners_of(draft)):
        return RedirectResponse(f"/edit/{draft.id}/partners{from_tasks(request)}", 303)
    employs = _id_of(partners_of(draft)[index]) == draft.view().get("employer")
    return page(request, "remove.html", {"draft": draft, "index": index,
                                         "which": which_of(partners_of(draft)[index]),
                                         "goes": goes(),
                                         "employs": EMPLOYS if employs else "",
                                         "name": _item_context(request, draft, index,
                                                               False)["title"]})


async def remove(request: Request) -> Response:
    draft = draft_of(request)
    index = _index(request, draft)
    form = await posted(request)
    if form.get("confirm") != "yes":  # not from the confirmation page: ask first
        return RedirectResponse(f"/edit/{draft.id}/partners/{index}/remove"
                                f"{from_tasks(request)}", 303)
    with draft.lock:
        if index < len(partners_of(draft)) and form.get("which") == which_of(
                partners_of(draft)[index]):
            before = to_plain(draft.doc)
            policy = policy_now(draft, source(draft))
            if "parties" not in draft.doc:
                draft.doc["parties"] = fresh(copy.deepcopy(partners_of(draft)))
            gone = partners_of(draft)[index]
            name = _title(draft, index)
            del draft.doc["parties"][index]
            pid = gone.get("id") if isinstance(gone, dict) else None
            steps = forget(draft.doc, pid) if isinstance(pid, str) and pid not in \
                party_ids(draft.view()) else []  # its shares, rows and maps go with it
            draft.keep_base(before)
            carry(draft, policy, source(draft))  # the employer removed: its answers kept
            removed(draft, gone, name, steps)  # the sections to check again, on the task list
            keep(request, draft)
    return RedirectResponse(f"/edit/{draft.id}/partners{from_tasks(request)}", 303)
