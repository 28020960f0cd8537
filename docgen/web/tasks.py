"""The task list: each section's state as GOV.UK's task list pattern shows it.

A section is *Cannot start yet* when it asks about the partners and none are given,
*Not started* when none of its answers are given, *Completed* when its answers are
given and have no errors, and *In progress* otherwise. A section a change elsewhere asks
the officer to look at again (a new employer, a partner removed, standing answers that
may not fit) is *Check again* until its page is sent with Continue: the task list says
why, however many pages the officer sees first (a banner said it once, on whatever page
came next, and the sections still said Completed). A section a new post started with
docgen's suggestions in (:func:`suggest`: a trial, matters the post-holder does not act
in) is *Suggested answers* (a purple tag; Check your answers tags each such answer
"Suggested") rather than *Completed* until Continue on its page confirms them: they stand
in for warnings that made the officer think about the post, and can rule out its core
work (a shared procurement head not negotiating contracts between the partners).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docgen.web.checking import Live, for_step
from docgen.web.drafts import RECHECK, SUGGESTED
from docgen.web.fields import STEP_BY_SLUG, STEPS, Step, asked, no_postholder, offered, step_index
from docgen.web.forms import get, party_ids
from docgen.web.named import sentence
from docgen.web.standing import suggestions
from docgen.web.summary import suggested
from docgen.web.views import party_names

NEEDS_PARTNERS = frozenset({"employer", "time-split", "management", "governance", "exit",
                            "payment", "job"})
STATES = ("Cannot start yet", "Not started", "In progress", "Check again",
          "Suggested answers", "Completed")
#: what parts a reason's words from the mark of its kind after them, never shown
#: (``"?<slug>:<why>\x1f<kind>:<about>"``: ``carried.Reason``)
KIND = "\x1f"


def mark(visited: set[str], slugs: list[str], why: str) -> None:
    """Mark the sections ``slugs`` to be checked again, for the reason ``why``."""
    visited.update(f"{RECHECK}{s}:{why}" for s in slugs if s in STEP_BY_SLUG)


def mark_notice(draft: Any, why: str) -> list[str]:
    """The sections a notice just left on the draft links to (a change's "check these
    sections"), marked to check again for ``why`` instead of said once on the next page,
    whatever it was (a half-filled partner's page, or after one more page, gone)."""
    notice, draft.notice = draft.notice, None
    where = f"/edit/{draft.id}/"
    slugs = [href[len(where):] for _, href in (notice or {}).get("links", [])
             if href.startswith(where)]
    marked = set((notice or {}).get("marked", ()))  # already marked, each with its own why
    mark(draft.visited, [s for s in slugs if s not in marked], why)
    return [s for s in slugs if s in STEP_BY_SLUG]


def suggest(visited: set[str], slugs: list[str]) -> None:
    """Mark the sections ``slugs`` as holding docgen's suggestions, to be confirmed."""
    visited.update(f"{SUGGESTED}{s}" for s in slugs if s in STEP_BY_SLUG)


def suggesting(visited: set[str], slug: str) -> bool:
    """Whether section ``slug`` holds docgen's suggestions not confirmed yet."""
    return f"{SUGGESTED}{slug}" in visited


def suggested_rows(view: Any, profiles: dict[str, dict[str, Any]], visited: set[str],
                   steps: list[Step]) -> dict[str, set[str]]:
    """The labels of each of ``steps``' rows still holding docgen's suggestion, by slug,
    in a section not confirmed yet: what Check your answers, whole or for one section,
    marks "Suggested" (both pages alike, so neither passes one off as the officer's)."""
    marked = [s for s in steps if suggesting(visited, s.slug)]
    ours = suggestions(view, profiles) if marked else {}
    return {s.slug: suggested(s, view, ours) if s in marked else set() for s in steps}


def still_suggested(view: Any, profiles: dict[str, dict[str, Any]],
                    slugs: Iterable[str]) -> set[str]:
    """Which of the sections ``slugs`` have a row still holding docgen's suggestion
    (:func:`suggested_rows`, the rows Check your answers tags): the only ones a mark may
    stay on, so the task list and the tags never disagree."""
    steps = [STEP_BY_SLUG[s] for s in slugs if s in STEP_BY_SLUG]
    rows = suggested_rows(view, profiles, {f"{SUGGESTED}{s.slug}" for s in steps}, steps)
    return {slug for slug, labels in rows.items() if labels}


def marked(visited: Iterable[str]) -> set[str]:
    """The sections ``visited`` marks as holding docgen's suggestions (``"~<slug>"``)."""
    return {v[len(SUGGESTED):] for v in visited if v.startswith(SUGGESTED)}


def to_confirm(draft: Any) -> list[Step]:
    """The sections of ``draft`` still holding docgen's suggestions the officer has not
    confirmed (rows Check your answers tags "Suggested"), in the interview's order: "Final"
    waits for them, as they are docgen's judgements about the post, not the partners'."""
    slugs = marked(draft.visited)
    kept = still_suggested(draft.view(), draft.profiles, slugs) if slugs else set()
    return [s for s in STEPS if s.slug in kept]


def settle(draft: Any) -> None:
    """Drop the mark of each section none of whose rows still holds docgen's suggestion
    (the officer changed them all): it said "Suggested answers" over no tagged answer,
    and kept the draft's record on disk for ever."""
    slugs = marked(draft.visited)
    if slugs:
        gone = slugs - still_suggested(draft.view(), draft.profiles, slugs)
        draft.visited.difference_update(f"{SUGGESTED}{s}" for s in gone)


def carry(draft: Any, marks: Iterable[str]) -> bool:
    """Mark again on ``draft`` (a new draft of a file) the sections of ``marks`` (those of
    a draft of the same file it replaces, set aside or deleted) whose rows still hold
    docgen's suggestion: reopening the file does not confirm them. Whether any were."""
    kept = still_suggested(draft.view(), draft.profiles, marked(marks))
    suggest(draft.visited, sorted(kept))
    return bool(kept)


def rechecks(visited: set[str], slug: str) -> list[str]:
    """Why section ``slug`` is to be checked again (none: it is not), in words."""
    head = f"{RECHECK}{slug}:"
    return sorted({v[len(head):].partition(KIND)[0] for v in visited if v.startswith(head)})


def checked(visited: set[str], slug: str) -> None:
    """Section ``slug`` was sent with Continue: no longer to check again, and its
    suggestions confirmed."""
    visited.difference_update({v for v in visited if v.startswith(f"{RECHECK}{slug}:")
                               or v == f"{SUGGESTED}{slug}"})


def state(step: Step, doc: Any, result: Live, visited: set[str]) -> str:
    """One section's state (one of :data:`STATES`)."""
    found = _state(step, doc, result, visited)
    if found in ("In progress", "Completed") and rechecks(visited, step.slug):
        return "Check again"
    return "Suggested answers" if found == "Completed" and suggesting(visited, step.slug) \
        else found


def _state(step: Step, doc: Any, result: Live, visited: set[str]) -> str:
    if step.slug in NEEDS_PARTNERS and len(party_ids(doc)) < 2:
        return "Cannot start yet"
    if step.slug == "postholder" and no_postholder(doc) and (
            step.slug in visited or "*" in visited):
        return "Completed"  # recruiting: nothing to answer
    given = [k for k in step.owns if k in doc and k != "docgen"]
    if not given:
        return "Not started"
    errors = for_step(result.errors, step.owns)
    return "In progress" if errors or _unoffered(step, doc) or not (
        step.slug in visited or "*" in visited) else "Completed"


def _unoffered(step: Step, doc: Any) -> bool:
    """An answer its page cannot show as chosen (a value not among a radio question's
    choices); the section is not completed, so Continue goes there rather than past it. A
    legal basis of another jurisdiction is shown chosen, with docgen's warning
    (``fields.legal_bases``)."""
    return any(q.kind == "radios" and asked(q, doc) and isinstance(get(doc, q.path), str)
               and get(doc, q.path) not in offered(q, doc) for q in step.questions)


def task_list(doc: Any, result: Live, visited: set[str]) -> list[dict[str, Any]]:
    """Every section's state; ``result`` is the draft's checks (a section with errors is
    never *Completed*), so every page that counts sections counts the same."""
    return [{"step": s, "state": state(s, doc, result, visited),
             "why": rechecks(visited, s.slug)} for s in STEPS]


#: the sections the rest depends on, asked first while their answer is not given: which
#: law applies (About the arrangement) and the legal basis, by the key each asks
FIRST = {"about": "jurisdiction", "basis": "legal_basis"}


def next_section(slug: str, doc: Any, result: Live, visited: set[str]) -> str:
    """Where Continue on section ``slug`` leads: the next section still to answer (not
    *Completed*, and able to start), going round to an earlier one left open; check your
    answers once every other section is completed. Walking an officer through sections
    the start page already answered wasted a click each (six for two profiled councils).
    A section of docgen's suggestions (*Suggested answers*) is walked through: they are
    judgements for the partners (a trial, reviews, exit terms), Continue on its page is how
    the officer confirms them, and Final is refused until each is confirmed (passed by,
    the officer met that refusal at the end and went back for each, two pages a section).
    The law and the legal basis (:data:`FIRST`) come first while not given: the rest is
    worded by them (a partner typed in by hand, with no profile to state its law, led to
    them only after the post, the payment and the job)."""
    for first, key in FIRST.items():
        if first != slug and isinstance(doc, dict) and doc.get(key) in (None, ""):
            return first
    states = task_list(doc, result, visited)
    i = next(n for n, t in enumerate(states) if t["step"].slug == slug)
    for t in states[i + 1:] + states[:i]:
        if t["state"] in ("Not started", "In progress", "Check again", "Suggested answers"):
            return str(t["step"].slug)
    return "check"


def to_choose(draft: Any) -> bool:
    """Whether a draft's partners are still to be chosen on "Start a new post" (the folder
    has organisation profiles, and the draft names no partners yet): the task list and
    the drafts list link there, where "Save and come back later" left its choices."""
    return bool(draft.profiles) and "parties" not in draft.view()


def where_to(draft: Any) -> str:
    """Where a draft reopens: "Start a new post" while its partners are to be chosen, or
    while it holds choices "Save and come back later" kept there (``begun``: in a folder
    without profiles, whether the post-holder is known), else its task list."""
    return f"/edit/{draft.id}/{'begin' if to_choose(draft) or draft.begun else 'tasks'}"


def remember_back(came_from: dict[str, str], slug: str, following: str) -> None:
    """Where Back on ``following`` leads after Continue on ``slug``: back to ``slug`` when
    Continue went forward; when it went round to an earlier section, to the section before
    that one (remembered both ways, A to C and C back to A, Back went A, C, A, C...)."""
    if step_index(following) > step_index(slug):
        came_from[following] = slug
    else:
        came_from.pop(following, None)


def progress(tasks: list[dict[str, Any]]) -> str:
    done = sum(1 for t in tasks if t["state"] == "Completed")
    return f"{done} of {len(tasks)} sections completed"


def employer_changed(old: str, new: str | None) -> str:
    """Why sections are to be checked again when answers from the old employer's saved
    organisation profile were kept as the post's own (``new``: None when the employer was
    removed as a partner and is still to be chosen again)."""
    if new is None:
        return sentence(f"{old} is no longer a partner. Some answers in these sections came "
                        f"from {old}'s saved organisation profile. They have been kept, but "
                        "they may not be the policy of the employer you choose.")
    return sentence(f"{new} is now the employer. Some answers in these sections came from "
                    f"{old}'s saved organisation profile. They have been kept, but they may "
                    f"not be {new}'s policy.")


def new_employer(draft: Any, said: Any, old: Any, names: Any) -> bool:
    """After an answer was saved: when a new employer kept answers that came from the old
    one's (``old``; ``names``: :func:`~docgen.web.views.party_names` from before) saved
    organisation profile (a notice other than ``said`` left on the draft), the sections
    they are in marked to check again (True) rather than named once on whatever page
    came next."""
    if draft.notice is None or draft.notice is said:
        return False
    new = draft.view().get("employer")
    return bool(mark_notice(draft, employer_changed(
        _called(old, names), _called(new, party_names(draft.view())))))


def _called(party: Any, names: Any) -> str:
    """A partner by its short name ("Westmere"), else its legal name."""
    entry: dict[str, Any] = next((p for p in names.listed if p.get("id") == party), {})
    return str(entry.get("short_name") or names.get(party) or party)
