"""Answers that came from the employer's organisation profile are kept when the employer
changes to a partner whose profile does not give them (or that has no profile at all).

A post given partners by id takes each policy answer it does not state from the
employer's profile (:func:`docgen.web.orgs.policy_under`). Choosing another employer
would otherwise drop those answers silently (about fifteen for a council's profile).
Instead they are copied into the post as its own answers, so nothing already shown on
"Check your answers" disappears, and the next page says so, linking to each section to
check: they were the old employer's policy, not necessarily the new one's.

A new employer whose profile gives its own answers gets them (:func:`profile_applies`),
as a post started with it does: the answers the start page wrote for an employer with no
profile (:func:`~docgen.web.standing.standing`) would otherwise stay the post's own and
win over the profile, so the same final answers made different documents. Each the post
still holds unchanged gives way to the profile's; one the officer changed is kept, its
section marked to check again. Like the start page, a profile written for partners of its
own kind is flagged when the post is shared with another kind (:func:`unfit_marks`).

The law that applies changed to one the legal basis chosen is not a power of (section 113,
then Scotland): the legal basis is marked to check again (:func:`law_changed`), its page
showing the answer chosen with docgen's warning (GP016), not refusing it.

A reason a later change may undo (a partner removed, then added back; the law changed
again) is kept with a mark of its kind beside its words (:class:`Reason`), so that change
finds it by its mark (:func:`kept`), never by reading its words. A draft saved before
reasons had marks gets them as it is read (:func:`marked_again`).

Also said on the next page: an answer docgen does not use that the officer asked to remove
("Remove this answer") but that went with the post-holder's details, "Not yet: we are
recruiting" chosen (:func:`removed_with`), as the page no longer lists it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap

from docgen.answers.body_kinds import body_words
from docgen.api.interview import join_words
from docgen.web.drafts import RECHECK, Draft
from docgen.web.fields import BASIS_HOME, STEPS
from docgen.web.forms import merge
from docgen.web.named import (
    REMOVED,
    Before,
    Marks,
    before,
    called,
    names_of,
    sentence,
    settle,
)
from docgen.web.nouns import phrase
from docgen.web.orgs import complete, policy_under
from docgen.web.standing import standing
from docgen.web.tasks import KIND, mark
from docgen.web.wording import choice
from docgen.web.yamltext import as_read, as_written

#: bodies of one kind, in the words of :func:`unfit_marks` (docgen's, ``answers/body_kinds``):
#: not "public bodies" for another public body's profile, as councils are public bodies too
KINDS_PLURAL = {kind: body_words(kind, plural=True) for kind in ("local_authority", "nhs_body")}
#: the answers of a standing section the employer's policy does not give
STANDING_ONLY = ("review",)
#: why the legal basis is to be checked again after a change of law (:func:`law_changed`)
LAW_CHANGED = ("The law of {law} now applies, but the legal basis chosen, {basis}, is a "
               "power in {home}. Check it still fits this post.")
#: the kinds of :class:`Reason`: a partner removed (about: its name, casefolded), the law
#: changed (about: the law's id)
PARTNER_REMOVED, LAW = "partner_removed", "law"
#: each law, by its name in a reason's words (:data:`LAW_CHANGED`)
LAWS = {choice(law, ("jurisdiction",)): law
        for law in sorted({law for homes in BASIS_HOME.values() for law in homes})}
#: a reason kept by a docgen whose reasons had no mark (a draft saved then), worded by
#: :data:`~docgen.web.named.REMOVED` or :data:`LAW_CHANGED`: read once, by
#: :func:`marked_again`, as the draft is read
_OLD_REMOVED = re.compile(re.escape(REMOVED).replace(r"\{name\}", "(.+)"), re.IGNORECASE)
_OLD_LAW = re.compile(re.escape(LAW_CHANGED).replace(r"\{law\}", "(.+?)")
                      .replace(r"\{basis\}", ".+").replace(r"\{home\}", ".+"))


@dataclass(frozen=True)
class Reason:
    """What a reason to check a section again is about, kept beside its words in
    ``Draft.visited`` (after :data:`~docgen.web.tasks.KIND`, which the task list never
    shows): its kind and the partner or law it concerns, so the change that undoes it
    drops it by a lookup (:func:`kept`), whatever its words say."""

    kind: str
    about: str

    def beside(self, why: str) -> str:
        """``why`` with this mark after it, as :func:`~docgen.web.tasks.mark` keeps it."""
        return f"{why.replace(KIND, ' ')}{KIND}{self.kind}:{self.about.replace(KIND, ' ')}"


def kept(visited: set[str], kind: str) -> dict[str, str]:
    """Each reason of ``kind`` ``visited`` keeps (its entry), and what it is about."""
    found: dict[str, str] = {}
    for entry in visited:
        if entry.startswith(RECHECK) and KIND in entry:
            was, _, about = entry.partition(KIND)[2].partition(":")
            if was == kind:
                found[entry] = about
    return found


def marked_again(entry: str) -> str:
    """``entry`` of a draft's ``visited`` as read from disk: a reason kept without a mark
    (by an older docgen) given the mark of its kind, known by its words; anything else,
    a reason with a mark too, as it is."""
    if not entry.startswith(RECHECK) or KIND in entry:
        return entry
    slug, _, why = entry[len(RECHECK):].partition(":")
    if (removed := _OLD_REMOVED.fullmatch(why)) is not None:
        reason = Reason(PARTNER_REMOVED, removed.group(1).casefold())
    elif (law := _OLD_LAW.fullmatch(why)) is not None:
        reason = Reason(LAW, LAWS.get(law.group(1), ""))
    else:
        return entry
    return f"{RECHECK}{slug}:{reason.beside(why)}"


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
    (:func:`~docgen.web.named.settle`), apply a new employer's profile
    (:func:`profile_applies`), and leave a notice on the draft for the next page
    (its ``marks``: more sections to check again, each with why)."""
    back_again(draft, answers)
    if answers.get("jurisdiction") != was.law:  # said of the law before: may no longer hold
        draft.visited.difference_update(kept(draft.visited, LAW))
    settled = settle(draft, was, answers)
    law = law_changed(was, answers)
    marks = settled + profile_applies(draft, was, answers) + law
    employer, old = was.employer, was.policy
    removed = not _listed(answers, employer)
    sections = [] if not old or (answers.get("employer") == employer and not removed) \
        else _copied(draft, old, answers)
    reasons = {**_removed(was, settled),
               **{why: Reason(LAW, str(answers.get("jurisdiction"))) for _, why in law}}
    for slugs, because in marks:  # each with its own reason, whichever page comes next
        reason = reasons.get(because)
        mark(draft.visited, slugs, reason.beside(because) if reason else because)
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


def back_again(draft: Draft, answers: dict[str, Any]) -> None:
    """Sections no longer to check again for a partner's removal once a partner of the same
    name is a partner again (removed, then added back): the employer's page said "Northfield
    was removed… Choose one of the partners left" with Northfield listed and chosen."""
    now = {n.casefold() for names in names_of(answers, draft.profiles).values() for n in names}
    draft.visited.difference_update(
        entry for entry, name in kept(draft.visited, PARTNER_REMOVED).items() if name in now)


def _removed(was: Before, marks: Marks) -> dict[str, Reason]:
    """The reasons among ``marks`` (:func:`~docgen.web.named.settle`'s) that a partner of
    the post before the change (``was``) was removed, each with its mark (the partner's
    name): each is the sentence settle words for it, made again here for the lookup."""
    made = {sentence(REMOVED.format(name=called(was.names, pid))): called(was.names, pid)
            for pid in was.names}
    return {why: Reason(PARTNER_REMOVED, made[why].casefold()) for _, why in marks
            if why in made}


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


def unfit(profile: dict[str, Any] | None, parties: list[dict[str, Any]]) -> list[str]:
    """The partners of another kind than the employer's profile, when it gives standing
    answers (written for posts between bodies of its own kind: "each council's
    employees", a VAT reason for councils); none when they fit every partner."""
    if not profile or not profile.get("policy"):
        return []
    kind = profile["party"].get("kind")
    return [str(p.get("name") or p.get("id")) for p in parties if p.get("kind") != kind]


def unfit_marks(profile: dict[str, Any], others: list[str]) -> Marks:
    """The sections holding an employer's standing answers that may not fit (``others``:
    the partners of another kind, :func:`unfit`), to be checked again, and why."""
    own = str(profile["party"].get("short_name") or profile["name"])
    kind = str(profile["party"].get("kind"))
    between = KINDS_PLURAL.get(kind) or \
        f"bodies of its own kind ({choice(kind, ('parties', 'kind')).lower()})"
    sections = [*(k for k in profile["policy"] if k != "postholder"), *STANDING_ONLY]
    return [(_slugs(sections),
             f"These sections hold answers from {own}'s organisation details, which were "
             f"written for posts between {between}. This post is also shared with "
             f"{' and '.join(others)}, so some answers may not fit it.")]


def profile_applies(draft: Draft, was: Before, answers: dict[str, Any]) -> Marks:
    """A new employer's profile applied: each answer it gives that the post still holds
    as the start page wrote it with no profile dropped from the post (so the profile's
    applies, as for a post started with this employer), each the officer changed kept;
    the sections of both to check again, and why (none: the employer did not change to
    one whose profile gives answers)."""
    new = answers.get("employer")
    policy = policy_under(answers, draft.profiles)
    if new == was.employer or not isinstance(new, str) or not policy:
        return []
    parties = [{"name": p["id"], **p} for p in complete(answers, draft.profiles)["parties"]
               if isinstance(p, dict) and isinstance(p.get("id"), str)]
    written = standing(parties, str(was.employer or ""))  # the start page's, no profile
    replaced: list[str] = []
    kept: list[str] = []
    for section, values in policy.items():
        own = draft.doc.get(section)
        for key in [k for k in values if isinstance(own, dict) and k in own]:
            mine = as_read(own[key])
            if key in (written.get(section) or {}) and mine == as_read(written[section][key]):
                del own[key]  # the profile's from now on, said only where it differs
                replaced += [section] if mine != as_read(values[key]) else []
            elif mine != as_read(values[key]):
                kept.append(section)
        if isinstance(own, dict) and not own:
            del draft.doc[section]
    name = called(names_of(answers, draft.profiles), new)
    marks = [m for m in (
        (_slugs(replaced), f"{name} is now the employer. {name}'s saved organisation profile "
         f"gives its own answers in {_titles(replaced)}, so they have replaced the general "
         "answers docgen gives when the employer has no profile. Check they fit this post."),
        (_slugs(kept), f"{name} is now the employer. {name}'s saved organisation profile "
         f"gives its own answers in {_titles(kept)}, but you had given this post other "
         f"answers there, so yours have been kept. Check they are still right, or change "
         f"them to {name}'s.")) if m[0]]
    others = unfit(draft.profiles[new], parties)
    return marks + (unfit_marks(draft.profiles[new], others) if others else [])


def law_changed(was: Before, answers: dict[str, Any]) -> Marks:
    """The legal basis to check again, and why, when the law that applies changed to one
    whose powers do not include it (none otherwise): docgen only warns of it (GP016), so
    the Legal basis page shows it chosen, with that warning, and Continue goes there.
    :func:`carry` first drops the reason an earlier change of law left, so the page says
    the law as it is now, or nothing once the basis fits it again."""
    law, basis = answers.get("jurisdiction"), answers.get("legal_basis")
    homes = BASIS_HOME.get(basis) if isinstance(basis, str) else None
    if law == was.law or not isinstance(law, str) or not homes or law in homes:
        return []
    return [(["basis"], LAW_CHANGED.format(law=choice(law, ("jurisdiction",)),
                                           basis=choice(basis, ("legal_basis",)),
                                           home=choice(homes[0], ("jurisdiction",))))]


def _slugs(sections: list[str]) -> list[str]:
    """The slugs of the pages asking ``sections``, in the interview's order."""
    return [s.slug for s in STEPS if any(section in s.owns for section in sections)]


def _titles(sections: list[str]) -> str:
    """The titles of the pages asking ``sections``, as a list in words."""
    return join_words([s.title for s in STEPS if any(section in s.owns for section in sections)])


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


__all__ = ["KINDS_PLURAL", "LAW", "LAWS", "LAW_CHANGED", "PARTNER_REMOVED", "STANDING_ONLY",
           "Reason", "answer_among", "back_again", "carry", "kept", "marked_again",
           "policy_now", "profile_applies", "removed_with", "unfit", "unfit_marks"]
