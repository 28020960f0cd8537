"""The value types of the answer file, and the metadata every key carries.

Split from ``model.py`` so the model reads as the list of keys and what they mean.
"""

# No ``from __future__ import annotations`` in the model's modules: pydantic would then
# compile and evaluate every field's annotation from a string (150 fields, 3 ms of every
# start); written plainly, they are objects when the class is made.

import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)
from pydantic_core import PydanticCustomError

from docgen.answers.folder_names import REFERENCE_MAX, REFERENCE_PATTERN
from docgen.answers.notknown import NOT_KNOWN, is_not_known
from docgen.answers.party_ids import ID_MAX_LENGTH, ID_PATTERN

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


#: what an answer that is not an email address is told (pydantic error type ``email_form``;
#: validation.py adds what was found), in the words GOV.UK uses for an email address
EMAIL_FORM = "enter an email address in the right form, like name@example.gov.uk"


def _email(value: str) -> str:
    if not is_not_known(value) and not _EMAIL.fullmatch(value):
        raise PydanticCustomError("email_form", EMAIL_FORM)
    return value


#: an email address (or "not known yet")
Email = Annotated[Text, AfterValidator(_email)]
PartyId = Annotated[
    str, StringConstraints(pattern=ID_PATTERN, max_length=ID_MAX_LENGTH)
]
#: what marks a Money field, with its decimal places: read by the schema (which turns it
#: into a pattern for quoted money) and by answers/pence.py (which finds every sum)
PLACES_MARK = "x-docgen-decimal-places"
#: at most two decimal places (pence); the schema says so too (docgen/answers/schema.py)
Money = Annotated[Decimal, Field(ge=0, le=Decimal("100000000"), decimal_places=2,
                                 json_schema_extra={PLACES_MARK: 2})]
Percent = Annotated[Decimal, Field(ge=0, le=100)]
Reference = Annotated[
    str, StringConstraints(pattern=REFERENCE_PATTERN, max_length=REFERENCE_MAX)
]
Months = Annotated[int, Field(ge=1, le=600)]
Days = Annotated[int, Field(ge=0, le=3650)]
#: "not known yet": ``tbc`` (any case) where a date is not known; printed as a highlighted gap
NotKnown = Annotated[str, StringConstraints(pattern=r"^[Tt][Bb][Cc]$")]


def about(title: str, description: str, example: Any, **kw: Any) -> Any:
    """Field metadata people read: in the reference, the JSON Schema and ``docgen new``."""
    return Field(title=title, description=description, examples=[example], **kw)


#: items in any one list or mapping of an answer file: far more than a post needs, and
#: few enough that every later stage (rules, documents, read-back) stays quick
MAX_ITEMS = 500


class Kept:
    """What a model keeps beside its answers (where ``docgen.load`` read them): no part of
    them, so never dumped, and equal to any other, so that two models of the same answers
    are equal wherever they were read from."""

    __slots__ = ("value",)

    def __init__(self, value: object = None) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Kept)

    def __hash__(self) -> int:
        return 0


class Strict(BaseModel):
    """Unknown keys are errors; numbers written where text is expected are accepted;
    no list or mapping has more than :data:`MAX_ITEMS` items."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True,
                              defer_build=True)

    @field_validator("*", mode="before")
    @classmethod
    def _not_too_many(cls, value: Any) -> Any:
        if isinstance(value, list | tuple | dict) and len(value) > MAX_ITEMS:
            raise ValueError(f"has {len(value):,} items; at most {MAX_ITEMS:,} are allowed "
                             "(a shared post's documents need far fewer: shorten the list)")
        return value


__all__ = ["MAX_ITEMS", "NOT_KNOWN", "PLACES_MARK", "Days", "Email", "Kept", "Money", "Months",
           "NotKnown", "PartyId", "Percent", "Reference", "Strict", "Text", "about"]
