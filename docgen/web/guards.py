"""What a section's page refuses to save: "Final" while the post cannot be final yet, and
a page sent from a copy shown before another tab or window changed its answers."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.requests import Request

import docgen
from docgen.errors import KeyPath, Problem
from docgen.final_open import FINAL_ONLY
from docgen.web import checked
from docgen.web.before_final import (
    CHECK_SUGGESTED,
    Open,
    as_used,
    made,
    only_put_right,
    open_warnings,
    recruit_can_wait,
    refusal,
    rules_ran,
    still_to_give,
)
from docgen.web.drafts import Draft
from docgen.web.fields import STEP_BY_SLUG, question_at
from docgen.web.forms import get, ticked_and_typed
from docgen.web.nouns import answer_noun, phrase
from docgen.web.own_wording import own_wording_todo
from docgen.web.pages import fingerprint, problem_href, source
from docgen.web.tasks import to_confirm
from docgen.web.views import party_names
from docgen.web.wording import words

#: the form field carrying :func:`~docgen.web.pages.fingerprint` of the answers shown
SEEN = "seen"

#: the notice on a page sent from a copy shown before its answers changed (its words from
#: :data:`~docgen.web.nouns.PHRASES`, read once, as the server starts)
CHANGED_ELSEWHERE: dict[str, Any] = {"heading": phrase("changed_elsewhere.heading"),
                                     "text": phrase("changed_elsewhere.text"), "links": []}


def stale(draft: Draft, form: Any, owns: tuple[str, ...]) -> bool:
    """Whether the page was sent from a copy shown before its answers last changed (two
    tabs of one section: the second sent its old copy of the first's change, undoing it)."""
    seen = form.get(SEEN)
    return isinstance(seen, str) and bool(seen) and seen != fingerprint(draft, owns)


def both_given(form: Any) -> list[Problem]:
    """An error at each box sent with text typed and "Not known yet" ticked (the text is
    kept, see :func:`~docgen.web.forms.typed_too`): "Enter the job title, or tick ‘Not
    known yet’, not both", in the question's own words."""
    out = []
    for name in ticked_and_typed(form):
        path: KeyPath = tuple(int(k) if k.isdigit() else k for k in name.split("."))
        found = words(path)
        asked = (found.missing if found else "").split(", for example")[0]
        if not asked.startswith("Enter "):
            label = found.label if found else phrase("answer_names.this_answer")
            asked = phrase("typed_and_not_known.enter", label=label[:1].lower() + label[1:])
        out.append(Problem(phrase("typed_and_not_known.not_both", asked=asked), path,
                           code="typed_and_not_known"))
    return out


@dataclass
class Refused:
    """"Final" not kept: why (an error at the status question), each thing to do first
    linked to its question, and whether a recruit's post may be final without its contract
    (the agreement and job specification now, the contract once the appointee is known)."""

    problem: Problem
    todo: list[tuple[str, str]] = field(default_factory=list)
    can_wait: bool = False


def refuse_final(request: Request, draft: Draft, was: Any) -> Refused | None:
    """Why "Final", just chosen, cannot be kept, with the status put back as it was (a
    draft): kept, it made every document refused until the officer found "Draft" again.
    None when final is allowed, or was already chosen."""
    if draft.doc.get("status") != "final" or was == "final":
        return None
    plain = source(draft)
    found = final_open(plain, request.app.state.folder)
    found.suggested = [s.slug for s in to_confirm(draft)]
    if not found:
        return None
    draft.doc["status"] = was if isinstance(was, str) and was else "draft"
    can_wait = recruit_can_wait(plain, found)
    return Refused(Problem(refusal(found, can_wait), ("status",), code="final_refused"),
                   todo(draft, found), can_wait)


def final_open(plain: dict[str, Any], folder: Path) -> Open:
    """What stands between the answers ``plain`` (status final) and a final post, from
    docgen's problems. A value not known yet stops docgen before its rules, so the
    warnings and the gaps are then counted with a stand-in for each such value."""
    report = checked.check(plain, workspace=folder)
    if report.ok:
        return Open()
    kinds = made(plain)
    answers = still_to_give(report.errors)
    if any(p.code not in FINAL_ONLY for p in report.errors):
        return Open(answers, unsure=True)
    if rules_ran(report.errors):
        return Open(answers, open_warnings(report.warnings, kinds, answers))
    stood = {p.path for p in answers}
    again = _stood_in(plain, stood, folder)
    if again is None:  # the warnings alone, from the answers as a draft
        rules = checked.check({**plain, "status": "draft"}, workspace=folder)
        return Open(answers, open_warnings(as_used(rules.warnings), kinds, answers),
                    unsure=not rules.ok)
    more = [p for p in still_to_give(again.errors) if p.path not in stood]
    answers += more
    warnings = [w for w in as_used(again.warnings) if w.path not in stood]
    return Open(answers, open_warnings(warnings, kinds, answers))


#: what stands in for a value not known yet, as text and as a date
STAND_INS: tuple[Any, ...] = ("Stand-in", dt.date(2000, 1, 1))


def _stood_in(plain: dict[str, Any], paths: set[KeyPath],
              folder: Path) -> docgen.CheckReport | None:
    """docgen's check of ``plain`` with a stand-in at each of ``paths`` (text, else a date
    where text is refused); None when it still stops before its rules."""
    stood = copy.deepcopy(plain)
    wrong = paths
    for value in STAND_INS:
        for path in wrong:
            parent = get(stood, path[:-1])
            if isinstance(parent, dict | list):
                parent[path[-1]] = value  # type: ignore[index]
        report = checked.check(stood, workspace=folder)
        if all(p.code in FINAL_ONLY for p in report.errors):
            return report
        wrong = {p.path for p in report.errors if p.path in paths}
        if any(p.path not in paths and p.code not in FINAL_ONLY
               for p in report.errors):
            return None
    return None


#: a gap the documents show, by its question: the key of its words in
#: :data:`~docgen.web.nouns.PHRASES` (docgen's gap_final)
GAPS: dict[KeyPath, str] = {("postholder",): "before_final.postholder",
                            ("exit", "reversion_post"): "before_final.reversion_post"}


def todo(draft: Draft, found: Open) -> list[tuple[str, str]]:
    """Each thing to do before the post can be final, linked to its question; each answer
    named apart from the others (:func:`~docgen.web.nouns.answer_noun`: a row of a list by
    the name typed for it), and two warnings about one answer said once, counted; in the
    words of :data:`~docgen.web.nouns.PHRASES`."""
    suggested = [(CHECK_SUGGESTED.format(page=STEP_BY_SLUG[slug].title),
                  f"/edit/{draft.id}/{slug}") for slug in found.suggested]
    if found.unsure:
        return [(phrase("before_final.put_right"), f"/edit/{draft.id}/check"), *suggested]
    answers = draft.view()
    names = party_names(answers)  # each named and linked as check your answers does
    out = [(phrase("before_final.give", answer=phrase(GAPS[p.path]) if p.path in GAPS
                   else answer_noun(p.path, names, answers)), problem_href(draft, p))
           for p in found.answers]
    # an organisation's own wording of a clause out of date: no question puts it right,
    # so it links to the warning itself, on check your answers
    out += [(own_wording_todo(w, answers), f"/edit/{draft.id}/check#warnings")
            for w in found.warnings if only_put_right(w)]
    about: dict[tuple[str, str], int] = {}
    for w in found.warnings:
        if only_put_right(w):
            continue
        step, _ = question_at(w.path)
        noun = answer_noun(w.path, names, answers)
        if step is not None and step.title not in noun:
            noun = phrase("before_final.on_page", answer=noun, page=step.title)
        key = (noun, problem_href(draft, w))
        about[key] = about.get(key, 0) + 1
    return out + [(phrase("before_final.warning", answer=said) if n == 1 else
                   phrase("before_final.warnings", answer=said, count=n), href)
                  for (said, href), n in about.items()] + suggested
