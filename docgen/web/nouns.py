"""What an answer is called in a sentence about it, made from its question's own words
(:data:`~docgen.web.wording.WORDS`): "Enter the start date" asks for "the start date".
Away from its question (About's "Before the post can be final") an answer is named so
that no two read alike: "the warning about the percentage" was said of two on-costs, for
two different warnings, so the row of a list and the partner an answer belongs to are
added ("the percentage for on-cost 2"), and a vague noun ("the days") gives way to the
question's label where that says more ("the days to pay an invoice"). Split from
messages.py, whose errors use the same nouns.
"""

from __future__ import annotations

import re
from typing import Any

from docgen.errors import KeyPath
from docgen.web.fields import STEP_BY_KEY, question_at
from docgen.web.wording import WORDS, Words, words

#: what a missing-answer sentence asks for that names no one answer ("Enter a number of
#: years", "Enter at least one kind of …", "Enter the number of weeks"): the label says more
_VAGUE = ("a ", "an ", "at least ", "the number of ")
#: a label that reads as a noun without "the" before it
_OWN = ("the ", "each ", "what ", "who ", "which ", "how ", "when ", "where ", "why ")


def _asked(found: Words) -> str:
    """What the missing-answer sentence asks for ("the salary"); "" for none."""
    return next((found.missing.removeprefix(verb).split(", for example")[0]
                 for verb in ("Enter ", "Select ") if found.missing.startswith(verb)), "")


def label_noun(found: Words) -> str:
    """The question's label as a noun: "the pay grade", "the days to pay an invoice" (its
    words after a comma, a format, left out); a label worded as a question is quoted: "the
    answer to ‘How is the agreement signed?’"."""
    if found.label.endswith("?"):
        return f"the answer to \u2018{found.label}\u2019"
    label = re.sub(r"\s*\([^)]*\)$", "", found.label).split(",")[0]
    named = label[:1].lower() + label[1:]
    return named if named.startswith(_OWN) else f"the {named}"


def noun_of(found: Words | None) -> str:
    """What the question asks for, as a noun ("the salary", "the start date"), as its
    missing-answer sentence says it ("Select yes if …": whether …), else its label."""
    if found is None:
        return "this answer"
    asked = _asked(found)
    if asked.startswith("yes if "):
        return "whether " + asked.removeprefix("yes if ")
    return asked or label_noun(found)


def answer_noun(path: KeyPath, names: dict[str, str] | None = None) -> str:
    """The answer at ``path`` named apart from every other, for a sentence away from its
    question: the question's noun, or its label where that says more (the same first word,
    more words: "the days to comment on a freedom of information request"), with its row
    ("the percentage for on-cost 2") or its partner ("Westmere's share of the time"); a
    section with no question of its own is named by its page."""
    found = words(path)
    if found is None:
        step = STEP_BY_KEY.get(str(path[0])) if path else None
        return f"an answer on the page \u2018{step.title}\u2019" if step else "this answer"
    said, label = noun_of(found), label_noun(found)
    first = said.removeprefix("the ").split()[:1]
    if said.startswith(_VAGUE) or (first == label.removeprefix("the ").split()[:1]
                                   and len(label.split()) > len(said.split())):
        said = label
    _, group = question_at(path)
    if path and isinstance(path[-1], int) and group is not None and group.item:
        return f"{group.item[:1].lower()}{group.item[1:]} {path[-1] + 1}"  # a whole row
    return of_a_partner(of_partner(in_row(said, path), path, names), path, names)


def of_a_partner(said: str, path: KeyPath, names: dict[str, str] | None) -> str:
    """An answer given for each partner (time shares, fees, line managers) named for the
    partner whose it is: "each partner's share of the time" for Westmere's is "Westmere's
    share of the time", as its box is labelled by the partner's short name."""
    listed: list[dict[str, Any]] = getattr(names, "listed", [])
    key = path[-1] if path and path[0] != "parties" else None
    whose = next((p for p in listed if isinstance(key, str) and p.get("id") == key), None)
    if whose is None or ".".join(str(k) for k in path if isinstance(k, str)) in WORDS:
        return said  # not a partner's box: a key of the model's
    name = str(whose.get("short_name") or whose.get("name") or key)
    if "each partner" in said:
        return said.replace("each partner's", f"{name}'s", 1).replace("each partner", name, 1)
    return f"{said} for {name}"


def of_partner(said: str, path: KeyPath, names: dict[str, str] | None) -> str:
    """What to do about one partner's answer, naming the partner by its short name (else
    its legal name): "Enter the name of the person who signs for Northtown", as the list of
    partners shows every partner's."""
    listed: list[dict[str, Any]] = getattr(names, "listed", [])
    at = path[1] if path[:1] == ("parties",) and len(path) > 2 else None
    if not isinstance(at, int) or not 0 <= at < len(listed):
        return said
    name = str(listed[at].get("short_name") or listed[at].get("name") or "").strip()
    if not name:
        return said
    if "the partner's " in said:
        return said.replace("the partner's ", f"{name}'s ", 1)
    what, eg, example = said.partition(", for example")
    return f"{what} for {name}{eg}{example}"


def in_row(said: str, path: KeyPath) -> str:
    """What to do about an answer in a row of a list, with the row the page numbers it by
    ("Select the partner for statutory role 1"); a partner's answers have a page each."""
    at = next((i for i, key in enumerate(path) if isinstance(key, int)), None)
    _, group = question_at(path[:at]) if at is not None and at + 1 < len(path) else (None, None)
    if group is None or group.kind != "group" or not group.item or path[0] == "parties":
        return said
    row = f"{group.item[:1].lower()}{group.item[1:]} {int(path[at or 0]) + 1}"
    named = re.sub(rf"\bthe {re.escape(row.rsplit(' ', 1)[0])}\b", row, said, count=1)
    if named != said:  # "Enter criterion 2", not "Enter the criterion for criterion 2"
        return named
    what, eg, example = said.partition(", for example")
    return f"{what} for {row}{eg}{example}"
