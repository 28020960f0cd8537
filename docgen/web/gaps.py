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
  and weeks, each at its own key, a fixed fee without each partner's sum), and the power
  named once "Another power" is chosen as the legal basis (it is asked only then, and
  refused blank). docgen's own checks (``answers/between_keys.py``) ask for each of these
  even beside a mistake elsewhere, so the interview adds nothing of its own for them.
"""

from __future__ import annotations

import functools
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from docgen.answers.model import AnswerFile
from docgen.answers.notknown import is_not_known
from docgen.web.fields import ASKED_FOR, NOT_KNOWN, Path, Q, is_optional, model_field

#: free-text answers that name the post or a partner, never printed as a gap
NAMES: frozenset[Path] = frozenset({("reference",), ("parties", "id"), ("parties", "name"),
                                    ("parties", "short_name")})
#: answers the model lets be left out that the documents show as a placeholder when they
#: are (docgen/facts/people.py: a named post-holder's return)
PLACEHOLDER_WHEN_BLANK: frozenset[Path] = frozenset({("exit", "reversion_post"),
                                                     ("exit", "reversion_grade")})
#: the answers a choice needs once it is made, each asked only under it: a mechanism of
#: payment's fee, and the power named for "Another power" (docgen's other_power_unnamed):
#: never labelled "(optional)"
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


__all__ = ["NAMES", "gap_when_blank", "general", "needed", "not_known_allowed"]
