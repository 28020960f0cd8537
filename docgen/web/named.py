"""Answers that name a partner, after it is removed or stops being the employer.

A partner removed leaves behind the answers that chose it alone (the employer, the HR
lead, whom the post-holder returns to): an optional one is cleared quietly, so its
default applies (its page said "Select one of the partners" and Continue accepted it
blank); a required one is left for its page to ask again, and its section is marked to
check again. A new employer marks the sections whose answers still name the old one, and
its payment (on-costs, invoicing, VAT: the employer's) when no profile gave them.

An accepted warning whose reason names such a partner ("Ashby Vale's VAT adviser
confirmed ...") is no longer true, and a fee's reason is printed in the agreement: it is
reopened (no longer accepted), and the section the warning is about is marked to check
again, quoting the reason so the officer can accept it again in words still true.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import docgen
from docgen.web.fields import STEP_BY_KEY, STEPS, Q, Step, is_optional
from docgen.web.forms import get
from docgen.web.orgs import complete, policy_under

#: sections to check again, and why: what :func:`settle` finds
Marks = list[tuple[list[str], str]]


@dataclass(frozen=True)
class Before:
    """The post before a change: its employer, the profile policy it takes, each
    partner's id with the names a reason may call it by (legal name, short name), and the
    law that applies."""

    employer: Any = None
    policy: dict[str, Any] = field(default_factory=dict)
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    law: Any = None


def names_of(answers: dict[str, Any], profiles: dict[str, dict[str, Any]]) -> dict[
        str, tuple[str, ...]]:
    """Each partner's id and its names, as docgen reads the partners."""
    view = complete(answers, profiles) if profiles else answers
    parties = view.get("parties") if isinstance(view, dict) else None
    found: dict[str, tuple[str, ...]] = {}
    for party in parties if isinstance(parties, list) else []:
        pid = party.get("id") if isinstance(party, dict) else party
        if isinstance(pid, str):
            given = party if isinstance(party, dict) else {}
            found[pid] = tuple(str(given[k]).strip() for k in ("short_name", "name")
                               if isinstance(given.get(k), str) and given[k].strip())
    return found


def before(answers: dict[str, Any], profiles: dict[str, dict[str, Any]]) -> Before:
    return Before(answers.get("employer"),
                  policy_under(answers, profiles) if profiles else {},
                  names_of(answers, profiles), answers.get("jurisdiction"))


#: why a section is to be checked again when a partner its answers name was removed
REMOVED = ("{name} was removed as a partner, but answers in these sections named it. Choose "
           "one of the partners left.")


def sentence(text: str) -> str:
    """``text`` as a sentence begins: its first letter a capital. A partner's short name
    may be "the ICB", and a sentence opening with it read "the ICB was removed …"."""
    return text[:1].upper() + text[1:]


def called(names: dict[str, tuple[str, ...]], pid: Any) -> str:
    """A partner by its short name ("Westmere"), else its legal name, else its id."""
    given = names.get(pid) if isinstance(pid, str) else None
    return given[0] if given else str(pid or "The employer")


def _party_questions() -> list[tuple[Step, Q]]:
    return [(s, q) for s in STEPS for q in s.questions if q.kind == "party"]


def _same(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    return bool({n.casefold() for n in one} & {n.casefold() for n in other})


def settle(draft: Any, was: Before, answers: dict[str, Any]) -> Marks:
    """After a change to the partners or the employer (``was``: the post before it;
    ``answers``: as docgen reads them now): the optional answers naming a partner gone
    cleared, acceptances naming it or a changed employer reopened, and the sections to
    check again with why. A partner whose code changed, its names the same, is not gone."""
    now = names_of(answers, draft.profiles)
    gone = {pid: names for pid, names in was.names.items() if pid not in now
            and not any(_same(names, other) for other in now.values())}
    marks: Marks = []
    view = draft.view()
    for pid in gone:
        left = []
        for step, q in _party_questions():
            if get(view, q.path) != pid:
                continue
            if is_optional(q) and _clear(draft.doc, q.path, pid):
                continue
            left.append(step.slug)
        marks.append((left, sentence(REMOVED.format(name=called(was.names, pid)))))
    new, old_id = answers.get("employer"), was.employer
    whose = dict(gone)
    if isinstance(old_id, str) and isinstance(new, str) and old_id in was.names and \
            old_id not in gone and new in now and not _same(was.names[old_id], now[new]):
        old, new_name = called(was.names, old_id), called(now, new)
        slugs = [step.slug for step, q in _party_questions()
                 if step.slug != "employer" and get(view, q.path) == old_id]
        if not was.policy:  # no profile gave them: the old employer's own
            slugs.append("payment")
        marks.append((slugs, sentence(f"{new_name} is now the employer, but the answers in these "
                      f"sections were given when {old} was: some still name {old}, and the "
                      "on-costs, invoicing and VAT may be the old employer's. Check they "
                      "are still right.")))
        whose.update({old_id: was.names[old_id], new: now[new]})
        state = f"and {new_name} is now the employer"
    else:
        state = "which is no longer a partner"
    return marks + reopen(draft, whose, state)


def _clear(doc: Any, path: tuple[str | int, ...], pid: str) -> bool:
    """Remove the answer at ``path`` from the post's own answers if it is ``pid``."""
    parent = get(doc, path[:-1])
    if isinstance(parent, dict) and parent.get(path[-1]) == pid:
        del parent[path[-1]]
        if not parent and len(path) > 1:
            grand = get(doc, path[:-2])
            if isinstance(grand, dict):
                del grand[path[-2]]
        return True
    return False


@functools.cache
def _rule_sections() -> dict[str, str]:
    """Each rule's id → the slug of the section its warning is about."""
    found = {}
    for r in docgen.rules():
        step = STEP_BY_KEY.get(str(r.get("key") or "").split(".", 1)[0])
        if step is not None:
            found[str(r["id"])] = step.slug
    return found


def _names_in(reason: str, names: tuple[str, ...]) -> str | None:
    for name in names:
        if len(name) >= 3 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", reason,
                                        re.IGNORECASE):
            return name
    return None


def reopen(draft: Any, whose: dict[str, tuple[str, ...]], state: str) -> Marks:
    """The post's acceptances whose reasons name a partner in ``whose`` (its short or
    legal name), taken off ``acknowledge``, and the sections their warnings are about
    marked to check again, quoting each reason (``state``: what changed, as "which is no
    longer a partner")."""
    acks = draft.doc.get("acknowledge")
    if not whose or not isinstance(acks, list):
        return []
    marks: Marks = []
    for ack in list(acks):
        reason = " ".join(str(ack.get("reason") or "").split()) \
            if isinstance(ack, dict) else ""
        named = next((n for names in whose.values() if (n := _names_in(reason, names))),
                     None)
        rule = str(ack.get("rule") or "") if isinstance(ack, dict) else ""
        if named is None or not rule:  # without a rule it accepts no warning to reopen
            continue
        acks.remove(ack)
        draft.reopened[rule] = reason
        slug = _rule_sections().get(rule, "payment")
        title = next(s.title for s in STEPS if s.slug == slug)
        marks.append(([slug], f"You accepted a warning in {title} because: “{reason}” "
                      f"That names {named}, {state}, so the warning is no longer accepted. "
                      "On Check your answers, accept it again with a reason that is still "
                      "true, or change the answers it is about."))
    if not acks:
        del draft.doc["acknowledge"]
    return marks


__all__ = ["REMOVED", "Before", "Marks", "before", "called", "names_of", "reopen", "sentence",
           "settle"]
