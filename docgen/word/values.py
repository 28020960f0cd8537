"""The answer file's free text, and whether the documents print each value of it.

A free-text value (an objective, a duty, the post returned to) reaches the documents as the
user typed it, through no derived wording, so no fact check sees it: read back, each value
every post prints must appear, exactly, in one of the documents (a template edited in Word
can drop one silently). This module walks the answer model for those values, once per
post (each field's kind read once per model class), and looks them up in the documents'
text in linear time however many there are; :mod:`docgen.word.verify` runs it with its
other checks, and blanks the same values out of the text its statement checks read.
"""

from __future__ import annotations

import functools
import typing

from pydantic import BaseModel

from docgen.answers.notknown import is_not_known
from docgen.errors import KeyPath
from docgen.facts.derive import Facts
from docgen.ooxml.readback import ReadDocument, norm
from docgen.word.places import printed
from docgen.word.textindex import TextIndex

TEXT_MAX = 20_000  # the max_length of model.Text: how a free-text field is recognised
NOT_PRINTED = {("acknowledge",), ("extends",), ("clauses",), ("version",), ("currency",)}
#: values looked up one by one below this many (an index costs more than it saves)
INDEX_FROM = 300
#: missing values reported at most (each one costs a full search of the documents)
MAX_MISSING = 50


@functools.lru_cache(maxsize=4096)
def as_printed(value: str) -> str:
    """A free-text value as the documents print it, normalised (remembered, as a batch's
    posts share most of their answers)."""
    return norm(printed(value))


def printed_values(model: BaseModel, path: KeyPath = (),
                   optional: bool = False) -> list[tuple[str, str]]:
    """Every free-text value of the answer file (``Text`` fields), with its key path.

    Ids, choices, numbers and dates are not free text: they are printed through
    derived wording, which the fact checks of :mod:`docgen.word.verify` cover.
    ``optional`` adds the optional free-text fields (``Text | None``), which the documents
    print only in some posts (the post returned to, only when there is a post-holder): what
    to blank out, never what must appear.
    """
    return [(key, value) for key, value, always in text_values(model, path)
            if always or optional]


def text_values(model: BaseModel, path: KeyPath = ()) -> list[tuple[str, str, bool]]:
    """:func:`printed_values` with the optional ones too, each saying whether every post
    prints it: walked once by :func:`docgen.word.verify.verify_documents` for both its
    uses."""
    out: list[tuple[str, str, bool]] = []
    for name, text, maybe in _fields_of(type(model)):
        here = (*path, name)
        if here in NOT_PRINTED:
            continue
        out += _printed(getattr(model, name), here, text, maybe)
    return out


@functools.cache
def _fields_of(model: type[BaseModel]) -> tuple[tuple[str, bool, bool], ...]:
    """A model's fields, each with whether it is free text, and whether it is optional free
    text (read once per class, not for every post: a model's fields never change)."""
    return tuple((name, _is_text(info.metadata), _is_text(_metadata_of(info.annotation)))
                 for name, info in model.model_fields.items())


def _metadata_of(annotation: object) -> list[object]:
    """``Text | None``: pydantic keeps an optional field's constraints in its annotation."""
    return [m for arg in typing.get_args(annotation) for m in getattr(arg, "__metadata__", ())]


def _is_text(metadata: list[object]) -> bool:
    return any(getattr(m, "max_length", None) == TEXT_MAX for m in metadata)


def _printed(value: object, path: KeyPath, text: bool,
             maybe: bool = False) -> list[tuple[str, str, bool]]:
    """The free text in ``value``; ``text``: it is free text printed in every post,
    ``maybe``: free text some posts print (an optional field)."""
    if isinstance(value, BaseModel):
        return text_values(value, path)
    if isinstance(value, str):
        return [(".".join(map(str, path)), value, text)] if text or maybe else []
    if isinstance(value, list | tuple):
        return [v for i, item in enumerate(value)
                for v in _printed(item, (*path, i), text or isinstance(item, str)
                                  and _list_of_text(path))]
    if isinstance(value, dict):
        return [v for k, item in value.items() for v in _printed(item, (*path, k), True)
                if isinstance(item, str | list | BaseModel)]
    return []


def _list_of_text(path: KeyPath) -> bool:
    return path[-1] not in ("assessed_by", "documents", "clauses")


def missing_values(facts: Facts, read: list[ReadDocument],
                   texts: list[tuple[str, str]]) -> list[str]:
    """Each free-text value must appear, exactly, in at least one of the documents
    (in linear time however many values there are: :class:`TextIndex`)."""
    everything = "\n".join(doc.text for doc in read)
    a = facts.answers
    values = [(key, value) for key, value in texts
              if (key != "legal_basis_text" or a.legal_basis == "other")
              # a value not known yet prints as a highlighted gap, not as itself
              and not is_not_known(value)]
    found = TextIndex(everything) if len(values) >= INDEX_FROM else everything
    # a value printed as a paragraph of its own (a table cell's, often) is found without a
    # search: each paragraph's text is part of its document's
    whole = {p for doc in read for p in doc.paragraphs}
    problems: list[str] = []
    for key, value in values:
        text = as_printed(value)
        if text not in whole and text not in found:
            shown = value if len(value) <= 60 else value[:57] + "..."
            problems.append(f"{key}: the value {shown!r} does not appear in any document")
            if len(problems) >= MAX_MISSING:
                problems.append(f"(more values are missing; only the first {MAX_MISSING} "
                                "are listed)")
                break
    return problems
