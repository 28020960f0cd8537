"""Start a new post from what is known: the partners (from the workspace's organisation
profiles, and up to two organisations not listed there, such as an NHS trust and a county
council with no profile; more partners are added on the partners page),
the employer, whether the post-holder is known, and a reference. Everything else a
council normally says is filled from the standing answers and the employer's profile,
and shown on "Check your answers" to change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap
from starlette.datastructures import ImmutableMultiDict
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

import docgen
from docgen.answers.party_ids import party_id
from docgen.web.carried import unfit, unfit_marks
from docgen.web.drafts import Draft, reference_taken
from docgen.web.fields import STEPS, model_choices, no_postholder
from docgen.web.forms import merge
from docgen.web.messages import error
from docgen.web.orgs import name_key, organisations
from docgen.web.pages import draft_of, keep, page, posted
from docgen.web.standing import SETTLED, judgements, post_law, standing, without
from docgen.web.summary import suggested
from docgen.web.tasks import mark, suggest
from docgen.web.wording import WORDS, choice

#: the form's value for "an organisation not listed here" (never a profile id: ids are
#: lower-case letters, digits and underscores)
OTHER = "-other-"
#: how many organisations not listed the start page names (enough for a post between two
#: bodies with no profile; the partners page adds any more)
OTHERS = 2
#: "first", "second": the organisations not listed, in the page's words
ORDINALS = ("first", "second")
#: the sections the start page itself answers (the rest of ``SETTLED`` is standing answers)
ASKED = ("about", "basis", "partners", "employer")
#: ``Draft.visited`` of a post whose partners this page set (kept with the draft): one whose
#: partners were added on the partners page has partners too, and the page says so as such
STARTED_HERE = "*started"
#: the kinds of body the model allows, in the browser's words
KINDS = tuple((value, choice(value, ("parties", "kind")))
              for value in model_choices(("parties", "kind")))


def _fields(n: int) -> tuple[str, str]:
    """The names of the ``n``th organisation not listed's legal name and kind fields."""
    return ("other_name", "other_kind") if n == 1 else (f"other_name_{n}", f"other_kind_{n}")


def _value(n: int) -> str:
    """The employer question's value for the ``n``th organisation not listed."""
    return OTHER if n == 1 else f"{OTHER}{n}"


def _others(form: Any) -> list[dict[str, Any]]:
    """The start page's boxes for organisations not listed, as filled in ``form``."""
    slots = []
    for n in range(1, OTHERS + 1):
        name, kind = _fields(n)
        slots.append({"n": n, "name_field": name, "kind_field": kind, "value": _value(n),
                      "name": form.get(name, "") if form is not None else "",
                      "kind": form.get(kind, "") if form is not None else "",
                      "ordinal": ORDINALS[n - 1],
                      "which": "the organisation not listed" if n == 1
                      else f"the {ORDINALS[n - 1]} organisation not listed"})
    return slots


def _named(form: Any) -> list[int]:
    """Which organisations not listed the form names: none unless "not listed" is ticked;
    then the first, and each other one given a name or a kind (one left blank is not)."""
    if OTHER not in form.getlist("partners"):
        return []
    return [n for n in range(1, OTHERS + 1) if n == 1 or (form.get(_fields(n)[0]) or "")
            .strip() or form.get(_fields(n)[1])]


def _context(request: Request, draft: Draft, errors: dict[str, str] | None = None,
             form: Any = None) -> dict[str, Any]:
    orgs = organisations(request.app.state.folder)
    chosen = form.getlist("partners") if form is not None else []
    errors = errors or {}
    return {"draft": draft, "orgs": orgs, "chosen": chosen,
            "employer": form.get("employer", "") if form is not None else "",
            "known": form.get("postholder_known", "") if form is not None else "",
            "reference": form.get("reference", "") if form is not None else "",
            "others": _others(form),
            "OTHER": OTHER, "kinds": KINDS, "errors": errors,
            "summary": [(message, field) for field, message in errors.items()],
            "by_hand": STARTED_HERE not in draft.visited,  # partners not set by this page
            "reference_hint": WORDS["reference"].hint}


def _fields_kept() -> tuple[str, ...]:
    """The start page's fields "Save and come back later" keeps (:attr:`Draft.begun`)."""
    return ("reference", "partners", "employer", "postholder_known",
            *(f for n in range(1, OTHERS + 1) for f in _fields(n)))


def _kept(draft: Draft) -> ImmutableMultiDict[str, str] | None:
    """The page as it was left with "Save and come back later" (the reference as the
    draft now has it), or None when nothing was given."""
    values = {k: v for k, v in draft.begun.items() if k in _fields_kept()}
    reference = draft.doc.get("reference")
    if isinstance(reference, str):
        values["reference"] = [reference]
    if not values:
        return None
    return ImmutableMultiDict([(k, v) for k, vs in values.items() for v in vs])


async def begin_get(request: Request) -> Response:
    draft = draft_of(request)
    started = "shown" if _started(draft, {o["id"] for o in organisations(
        request.app.state.folder)}) is not None else None
    form = _kept(draft) if started is None else None
    return page(request, "begin.html", {**_context(request, draft, form=form),
                                        "started": started})


def _started(draft: Draft, orgs: Any) -> tuple[list[str], str] | None:
    """The partners and the employer the post was started with (each as a profile's id,
    else its legal name, in any order); None if this page has not started it yet."""
    view = draft.view()
    parties = view.get("parties")
    if "parties" not in draft.doc or not isinstance(parties, list):
        return None
    keys: dict[str, str] = {}
    for party in parties:
        pid = party if isinstance(party, str) else party.get("id") \
            if isinstance(party, dict) else None
        keys[str(pid)] = str(pid) if isinstance(party, str) or pid in orgs \
            else name_key(str(party.get("name") or "") if isinstance(party, dict) else "")
    employer = str(view.get("employer"))
    return sorted(keys.values()), keys.get(employer, employer)


def _asked(form: Any, orgs: Any) -> tuple[list[str], str]:
    """The partners and the employer the form asks for, as ``_started`` gives them."""
    chosen = [pid for pid in form.getlist("partners") if pid in orgs]
    named = {_value(n): name_key(form.get(_fields(n)[0]) or "") for n in _named(form)}
    return sorted([*chosen, *named.values()]), named.get(form["employer"], form["employer"])


def reference_problem(reference: str) -> str | None:
    """What is wrong with a post's reference, by docgen's own rule (the one ``check`` and
    Save apply, not a copy), in the words its question uses; None when it is fine."""
    if not reference:
        return WORDS["reference"].missing
    found = [p for p in docgen.check({"reference": reference}).errors
             if p.path == ("reference",)]
    return error(found[0].message, found[0].path, "text", code=found[0].code) if found \
        else None


def _problems(form: Any, orgs: dict[str, dict[str, Any]], folder: Path) -> dict[str, str]:
    errors = {}
    reference = (form.get("reference") or "").strip()
    wrong = reference_problem(reference)
    taken = reference_taken(folder, reference) if not wrong else None
    if taken:
        wrong = (f"{reference} is already the reference of the post in {taken}; give this "
                 "post its own, for example with the next number")
    if wrong:
        errors["reference"] = wrong
    chosen = [pid for pid in form.getlist("partners") if pid in orgs]
    named = _named(form) if orgs else []
    if orgs and len(chosen) + len(named) < 2:
        errors["partners"] = "Select at least two partners"
    for slot in _others(form):
        if slot["n"] not in named:
            continue
        if not (form.get(slot["name_field"]) or "").strip():
            errors[slot["name_field"]] = f"Enter the legal name of {slot['which']}"
        if form.get(slot["kind_field"]) not in dict(KINDS):
            errors[slot["kind_field"]] = f"Select what kind of body {slot['which']} is"
    if orgs and form.get("employer") not in [*chosen, *(_value(n) for n in named)]:
        errors["employer"] = "Select which of the partners employs the post-holder"
    if form.get("postholder_known") not in ("yes", "no"):
        errors["postholder_known"] = "Select whether you know who will hold the post"
    return errors


def other_party(form: Any, taken: list[str], n: int = 1) -> dict[str, Any]:
    """The ``n``th organisation not listed, as far as the start page knows it: its legal
    name and kind, with a short code made from the name as ``docgen new`` makes it (unlike
    any in ``taken``); the rest is asked on its partner page."""
    name_field, kind_field = _fields(n)
    name = " ".join((form.get(name_field) or "").split())
    return {"id": party_id(name, taken), "name": name, "kind": form.get(kind_field)}


def _later(request: Request, draft: Draft, form: Any) -> Response:
    """"Save and come back later": the reference, and everything else the page was given
    (the partners ticked, the employer, whether the post-holder is known, organisations
    not listed), kept with the draft and shown on this page again when it is reopened,
    where Continue applies them (their profiles' details and standing answers) as it
    would have now. Not applied now: a choice half made (one partner ticked, no employer)
    cannot be, and until Continue the officer can still change the partners. A post
    already started keeps its partners (the page says so), so only the reference is kept;
    in a folder without profiles, only the reference and whether the post-holder is known
    (all the page asks), and the draft reopens here (:func:`~docgen.web.tasks.where_to`)."""
    reference = (form.get("reference") or "").strip()
    orgs = {o["id"] for o in organisations(request.app.state.folder)}
    started = _started(draft, orgs)
    shown = _fields_kept() if orgs else ("postholder_known",)  # no partners asked here
    with draft.lock:
        if reference:
            draft.doc["reference"] = reference
        if started is None:
            draft.begun = {k: [v for v in form.getlist(k) if isinstance(v, str)]
                           for k in shown if k != "reference"}
            draft.begun = {k: v for k, v in draft.begun.items() if any(x.strip() for x in v)}
        keep(request, draft)
    kept = bool(reference or draft.begun)
    return RedirectResponse(f"/?kept={draft.id}" if kept else "/", 303)


async def begin_post(request: Request) -> Response:
    draft = draft_of(request)
    form = await posted(request)
    if form.get("action") == "later":  # keep what there is, to be applied by Continue
        return _later(request, draft, form)
    orgs = {o["id"]: o for o in organisations(request.app.state.folder)}
    errors = _problems(form, orgs, request.app.state.folder)
    if errors:
        return page(request, "begin.html", _context(request, draft, errors, form), status=422)
    before = _started(draft, orgs) if orgs else None
    if before is not None and before != _asked(form, orgs):  # sent again (after Back)
        return page(request, "begin.html", {**_context(request, draft, form=form),
                                            "started": "refused"}, status=409)
    with draft.lock:
        draft.doc["reference"] = form["reference"].strip()
        draft.begun = {}  # applied now
        others: dict[str, dict[str, Any]] = {}  # by the employer question's value
        if orgs:  # the partners by id: docgen takes their details from the profiles
            chosen = [pid for pid in form.getlist("partners") if pid in orgs]
            parties = [orgs[pid]["party"] for pid in chosen]
            listed: list[Any] = list(chosen)
            for n in _named(form):  # each given on its own partner page next
                other = other_party(form, [*orgs, *(o["id"] for o in others.values())], n)
                others[_value(n)] = other
                parties.append(other)
                listed.append(other)
            employer = others[form["employer"]]["id"] if form["employer"] in others \
                else form["employer"]
            policy = orgs[employer]["policy"] if employer in orgs else {}
            # each profiled partner's stated law (None: its profile says none), as listed;
            # an employer typed in by hand has none stated, so no law is chosen
            laws = {pid: orgs[pid].get("jurisdiction") for pid in chosen}
            law = post_law(laws, employer)
            # nor is a power chosen while a council's law is unknown (typed in by hand)
            basis = not any(o["kind"] == "local_authority" for o in others.values())
            answers = {"parties": listed, "employer": employer, **without(standing(
                parties, employer, policy, law, basis=basis), policy)}
            for key, value in answers.items():
                if key not in draft.doc:
                    draft.doc[key] = merge(None, value)
            draft.profiles = orgs
            draft.visited.add(STARTED_HERE)
            others_kind = unfit(orgs.get(employer), parties)
            draft.visited.update(ASKED if others_kind else SETTLED)
            if "legal_basis" not in draft.doc:  # no standing answer: the officer's to give
                draft.visited.discard("basis")
            if "jurisdiction" not in draft.doc:  # no profile says it: the officer's to give
                draft.visited.discard("about")
            # the employer's policy, written for its own kind: to be checked again, on the
            # task list, saying why (not on the page shown next: a partner not listed's own
            # page, half filled, whose links left it)
            for slugs, why in unfit_marks(orgs[employer], others_kind) if others_kind else []:
                mark(draft.visited, slugs, why)
            # docgen's suggestions (a trial, matters not acted in): confirmed by Continue
            ours = judgements(answers)
            suggest(draft.visited, [s.slug for s in STEPS if s.slug not in ASKED
                                    and suggested(s, answers, ours)])
            if others:  # their pages are still to be answered: no errors on arrival
                draft.visited.discard("partners")
        if form["postholder_known"] == "no":
            draft.doc.pop("postholder", None)
            draft.visited.add("postholder")
        elif no_postholder(draft.doc):
            draft.doc["postholder"] = CommentedMap()
        keep(request, draft)
    if others:  # the first one's address, signatory and notices: on its own page
        return RedirectResponse(f"/edit/{draft.id}/partners/{len(listed) - len(others)}",
                                303)
    return RedirectResponse(f"/edit/{draft.id}/{'tasks' if orgs else 'about'}", 303)
