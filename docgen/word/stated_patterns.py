"""The patterns and cues by which :mod:`docgen.word.stated` finds each statement in a
document, built from the words a lawyer may edit: the facts' words
(``docgen/data/wording/facts.yaml``: "the Host Party", "in arrears", "at least once a
quarter", a time fee's basis) and the schedules' (a row's label, "{hours} hours a week over
{days} days"). Each builder takes those words as they are and returns a pattern (or the
cues a paragraph must hold to be searched with it): their own words escaped, their
``{names}`` read as any figure, so an edited wording is still read, and a hand edit of the
figure in it is still caught. Kept apart from the statements themselves (what each one
states, the figure the answer file gives, how a difference is reported), which only name
these builders: the words' shapes can change without touching the table of statements.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping

from docgen.facts.wording import PER, TIMING

#: a number (or a number in words) and a unit of time, as a period is printed
PERIOD = r"[\w.]+ (?:month|week|day|year)s?"
DAYS = r"[\w.]+ (?:[Ww]orking |[Cc]alendar |[Bb]usiness )?[Dd]ays?"

#: the facts' words (:func:`docgen.facts.wording.words`) and, under ``schedules.``, the
#: schedules' (:func:`docgen.word.wording.wording`): a statement printing some of them
#: builds its pattern (and its expected value) from them, so a lawyer's edit is still read
Words = Mapping[str, str]
SCHEDULES = "schedules."
Source = Callable[[Words], str]


def _either(said: Words, keys: list[str]) -> str:
    """The words of ``keys`` as alternatives of a pattern, longest first (so "at least
    once a quarter, or more often" is tried before "at least once a quarter")."""
    found = sorted(dict.fromkeys(said[k] for k in keys), key=len, reverse=True)
    return "|".join(re.escape(w) for w in found)


def _hosts_each(said: Words) -> str:
    return _either(said, ["hosts.each_one", "hosts.each_more"])


def invoicing_pattern(said: Words) -> str:
    """``shall invoice <hosts.each> <frequency> <money.timing.*>``: the value is the
    frequency and the timing words (any other words up to a stop, as a hand edit)."""
    timing = _either(said, [f"money.timing.{t}" for t in TIMING])
    return (rf"shall invoice (?:{_hosts_each(said)}) "
            rf"(?P<value>[^.;,]+? (?:{timing})(?=[.;,]|$)|[^.;,]+)")


def meets_pattern(said: Words) -> str:
    """The words of ``steering_group.meets.*`` (a comma inside them kept), or any words
    up to a stop (a hand edit)."""
    meets = _either(said, [k for k in said if k.startswith("steering_group.meets.")])
    return rf"Steering Group meets (?P<value>(?:{meets})(?=[,.;]|$)|[^,.;]+)"


#: a number of years in the confidentiality words ("{years} years", "1 year")
_YEARS = re.compile(r"(?:\{years\}|\d+) (?:month|week|day|year)s?\b")


def lasts_pattern(said: Words) -> str:
    """The ``confidentiality.*`` words as the clauses print them, unchanged (see
    :func:`docgen.word.stated._confidentiality`), with any period in them read as any period."""
    found = []
    for key in ("confidentiality.indefinite", "confidentiality.one_year",
                "confidentiality.years"):
        text = said[key]
        shape = PERIOD.join(re.escape(part).replace(re.escape("{years}"), r"[\w.]+")
                            for part in _YEARS.split(text))
        found.append((len(text), shape))
    shapes = dict.fromkeys(s for _, s in sorted(found, reverse=True))
    return rf"\bcontinue (?P<value>{'|'.join(shapes)})"


#: how a time fee's basis prints {units} ("1.5") and {rate} ("£520.00")
_UNITS = r"[\d.,]+"
_RATE = r"\S+"


def _bases(said: Words) -> list[str]:
    """A time fee's basis of payment (``money.basis.day_more``), one per wording."""
    return list(dict.fromkeys(said[f"money.basis.{per}_{n}"]
                              for per in PER for n in ("one", "more")))


def _shape(words: str, fields: Mapping[str, str], other: str) -> str:
    """``words`` as a pattern: their own words escaped, each ``{name}`` as ``fields[name]``
    (``other`` for a name not there)."""
    return "".join(re.escape(literal) + ("" if name is None else fields.get(name, other))
                   for literal, name, _, _ in string.Formatter().parse(words))


def _longest_words(words: str) -> str:
    """The longest run of ``words``' own words between its ``{names}``: where it is looked
    for ("" when it has none)."""
    return max((literal.strip() for literal, *_ in string.Formatter().parse(words)), key=len)


def _basis_pattern(basis: str, group: str) -> str:
    """The whole of ``basis`` as printed: its own words escaped, ``{units}`` and ``{rate}``
    any figure, ``{weeks}`` the figure read (group ``group``), so words after or before
    ``{weeks}`` alone never pick out another figure."""
    return _shape(basis, {"weeks": rf"(?<![\w.])(?P<{group}>[\d.]+)",
                          "units": rf"(?<![\w.]){_UNITS}"}, _RATE)


def weeks_pattern(said: Words) -> str:
    basis = [_basis_pattern(b, f"value{i}") for i, b in enumerate(_bases(said), start=2)]
    return "|".join([r"\b(?P<value>[\d.]+) working weeks a year", *basis])


def weeks_cues(said: Words) -> tuple[str, ...]:
    """The longest words of each basis ("days a week ×"): where it is looked for."""
    return tuple(dict.fromkeys(c for c in map(_longest_words, _bases(said)) if c))


#: the hours as the clauses print them ("37 hours a week over 5 days")
_CLAUSE_HOURS = r"(?<![\w.])(?P<value>[\d.]+ hours a week over [\d.]+ days?)"


def hours_pattern(said: Words) -> str:
    """The hours as the clauses print them, or as the schedule's ``post.hours_value``
    prints them (its own words escaped, its figures any figure: group ``value2``)."""
    if f"{SCHEDULES}post.hours_value" not in said:  # the schedules' words are not known
        return _CLAUSE_HOURS
    shape = _shape(said[f"{SCHEDULES}post.hours_value"], {}, r"[\d.]+")
    return rf"{_CLAUSE_HOURS}|(?<![\w.])(?P<value2>{shape})"


def hours_cues(said: Words) -> tuple[str, ...]:
    words = said.get(f"{SCHEDULES}post.hours_value")  # None: the schedules' not known
    cue = _longest_words(words) if words else ""
    return (cue,) if cue else ()


def row_pattern(label_key: str) -> Source:
    """A schedule row, ``<label> | <value>``, its label from the schedules' words."""
    return lambda said: rf"^{re.escape(said[SCHEDULES + label_key])} \| (?P<value>.*)$"


def row_cue(label_key: str) -> Callable[[Words], tuple[str, ...]]:
    return lambda said: (f"{said[SCHEDULES + label_key]} |",)
