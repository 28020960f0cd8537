"""The figures a document states (sums, percentages, dates, payment days), checked
against the answer file: every figure printed must be one docgen derived, and the
figures of each kind of document must all be there. A figure changed by hand in
the XML, or a document from another build, is caught here."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from docgen.facts.derive import Facts
from docgen.ooxml.readback import norm

_norm = norm
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|"
           "November|December")
# Figures a document states: sums of money (with pence), percentages and dates, that is
#   (?<![\w.,])(?:[£€$]\s?)?\d{1,3}(?:,\d{3})*\.\d{2}(?![\d%])
#   | (?<![\w.,])\d+(?:\.\d+)?%  |  (?<!\w)\d{1,2} (?:January|...) \d{4}(?!\d)
# written to start with a character class: the regex engine then skips straight to a
# currency sign or digit instead of trying every position of a 40,000-character
# document (six times faster, same matches); each branch checks the character it
# consumed with a lookbehind, and the one before it with a two-character lookbehind.
FIGURE = re.compile(
    r"[£€$\d](?:"
    r"(?<=[£€$])(?<![\w.,].)\s?\d{1,3}(?:,\d{3})*\.\d{2}(?![\d%])"
    r"|(?<=\d)(?<![\w.,].)\d{0,2}(?:,\d{3})*\.\d{2}(?![\d%])"
    r"|(?<=\d)(?<![\w.,].)\d*(?:\.\d+)?%"
    rf"|(?<=\d)(?<!\w.)\d? (?:{_MONTHS}) \d{{4}}(?!\d))")


_PAY_WITHIN = re.compile(r"\bpay\b[^.;]*?\binvoice within (\d+) (?:calendar |Working )?days")


#: how :func:`_strings` treats a value of a class: "str" (a string), "skip" (None or a
#: number, bytes), "items" (a dict), "all" (a list, tuple or set), or the names of its
#: fields (a pydantic model, added as met); decided once per class (isinstance asked per
#: value cost a fifth of the walk), only for these exact classes, whose instances all
#: take the same branch; any other value (a subclass, a path, a dataclass) takes the
#: branches one by one, as first written
_HOW: dict[type, str | tuple[str, ...]] = {
    str: "str", type(None): "skip", bool: "skip", int: "skip", float: "skip",
    bytes: "skip", dict: "items", list: "all", tuple: "all", set: "all"}


def _how(value: object) -> str | tuple[str, ...] | None:
    """How :func:`_strings` treats ``value`` (see ``_HOW``), or None when not decided by
    its class; a pydantic model's class is remembered (its fields are its class's)."""
    cls = type(value)
    how = _HOW.get(cls)
    if how is None and isinstance(value, BaseModel):
        how = _HOW[cls] = tuple(type(value).model_fields)
    return how


def _strings(root: object) -> list[str]:
    """Every string in the facts (and the answers within them), each object walked once
    (with a list as the stack: nested generators cost a frame per level per string), in
    the order :func:`_strings_slowly` gives (each class's branch remembered)."""
    out: list[str] = []
    seen: set[int] = set()
    todo = [root]
    pop, append = todo.pop, out.append
    while todo:
        value = pop()
        how = _HOW.get(type(value)) or _how(value)
        if how is None:
            _strings_slowly(value, todo, out, seen)
        elif how == "str":
            append(value)  # type: ignore[arg-type]
        elif how == "skip" or id(value) in seen:
            continue
        elif how == "items":
            seen.add(id(value))
            for k, v in value.items():  # type: ignore[attr-defined]
                todo += (k, v)
        elif how == "all":
            seen.add(id(value))
            todo += value  # type: ignore[arg-type]
        else:
            seen.add(id(value))
            todo += [getattr(value, name) for name in how]
    return out


def _strings_slowly(value: object, todo: list[object], out: list[str], seen: set[int]
                    ) -> None:
    """One value of :func:`_strings` as first written: its string into ``out``, or its
    parts onto ``todo``."""
    if isinstance(value, str):
        out.append(value)
        return
    if value is None or isinstance(value, int | float | bytes | Path) or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, BaseModel):
        todo += [getattr(value, name) for name in type(value).model_fields]
    elif hasattr(value, "__dataclass_fields__"):
        todo += [getattr(value, name) for name in value.__dataclass_fields__]
    elif isinstance(value, dict):
        for k, v in value.items():
            todo += (k, v)
    elif isinstance(value, list | tuple | set):
        todo += value


@functools.lru_cache(maxsize=4096)
def figures_in(text: str) -> tuple[str, ...]:
    """The figures in ``text`` (normalised), in order: remembered, since a batch's posts
    share most of their strings and paragraphs (the pattern visits every character of a
    text, found or not, and so costs more than anything else here)."""
    return tuple(_norm(m) for m in FIGURE.findall(_norm(text)))


#: how a figure that a space could join to the next paragraph's start may end: a
#: currency sign ("£" then "1,000.00"), a digit or a month ("1" then "March 2025")
_MONTH_NAMES = tuple(_MONTHS.split("|"))
_MONTH_ENDS = {name[-1] for name in _MONTH_NAMES}


def stated_figures(paragraphs: list[str]) -> list[str]:
    """``[_norm(f) for f in FIGURE.findall(" ".join(paragraphs))]`` for normalised,
    non-empty paragraphs, found paragraph by paragraph (:func:`figures_in`).

    A figure holds no space but after a currency sign and around a month, so none is
    made of two paragraphs unless one ends with a currency sign, a digit or a month and
    the next begins with a digit or a month: then the joined text is searched instead.
    The lookbehinds see one character before a figure, a space either way."""
    found: list[str] = []
    risky = False
    for p in paragraphs:
        figures, may_continue, may_be_continued = _paragraph_figures(p)
        if risky and may_continue:
            return [_norm(f) for f in FIGURE.findall(" ".join(paragraphs))]
        found += figures
        risky = may_be_continued
    return found


@functools.lru_cache(maxsize=4096)
def _paragraph_figures(p: str) -> tuple[tuple[str, ...], bool, bool]:
    """A paragraph's figures; whether it begins as a figure's end may (a digit or a
    month); whether it ends as a figure's start may (a currency sign, a digit or a month;
    an empty paragraph is taken to): remembered, as :func:`figures_in`."""
    last = p[-1:]
    return (figures_in(p), p[:1].isdecimal() or p.startswith(_MONTH_NAMES),
            not last or last in "£€$" or last.isdecimal() or (
                last in _MONTH_ENDS and p.endswith(_MONTH_NAMES)))


def known_figures(facts: Facts) -> set[str]:
    """Every sum, percentage and date docgen may print for this post: the ones in the
    derived facts and in the answer file's own wording (and nothing else)."""
    # each string searched on its own (remembered): "\n|\n".join(strings) searched at
    # once gives the same, as no figure holds a "|" and the lookarounds see a space
    # before and after a string either way
    return {f for s in _strings(facts) for f in figures_in(s)}


def figure_problems(facts: Facts, kind: str, doc: Any, known: set[str]) -> list[str]:
    """Each figure in the document is one derived from the answer file, and the figures
    of its kind (pay in the contract; on-costs, cost base, shares and invoicing in the
    agreement) are all there."""
    problems = [f"{doc.name}: {fig} is not a figure of this post's answer file (edited by "
                "hand, or from another build?)"
                for fig in dict.fromkeys(stated_figures(doc.figure_paragraphs))
                if fig not in known]
    m = facts.money
    wanted: list[tuple[str, str]] = []
    if kind in ("agreement", "contract"):
        wanted.append(("salary", m.salary_text))
        if m.premium:
            wanted += [("premium", m.premium_percent_text), ("pay", m.pay_text)]
    if kind == "agreement":
        wanted += [(f"on-cost '{line.label}'", line.text) for line in m.on_costs]
        if m.on_costs:  # with none, the Cost Base is stated without an on-costs total
            wanted.append(("on-costs total", m.on_costs_total_text))
        wanted.append(("cost base", m.cost_base_text))
        if any(p.invoiced for p in facts.parties):
            wanted.append(("payment days", f"{m.payment_days} calendar days"))
            for seg in doc.segments:
                stated = _PAY_WITHIN.findall(seg) if "invoice" in seg else []
                problems += [f"{doc.name}: invoices paid within {n} days, but the answer file "
                             f"says {m.payment_days} days" for n in stated
                             if int(n) != m.payment_days]
    for what, text in wanted:
        if text and _norm(text) not in doc.text:
            problems.append(f"{doc.name}: {what} {text} not found")
    return problems
