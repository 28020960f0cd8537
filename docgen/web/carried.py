"""Answers that came from the employer's organisation profile are kept when the employer
changes to a partner whose profile does not give them (or that has no profile at all).

A post given partners by id takes each policy answer it does not state from the
employer's profile (:func:`docgen.web.orgs.policy_under`). Choosing another employer
would otherwise drop those answers silently (about fifteen for a council's profile).
Instead they are copied into the post as its own answers, so nothing already shown on
"Check your answers" disappears, and the next page says so, linking to each section to
check: they were the old employer's policy, not necessarily the new one's.

Also said on the next page: an answer docgen does not use that the officer asked to remove
("Remove this answer") but that went with the post-holder's details, "Not yet: we are
recruiting" chosen (:func:`removed_with`), as the page no longer lists it.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap

from docgen.web.drafts import Draft
from docgen.web.fields import STEPS
from docgen.web.forms import merge
from docgen.web.named import Before, before, sentence, settle
from docgen.web.nouns import phrase
from docgen.web.orgs import policy_under
from docgen.web.tasks import mark
from docgen.web.yamltext import as_written


def policy_now(draft: Draft, answers: dict[str, Any]) -> Before:
    """The employer, the profile policy the post takes and the partners' names, now
    (before a change)."""
    return before(answers, draft.profiles)


def _name(draft: Draft, party_id: Any) -> str:
    profile = draft.profiles.get(party_id) if isinstance(party_id, str) else None
    if profile:
        return str(profile["name"])
    parties = draft.view().get("parties")
    for party in parties if isinstance(parties, list) else []:
        if isinstance(party, dict) and party.get("id") == party_id and party.get("name"):
            return str(party["name"])
    return "The new employer"


def _listed(answers: dict[str, Any], party_id: Any) -> bool:
    parties = answers.get("parties")
    return any(p == party_id or (isinstance(p, dict) and p.get("id") == party_id)
               for p in (parties if isinstance(parties, list) else []))


def carry(draft: Draft, was: Before, answers: dict[str, Any]) -> None:
    """Copy into the post each policy answer the old employer's profile gave and the new
    employer's does not, settle the answers naming a partner removed or the old employer
    (:func:`~docgen.web.named.settle`), and leave a notice on the draft for the next page
    (its ``marks``: more sections to check again, each with why)."""
    marks = settle(draft, was, answers)
    employer, old = was.employer, was.policy
    removed = not _listed(answers, employer)
    sections = [] if not old or (answers.get("employer") == employer and not removed) \
        else _copied(draft, old, answers)
    for slugs, because in marks:  # each with its own reason, whichever page comes next
        mark(draft.visited, slugs, because)
    marked = [slug for slugs, _ in marks for slug in slugs]
    if not sections and not marked:
        return
    steps = [s for s in STEPS if s.slug in marked
             or any(section in s.owns for section in sections)]
    links = [(s.title, f"/edit/{draft.id}/{s.slug}") for s in steps]
    own = {s.slug for s in steps if any(section in s.owns for section in sections)}
    marked = [slug for slug in marked if slug not in own]  # the rest: the profile's why too
    new_id = answers.get("employer")
    if not sections:
        draft.notice = {"heading": "Some answers may no longer fit",
                        "text": "Check these sections:", "links": links, "marked": marked}
        return
    if removed:
        why = f"{_name(draft, employer)} is no longer a partner, so the answers that came " \
              "from its organisation profile"
    else:
        lacks = "has no saved organisation profile" if new_id not in draft.profiles \
            else "has a saved organisation profile that does not give them all"
        why = f"{_name(draft, new_id)} {lacks}, so the answers that came from " \
              f"{_name(draft, employer)}'s profile"
    draft.notice = {
        "heading": sentence(f"{why} are now this post's own answers"),
        "text": "Nothing was lost, but they were the previous employer's policy. Check "
                "they suit the employer now:", "links": links, "marked": marked}


def _copied(draft: Draft, old: dict[str, Any], answers: dict[str, Any]) -> list[str]:
    """The old employer's profile answers the new one's does not give, copied into the
    post; the sections they went into."""
    new = policy_under(answers, draft.profiles)
    sections: list[str] = []
    for section, values in old.items():
        if section == "postholder" and not isinstance(answers.get("postholder"), dict):
            continue  # a post with no post-holder takes no pension scheme
        for key, value in values.items():
            own = draft.doc.get(section)
            if key in (new.get(section) or {}) or (isinstance(own, dict) and key in own):
                continue
            if not isinstance(own, CommentedMap):
                own = draft.doc[section] = CommentedMap()
            own[key] = merge(None, as_written(value))
            if section not in sections:
                sections.append(section)
    return sections


def answer_among(held: Any, action: str, at: str = "postholder") -> str | None:
    """The name of the answer "Remove this answer" (``action``: ``drop-ask:<path>``) was
    pressed for, if it is in ``held`` (the answers under ``at``); else None."""
    path = action.partition(":")[2]
    items = held.items() if isinstance(held, dict) else \
        enumerate(held) if isinstance(held, list) else ()
    for key, value in items:
        here = f"{at}.{key}"
        found = str(key) if here == path else answer_among(value, action, here) \
            if path.startswith(here + ".") else None
        if found is not None:
            return found
    return None


def removed_with(draft: Draft, answer: str | None, action: str) -> None:
    """The post-holder's details saved as removed ("Not yet") with ``answer`` among them,
    the one "Remove this answer" was pressed for: the next page says it went too, else the
    officer finds it gone without a word (the confirmation they were asked for was the
    details', not the answer's). Says nothing if the answer is still there. With another
    notice waiting (the post made a draft again), its sentence goes first in that notice's
    text: only one notice is shown, and that text may end leading to the notice's links."""
    if answer is None or answer_among(draft.doc.get("postholder"), action) is not None:
        return
    if draft.notice is not None:
        also = phrase("details_removed.also", answer=answer)
        draft.notice = {**draft.notice, "text": f"{also} {draft.notice.get('text') or ''}"
                        .strip()}
        return
    draft.notice = {"heading": phrase("details_removed.heading", answer=answer),
                    "text": phrase("details_removed.text"), "links": []}


__all__ = ["answer_among", "carry", "policy_now", "removed_with"]
