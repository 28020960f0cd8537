"""Which partner a partner page's form is for: the partner it was shown for may have moved
(one removed in another tab) or, for a new partner's form, already be added (the form sent
twice). Apart from :mod:`docgen.web.partners`, whose routes use it, so each stays short.
"""

from __future__ import annotations

from typing import Any

from docgen.web.drafts import Draft
from docgen.web.orgs import name_key

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
