"""The answers of the keys written without a shape error, for the checks between keys
(:mod:`docgen.answers.between_keys`) to run beside the shape errors: one run of ``docgen
check`` then lists shares adding up to 90% beside a start date written 01/04/2027, and an
end date before the start beside hours written "lots". A key with a mistake is left
absent (reading it raises AttributeError), never read as a default that was not written.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from docgen.answers.model import AnswerFile, Post, Postholder

#: the sections read key by key when one key has a shape error, so the checks over the others
#: still run: an end date before the start date is said beside hours written "lots"
PARTLY: dict[str, type[BaseModel]] = {"post": Post, "postholder": Postholder}


@cache
def _adapter(name: str, section: str = "") -> TypeAdapter[Any]:
    """The validator of the top-level key ``name`` alone (or of ``section``'s key ``name``,
    a section of :data:`PARTLY`), as the answer file validates it."""
    model = PARTLY[section] if section else AnswerFile
    info = model.model_fields[name]
    shape: Any = Annotated[info.annotation, info]  # the key's own limits (min_length, ...)
    if isinstance(info.annotation, type) and issubclass(info.annotation, BaseModel):
        return TypeAdapter(shape)  # a section: its model has its own config
    return TypeAdapter(shape, config=model.model_config)


def _partly(section: str, given: Any) -> BaseModel | None:
    """``section`` of its keys written without a shape error; a key written with one is
    absent, as a top-level key with a mistake is (no default read in its place), while a
    key not written has its default, as in a valid section (``end_date`` left out is an
    open-ended post, not a reason to stop the checks that read it)."""
    if not isinstance(given, dict):
        return None
    good: dict[str, Any] = {}
    for key in PARTLY[section].model_fields.keys() & given.keys():
        try:
            good[key] = _adapter(key, section).validate_python(given[key])
        except ValidationError:
            continue
    part = PARTLY[section].model_construct(**good)
    for key in (part.__dict__.keys() & given.keys()) - good.keys():
        del part.__dict__[key]
    return part


def what_validated(data: dict[str, Any], wrong: set[str]) -> AnswerFile:
    """The answers of the top-level keys without a shape error; a key with one (in
    ``wrong``) is absent, so reading it raises AttributeError, never gives a default that
    was not written (the parties too: ``between_keys._Found.ids`` reads them only when asked), but
    for the keys of a section in :data:`PARTLY` that validate alone."""
    good: dict[str, Any] = {}
    for name in AnswerFile.model_fields.keys() - wrong:
        if name in data:
            try:
                good[name] = _adapter(name).validate_python(data[name])
            except ValidationError:
                wrong = wrong | {name}
    for name in wrong & PARTLY.keys():
        if (part := _partly(name, data.get(name))) is not None:
            good[name] = part
            wrong = wrong - {name}
    answers = AnswerFile.model_construct(**good)
    for name in wrong & answers.__dict__.keys():
        del answers.__dict__[name]
    return answers
