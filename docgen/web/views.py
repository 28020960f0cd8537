"""What the templates show: each question with its current value and its error, and the money.

The templates stay generic (one macro per widget); everything that depends on
the answer file's shape is worked out here.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from docgen.errors import Problem
from docgen.web.fields import (
    NOT_KNOWN,
    Q,
    Step,
    choice_label,
    hint_for,
    is_optional,
    label_for,
    legal_bases,
    not_known_allowed,
)
from docgen.web.forms import dotted, get, party_ids


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


def _party_choices(doc: Any) -> list[tuple[str, str]]:
    names = {p.get("id"): p.get("name") for p in doc.get("parties") or []
             if isinstance(p, dict)}
    return [(pid, f"{names.get(pid) or pid} ({pid})") for pid in party_ids(doc)]


def question(q: Q, doc: Any, value: Any, name: str, prefix: tuple = (),
             kind: str | None = None, blank: dict[str, int] | None = None) -> dict[str, Any]:
    """One question as the macros render it (``value``: its current answer; ``blank``: rows
    added with "Add another" and not filled in yet, by field name)."""
    kind = kind or q.kind
    blank = blank or {}
    label = label_for(q, prefix) if kind == q.kind else ""
    view: dict[str, Any] = {
        "kind": kind, "name": name, "id": field_id(name), "label": label,
        "hint": hint_for(q, prefix) if kind == q.kind else "",
        "width": q.width or ("4" if kind == "number" and q.kind == "party_map" else ""),
        "optional": is_optional(q, prefix), "value": _text(value),
        "errors": [], "reveal_when": q.reveal_when, "item": q.item or label,
    }
    if kind in ("radios", "select", "checkboxes"):
        choices = legal_bases(doc.get("jurisdiction")) if name == "legal_basis" else q.choices
        view["choices"] = [(c, choice_label(c)) for c in choices]
        view["values"] = [str(v) for v in value] if isinstance(value, list) else []
    elif kind == "party":
        view["choices"] = _party_choices(doc)
    elif kind == "date":
        d = value if isinstance(value, dt.date) else None
        view.update(day=d.day if d else "", month=d.month if d else "",
                    year=d.year if d else "", value="" if d else _text(value))
    if kind in ("date", "number") and kind == q.kind and not_known_allowed(q, prefix):
        view["tbc"] = str(value).lower() == NOT_KNOWN
        view["value"] = "" if view["tbc"] else view["value"]
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
        labels = dict(_party_choices(doc))
        view["entries"] = [
            {"key": key, "label": "Shared (all partners)" if key == "shared" else labels[key],
             "view": question(q, doc, mapping.get(key), f"{name}.{key}", prefix, q.inner,
                              blank)}
            for key in (*q.extra, *party_ids(doc))]
    return view


def _flatten(view: dict[str, Any]) -> list[dict[str, Any]]:
    out = [view]
    for row in view.get("rows", []):
        for sub in row if isinstance(row, list) else [row]:
            out += _flatten(sub)
    for entry in view.get("entries", []):
        out += _flatten(entry["view"])
    return out


def step_views(step: Step, doc: Any, problems: list[Problem],
               blank: dict[str, int] | None = None) -> tuple[list, list]:
    """The step's questions, with each problem attached to its question.

    Returns (questions, summary) where summary is [(message, anchor id)] for the
    error summary, in question order.
    """
    views = [question(q, doc, get(doc, q.path), dotted(q.path), blank=blank)
             for q in step.questions]
    flat = [v for top in views for v in _flatten(top)]
    if any(v["reveal_when"] for v in views):  # conditional questions go under their radio
        parent = views[0]
        parent["children"] = {value: [v for v in views if value in v["reveal_when"]]
                              for value, _ in parent["choices"]}
        views = [v for v in views if not v["reveal_when"]]
    summary: list[tuple[str, str]] = []
    for p in problems:
        key = dotted(p.path)
        best = max((v for v in flat if key == v["name"] or key.startswith(v["name"] + ".")),
                   key=lambda v: len(v["name"]), default=None)
        target = best or (flat[0] if flat else None)
        anchor = target["id"] if target else "main"
        message = sentence(p.message)
        if target is not None:
            target["errors"].append(message)
            if target.get("kind") == "date":
                anchor += "-day"
        summary.append((f"{p.key}: {p.message}" if best is None else message, anchor))
    return views, summary


def sentence(message: str) -> str:
    """A checker's message as a sentence for the page (the CLI prints it after the key)."""
    return message[:1].upper() + message[1:]


def money(amount: Any) -> str:
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError):
        return str(amount)
    return f"£{value:,.2f}"


def money_view(facts: dict[str, Any] | None) -> dict[str, Any] | None:
    """The figures a finance officer checks, formatted as the documents print them."""
    if not facts:
        return None
    m = facts["money"]
    return {
        "rows": [("Salary", money(m["salary"])),
                 (f"Premium ({Decimal(m['premium_percent']):f}%)", money(m["premium"])),
                 *[(oc["label"], money(oc["amount"])) for oc in m["on_costs"]],
                 ("Cost base (pay and on-costs)", m["cost_base_text"])],
        "parties": [{"name": p["name"], "employer": p["is_employer"],
                     "time": f"{Decimal(p['time_percent']).normalize():f}%",
                     "annual": p["annual_text"], "per_invoice": p["per_invoice_text"]}
                    for p in facts["parties"]],
        "invoices_per_year": m["invoices_per_year"], "timing": m["timing"],
        "recharged": money(m["recharged"]), "employer_net": money(m["employer_net"]),
    }


def _answer(q: Q, value: Any, names: dict[str, str]) -> str:
    """An answer as a person reads it: choices and party ids by name, dates in words."""
    if isinstance(value, list) and q.kind != "group":
        return "; ".join(_answer(q, v, names) for v in value)
    if q.kind in ("radios", "select", "checkboxes") and isinstance(value, str):
        return choice_label(value)
    if q.kind == "party" or (isinstance(value, str) and value in names):
        return names.get(str(value), _text(value))
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    return _text(value)


def summary_rows(step: Step, doc: Any) -> list[tuple[str, str]]:
    """Check-your-answers rows for one step: (question, answer as text)."""
    names = {pid: label.rsplit(" (", 1)[0] for pid, label in _party_choices(doc)}
    names["shared"] = "Shared"
    rows = []
    for q in step.questions:
        value = get(doc, q.path)
        if value is None:
            continue
        if q.kind == "group":
            text = "; ".join(" / ".join(_answer(s, get(row, s.path), names)
                                        for s in q.fields[:2])
                             for row in value if isinstance(row, dict))
        elif isinstance(value, dict):
            inner = Q(q.path, q.inner)
            text = "; ".join(f"{names.get(k, k)}: {_answer(inner, v, names)}"
                             for k, v in value.items())
        else:
            text = _answer(q, value, names)
        rows.append((label_for(q), text))
    return rows
