"""Where a partner goes. Which partner a partner page's form is for: the partner it was
shown for may have moved (one removed in another tab) or, for a new partner's form, already
be added (the form sent twice). And "Add another partner": which organisation, from the
folder's organisation profiles (as "Start a new post" offers them), or "An organisation not
listed here", whose details are then given on its own partner page (without it a profiled
council removed by mistake, or a post whose partners were begun on the partners page, could
only be typed in by hand). Apart from :mod:`docgen.web.partners`, whose routes use it, so
each stays short.
"""

from __future__ import annotations

import copy
from typing import Any

from ruamel.yaml.comments import CommentedSeq
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from docgen.web.carried import carry, policy_now
from docgen.web.drafts import Draft
from docgen.web.forms import fresh, party_ids
from docgen.web.orgs import name_key, organisations
from docgen.web.pages import draft_of, from_tasks, keep, page, posted, source
from docgen.web.yamltext import to_plain

#: what a partner page's form says it was for when it was a new partner's (never an id or
#: a name the form can be confused with: ids are lower-case letters, digits and "_")
NEW = "-new-"


def partners_of(draft: Draft) -> list[Any]:
    """The draft's partners as a list (none when the answer is missing or not a list)."""
    parties = draft.view().get("parties")
    return list(parties) if isinstance(parties, list) else []


def out_of_date(form: Any, draft: Draft, index: int) -> bool:
    """Whether the form was for another partner than the one now at ``index``: it names
    the partner it was shown for (``which``), and a partner removed in another tab since
    moves the next one into its place, whose details the form must not overwrite. A form
    for a new partner is placed by :func:`new_at` instead. (A form without ``which`` is not
    from a partner page docgen showed, and is taken as it was before it had one.)"""
    which = form.get("which")
    if which is None or is_new(which):
        return False
    partners = partners_of(draft)
    return index >= len(partners) or which != which_of(partners[index])


def is_new(which: object) -> bool:
    """Whether a partner page's form was a new partner's: ``-new-:2`` when the list had two
    partners as it was shown (a bare ``-new-`` from a page shown before it said where)."""
    return isinstance(which, str) and (which == NEW or which.startswith(f"{NEW}:"))


def new_at(form: Any, draft: Draft, shown: int) -> int:
    """Where a new partner's form puts its partner. The form says where the list ended
    when it was shown (``-new-:2``). If a partner now sits there and it is the same
    organisation as the form's (the same id, name or short name), the form was sent
    before, by a double click on Continue or Back and Continue again: it updates that
    partner instead of adding the organisation twice. Otherwise it adds the partner where
    the list now ends: at the place it was shown for if nothing changed; after a partner
    added in another tab, or with the place gone since a partner above was removed, still
    at the end. An HR officer who typed a new partner in full means it to be added, and
    adding it overwrites no one else's details, so it is not refused as out of date (the
    list of partners it returns to shows it and the others)."""
    which = form.get("which")
    tail = which[len(NEW) + 1:] if isinstance(which, str) else ""
    at = int(tail) if tail.isascii() and tail.isdigit() else shown  # "²" is a digit too
    partners = partners_of(draft)
    if at < len(partners) and isinstance(partners[at], dict):
        there = partners[at]
        for key in ("id", "name", "short_name"):
            mine = name_key(form.get(f"parties.{shown}.{key}"))
            if mine and mine == name_key(there.get(key)):
                return at
    return len(partners)


def which_of(partner: object) -> str:
    """What names the partner a page was shown for (its id, else its name): a second "Yes,
    remove" (a double click, or Back and Yes again) must not remove the partner that has
    since moved into its place, nor a form overwrite it."""
    if isinstance(partner, dict):
        return str(partner.get("id") or partner.get("name") or "")
    return str(partner)


#: the choice of an organisation not listed (never a profile id: ids are lower-case
#: letters, digits and underscores), as "Start a new post" names it
NOT_LISTED = "-other-"
#: the most partners a post may have
MAX_PARTNERS = 50
#: the question's error when nothing is chosen
NOTHING_CHOSEN = "Select the organisation to add, or \u2018An organisation not listed here\u2019"


def _offered(request: Request, draft: Draft) -> list[dict[str, Any]]:
    """The folder's organisation profiles that are not partners of the post yet."""
    taken = set(party_ids(draft.view()))
    return [o for o in organisations(request.app.state.folder) if o["id"] not in taken]


def add_address(request: Request, draft: Draft) -> str:
    """Where "Add another partner" goes: the choice of organisation when a profile is left
    to choose, else straight to a new partner's page."""
    if _offered(request, draft):
        return f"/edit/{draft.id}/partners/add{from_tasks(request)}"
    return f"/edit/{draft.id}/partners/{len(partners_of(draft))}{from_tasks(request)}"


def _context(request: Request, draft: Draft, offered: list[dict[str, Any]],
             error: str = "") -> dict[str, Any]:
    return {"draft": draft, "orgs": offered, "NOT_LISTED": NOT_LISTED, "error": error,
            "summary": [(error, "organisation")] if error else []}


async def add_get(request: Request) -> Response:
    """The choice of organisation; straight on to a new partner's page when no profile is
    left to choose (a link kept from before), to the list when no partner can be added."""
    draft = draft_of(request)
    offered = _offered(request, draft)
    if len(partners_of(draft)) >= MAX_PARTNERS:
        return RedirectResponse(f"/edit/{draft.id}/partners{from_tasks(request)}", 303)
    if not offered:
        return RedirectResponse(add_address(request, draft), 303)
    return page(request, "partner_add.html", _context(request, draft, offered))


async def add_post(request: Request) -> Response:
    """The organisation chosen: a profile is added by its id (its details come from the
    profile, as the start page adds it) and the list shown; "not listed" opens a new
    partner's page. A profile already a partner (the form sent twice) is not added again."""
    draft = draft_of(request)
    form = await posted(request)
    chosen = form.get("organisation")
    listed = f"/edit/{draft.id}/partners{from_tasks(request)}"
    if chosen == NOT_LISTED:
        return RedirectResponse(f"/edit/{draft.id}/partners/{len(partners_of(draft))}"
                                f"{from_tasks(request)}", 303)
    if isinstance(chosen, str) and chosen in party_ids(draft.view()):
        return RedirectResponse(listed, 303)
    offered = _offered(request, draft)
    if chosen not in [o["id"] for o in offered]:
        return page(request, "partner_add.html",
                    _context(request, draft, offered, NOTHING_CHOSEN), status=422)
    if len(partners_of(draft)) < MAX_PARTNERS:
        with draft.lock:
            _add(draft, str(chosen))
            keep(request, draft)
    return RedirectResponse(listed, 303)


def _add(draft: Draft, pid: str) -> None:
    """Partner ``pid`` (a profile's id) added at the end of the post's partners, its
    answers then read from its profile as a partner chosen on the start page's are."""
    before = to_plain(draft.doc)
    was = policy_now(draft, source(draft))
    if "parties" not in draft.doc:  # from a base: copied in, pruned again if unchanged
        draft.doc["parties"] = fresh(copy.deepcopy(partners_of(draft)))
    if not isinstance(draft.doc["parties"], CommentedSeq):
        draft.doc["parties"] = CommentedSeq()
    draft.doc["parties"].append(pid)
    draft.keep_base(before)
    carry(draft, was, source(draft))  # the employer's answers, as any change of partners
