"""Checker messages in the browser's words: GOV.UK error phrasing ("Enter the salary, for
example 52000") for a question, and plain English for anything else (no key paths, YAML
words, rule ids or commands). The command line keeps its own messages.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from pathlib import Path
from typing import Any

from pydantic.fields import FieldInfo

from docgen.answers.forms import field_at
from docgen.answers.model import AnswerFile
from docgen.answers.pence import is_money_field
from docgen.answers.ranges import Bounds, field_bounds
from docgen.errors import ACCEPTANCE_CODES, NOT_KNOWN, TOO_FEW, DocgenError, Fix, KeyPath
from docgen.web.before_final import FINAL_COUNTED, LEFT_OUT, warnings_open
from docgen.web.fields import STEP_BY_KEY, STEP_BY_SLUG, question_at
from docgen.web.fixes import fix_words
from docgen.web.forms import get
from docgen.web.money_typed import money_typed
from docgen.web.nouns import (
    LEGAL_FIRST,
    answer_noun,
    in_row,
    noun_of,
    of_partner,
    partner_called,
    phrase,
)
from docgen.web.unit_example import example_at
from docgen.web.wording import CHOICES, WORDS, words
from docgen.wording_files import load_words

#: the interview's words for the problems the checks mark with a code (``Problem.code``,
#: set in docgen/answers: a message reworded on the command line keeps its words here) and
#: for the findings of rules that each find one thing (``Problem.rule``): data an editor
#: changes without Python, in problem_words.yaml beside this module
PROBLEM_WORDS = Path(__file__).with_name("problem_words.yaml")


def _problem_words() -> tuple[dict[str, str], dict[str, str]]:
    """The two mappings of :data:`PROBLEM_WORDS`, each of text keys to text."""
    data = load_words(PROBLEM_WORDS)  # the reader of every file of words
    found: list[dict[str, str]] = []
    for part in ("by_code", "by_rule"):
        given = data.get(part) if isinstance(data, dict) else None
        if not isinstance(given, dict) or not all(
                isinstance(k, str) and isinstance(v, str) and v for k, v in given.items()):
            raise DocgenError(f"{PROBLEM_WORDS}: '{part}' must map each code to its words; "
                              "reinstall docgen, or mend the file")
        found.append(given)
    return found[0], found[1]


BY_CODE, BY_RULE = _problem_words()
#: what is left of "key: value" (a key the model knows, a value it allows), put as
#: "<what the question asks>: <the choice>", in words
_PAIR = re.compile(r"\b([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*): (\{[^{}]*\}|[a-z0-9_]+)")
_KEYISH = re.compile(r"\b[a-z][a-z0-9]*(?:[._][a-z0-9]+)+\b")
_QUOTED = re.compile(r"(?<!\w)'([^']{1,80})'(?!\w)")
_UNDERSCORED = re.compile(r"\b([a-z]+)_([a-z]+)\b")
#: where the instruction a rule gives as data stood in its message, while the rest is put
#: into plain words (a character no message has)
_FIX = "\ue000"
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b(?! \(year-month-day\))")
_DROP = re.compile(r"\s*\((?:docgen|see docs|write dates|found '--)[^)]*\)|\s*\(found [^)]*\)")


#: an accepted warning whose rule docgen does not have (typed into the file, or a value
#: not known yet accepted by an older version): put right on check your answers (the other
#: problems of an acceptance have codes, ``errors.ACCEPTANCE_CODES``, and words of their own)
STALE_ACCEPTANCE = "A warning accepted for this post is not one docgen checks: remove it " \
    "under \u2018Accepted warnings to put right\u2019"


def final_open(answers: int = 0, warnings: int = 0, overlays: int = 0) -> str:
    """Why the post cannot be final, in the interview's words (warnings are accepted, an
    answer not given yet is a gap), from the counts of docgen's problems: the ``answers``
    still to give (a gap the documents show, a value not known yet) and the ``warnings``
    neither accepted nor put right, ``overlays`` of them a clause overlay's (put right
    only); with neither (counted with stand-ins for sections not answered, or not counted),
    what is open is not said."""
    if not answers and not warnings:
        return "The post can only be final once every question is answered without errors " \
            "and every warning is accepted or put right; choose \u2018Draft\u2019 until then"
    said, todo = [], []
    if answers:  # first, as "Final" refused says them (before_final.refusal)
        said.append(f"{answers} answer{'s are' if answers != 1 else ' is'} still to be given "
                    "(shown as a highlighted gap in the documents)")
        todo.append("give each answer")
    if warnings:
        said_, todo_ = warnings_open(warnings, overlays)
        said.append(said_)
        todo.append(todo_)
    do = " and ".join(todo)
    return f"The post cannot be final yet: {' and '.join(said)}. {do[:1].upper()}{do[1:]}, " \
        "or choose \u2018Draft\u2019"


def coded(code: str, rule: str, path: KeyPath, message: str = "") -> str | None:
    """The browser's words for a problem by its code or its rule (never by its message's
    text, bar the counts a final post still has open); None for a problem with neither."""
    if code == FINAL_COUNTED:  # worded from the check's problems (checking.counted)
        return message
    if code.startswith("final_open"):  # not counted by the interview: docgen's English
        return final_open()  # count is not read
    if tuple(path[:1]) == ("acknowledge",):  # a reason to give, one that no longer
        return BY_CODE[code] if code in ACCEPTANCE_CODES else STALE_ACCEPTANCE  # applies,
        # or no rule docgen has ('TBC' too, not an answer not known yet)
    if code == "unknown_key":
        return unknown_answer(path)
    if code == TOO_FEW:  # a list with fewer items than it needs, away from its question
        return "Add at least two partners" if tuple(path) == ("parties",) else \
            "Add at least one"
    return BY_CODE.get(code) or BY_RULE.get(rule)


def unknown_answer(path: KeyPath) -> str:
    """An answer in the file that docgen does not use, named as the file names it and
    where it is ("‘bonus_pool’ under Payment"): no page asks for it, so the page it is
    under offers to remove it."""
    key = next((str(k) for k in reversed(path) if isinstance(k, str)), "")
    step = STEP_BY_KEY.get(str(path[0])) if path else None
    if step is not None and len(path) > 1:
        return f"The file has an answer docgen does not use: \u2018{key}\u2019 in the " \
            f"section \u2018{step.title}\u2019. Remove it on that section's page to make " \
            "the documents"
    return f"The file has an answer docgen does not use: \u2018{key}\u2019. Remove it on " \
        f"the page \u2018{STEP_BY_SLUG['about'].title}\u2019 to make the documents"


def plain(message: str, names: dict[str, str] | None = None, *, code: str = "",
          rule: str = "", path: KeyPath = (), fix: Fix | None = None) -> str:
    """A checker's message with key paths, YAML words and ids put into plain words; a
    problem with a code or rule the browser knows, in its own words; the instruction a
    rule gives as data (``fix``), said from the questions it names."""
    names = names or {}
    both = clash(path, names, code)
    if both is not None:
        return both
    said = coded(code, rule, path, message)
    if said is not None:
        return said
    text = message
    if fix is not None and fix.said in text:  # the rest of the message (names, reasons)
        text = text.replace(fix.said, _FIX, 1)  # is kept, in plain words
    text = _DROP.sub("", text)
    text = _PAIR.sub(lambda m: _pair(m, names), text)
    text = _QUOTED.sub(lambda m: names.get(m.group(1)) or f"‘{m.group(1)}’", text)

    def key(m: re.Match[str]) -> str:
        token = m.group()
        if token in names:
            return names[token]
        found = WORDS.get(token)
        if found is not None:  # as a noun: "set the trial period in months", not a question
            return noun_of(found)
        if token in CHOICES:
            return CHOICES[token].lower()
        if "_" not in token and token.split(".")[0] not in AnswerFile.model_fields:
            return token  # not a key: "e.g.", "s.2", "example.gov.uk" keep their dots
        last = token.replace("_", ".").split(".")
        return " ".join(last).lower()

    def words(part: str) -> str:
        """The checker's own words made plain (never a value it quotes: ``TBC-01.``)."""
        part = _ISO_DATE.sub(_long_date, part)
        part = re.sub(r"\btbc\b", "not known yet", part, flags=re.IGNORECASE)
        part = re.sub(r"\bGP\d+\b", "this", part)
        part = re.sub(r"\b(?:true|false)\b", lambda m: "yes" if m.group() == "true" else "no",
                      part)
        part = _KEYISH.sub(key, part)
        # a bare word is never taken for a partner's id: "council", "trust", "board" are
        # docgen's English too ("a statutory office a council gives"); ids are named where
        # quoted ('eastwick', above) or keyish (north_vale, by key), as docgen writes them
        return _UNDERSCORED.sub(r"\1 \2", part)

    def quoted(part: str) -> str:
        """A quoted key ('time_split') is put into words; a value the person typed
        ('register.csv') stays exactly as typed."""
        inner = part[1:-1]
        if inner.casefold() == "tbc":  # the value is the answer file's "not known yet"
            return "\u2018not known yet\u2019"
        if inner in names:  # a partner's id, quoted: its name
            return f"\u2018{names[inner]}\u2019"
        known = (inner in names or inner in WORDS or inner in CHOICES
                 or inner.split(".")[0] in AnswerFile.model_fields)
        return f"\u2018{words(inner)}\u2019" if known else part

    text = "".join(quoted(part) if part.startswith("\u2018") else words(part)
                   for part in re.split("(\u2018[^\u2019]*\u2019)", text))
    text = text.strip().rstrip(";,")
    if _FIX in text and fix is not None:
        instead = fix_words(fix, names)
        before = text[:text.index(_FIX)].rstrip()
        if not before or before.endswith((".", ":")):  # a sentence of its own
            instead = instead[:1].upper() + instead[1:]
        text = text.replace(_FIX, instead)
    return text[:1].upper() + text[1:]


def _long_date(m: re.Match[str]) -> str:
    """A date the checker gives as 2027-04-01, as the interview says it: 1 April 2027."""
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return m.group()
    return f"{day.day} {day:%B %Y}"


def _pair(m: re.Match[str], names: dict[str, str]) -> str:
    """``cost_shares: {eastwick: 60}`` or ``registers: employer``, for a key the model has,
    as "<what the question asks>: <the choice>" (each id of a mapping as the partner's name:
    an id there is never a word of docgen's); anything else as it was."""
    key, value = m.group(1), m.group(2)
    found = WORDS.get(key) or next((w for k, w in WORDS.items()
                                    if k.endswith("." + key)), None)
    if found is None and key.split(".")[0] not in AnswerFile.model_fields:
        return m.group()
    if value.startswith("{"):  # {eastwick: 60, westmere: 40}: the partners' shares
        shares = [part.split(":") for part in value.strip("{}").split(",") if ":" in part]
        return ", ".join(f"{names.get(k.strip(), k.strip())} {v.strip()}%" for k, v in shares)
    choice = CHOICES.get(f"{key}:{value}") or CHOICES.get(value)
    if choice is None and value not in ("true", "false") and not value.isdigit():
        return m.group()  # "the employer: that is a change …" is English, not a value
    said = {"true": "yes", "false": "no"}.get(value, choice[:1].lower() + choice[1:]
                                              if choice else value)  # "section 113 of the
    # Local Government Act 1972 (England and Wales)": only its first letter made small
    return f"{noun_of(found)}: {said}"


def bounds_at(path: KeyPath) -> Bounds:
    """The range the model allows for the answer at ``path`` (docgen's own, from
    answers/ranges.py); for an entry of a mapping (a partner's cost share), its values'."""
    info = field_at(path)
    found = field_bounds(info)
    if info is None or found.sentence():
        return found
    todo = list(typing.get_args(info.annotation))
    while todo:
        arg = todo.pop(0)
        if typing.get_origin(arg) is typing.Annotated:
            inner = field_bounds(FieldInfo.from_annotation(arg))
            if inner.sentence():
                return inner
        todo += list(typing.get_args(arg))
    return found


#: which clash between partners each code is: what is the same (its words' key in
#: :data:`~docgen.web.nouns.PHRASES`), and the key that holds it
_CLASHES = {"same_party_id": ("partner_id.called", "id"),
            "same_short_name": ("partner_clash.short_name", "short_name")}


def clash(path: KeyPath, names: dict[str, str] | None, code: str) -> str | None:
    """Two partners with one abbreviation (id) or short name, both named ("Southvale ICB and
    Royal Borough of Westmere have the same abbreviation ‘westmere’"); None for another
    problem."""
    if code not in _CLASHES:
        return None
    said, key = _CLASHES[code]
    what = phrase(said)
    listed: list[dict[str, Any]] = getattr(names, "listed", [])
    at = path[1] if len(path) > 1 and isinstance(path[1], int) else None
    value = str(listed[at].get(key) or "") if at is not None and at < len(listed) else ""

    def name(i: int) -> str:
        return partner_called(listed, i, keys=LEGAL_FIRST)

    same = [i for i, p in enumerate(listed)
            if value and str(p.get(key) or "").casefold() == value.casefold()]
    if at is not None and len(same) > 1:
        other = next(i for i in same if i != at)
        return phrase("partner_clash.named", partner=name(at), other=name(other), what=what,
                      value=value)
    if value:
        return phrase("partner_clash.shown", what=what, value=value)
    return phrase("partner_clash.unnamed", what=what)


def error(message: str, path: tuple[str | int, ...], kind: str,
          names: dict[str, str] | None = None, *, code: str = "", rule: str = "",
          fix: Fix | None = None, answers: Any = None) -> str:
    """A problem at a question, as GOV.UK phrases errors: what to do, with an example
    (for a share of the time, in the unit ``answers`` divide it in); money refused is
    read as typed from ``answers``, never from ``message``."""
    both = clash(path, names, code)
    if both is not None:
        return both
    found = words(path)
    noun = noun_of(found)
    if code in LEFT_OUT and found is None and len(path) == 1 and str(path[0]) in STEP_BY_KEY:
        return phrase("check_page.section_to_answer")  # a whole section, not "this answer"
    if code in LEFT_OUT:  # an answer to give (before_final.NOT_GIVEN counts it so)
        verb = "Select" if kind in ("radios", "party", "yesno", "select") else "Enter"
        asked = in_row(found.missing if found and found.missing else f"{verb} {noun}", path)
        return of_partner(asked, path, names)
    if code == "not_a_party" and len(path) == 1 and found and found.missing:
        return found.missing  # the employer's page says the same on arrival and after
    said = coded(code, rule, path, message)
    if said is not None:
        return in_row(said, path) if code == "not_a_party" else said
    allowed = bounds_at(path).sentence() if code == "out_of_range" else ""
    if allowed:  # a number, but out of range: say the range the model allows
        return f"{noun[:1].upper()}{noun[1:]} must be {allowed}"
    longest = next((m.max_length for m in getattr(field_at(path), "metadata", [])
                    if getattr(m, "max_length", None)), None) if code == "too_long" else None
    if longest:  # the model's limit for the question, whatever the message says
        return f"{noun[:1].upper()}{noun[1:]} must be {longest:,} characters or fewer"
    example = example_at(path, answers, found)
    if kind == "intortext":  # a number of years, or no end (forms.read_years reads both)
        return f"Enter the number of years, for example {example or 2}, or write " \
            "\u2018without limit\u2019"
    if kind == "date" and (code == "not_a_date" or "write dates" in message
                           or "valid date" in message):  # not "must be consulted before"
        said = noun[:1].upper() + noun[1:]
        typed = re.search(r"\(found '(.*)'\)", message)  # as the date boxes left it: 1//2027
        pieces = typed.group(1).split("/") if typed else []
        gaps = [part for part, piece in zip(("day", "month", "year"), pieces, strict=False)
                if not piece.strip()] if len(pieces) == 3 else []
        if gaps:  # the GOV.UK date input pattern's messages
            return f"{said} must include a {' and '.join(gaps)}"
        if typed and len(pieces) == 1:  # in one box, no date's shape: "April 2027"
            return f"Enter {noun} as day, month and year, for example " \
                f"{found.example if found and found.example else '1 4 2027'}"
        return f"{said} must be a real date"
    money = money_typed(get(answers, path), noun) if kind == "number" and \
        is_money_field(field_at(path)) else None
    if money:  # "104.250": a dot marks pence, never thousands
        return money
    if kind in ("number", "intlist"):
        return _number(message, noun, code, example) or \
            _about(noun, plain(_NUMBER_TAIL.sub("", message), names, path=path, fix=fix),
                   message)
    return plain(message, names, path=path, fix=fix)


#: a checker's words for a value that is not a number (or not a whole one), unlike a
#: number out of range or otherwise wrong ("must be between 1 and 48")
_NOT_NUMBER = re.compile(r"\ba (?:valid |whole )?number\b|\bas a number\b", re.IGNORECASE)
_NUMBER_TAIL = re.compile(r";\s*(?:for example|write it as)\b.*$", re.DOTALL)


def _number(message: str, noun: str, code: str, example: str) -> str | None:
    """"Enter the hours a week as a number, for example 37", only for a value that is not
    a number; None for one that is, whose message keeps the checker's reason. A decimal
    comma ("2,5") is asked for with a point ("for example 2.5"): the officer sees why."""
    if code != "not_a_number" and not _NOT_NUMBER.search(message):
        return None
    whole = "whole " if "whole number" in message else ""
    typed = _FOUND.search(message)
    comma = _DECIMAL_COMMA.fullmatch(typed.group(1).strip()) if typed else None
    if comma and not whole:
        example = comma.group(1).replace(",", ".")  # "2,5": shown as 2.5
    when = f", for example {example}" if example else ""
    return f"Enter {noun.split(' as a ')[0]} as a {whole}number{when}"


#: the value a checker's message quotes, and a number written with a decimal comma
#: (forms.parse_number refuses it), which the message shows written with a point
_FOUND = re.compile(r"\(found '(.*?)'\)")
_DECIMAL_COMMA = re.compile(r"£?(\d+,\d{1,2})%?")


def _about(noun: str, said: str, message: str) -> str:
    """The checker's reason about an answer ("must be between 1 and 48") after what the
    question asks for: "The hours a week must be between 1 and 48"."""
    if not message.lstrip().lower().startswith("must "):
        return said
    return f"{noun[:1].upper()}{noun[1:]} {said[:1].lower()}{said[1:]}"


def problem_text(message: str, path: KeyPath, names: dict[str, str] | None = None,
                 severity: str = "error", *, code: str = "", rule: str = "",
                 fix: Fix | None = None, answers: Any = None) -> str:
    """A problem away from its question (check your answers, Save, a preview): an error in
    the words its section's page uses ("Enter the start date"), after the section's title;
    a warning in plain words (a row named by the name ``answers`` give it, where given)."""
    if severity != "error" and path and code == NOT_KNOWN:
        step, q = question_at(path)  # which answer: the message alone does not say
        noun = answer_noun(path, names, answers)  # whose, which row: named apart from others
        said = f"{noun[:1].upper()}{noun[1:]} is not known yet; the documents show a " \
            "highlighted gap until it is given"
        return f"{step.title}: {said}" if step is not None else said
    if severity != "error" or not path or code == "unknown_key":  # says where it is
        return plain(message, names, code=code, rule=rule, path=path, fix=fix)
    step, q = question_at(path)
    kind = "" if q is None else q.inner if q.kind == "party_map" and \
        str(path[-1]) != str(q.path[-1]) else q.kind  # one partner's answer: as its box
    said = error(message, path, kind, names, code=code, rule=rule, fix=fix, answers=answers)
    return f"{step.title}: {said}" if step is not None else said
