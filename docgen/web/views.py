"""What the templates show: each question with its current value and its error, and the money.

The templates stay generic (one macro per widget); everything that depends on
the answer file's shape is worked out here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docgen.answers.body_kinds import BODY_WORDS, body_words
from docgen.errors import MISSING, KeyPath, Problem
from docgen.web.fields import (
    NOT_KNOWN,
    Q,
    Step,
    asked,
    choice_label,
    help_for,
    hint_for,
    label_for,
    model_field,
    offered,
)
from docgen.web.forms import dotted, get, party_ids
from docgen.web.gaps import needed, not_known_allowed
from docgen.web.messages import error as plain_error
from docgen.web.messages import plain
from docgen.web.nouns import LEGAL_FIRST, partner_called, phrase

#: the board the post serves, and the board signing the agreement as a party (its short
#: name, address, signatory and notices, which the legal team sets up: no page asks them)
BOARD, BOARD_PARTY = "integration_joint_board", "integration_joint_board_party"


def signs(doc: Any) -> bool:
    """Whether the board signs the agreement as a party in ``doc`` (the answers as read):
    its question then says that leaving it blank removes those details too (``update``)."""
    return isinstance(doc, dict) and doc.get(BOARD_PARTY) is not None


def _is_kind(path: KeyPath) -> bool:
    """Whether ``path`` is a partner's kind of body (``parties.<n>.kind``)."""
    return path[:1] == ("parties",) and path[-1:] == ("kind",)


def kind_choice(value: str, doc: Any) -> str:
    """A kind of body in the interview's words, as the post's law calls it: under Northern
    Ireland's an NHS body is a health and social care body (an HSC Trust is no NHS body:
    answers/body_kinds.py, as the documents say it), on its partner's page and on check
    your answers alike."""
    law = str(doc.get("jurisdiction") or "") if isinstance(doc, dict) else ""
    if value in BODY_WORDS and body_words(value, law) != BODY_WORDS[value][0]:
        words = body_words(value, law)
        return words[:1].upper() + words[1:]
    return choice_label(value, ("parties", "kind"))


def field_id(name: str) -> str:
    return "f-" + name.replace(".", "-")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return str(value)


def _listed(doc: Any) -> list[dict[str, Any]]:
    """Each partner as docgen reads it, in order (one given by its id alone as its id)."""
    parties = doc.get("parties") if isinstance(doc, dict) else None
    return [p if isinstance(p, dict) else {"id": p}
            for p in (parties if isinstance(parties, list) else [])]


def _party_choices(doc: Any) -> list[tuple[str, str]]:
    """Party id → the partner's legal name, else its short name, else its place in the
    list ("Partner 2", :func:`~docgen.web.nouns.partner_called`): never its short code,
    never "tbc"."""
    listed, names = _listed(doc), {}
    for at, p in enumerate(listed):  # two partners with one id: the first keeps it
        if p.get("id") not in names:
            names[p.get("id")] = partner_called(listed, at, keys=LEGAL_FIRST)
    return [(pid, names.get(pid) or pid) for pid in party_ids(doc)]


def short_names(doc: Any) -> dict[str, str]:
    """Party id → the name the documents call the partner after the first mention (its
    short name, else its legal name, else "Partner 2"): the label of its box in a
    per-partner question."""
    listed, names = _listed(doc), dict(_party_choices(doc))
    done: set[Any] = set()
    for at, p in enumerate(listed):  # two partners with one id: the first's
        if p.get("id") in names and p["id"] not in done:
            done.add(p["id"])
            names[p["id"]] = partner_called(listed, at)
    return names


class PartyNames(dict[str, str]):
    """Party id → the party's name, and ``listed``: each partner as docgen reads it, in
    order (a message about two partners names both, not one by an id they share)."""

    listed: list[dict[str, Any]]


def party_names(doc: Any) -> PartyNames:
    """Party id → the party's name, for messages and answers shown to a person."""
    names = PartyNames(_party_choices(doc))
    names.listed = _listed(doc)
    return names


def employed_by(doc: Any) -> str:
    """The employer as its kind of body ("one council", "one NHS body", docgen's words:
    ``answers/body_kinds``), else "the employer": the legal basis's help said "The officer
    stays employed by one council" when an integrated care board employed."""
    employer = doc.get("employer") if isinstance(doc, dict) else None
    kind = next((p.get("kind") for p in _listed(doc) if p.get("id") == employer), None)
    if kind == "local_authority":
        return "one council"  # as the rest of the help calls a local authority
    if kind in BODY_WORDS:
        return f"one {body_words(str(kind), str(doc.get('jurisdiction') or ''))}"
    return "the employer"


def basis_help(text: str, doc: Any) -> str:
    """A question's help with the employer's kind of body in it, where it names it."""
    return text.replace("{employed_by}", employed_by(doc))


def question(q: Q, doc: Any, value: Any, name: str, prefix: KeyPath = (),
             kind: str | None = None, blank: dict[str, int] | None = None) -> dict[str, Any]:
    """One question as the macros render it (``value``: its current answer; ``blank``: rows
    added with "Add another" and not filled in yet, by field name)."""
    kind = kind or q.kind
    blank = blank or {}
    label = label_for(q, prefix) if kind == q.kind else ""
    view: dict[str, Any] = {
        "kind": kind, "name": name, "id": field_id(name), "label": label,
        "hint": hint_for(q, prefix) if kind == q.kind else "",
        "help": basis_help(help_for(q, prefix), doc) if kind == q.kind else "",
        "path": prefix + q.path,
        "width": q.width or ("4" if kind == "number" and q.kind == "party_map" else ""),
        "needed": needed(q, prefix), "value": _text(value),
        "errors": [], "reveal_when": q.reveal_when, "item": q.item or label,
    }
    if prefix + q.path == (BOARD,) and signs(doc):  # what leaving it blank does
        view["hint"] = f"{view['hint']}. {phrase('board_party.signs')}"
    if kind == "intortext" and str(value).lower() == "indefinite":  # as the form reads it
        view["value"] = "without limit"
    if kind in ("radios", "select", "checkboxes"):
        choices = offered(q, doc) if name == "legal_basis" else q.choices
        view["choices"] = [(c, kind_choice(c, doc) if _is_kind(prefix + q.path)
                            else choice_label(c, prefix + q.path)) for c in choices]
        view["values"] = [str(v) for v in value] if isinstance(value, list) else []
    elif kind == "party":
        view["choices"] = [(c, choice_label(c)) for c in q.extra] + _party_choices(doc)
    elif kind == "date":
        d = value if isinstance(value, dt.date) else None
        view.update(day=d.day if d else "", month=d.month if d else "",
                    year=d.year if d else "", value="" if d else _text(value))
        typed = _text(value) if d is None and str(value).lower() != NOT_KNOWN else ""
        if typed:  # what was typed and could not be read: shown back, never discarded
            pieces = typed.split("/")
            day, month, year = pieces if len(pieces) == 3 else (typed, "", "")
            view.update(day=day, month=month, year=year)
    if kind == q.kind and not_known_allowed(q, prefix):  # a date, number or words
        view["tbc"] = str(value).strip().lower() == NOT_KNOWN
        view["value"] = "" if view["tbc"] else view["value"]
    elif kind in ("text", "textarea") and str(value).strip().lower() == NOT_KNOWN:
        view.update(tbc=True, value="")  # words "not known yet" as a ticked box, never "tbc"
    elif kind == "strlist":
        rows = list(value) if isinstance(value, list) else []
        rows += [""] * blank.get(name, 0)
        view["rows"] = [{"name": f"{name}.{i}", "id": field_id(f"{name}.{i}"),
                         "value": _text(v), "errors": []} for i, v in enumerate(rows or [""])]
    elif kind == "group":
        rows = list(value) if isinstance(value, list) else []
        rows += [{}] * blank.get(name, 0)
        view["rows"] = [[question(sub, doc, get(row, sub.path), f"{name}.{i}.{dotted(sub.path)}",
                                  prefix + q.path) for sub in q.fields]
                        for i, row in enumerate(rows or [{}])]
    elif kind == "party_map":
        mapping = value if isinstance(value, dict) else {}
        labels = short_names(doc)
        view["entries"] = [
            {"key": key, "label": "Shared (all partners)" if key == "shared" else labels[key],
             "view": question(q, doc, mapping.get(key), f"{name}.{key}", prefix, q.inner,
                              blank)}
            for key in (*q.extra, *party_ids(doc))
            if not (q.not_employer and key == doc.get("employer"))]
    return view


def _flatten(view: dict[str, Any]) -> list[dict[str, Any]]:
    out = [view]
    for row in view.get("rows", []):
        for sub in row if isinstance(row, list) else [row]:
            out += _flatten(sub)
    for entry in view.get("entries", []):
        out += _flatten(entry["view"])
    return out


def focus(view: dict[str, Any]) -> str:
    """The id of the first box or choice of a question, where an error summary links (a
    date's day box, a per-partner question's first partner, a list's first row)."""
    if view.get("kind") == "date":
        return f"{view['id']}-day"
    entries = view.get("entries") or []
    if entries:
        return focus(entries[0]["view"])
    rows = view.get("rows") or []
    if rows:
        first = rows[0]
        if isinstance(first, list):
            return focus(first[0]) if first else str(view["id"])
        return str(first["id"])
    return str(view["id"])


def anchor_of(q: Q, doc: Any, name: str, prefix: KeyPath = (), kind: str | None = None) -> str:
    """``focus(question(q, doc, …, name, prefix, kind))`` without making the question's view
    (every choice, label and row of it): Check your answers asks it of every question of
    every section, for its Change links. tests/web/test_change_anchor_of.py holds the two
    equal for every question of the examples and of a new post."""
    kind = kind or q.kind
    if kind == "date":
        return f"{field_id(name)}-day"
    if kind == q.kind and not_known_allowed(q, prefix):  # no rows or entries are made
        return field_id(name)
    if kind == "strlist":
        return field_id(f"{name}.0")
    if kind == "group":
        first = q.fields[0] if q.fields else None
        return anchor_of(first, doc, f"{name}.0.{dotted(first.path)}", prefix + q.path) \
            if first is not None else field_id(name)
    if kind == "party_map":
        keys = [k for k in (*q.extra, *party_ids(doc))
                if not (q.not_employer and k == doc.get("employer"))]
        return anchor_of(q, doc, f"{name}.{keys[0]}", prefix, q.inner) if keys \
            else field_id(name)
    return field_id(name)


#: the question the post-holder's page asks first, shown as a row of its own while no one
#: is named (summary.summary_rows): its first choice's id in step.html
KNOWN_ASKED = "Do you know who will hold the post?"


def question_anchors(step: Step, doc: Any) -> dict[str, str]:
    """Where each row of ``step`` on Check your answers links, by the row's label: its
    question's first box or choice on the section's page (:func:`focus`, as the error
    summary links), so "Change" lands on the question, not the top of a long page."""
    if step.slug == "partners":  # a list of partners, each with a page of its own
        return {label_for(q): "partners-list" for q in step.questions}
    anchors = {label_for(q): anchor_of(q, doc, dotted(q.path))
               for q in step.questions if asked(q, doc)}
    return {**anchors, KNOWN_ASKED: "postholder_known"} if step.slug == "postholder" \
        else anchors


#: problems about a group of answers with no question of its own (the fee), shown at the
#: question that puts them right, by the problem's code (``Problem.code``); a time fee's
#: parts are each asked for at their own key by docgen
AT_QUESTION = {"fixed_fee_incomplete": "payment.fee.amounts"}


def step_views(step: Step, doc: Any, problems: list[Problem],
               blank: dict[str, int] | None = None
               ) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """The step's questions, with each problem attached to its question.

    Returns (questions, summary) where summary is [(message, anchor id)] for the
    error summary, in the order of the questions on the page (GOV.UK's error summary
    pattern): in docgen's order of checks, "Enter the hours a week as a number" came
    before the end date's problem, the question above it.
    """
    views = [question(q, doc, get(doc, q.path), dotted(q.path), blank=blank)
             for q in step.questions if asked(q, doc)]
    tops = list(views)
    flat = [v for top in views for v in _flatten(top)]
    if any(v["reveal_when"] for v in views):  # conditional questions go under their radio
        parent = views[0]
        parent["children"] = {value: [v for v in views if value in v["reveal_when"]]
                              for value, _ in parent["choices"]}
        views = [v for v in views if not v["reveal_when"]]
    summary: list[tuple[str, str]] = []
    on_page: list[int] = []  # where each of summary's answers is on the page
    place = {id(v): i for i, v in enumerate(flat)}  # each question, row or entry, in order
    names = party_names(doc)

    def add(view: dict[str, Any] | None, message: str, anchor: str) -> None:
        if view is not None and message not in view["errors"]:
            view["errors"].append(message)
        if (message, anchor) not in summary:  # one answer missing, found by two checks
            summary.append((message, anchor))
            on_page.append(place.get(id(view), -1))

    for p in problems:
        key = AT_QUESTION.get(p.code, dotted(p.path))
        spread = [v for v in tops if v["name"].startswith(key + ".")
                  and _required_below(v["path"], len(p.path))] if p.code == MISSING else []
        for v in spread:  # a page left empty: the section is missing, so each question it
            # needs says so ("Enter the job title"), not "'post' is required here"
            add(v, plain_error(p.message, v["path"], v["kind"], names, code=MISSING),
                focus(v))
        if spread:
            continue
        best = max((v for v in flat if key == v["name"] or key.startswith(v["name"] + ".")),
                   key=lambda v: len(v["name"]), default=None)
        target = best or (flat[0] if flat else None)
        anchor = focus(target) if target else "main"
        kind = best["kind"] if best is not None else ""
        message = plain_error(p.message, p.path, kind, names, code=p.code, rule=p.rule,
                              fix=p.fix, answers=doc) \
            if best is not None else plain(p.message, names, code=p.code, rule=p.rule,
                                           path=p.path, fix=p.fix)
        add(target, message, anchor)
    ordered = sorted(range(len(summary)), key=on_page.__getitem__)  # stable: one answer's
    return views, [summary[i] for i in ordered]  # problems stay in docgen's order


def _required_below(path: KeyPath, depth: int) -> bool:
    """Whether the answer at ``path`` is required once the part of it ``depth`` keys long
    is given (every field between them required: a fee's rate is not, as the fee is
    optional)."""
    for end in range(depth + 1, len(path) + 1):
        if isinstance(path[end - 1], int):
            continue
        info = model_field(path[:end])
        if info is not None and not info.is_required():
            return False
    return True
