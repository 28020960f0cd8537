"""The good-practice warnings on the other answers while one answer is refused by docgen's
first check (its shape: hours that are not a number, a choice docgen does not know, a
partner's kind misspelt). docgen stops at such an answer before its rules, so no warning
would be found until it is put right. Here the refused answer is stood in for by each
value it could take, or some far apart (every choice of a choice, every partner for a
partner, dates a year apart, a number from a tenth to ten times over; with no scaffold
value at its place, values of its field's kind in the answer-file model), and a warning is
kept only when every stand-in docgen accepts raises it in the same words (and it is not on
the refused answer, nor on a list or section holding it): a warning that depends on the
refused answer (which partner employs, how much the post costs) waits for it. Where the
values cannot be told apart so (an answer that is a whole section or row), no warning is
kept, as before. Read by :func:`docgen.web.checking.live`.

A worked example, the Head of HR example with its VAT warning (GP014) open:

* ``hours_per_week: lots``. Stand-ins 37, 75, 371 and 3 (the scaffold's 37, a tenth to
  ten times over). docgen refuses 371 (at most 80 hours a week): it is skipped, and three
  are accepted. Each raises GP014 in the same words, so it is kept; a warning one of them
  alone raised (at 75 hours) would not be. At least two accepted stand-ins are needed, as two
  far apart show what does not depend on the answer; with one (or none) no warning is kept.
  An answer whose stand-ins are every value it can take (each choice, each partner) needs
  one: there is nothing else it could be.
* ``reviews_after_months: [twelve, 12]``. The month at ``review.reviews_after_months.0``
  is refused; a warning about the list holding it ("no review at the end of the trial",
  GP020, at ``review.reviews_after_months``) would be about the stand-in's month, and the
  same for every stand-in only by chance, so a warning on the refused answer, inside it,
  or on a list or section holding it is never kept.
* ``hours_per_week: lots`` and ``invoicing.frequency: whenever``. Each is varied with the
  other at its first stand-in: the hours over their four with the frequency ``monthly``,
  then the frequency over ``monthly`` and ``quarterly`` with the hours 37, so six checks,
  not every combination (eight here; 2,500 for two partners wrong on a post of fifty).

An answer docgen does not use (a key it does not know) is simply left out: it costs no
check of its own and never makes the page wait. The work is bounded (:data:`MOST_CHECKS`,
the stand-ins of every other refused answer summed, so however many are refused;
:data:`MOST_SECONDS` of processor time; :data:`MOST_WALL_SECONDS` by the clock): past it no
warning is kept and the page says they are checked once the errors are put right."""

from __future__ import annotations

import datetime as dt
import decimal
import time
import typing
from collections.abc import Callable, Iterable
from typing import Any

import docgen
from docgen.errors import NOT_KNOWN_CODES, KeyPath, Problem
from docgen.web.fields import model_field

#: a stand-in that leaves the answer out (an answer docgen does not need)
LEFT_OUT = object()
#: the code of an answer docgen does not use (left out, it is put right)
UNUSED = "unknown_key"
#: how far apart two stand-in dates are (a later one: an earlier start may come before the
#: post-holder's consultation, which docgen refuses before its rules)
APART = dt.timedelta(days=400)
#: the dates that stand in for an optional date given wrongly (an end date), or none
LATER = (dt.date(2031, 6, 30), dt.date(2090, 12, 31))
#: the most stand-in checks for one page: each is a whole ``docgen.check`` (about 15 ms on a
#: post of 50 partners), and one partner wrong on such a post would take 50 of them, each
#: steering-group member's partner wrong 2,500 (37 s)
MOST_CHECKS = 24
#: the most time the stand-in checks may take, in this thread's processor seconds: the work
#: done, not the machine's load, so the same answers keep the same warnings on a busy server,
#: except at the edge (it is read before each check, up to about 20 ms each: answers whose
#: checks end within one check of it may keep them on one run and not on the next)
MOST_SECONDS = 0.5
#: the most time they may take by the clock, a backstop: processor time does not count time
#: blocked reading files (each check reads each partner's organisation profile again) and
#: the page's handlers run these checks on the server's event loop, holding up every page
MOST_WALL_SECONDS = 2.0


def refused(errors: list[Problem]) -> dict[KeyPath, str]:
    """The answers ``errors`` refused before docgen's rules (an error of no rule, other
    than a value not known yet), each at its own place, with its error's code."""
    taken: dict[KeyPath, str] = {}
    for p in errors:
        if p.rule or p.code in NOT_KNOWN_CODES or not p.path or within(p.path, taken):
            continue
        taken[p.path] = p.code
    return taken


def within(path: KeyPath, taken: Iterable[KeyPath]) -> bool:
    """Whether ``path`` is one of the answers ``taken`` aside, or inside one (``taken``: the
    paths, or a mapping by them, read as they are, not copied)."""
    return any(path[:len(t)] == t for t in taken)


def _at(tree: Any, path: KeyPath) -> Any:
    """The answer at ``path`` in ``tree`` (a row beyond a list's end: its last), else
    :data:`LEFT_OUT`."""
    for key in path:
        if isinstance(tree, dict) and key in tree:
            tree = tree[key]
        elif isinstance(tree, list) and isinstance(key, int) and tree:
            tree = tree[min(key, len(tree) - 1)]
        else:
            return LEFT_OUT
    return tree


def _put(given: Any, path: KeyPath, value: Any) -> Any:
    """``given`` (not changed) with ``value`` at ``path`` (:data:`LEFT_OUT`: taken out),
    copied along the path."""
    key, rest = path[0], path[1:]
    if isinstance(given, list) and isinstance(key, int) and key < len(given):
        row = _put(given[key], rest, value) if rest else value
        return [*given[:key], row, *given[key + 1:]]
    if not isinstance(given, dict):
        return given
    if rest:
        return {**given, key: _put(given.get(key, {}), rest, value)}
    out = {k: v for k, v in given.items() if k != key}
    return out if value is LEFT_OUT else {**out, key: value}


def _choices(annotation: Any) -> list[Any]:
    """Every value a choice's type allows (its ``Literal`` arms), else none."""
    if typing.get_origin(annotation) is typing.Literal:
        return list(typing.get_args(annotation))
    return [c for arg in typing.get_args(annotation) for c in _choices(arg)]


def _kinds(annotation: Any) -> set[str]:
    """The kinds of value a field's type allows beside its choices: ``number``, ``date``,
    ``text``, ``yes_no`` (inside ``X | None``, a list's rows, a mapping's values)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Literal:
        return set()
    if origin is not None:
        args = typing.get_args(annotation)
        args = args[:1] if origin is typing.Annotated else args[1:] if origin is dict else args
        return {kind for arg in args for kind in _kinds(arg)}
    if not isinstance(annotation, type):
        return set()
    for kind, types in KINDS:
        if issubclass(annotation, types):
            return {kind}
    return set()


#: each kind of value by its Python types, in the order a stand-in's kind is chosen (a
#: date or "tbc": a date; a yes or no before a number, which it is in Python)
KINDS: tuple[tuple[str, type | tuple[type, ...]], ...] = (
    ("yes_no", bool), ("number", (int, float, decimal.Decimal)), ("date", dt.date),
    ("text", str))
#: what stands in for an optional answer given wrongly with none at its place in the
#: scaffold, by the field's kind: besides leaving it out, values far apart (a number from
#: one to sixty: months, days, a percent; those the field does not allow are refused and
#: skipped); none for a whole section or row
UNPLACED: dict[str, tuple[Any, ...]] = {
    "yes_no": (True, False), "number": (1, 12, 60), "date": LATER, "text": ("Stand-in",)}


def _far_apart(base: Any) -> list[Any]:
    """Values of ``base``'s kind far apart, ``base`` first; none for a section or row."""
    if isinstance(base, int | float | decimal.Decimal):  # a tenth to ten times over
        return [base, base * 2 + 1, base * 10 + 1, max(base // 10, 1)]
    if isinstance(base, dt.date):
        return [base, base + APART]
    if isinstance(base, str):
        return [base, f"{base} Stand-in"]
    return []


def values(path: KeyPath, code: str, scaffold: dict[str, Any],
           ids: list[str]) -> tuple[list[Any], bool]:
    """What stands in for the refused answer at ``path`` (its error's ``code``), and
    whether that is every value it could take (a choice's, a partner's, none for an answer
    docgen does not use): else values far apart, of the scaffold's kind at its place or,
    with none there, of the field's kind in the answer file's model (a percent given in
    words stood in for by numbers, not dates, which docgen would refuse too); none for a
    whole section or row (a warning on it could quote the stand-in's words)."""
    if code == UNUSED:
        return [LEFT_OUT], True
    info = model_field(path)
    annotation = info.annotation if info is not None else None
    choices, kinds = _choices(annotation), _kinds(annotation)
    if choices and not kinds:
        return choices, True
    base = _at(scaffold, path)
    if isinstance(base, str) and base in ids:
        return list(ids), True
    if isinstance(base, bool):
        return [True, False], True
    if base is not LEFT_OUT:
        return [*choices, *_far_apart(base)], False
    kind = next((k for k, _ in KINDS if k in kinds), None)
    out = [] if isinstance(path[-1], int) else [LEFT_OUT]  # a row is not left out: the
    return ([*choices, *out, *UNPLACED[kind]] if kind else []), False  # next would move up


def first(answers: dict[str, Any], taken: dict[KeyPath, str], scaffold: dict[str, Any],
          ids: list[str]) -> dict[str, Any]:
    """``answers`` with the first stand-in (:func:`values`) at each answer ``taken``."""
    return _firsts(answers, {path: values(path, code, scaffold, ids)[0]
                             for path, code in taken.items()})


def _firsts(answers: dict[str, Any], stand_ins: dict[KeyPath, list[Any]]) -> dict[str, Any]:
    """``answers`` with the first of ``stand_ins`` at each place (its :func:`values`, worked
    out once by the caller: :func:`warnings_aside` varies them after)."""
    for path, vals in stand_ins.items():
        answers = _put(answers, path, vals[0]) if vals else answers
    return answers


def warnings_aside(answers: dict[str, Any], taken: dict[KeyPath, str],
                   scaffold: dict[str, Any], ids: list[str],
                   check: Callable[[dict[str, Any]], docgen.CheckReport]
                   ) -> list[Problem] | None:
    """The warnings on ``answers`` (the scaffold beneath) that hold whatever the answers
    ``taken`` are (see the module docstring); none when a stand-in cannot be varied, or
    fewer than two values of an answer not listed whole are accepted; None, not checked,
    when that would take more than :data:`MOST_CHECKS` checks, :data:`MOST_SECONDS` of
    processor time or :data:`MOST_WALL_SECONDS` by the clock (the page then says the
    warnings wait for them). Answers docgen does not use are left out of every check
    (:func:`first`) and varied by none: if they are all that is refused, one check, of the
    answers without them."""
    started, wall = time.thread_time(), time.monotonic()
    each = {path: values(path, code, scaffold, ids) for path, code in taken.items()}
    found = [(path, *each[path]) for path, code in taken.items() if code != UNUSED]
    if sum(len(vals) for _, vals, _ in found) > MOST_CHECKS:
        return None
    if any(not vals for _, vals, _ in found):
        return []
    base = _firsts(answers, {path: vals for path, (vals, _) in each.items()})
    # only unused answers: one check, of the answers without them (one left out again)
    found = found or [(next(iter(taken)), [LEFT_OUT], True)]
    said: set[tuple[str, KeyPath, str]] | None = None
    kept: list[Problem] = []
    for path, vals, whole in found:
        good = 0
        for value in vals:
            if time.thread_time() - started > MOST_SECONDS or \
                    time.monotonic() - wall > MOST_WALL_SECONDS:
                return None
            report = check(_put(base, path, value))
            if refused(report.errors):  # a stand-in docgen refuses too
                continue
            good += 1
            now = {(w.rule, w.path, w.message) for w in report.warnings}
            if said is None:
                said, kept = now, list(report.warnings)
            said &= now
        if good < (1 if whole else 2):
            return []
    return [w for w in kept if said and (w.rule, w.path, w.message) in said
            and not within(w.path, taken) and not any(
                path[:len(w.path)] == w.path for path in taken)]  # nor on a whole it is in
