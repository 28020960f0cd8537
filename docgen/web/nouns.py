"""What an answer is called in a sentence about it, made from its question's own words
(:data:`~docgen.web.wording.WORDS`): "Enter the start date" asks for "the start date".
Away from its question (About's "Before the post can be final") an answer is named so
that no two read alike: "the warning about the percentage" was said of two on-costs, for
two different warnings, so the row of a list and the partner an answer belongs to are
added ("the percentage for ‘Employer National Insurance’", by the name typed for the row
where it has one of its own, else "for on-cost 2"; "Westmere's share of the time", or
"Partner 2's" for a partner with no name yet, never its short code), and a vague noun
("the days") gives way to the question's label where that says more ("the days to pay an
invoice"). Split from messages.py, whose errors use the same nouns.

The words these are put together with ("the answer to ‘…’", "for …", "Give …") are data
an editor changes without Python: the sections ``answer_names`` and ``before_final`` (and
guards.py's ``typed_and_not_known``, ``changed_elsewhere``, carried.py's
``details_removed``, own_wording.py's ``own_wording``, and ``partner_id``: what a
partner's id is called) of problem_words.yaml beside
this module (:data:`PHRASES`), read and checked whole by
:mod:`docgen.wording_files` (a key missing or a misspelt ``{name}`` is an error naming the
file and the key), again when the file changes. How the questions' own words are read
("Enter …", "each partner's …", "the number of …") stays here, as code: the words
themselves are question_words.yaml's (:data:`~docgen.web.wording.WORDS`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from docgen.answers.notknown import is_not_known
from docgen.errors import KeyPath
from docgen.web.fields import STEP_BY_KEY, question_at
from docgen.web.forms import get
from docgen.web.wording import WORDS, Words, words
from docgen.wording_files import Keys, file_state, read_wording

#: docgen's own file of the interview's words (an error about a key shows its words there)
SHIPPED = Path(__file__).with_name("problem_words.yaml")
#: the file read (read at each call, so a test can point it at an edited copy)
PHRASES = SHIPPED
#: each key :data:`PHRASES` must give, with the names its words must use in braces
KEYS: Keys = {
    "answer_names.this_answer": frozenset(),
    "answer_names.on_page": frozenset({"page"}),
    "answer_names.question": frozenset({"question"}),
    "answer_names.label": frozenset({"label"}),
    "answer_names.whether": frozenset({"what"}),
    "answer_names.row_numbered": frozenset({"item", "number"}),
    "answer_names.row_named": frozenset({"name"}),
    "answer_names.whole_row_named": frozenset({"item", "name"}),
    "answer_names.in_row": frozenset({"answer", "row"}),
    "answer_names.partner_unnamed": frozenset({"number"}),
    "answer_names.partners": frozenset({"partner"}),
    "answer_names.for_partner": frozenset({"answer", "partner"}),
    "before_final.put_right": frozenset(),
    "before_final.give": frozenset({"answer"}),
    "before_final.on_page": frozenset({"answer", "page"}),
    "before_final.warning": frozenset({"answer"}),
    "before_final.warnings": frozenset({"answer", "count"}),
    "before_final.overlay": frozenset({"keeper", "whose", "clause"}),
    "before_final.only_put_right": frozenset(), "before_final.some_put_right": frozenset(),
    "before_final.postholder": frozenset(),
    "before_final.reversion_post": frozenset(),
    "own_wording.warning": frozenset({"whose", "clause", "documents", "keeper"}),
    "own_wording.not_in_documents": frozenset({"whose", "clause"}),
    "own_wording.until_known": frozenset(), "own_wording.until_right": frozenset(),
    "own_wording.unusable": frozenset({"whose", "keeper"}),
    "own_wording.partner": frozenset({"partner"}), "own_wording.the_employer": frozenset(),
    "own_wording.partner_keeper": frozenset({"partner"}),
    "own_wording.post": frozenset(), "own_wording.post_keeper": frozenset(),
    "own_wording.clause": frozenset({"title"}), "own_wording.a_clause": frozenset(),
    "own_wording.document": frozenset({"document"}),
    "typed_and_not_known.enter": frozenset({"label"}),
    "typed_and_not_known.not_both": frozenset({"asked"}),
    "changed_elsewhere.heading": frozenset(), "changed_elsewhere.text": frozenset(),
    "details_removed.heading": frozenset({"answer"}), "details_removed.text": frozenset(),
    "details_removed.also": frozenset({"answer"}),
    "board_party.signs": frozenset(),
    "partner_id.called": frozenset(), "partner_id.taken": frozenset({"other", "code", "partner"}),
    "partner_id.own_now": frozenset({"partner"}), "partner_id.not_listed": frozenset({"code"}),
    "partner_clash.short_name": frozenset(),
    "partner_clash.named": frozenset({"partner", "other", "what", "value"}),
    "partner_clash.shown": frozenset({"what", "value"}),
    "partner_clash.unnamed": frozenset({"what"}),
    "check_page.section_to_answer": frozenset(),
}
MAX_BYTES = 64_000

#: the field that names a row of a list, where its rows have one: what an on-cost is, the
#: statutory role, the site of a place of work, a steering group member's job title (a step
#: of a dispute and a criterion of the person specification are known by their number)
ROW_NAMES = {"payment.on_costs": "name", "post.statutory_roles": "role",
             "post.locations": "site", "governance.steering_group.members": "role"}
#: what a missing-answer sentence asks for that names no one answer ("Enter a number of
#: years", "Enter at least one kind of …", "Enter the number of weeks"): the label says more
_VAGUE = ("a ", "an ", "at least ", "the number of ")
#: a label that reads as a noun without "the" before it
_OWN = ("the ", "each ", "what ", "who ", "which ", "how ", "when ", "where ", "why ")


def phrase(key: str, **slots: object) -> str:
    """The words at ``key`` of :data:`PHRASES` ("before_final.give"), each ``{name}`` in
    them filled from ``slots``."""
    path = PHRASES
    return _phrases(path, *file_state(path, "reinstall docgen"))[key].format(**slots)


@lru_cache(maxsize=8)
def _phrases(path: Path, _mtime_ns: int, size: int) -> dict[str, str]:
    """(cached per file and its state: a long-running server sees the file edited)"""
    return read_wording(path, size, KEYS, what="the interview's words", limit=MAX_BYTES,
                        shipped=SHIPPED)


def _asked(found: Words) -> str:
    """What the missing-answer sentence asks for ("the salary"); "" for none."""
    return next((found.missing.removeprefix(verb).split(", for example")[0]
                 for verb in ("Enter ", "Select ") if found.missing.startswith(verb)), "")


def label_noun(found: Words) -> str:
    """The question's label as a noun: "the pay grade", "the days to pay an invoice" (its
    words after a comma, a format, left out); a label worded as a question is quoted: "the
    answer to ‘How is the agreement signed?’"."""
    if found.label.endswith("?"):
        return phrase("answer_names.question", question=found.label)
    label = re.sub(r"\s*\([^)]*\)$", "", found.label).split(",")[0]
    named = label[:1].lower() + label[1:]
    return named if named.startswith(_OWN) else phrase("answer_names.label", label=named)


def noun_of(found: Words | None) -> str:
    """What the question asks for, as a noun ("the salary", "the start date"), as its
    missing-answer sentence says it ("Select yes if …": whether …), else its label."""
    if found is None:
        return phrase("answer_names.this_answer")
    asked = _asked(found)
    if asked.startswith("yes if "):
        return phrase("answer_names.whether", what=asked.removeprefix("yes if "))
    return asked or label_noun(found)


def answer_noun(path: KeyPath, names: dict[str, str] | None = None,
                answers: Any = None) -> str:
    """The answer at ``path`` named apart from every other, for a sentence away from its
    question: the question's noun, or its label where that says more (the same first word,
    more words: "the days to comment on a freedom of information request"), with its row
    (by the name ``answers`` give it, "the percentage for ‘Employer National Insurance’",
    else "the percentage for on-cost 2") or its partner ("Westmere's share of the time");
    a section with no question of its own is named by its page."""
    found = words(path)
    if found is None:
        step = STEP_BY_KEY.get(str(path[0])) if path else None
        return phrase("answer_names.on_page", page=step.title) if step else \
            phrase("answer_names.this_answer")
    said, label = noun_of(found), label_noun(found)
    first = said.removeprefix("the ").split()[:1]
    if said.startswith(_VAGUE) or (first == label.removeprefix("the ").split()[:1]
                                   and len(label.split()) > len(said.split())):
        said = label
    _, group = question_at(path)
    if path and isinstance(path[-1], int) and group is not None and group.item:
        item = _item(group.item)  # a whole row
        name = row_name(path, answers)
        return phrase("answer_names.whole_row_named", item=item, name=name) if name else \
            phrase("answer_names.row_numbered", item=item, number=path[-1] + 1)
    return of_a_partner(of_partner(in_row(said, path, answers), path, names, by_place=True),
                        path, names)


def _row_at(path: KeyPath) -> int | None:
    """Where in ``path`` the index of a list's row is (None: not in a list)."""
    return next((i for i, key in enumerate(path) if isinstance(key, int)), None)


def _item(item: str) -> str:
    """What a row of a list is called, inside a sentence ("on-cost", "statutory role")."""
    return item[:1].lower() + item[1:]


def row_name(path: KeyPath, answers: Any) -> str:
    """The name ``answers`` give the row of a list that ``path`` is in (or is): its field
    of :data:`ROW_NAMES`, where given, known and no other row's; "" for none, and for the
    answer that is that name."""
    at = _row_at(path)
    field = ROW_NAMES.get(".".join(str(k) for k in path[:at])) if at is not None else None
    rows = get(answers, path[:at]) if field is not None and answers is not None else None
    if at is None or not isinstance(rows, list) or path[at + 1:at + 2] == (field,):
        return ""
    given = [" ".join(str(row.get(field) or "").split()) if isinstance(row, dict)
             and not is_not_known(row.get(field)) else "" for row in rows]
    name = given[int(path[at])] if 0 <= int(path[at]) < len(given) else ""
    same = [n for n in given if n.casefold() == name.casefold()]
    return name if name and len(same) == 1 else ""


#: a partner named by its legal name first (its page's title, Check your answers)
LEGAL_FIRST = ("name", "short_name")


def partner_called(listed: list[dict[str, Any]], at: int, *, by_place: bool = True,
                   keys: tuple[str, ...] = ("short_name", "name")) -> str:
    """A partner's name as the list of partners shows it: its short name, else its legal
    name (``keys``, in order: :data:`LEGAL_FIRST` for the legal name first; neither "not
    known yet"); else its place in the list, as its page is titled ("Partner 2"), or ""
    when not ``by_place``. Never its short code."""
    for key in keys:
        value = listed[at].get(key)
        text = "" if value is None else str(value).strip()
        if text and not is_not_known(text):
            return text
    return phrase("answer_names.partner_unnamed", number=at + 1) if by_place else ""


def of_a_partner(said: str, path: KeyPath, names: dict[str, str] | None) -> str:
    """An answer given for each partner (time shares, fees, line managers) named for the
    partner whose it is: "each partner's share of the time" for Westmere's is "Westmere's
    share of the time", as its box is labelled by the partner's short name."""
    listed: list[dict[str, Any]] = getattr(names, "listed", [])
    key = path[-1] if path and path[0] != "parties" else None
    at = next((i for i, p in enumerate(listed) if isinstance(key, str) and p.get("id") == key),
              None)
    if at is None or ".".join(str(k) for k in path if isinstance(k, str)) in WORDS:
        return said  # not a partner's box: a key of the model's
    name = partner_called(listed, at)
    if "each partner" in said:
        return said.replace("each partner's", phrase("answer_names.partners", partner=name),
                            1).replace("each partner", name, 1)
    return phrase("answer_names.for_partner", answer=said, partner=name)


def of_partner(said: str, path: KeyPath, names: dict[str, str] | None, *,
               by_place: bool = False) -> str:
    """What to do about one partner's answer, naming the partner by its short name (else
    its legal name): "Enter the name of the person who signs for Northtown", as the list of
    partners shows every partner's; a partner with no name yet by its place ("Partner 2")
    where ``by_place``, else not named."""
    listed: list[dict[str, Any]] = getattr(names, "listed", [])
    at = path[1] if path[:1] == ("parties",) and len(path) > 2 else None
    if not isinstance(at, int) or not 0 <= at < len(listed):
        return said
    name = partner_called(listed, at, by_place=by_place)
    if not name:
        return said
    if "the partner's " in said:
        return said.replace("the partner's ",
                            phrase("answer_names.partners", partner=name) + " ", 1)
    what, eg, example = said.partition(", for example")
    return phrase("answer_names.for_partner", answer=what, partner=name) + eg + example


def in_row(said: str, path: KeyPath, answers: Any = None) -> str:
    """What to do about an answer in a row of a list, with the row the page numbers it by
    ("Select the partner for statutory role 1"), or by the name ``answers`` give the row
    (:func:`row_name`); a partner's answers have a page each."""
    at = _row_at(path)
    _, group = question_at(path[:at]) if at is not None and at + 1 < len(path) else (None, None)
    if group is None or group.kind != "group" or not group.item or path[0] == "parties":
        return said
    item = _item(group.item)
    name = row_name(path, answers)
    row = phrase("answer_names.row_named", name=name) if name else \
        phrase("answer_names.row_numbered", item=item, number=int(path[at or 0]) + 1)
    named = re.sub(rf"\bthe {re.escape(item)}\b", lambda _: row, said, count=1)
    if named != said:  # "Enter criterion 2", not "Enter the criterion for criterion 2"
        return named
    what, eg, example = said.partition(", for example")
    return phrase("answer_names.in_row", answer=what, row=row) + eg + example
