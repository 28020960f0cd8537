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
standard wording that hides one from this module is noticed. Words a statement prints from
``docgen/data/wording/facts.yaml`` ("the Host Party", "in arrears", "at least once a
quarter", a time fee's "× 44 weeks ×") are read from there, and the schedule tables' words
("End date", "Open-ended", "Yes", "{hours} hours a week over {days} days") from the
schedules.yaml of the templates the document was filled from, never spelt out here, so a
lawyer's edit of them is still checked (``tests/word/test_verify_edited_wording.py``; the
patterns built from those words are in :mod:`docgen.word.stated_patterns`).
When those are not known (``template_dir`` None), the schedule rows are not read, and the
hours only as the clauses print them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from docgen.facts.derive import Facts
from docgen.facts.formatting import months_text
from docgen.facts.wording import words
from docgen.resources import BUILTIN_TEMPLATES
from docgen.word.places import printed
from docgen.word.stated_patterns import (
    DAYS,
    PERIOD,
    SCHEDULES,
    hours_cues,
    hours_pattern,
    invoicing_pattern,
    lasts_pattern,
    meets_pattern,
    row_cue,
    row_pattern,
    weeks_cues,
    weeks_pattern,
)
from docgen.word.stated_patterns import Source as Source
from docgen.word.stated_patterns import Words as Words
from docgen.word.wording import wording

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


Expected = Callable[[Facts, "re.Match[str]", Words], "str | None"]


def _no_cues(_: Words) -> tuple[str, ...]:
    return ()


@dataclass(frozen=True)
class Statement:
    """One way a document states one figure: ``pattern``'s group ``value`` is the figure
    as printed, found only in a paragraph (or table row) containing ``cue`` (the clause's
    own words) or one of ``more_cues`` (from the facts' words)."""

    what: str  # "the trial period", for the message
    kinds: frozenset[str]
    cue: str
    source: Source  # the pattern, for the facts' words as they are
    expected: Expected  # the figure the answer file gives; None: the post does not state it
    more_cues: Callable[[Words], tuple[str, ...]] = field(default=_no_cues)
    row: bool = False  # a schedule row: read only when the schedules' words are known
    #: the pattern of a statement whose words are the same for any wording, compiled as the
    #: module loads (so the command's table of compiled patterns keeps it); None: built from
    #: the words (``source``) once for each version of them
    fixed: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The pattern for the current words (docgen's own templates' schedules)."""
        return _checks(BUILTIN_TEMPLATES).patterns[STATEMENTS.index(self)] or re.compile("$^")


def _s(what: str, kinds: str, cue: str, pattern: str | Source, expected: Expected,
       more_cues: Callable[[Words], tuple[str, ...]] = _no_cues) -> Statement:
    if callable(pattern):
        return Statement(what, frozenset(kinds.split()), cue, pattern, expected, more_cues)
    return Statement(what, frozenset(kinds.split()), cue, _fixed(pattern), expected, more_cues,
                     fixed=re.compile(pattern))


def _fixed(pattern: str) -> Source:
    return lambda _: pattern


def _hours_expected(f: Facts, m: re.Match[str], said: Words) -> str:
    hours, days = f.post["hours_text"], f.post["days_text"]
    if m.group("value"):  # the clauses' own words
        return f"{hours} hours a week over {days} days"
    return said[f"{SCHEDULES}post.hours_value"].format(hours=hours, days=days)


def _schedule_row(what: str, cue: str, label_key: str, expected: Expected) -> Statement:
    """A schedule row's statement: read only when the schedules' words are known."""
    return replace(_s(what, "agreement contract job_spec", cue, row_pattern(label_key), expected,
                      row_cue(label_key)), row=True)


def _restricted(f: Facts, _: re.Match[str], said: Words) -> str:
    yes_no = "restricted_yes" if f.post["politically_restricted"] else "restricted_no"
    return said[f"{SCHEDULES}post.{yes_no}"]


def _end_date(f: Facts, _: re.Match[str], said: Words) -> str:
    return str(f.post["end_date_text"] or said[f"{SCHEDULES}post.open_ended"])


def _step(f: Facts, m: re.Match[str]) -> dict[str, object] | None:
    n = int(m.group("step"))
    return f.disputes[n - 1] if 1 <= n <= len(f.disputes) else None


def _step_days(f: Facts, m: re.Match[str], *_: object) -> str | None:
    step = _step(f, m)
    return f"{step['days']} Working Days" if step else None


def _step_level(f: Facts, m: re.Match[str], *_: object) -> str | None:
    step = _step(f, m)
    return printed(step["level"]) if step else None


def _confidentiality(f: Facts, *_: object) -> str:
    """The period as the confidentiality clauses print it (the same fact, unchanged)."""
    return f.confidentiality_text


def _probation(f: Facts, *_: object) -> str | None:
    months = f.answers.post.probation_months
    return months_text(months) if months and not f.postholder["present"] else None


def _weeks(f: Facts, *_: object) -> str | None:
    return f.money.weeks_text or None


STATEMENTS = (
    _s("the trial period", "agreement contract", "Trial Period",
       rf"Trial Period(?:[”\"]? means the first| of) (?P<value>{PERIOD})",
       lambda f, *_: f.review.trial_text or None),
    _s("the notice of a withdrawal at the end of the trial", "agreement",
       "after the end of the Trial Period",
       rf"takes effect (?P<value>{PERIOD}) after the end of the Trial Period",
       lambda f, *_: f.exit.trial_notice_text if f.exit and f.review.trial else None),
    _s("invoicing", "agreement", "shall invoice",
       invoicing_pattern,
       lambda f, *_: f"{f.money.frequency} {f.money.timing_text}"),
    _s("the number of instalments", "agreement", "instalments of",
       r"payable in (?P<value>\S+ \S+) instalments of",
       lambda f, *_: f"{f.money.invoices_per_year} {f.money.frequency}"),
    _s("the time allowed at step {step} of the dispute procedure", "agreement", "step ",
       rf"\bstep (?P<step>\d+): .+?, within (?P<value>{DAYS})", _step_days),
    _s("step {step} of the dispute procedure", "agreement", "step ",
       rf"\bstep (?P<step>\d+): (?P<value>.+?), within {DAYS}", _step_level),
    _s("the notice period", "agreement contract", "by giving",
       rf"(?:withdraw from|leave) the Arrangement by giving [^.;]*?(?P<value>{PERIOD})"
       r"['’]s? (?:written )?notice", lambda f, *_: f.notice_text),
    _s("the interval between reviews", "agreement contract", "at intervals of",
       rf"at intervals of (?P<value>{PERIOD})", lambda f, *_: f.review.then_every_text or None),
    _s("the days to comment on a freedom of information request", "agreement", "to comment",
       rf"allow it (?P<value>{DAYS}) to comment",
       lambda f, *_: f"{f.answers.confidentiality.foi_consultation_days} Working Days"),
    _s("the days to declare an interest", "agreement contract", "declare in writing",
       rf"declare in writing [^.]*?within (?P<value>{DAYS}) of becoming aware",
       lambda f, *_: f"{f.answers.conflicts_of_interest.declare_within_days} calendar days"),
    _s("how often the Steering Group meets", "agreement", "Steering Group meets",
       meets_pattern,
       lambda f, *_: str(f.steering_group["meets_text"])),
    _s("the working hours", "agreement contract job_spec", "hours a week over",
       hours_pattern, _hours_expected, hours_cues),
    _s("the probation period", "contract", "probation period of",
       rf"probation period of (?P<value>{PERIOD})", _probation),
    _s("how long confidentiality lasts", "agreement contract", "continue ", lasts_pattern,
       _confidentiality),
    _s("the pay protection period", "agreement contract", "protect the difference for",
       rf"protect the difference for (?P<value>{PERIOD})",
       lambda f, *_: f.exit.pay_protection_text or None if f.exit else None),
    _s("the months after an Exit Date in which exit costs are shared", "agreement",
       "Exit Date", rf"within (?P<value>{PERIOD}) after (?:the relevant|its own) Exit Date",
       lambda f, *_: f.exit.withdrawal_costs_text
       if f.exit and f.exit.withdrawal_costs_months else None),
    _s("the working weeks a year the fee is based on", "agreement", " weeks",
       weeks_pattern, _weeks, weeks_cues),
    _s("the weeks of absence after which payments stop", "agreement", "consecutive week",
       r"more than (?P<value>\S+) consecutive weeks?",
       lambda f, *_: str(f.answers.payment.pause_after_weeks)),
    _schedule_row("whether the post is politically restricted", "Politically restricted |",
                  "post.politically_restricted", _restricted),
    _schedule_row("the end date", "End date |", "post.end_date", _end_date),
)


def _value(m: re.Match[str]) -> str:
    return next(v for k, v in m.groupdict().items() if k.startswith("value") and v)


def stated_problems(facts: Facts, kind: str, name: str, segments: list[str],
                    template_dir: Path | None = BUILTIN_TEMPLATES) -> list[str]:
    """One line for each figure a paragraph states otherwise than the answer file;
    ``template_dir``: the templates the document was filled from (their schedules' words;
    None: not known, so the statements needing them are left out).

    Only the paragraphs holding a statement's cue are searched with its pattern (a
    pattern run over a whole document costs up to a millisecond), statement by statement
    in the order of :data:`STATEMENTS`, each paragraph in document order."""
    text = "\n".join(segments)  # read as lines: a segment holding a line break is two
    lines = segments if text.count("\n") == len(segments) - 1 else text.split("\n")
    checks = _checks(template_dir)
    holding: list[list[str]] = [[] for _ in STATEMENTS]
    for seg in lines:
        for i in checks.cues_in(seg):
            holding[i].append(seg)
    problems: list[str] = []
    for s, pattern, held in zip(STATEMENTS, checks.patterns, holding, strict=True):
        if kind in s.kinds and pattern is not None:
            for seg in held:
                problems += _differences(facts, name, s, seg, pattern, checks.said)
    return list(dict.fromkeys(problems))


@dataclass(frozen=True)
class _Checks:
    """The statements' patterns and cues for one version of the facts' words."""

    patterns: tuple[re.Pattern[str] | None, ...]  # None: a statement left out
    said: Words  # the words they were built from
    #: the statements whose cue a segment holds, by index
    cues_in: Callable[[str], tuple[int, ...]]


def _checks(template_dir: Path | None) -> _Checks:
    """The checks for the facts' and ``template_dir``'s schedules' words as they are:
    built once per version of the files (each reader gives the same mapping while its file
    is unchanged), not per document. None: the schedules' words are not known."""
    schedules = None if template_dir is None else tuple(wording(template_dir).items())
    return _checks_for(tuple(words().items()), schedules)


@functools.lru_cache(maxsize=8)
def _checks_for(facts_words: tuple[tuple[str, str], ...],
                schedules: tuple[tuple[str, str], ...] | None) -> _Checks:
    by_key = dict(facts_words) | {SCHEDULES + k: v for k, v in schedules or ()}
    used = [schedules is not None or not s.row for s in STATEMENTS]
    cues = [(s.cue, *s.more_cues(by_key)) if ok else ()
            for s, ok in zip(STATEMENTS, used, strict=True)]

    @functools.lru_cache(maxsize=4096)
    def cues_in(segment: str) -> tuple[int, ...]:
        """Remembered, since a batch's documents share most of their paragraphs (asked
        of each paragraph, it would cost a test per statement)."""
        return tuple(i for i, c in enumerate(cues) if any(x in segment for x in c))

    return _Checks(tuple((s.fixed or re.compile(s.source(by_key))) if ok else None
                         for s, ok in zip(STATEMENTS, used, strict=True)), by_key, cues_in)


def _differences(facts: Facts, name: str, s: Statement, seg: str,
                 pattern: re.Pattern[str] | None = None,
                 said: Words | None = None) -> list[str]:
    said = _checks(BUILTIN_TEMPLATES).said if said is None else said
    problems = []
    for m in (pattern or s.pattern).finditer(seg):
        step = m.groupdict().get("step")
        if step is not None and _step(facts, m) is None:
            problems.append(f"{name}: the dispute procedure has a step {step}, but the answer "
                            f"file has {len(facts.disputes)} (in “{seg[:60]}…”)")
            continue
        found, expected = _value(m), s.expected(facts, m, said)
        if expected is not None and not _same(found, expected):
            problems.append(f"{name}: says “{found}” for {s.what.format(step=step)}, but the "
                            f"answer file says {expected} (in “{seg[:60]}…”)")
    return problems
