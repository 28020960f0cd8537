"""Figures a document states in words, each checked in its own sentence: the trial
period, how often and when invoices are sent, the days of each dispute step, the notice
period, the hours, the review interval and the other periods and counts the answer file
sets.

A hand edit of one of these ("6 months" to "3 months", "quarterly" to "monthly", "20
Working Days" to "10") leaves every sum and date of the post in place, and the figure
the answer file gives usually still appears somewhere else ("6 months" is also the
notice period), so neither :mod:`docgen.word.figures` nor a plain "is it there" test
sees it. Here each statement is found by the words around it, and the figure it states
is compared with the answer file's. A document that words a statement differently (an
overlay clause) is judged by the other checks alone; ``tests/word/test_verify_stated.py``
checks that every statement here is found in the shipped examples, so a change of the
standard wording that hides one from this module is noticed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from docgen.facts.derive import Facts
from docgen.facts.formatting import months_text
from docgen.word.places import printed

#: a number (or a number in words) and a unit of time, as a period is printed
_PERIOD = r"[\w.]+ (?:month|week|day|year)s?"
_DAYS = r"[\w.]+ (?:[Ww]orking |[Cc]alendar |[Bb]usiness )?[Dd]ays?"
_WORDS = {w: str(i) for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty"))} | {
    "thirty": "30", "forty": "40", "forty-five": "45", "fifty": "50", "sixty": "60"}


def _same(found: str, expected: str) -> bool:
    """Equal as a reader takes them: case, plurals and numbers in words aside."""
    def plain(text: str) -> list[str]:
        return [_WORDS.get(w, w).removesuffix("s") for w in text.lower().split()]
    return plain(found) == plain(expected)


Expected = Callable[[Facts, "re.Match[str]"], "str | None"]


@dataclass(frozen=True)
class Statement:
    """One way a document states one figure: ``pattern``'s group ``value`` is the figure
    as printed, found only in a paragraph (or table row) containing ``cue``."""

    what: str  # "the trial period", for the message
    kinds: frozenset[str]
    cue: str
    pattern: re.Pattern[str]
    expected: Expected  # the figure the answer file gives; None: the post does not state it


def _s(what: str, kinds: str, cue: str, pattern: str, expected: Expected) -> Statement:
    return Statement(what, frozenset(kinds.split()), cue, re.compile(pattern), expected)


def _step(f: Facts, m: re.Match[str]) -> dict[str, object] | None:
    n = int(m.group("step"))
    return f.disputes[n - 1] if 1 <= n <= len(f.disputes) else None


def _step_days(f: Facts, m: re.Match[str]) -> str | None:
    step = _step(f, m)
    return f"{step['days']} Working Days" if step else None


def _step_level(f: Facts, m: re.Match[str]) -> str | None:
    step = _step(f, m)
    return printed(step["level"]) if step else None


def _confidentiality(f: Facts, _: re.Match[str]) -> str:
    """The period as the confidentiality clauses print it (from the same fact)."""
    return f.confidentiality_text.replace("this arrangement", "the Arrangement")


def _probation(f: Facts, _: re.Match[str]) -> str | None:
    months = f.answers.post.probation_months
    return months_text(months) if months and not f.postholder["present"] else None


def _weeks(f: Facts, _: re.Match[str]) -> str | None:
    return f.money.weeks_text or None


STATEMENTS = (
    _s("the trial period", "agreement contract", "Trial Period",
       rf"Trial Period(?:[”\"]? means the first| of) (?P<value>{_PERIOD})",
       lambda f, _: f.review.trial_text or None),
    _s("the notice of a withdrawal at the end of the trial", "agreement",
       "after the end of the Trial Period",
       rf"takes effect (?P<value>{_PERIOD}) after the end of the Trial Period",
       lambda f, _: f.exit.trial_notice_text if f.exit and f.review.trial else None),
    _s("invoicing", "agreement", "shall invoice",
       r"shall invoice (?:the|each|every) Host Part(?:y|ies) (?P<value>[^.;,]+)",
       lambda f, _: f"{f.money.frequency} {f.money.timing_text}"),
    _s("the number of instalments", "agreement", "instalments of",
       r"payable in (?P<value>\S+ \S+) instalments of",
       lambda f, _: f"{f.money.invoices_per_year} {f.money.frequency}"),
    _s("the time allowed at step {step} of the dispute procedure", "agreement", "step ",
       rf"\bstep (?P<step>\d+): .+?, within (?P<value>{_DAYS})", _step_days),
    _s("step {step} of the dispute procedure", "agreement", "step ",
       rf"\bstep (?P<step>\d+): (?P<value>.+?), within {_DAYS}", _step_level),
    _s("the notice period", "agreement contract", "by giving",
       rf"(?:withdraw from|leave) the Arrangement by giving [^.;]*?(?P<value>{_PERIOD})"
       r"['’]s? (?:written )?notice", lambda f, _: f.notice_text),
    _s("the interval between reviews", "agreement contract", "at intervals of",
       rf"at intervals of (?P<value>{_PERIOD})", lambda f, _: f.review.then_every_text or None),
    _s("the days to comment on a freedom of information request", "agreement", "to comment",
       rf"allow it (?P<value>{_DAYS}) to comment",
       lambda f, _: f"{f.answers.confidentiality.foi_consultation_days} Working Days"),
    _s("the days to declare an interest", "agreement contract", "declare in writing",
       rf"declare in writing [^.]*?within (?P<value>{_DAYS}) of becoming aware",
       lambda f, _: f"{f.answers.conflicts_of_interest.declare_within_days} calendar days"),
    _s("how often the Steering Group meets", "agreement", "Steering Group meets",
       r"Steering Group meets (?P<value>[^,.;]+)",
       lambda f, _: str(f.steering_group["meets_text"])),
    _s("the working hours", "agreement contract job_spec", "hours a week over",
       r"(?<![\w.])(?P<value>[\d.]+ hours a week over [\d.]+ days?)",
       lambda f, _: f"{f.post['hours_text']} hours a week over {f.post['days_text']} days"),
    _s("the probation period", "contract", "probation period of",
       rf"probation period of (?P<value>{_PERIOD})", _probation),
    _s("how long confidentiality lasts", "agreement contract", "continue ",
       rf"\bcontinue (?P<value>without limit of time|for {_PERIOD} after (?:the|this) "
       r"Arrangement ends)", _confidentiality),
    _s("the pay protection period", "agreement contract", "protect the difference for",
       rf"protect the difference for (?P<value>{_PERIOD})",
       lambda f, _: f.exit.pay_protection_text or None if f.exit else None),
    _s("the months after an Exit Date in which exit costs are shared", "agreement",
       "Exit Date", rf"within (?P<value>{_PERIOD}) after (?:the relevant|its own) Exit Date",
       lambda f, _: f.exit.withdrawal_costs_text
       if f.exit and f.exit.withdrawal_costs_months else None),
    _s("the working weeks a year the fee is based on", "agreement", " weeks",
       r"(?:\b(?P<value>[\d.]+) working weeks a year|× (?P<value2>[\d.]+) weeks ×)", _weeks),
    _s("the weeks of absence after which payments stop", "agreement", "consecutive week",
       r"more than (?P<value>\S+) consecutive weeks?",
       lambda f, _: str(f.answers.payment.pause_after_weeks)),
    _s("whether the post is politically restricted", "agreement contract job_spec",
       "Politically restricted |", r"^Politically restricted \| (?P<value>.*)$",
       lambda f, _: "Yes" if f.post["politically_restricted"] else "No"),
    _s("the end date", "agreement contract job_spec", "End date |",
       r"^End date \| (?P<value>.*)$",
       lambda f, _: f.post["end_date_text"] or "Open-ended"),
)


def _value(m: re.Match[str]) -> str:
    return next(v for k, v in m.groupdict().items() if k.startswith("value") and v)


def stated_problems(facts: Facts, kind: str, name: str, segments: list[str]) -> list[str]:
    """One line for each figure a paragraph states otherwise than the answer file.

    Only the paragraphs holding a statement's cue are searched with its pattern (a
    pattern run over a whole document costs up to a millisecond), statement by statement
    in the order of :data:`STATEMENTS`, each paragraph in document order."""
    text = "\n".join(segments)  # read as lines: a segment holding a line break is two
    lines = segments if text.count("\n") == len(segments) - 1 else text.split("\n")
    holding: list[list[str]] = [[] for _ in STATEMENTS]
    for seg in lines:
        for i in _cues_in(seg):
            holding[i].append(seg)
    problems: list[str] = []
    for s, held in zip(STATEMENTS, holding, strict=True):
        if kind in s.kinds:
            for seg in held:
                problems += _differences(facts, name, s, seg)
    return list(dict.fromkeys(problems))


@functools.lru_cache(maxsize=4096)
def _cues_in(segment: str) -> tuple[int, ...]:
    """The statements whose cue ``segment`` holds, by index: remembered, since a batch's
    documents share most of their paragraphs (asked of each paragraph, it would cost a
    test per statement)."""
    return tuple(i for i, s in enumerate(STATEMENTS) if s.cue in segment)


def _differences(facts: Facts, name: str, s: Statement, seg: str) -> list[str]:
    problems = []
    for m in s.pattern.finditer(seg):
        step = m.groupdict().get("step")
        if step is not None and _step(facts, m) is None:
            problems.append(f"{name}: the dispute procedure has a step {step}, but the answer "
                            f"file has {len(facts.disputes)} (in “{seg[:60]}…”)")
            continue
        found, expected = _value(m), s.expected(facts, m)
        if expected is not None and not _same(found, expected):
            problems.append(f"{name}: says “{found}” for {s.what.format(step=step)}, but the "
                            f"answer file says {expected} (in “{seg[:60]}…”)")
    return problems
