"""Which answers may be "not known yet", and which are needed although the model lets them
be left out.

"Not known yet" (``tbc``, :mod:`docgen.answers.notknown`) is a real answer wherever the
model takes it: the documents show a highlighted gap, ``docgen check`` warns, and the post
cannot be final until it is given. The interview offers a "Not known yet" box on every such
answer (a date or number whose type allows ``tbc``, and free text, which takes any words),
except the few answers that name something rather than print: the post's reference (its
files are named by it, and docgen refuses a reference not known), and a partner's legal
name, short name and short code (every other page names the partner by them, and its short
code is made from its short name).

Some answers the model lets be left out are needed all the same, and the label must not
call them "(optional)":

- left blank, the documents show a gap (:func:`gap_when_blank`): a named post-holder's name,
  address and consultation date (the model's default for each is "not known yet"), and the
  post and grade they return to (the documents print a placeholder for each: the facts'
  ``placeholders``); the post cannot be final while any is blank;
- a fee's answers once its kind is chosen (docgen refuses a time fee without its rate, per
  and weeks, a fixed fee without each partner's sum), and the power named once "Another
  power" is chosen as the legal basis (it is asked only then, and refused blank).
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from docgen.answers.model import AnswerFile
from docgen.answers.notknown import is_not_known
from docgen.errors import MISSING, Problem
from docgen.web.fields import ASKED_FOR, NOT_KNOWN, Path, Q, is_optional, model_field

#: free-text answers that name the post or a partner, never printed as a gap
NAMES: frozenset[Path] = frozenset({("reference",), ("parties", "id"), ("parties", "name"),
                                    ("parties", "short_name")})
#: answers the model lets be left out that the documents show as a placeholder when they
#: are (docgen/facts/people.py: a named post-holder's return)
PLACEHOLDER_WHEN_BLANK: frozenset[Path] = frozenset({("exit", "reversion_post"),
                                                     ("exit", "reversion_grade")})
#: the answers a choice needs once it is made, each asked only under it: a mechanism of
#: payment's fee, and the power named for "Another power" (docgen's other_power_unnamed)
NEEDED_WHEN_CHOSEN: tuple[Path, ...] = (("payment", "fee"), ("legal_basis_text",))


def general(path: Path) -> Path:
    """``path`` without its list indices (``parties.2.name`` as ``parties.name``)."""
    return tuple(p for p in path if not isinstance(p, int))


@functools.cache
def _accepts_tbc(annotation: Any) -> bool:
    try:
        TypeAdapter(annotation).validate_python(NOT_KNOWN)
    except (ValidationError, TypeError, ValueError):
        return False
    return True


def not_known_allowed(q: Q, prefix: Path = (), root: type[BaseModel] = AnswerFile) -> bool:
    """Whether ``q`` may be answered "not known yet" (``tbc``): a date, number or text whose
    type in the model takes it, other than an answer that names the post or a partner."""
    if q.kind not in ("date", "number", "text", "textarea"):
        return False
    if general(prefix + q.path) in NAMES:
        return False
    info = model_field(prefix + q.path, root)
    return info is not None and _accepts_tbc(info.annotation)


def gap_when_blank(path: Path) -> bool:
    """Whether the documents show a highlighted gap where the answer at ``path`` is left
    blank (so a final post needs it)."""
    if general(path) in PLACEHOLDER_WHEN_BLANK:
        return True
    info = model_field(path)
    return info is not None and not info.is_required() and is_not_known(info.default)


def needed(q: Q, prefix: Path = ()) -> str:
    """How the label marks an answer that may be left blank now: "optional", "final" (the
    documents show a gap until it is given, :func:`gap_when_blank`) or "" (not to be left
    blank: required by the model, asked for all the same, or needed by the choice that
    reveals it)."""
    path = prefix + q.path
    if path in ASKED_FOR or any(general(path)[:len(chosen)] == chosen
                                for chosen in NEEDED_WHEN_CHOSEN):
        return ""
    if gap_when_blank(path):
        return "final"
    return "optional" if is_optional(q, prefix) else ""


#: a time fee's answers, each asked for at its own box when left blank
TIME_FEE_PARTS = ("rate", "per", "weeks_per_year")


def time_fee_parts(answers: dict[str, Any], errors: list[Problem]) -> list[Problem]:
    """``errors`` with each part of a time fee left blank asked for at its own box ("Select
    whether the fee is for each day or each hour"), in place of docgen's one error for the
    fee (``time_fee_incomplete``, which names all three and says none is which). Added
    also where docgen stopped before that check (a fee that is not a number), so the
    officer is asked for everything missing at once."""
    payment = answers.get("payment")
    if not isinstance(payment, dict) or payment.get("mechanism") != "time_fee":
        return errors
    given = payment.get("fee")
    fee: dict[str, Any] = given if isinstance(given, dict) else {}
    said = {p.path for p in errors}
    blank = [Problem("required", ("payment", "fee", key), code=MISSING)
             for key in TIME_FEE_PARTS if fee.get(key) in (None, "")]
    if not blank:
        return errors
    return [p for p in errors if p.code != "time_fee_incomplete"] + [
        p for p in blank if p.path not in said]


def other_power(answers: dict[str, Any], errors: list[Problem]) -> list[Problem]:
    """``errors`` with "Name the power the arrangement is made under" where "Another power"
    is chosen and not named: docgen says so (``other_power_unnamed``) only once every
    answer has its shape, so with an error elsewhere (a partner's short name missing) the
    blank name was taken without a word."""
    if answers.get("legal_basis") != "other" or str(answers.get("legal_basis_text") or "") \
            .strip() or any(p.path == ("legal_basis_text",) for p in errors):
        return errors
    return [*errors, Problem("legal_basis is 'other': say which power applies",
                             ("legal_basis_text",), code="other_power_unnamed")]


def needed_when_chosen(answers: dict[str, Any], errors: list[Problem]) -> list[Problem]:
    """``errors`` with each answer a choice needs (:data:`NEEDED_WHEN_CHOSEN`) asked for
    at its own question when left blank (:func:`time_fee_parts`, :func:`other_power`)."""
    return other_power(answers, time_fee_parts(answers, errors))


__all__ = ["NAMES", "gap_when_blank", "general", "needed", "needed_when_chosen",
           "not_known_allowed", "other_power", "time_fee_parts"]
