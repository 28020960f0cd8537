"""The values a field of the clause book can take, so that a condition comparing it with a
value it never takes (“Northern Ireland” for ``northern_ireland``, “yes” for a yes-or-no
field) is refused where it is typed, instead of silently leaving its wording out of every
document.

A field's values come from its type (a choice of the answer file, a yes-or-no fact) or,
for a value docgen works out, from the ``choices:`` table of ``data/clause-book.yaml``
(which also gives each value's words: “Northern Ireland” is read as ``northern_ireland``).
A field whose values are not known this way is not checked.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal, Union

from pydantic import BaseModel

from docgen.answers.model import AnswerFile
from docgen.errors import DocgenError
from docgen.facts.derive import Facts

#: the type of a value: its choices (value → words, "" if none), or yes-or-no
YES_NO = "yes-or-no"
Values = dict[str, str] | str


def _unwrap(tp: Any) -> Any:
    """``X | None`` as ``X``; anything else as it is."""
    if typing.get_origin(tp) in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return args[0] if len(args) == 1 else tp
    return tp


def _attribute(tp: Any, name: str) -> Any:
    """The type of attribute ``name`` of a pydantic model or dataclass type, else None."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        info = tp.model_fields.get(name)
        return info.annotation if info else None
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        try:
            return typing.get_type_hints(tp).get(name)
        except (NameError, TypeError):
            return None
    return None


#: facts held as a plain dict of the answer file's own fields (some reworded, as
#: ``post.hours_text``): a field of that name is typed by the answer file's model
FROM_ANSWERS = ("post", "postholder")
#: facts of those dicts not in the answer file, by their type
WORKED_OUT: dict[str, Any] = {"postholder.present": bool}


def _typed(expr: str) -> Values | None:
    parts = expr.split(".")
    tp: Any = (AnswerFile if parts[0] == "a" else
               _attribute(AnswerFile, parts[0]) if parts[0] in FROM_ANSWERS else
               _attribute(Facts, parts[0]))
    for name in parts[1:]:
        tp = _attribute(_unwrap(tp), name) if tp is not None else None
    tp = _unwrap(WORKED_OUT.get(expr, tp))
    if tp is bool:
        return YES_NO
    if typing.get_origin(tp) is Literal:
        return {str(v): "" for v in typing.get_args(tp)}
    return None


def values_of(expr: str, choices: dict[str, dict[str, str]]) -> Values | None:
    """What ``expr`` can be: its choices (value → words), :data:`YES_NO`, or None (not
    known, so not checked)."""
    known = _typed(expr)
    table = choices.get(expr)
    if table:
        return {**(known if isinstance(known, dict) else {}), **table}
    return known


def _key(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").casefold().split())


def compared_value(expr: str, value: str, name: str,
                   choices: dict[str, dict[str, str]]) -> str:
    """The value a condition compares field ``expr`` (shown as «name») with, as docgen
    holds it: ``value`` itself, or the value whose words (or spelling) it is (“Northern
    Ireland”); refused if the field never takes it."""
    values = values_of(expr, choices)
    if values is None:
        return value
    if values == YES_NO:
        raise DocgenError(f"«{name}» is a yes-or-no value, so it is never “{value}”: a "
                          "yes-or-no value is not compared with words; write ⟦Only when "
                          f"«{name}»:⟧ for yes, or ⟦Only when not «{name}»:⟧ for no")
    assert isinstance(values, dict)
    if value in values:
        return value
    same = [v for v, words in values.items() if _key(value) in (_key(v), _key(words))]
    if len(same) == 1:
        return same[0]
    said = ", ".join(f"“{v}”" + (f" ({w})" if w else "") for v, w in values.items())
    raise DocgenError(f"«{name}» is never “{value}”, so this wording would never be used: "
                      f"«{name}» is one of: {said}; write one of them exactly")


def given(expr: str, name: str, choices: dict[str, dict[str, str]]) -> None:
    """Refuse “«name» is given” (or “is not given”) of a yes-or-no field: it is always
    given (yes or no), so the condition would be always (or never) met."""
    if values_of(expr, choices) == YES_NO:
        raise DocgenError(f"«{name}» is a yes-or-no value, which is always given (as yes or "
                          "no), so “is given” and “is not given” do not say which; write "
                          f"⟦Only when «{name}»:⟧ for yes, or ⟦Only when not «{name}»:⟧ for "
                          "no")
