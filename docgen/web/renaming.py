"""A partner's id changed (its abbreviation, as the pages call it): every answer that names
the partner by its old id is changed to the new one (its share of the time and of the
cost, its fee, its line manager, objectives and responsibilities, the rows that name it,
and the answers that choose it: the employer, the HR lead, whom the post-holder returns
to).

Which answers name a partner is read from the answer-file model itself, not from a list
kept here: a field typed as a party id (``PartyId``, or a string of the same pattern such
as who decides a conflict), and a mapping keyed by one. A field added to the model later is
renamed with the rest.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap

from docgen.answers.fields import PartyId
from docgen.answers.model import AnswerFile
from docgen.answers.party_ids import ID_FORM as PARTY_ID_FORM
from docgen.answers.party_ids import ID_MAX_LENGTH, ID_PATTERN
from docgen.errors import MISSING, KeyPath, Problem
from docgen.web.forms import fresh
from docgen.web.nouns import phrase

#: the pattern a party id has (also that of answers naming a party or something else, such
#: as ``decided_by``: a steering group or a party), from its one home, which the model's
#: ``PartyId`` and ``decided_by`` both read: so a field of that pattern names a party by
#: design, not because two copies of a string happen to match
PATTERN = ID_PATTERN
#: the longest a party id may be
MAX_LENGTH: int = ID_MAX_LENGTH
_ID = PARTY_ID_FORM


def _names_party(hint: Any) -> bool:
    """Whether ``hint`` is a party id's type (or a string with a party id's pattern)."""
    if hint == PartyId:
        return True
    if get_origin(hint) is not Annotated:
        return False
    base, *marks = get_args(hint)
    return base is str and any(getattr(m, "pattern", None) == PATTERN for m in marks)


@cache
def _hints(model: type[BaseModel]) -> dict[str, Any]:
    return typing.get_type_hints(model, include_extras=True)


def _arms(hint: Any) -> list[Any]:
    """The types ``hint`` may be: each arm of a union, else ``hint`` itself."""
    if get_origin(hint) in (Union, types.UnionType):
        return list(get_args(hint))
    return [hint]


def rename(hint: Any, value: Any, old: str, new: str) -> tuple[Any, bool]:
    """``value`` (of type ``hint``) with party id ``old`` written ``new``; whether anything
    changed. Mappings and lists are changed in place (keeping a key's place in the file and
    its comments); a party id itself is returned changed."""
    changed = False
    for arm in _arms(hint):
        if _names_party(arm):
            if value == old:
                return new, True
            continue
        origin = get_origin(arm)
        if origin is Annotated:
            value, did = rename(get_args(arm)[0], value, old, new)
            changed |= did
        elif isinstance(arm, type) and issubclass(arm, BaseModel) and isinstance(value, dict):
            for key, inner in _hints(arm).items():
                if key in value:
                    value[key], did = rename(inner, value[key], old, new)
                    changed |= did
        elif origin is dict and isinstance(value, dict):
            key_hint, inner = get_args(arm)
            for key in list(value):
                value[key], did = rename(inner, value[key], old, new)
                changed |= did
            if old in value and _names_party(key_hint) and new not in value:
                _rekey(value, old, new)
                changed = True
        elif origin is list and isinstance(value, list):
            for i, item in enumerate(value):
                value[i], did = rename(get_args(arm)[0], item, old, new)
                changed |= did
    return value, changed


def _rekey(mapping: dict[str, Any], old: str, new: str) -> None:
    """``mapping``'s key ``old`` written ``new``, in the same place."""
    if isinstance(mapping, CommentedMap):
        at = list(mapping).index(old)
        mapping.insert(at, new, mapping.pop(old))
        return
    items = [(new if k == old else k, v) for k, v in mapping.items()]
    mapping.clear()
    mapping.update(items)


def rename_party(doc: CommentedMap, seen: dict[str, Any], old: str, new: str) -> list[str]:
    """Every answer in ``doc`` naming party ``old`` changed to name ``new`` (in place); the
    top-level keys changed. ``seen`` is the post's answers as read before (over its base
    and the employer's profile): an answer only they give that names ``old`` is written
    into the post, renamed."""
    touched: list[str] = []
    for key, hint in _hints(AnswerFile).items():
        if key == "parties":  # the partner's own id is what changed
            continue
        if key in doc:
            doc[key], did = rename(hint, doc[key], old, new)
            if did:
                touched.append(key)
        elif key in seen:
            value, did = rename(hint, fresh(seen[key]), old, new)
            if did:
                doc[key] = value
                touched.append(key)
    return touched


def rename_field(name: str, old: str, new: str) -> str:
    """A form field's name (``time_split.shares.old``) with the party id ``old`` in it
    written ``new``."""
    return ".".join(new if part == old else part for part in name.split("."))


def code_changed(name: str) -> str:
    """Why sections are to be checked again after partner ``name``, the employer given by
    its saved organisation profile, was given an abbreviation (id) of its own: the answers
    that came from the profile were kept as the post's own."""
    return phrase("partner_id.own_now", partner=name)


#: the code of an id without a party id's form (docgen's model's, which the interview words)
ID_FORM = "party_id_form"


def id_form(answers: dict[str, Any], problems: list[Problem]) -> list[Problem]:
    """``problems`` with each one docgen gave a partner, without a code, while its id has
    not a party id's form said as that (:data:`ID_FORM`, at the id's question): with
    organisation profiles about, docgen refuses such an id before it reads the partner, in
    the command line's words ("a party given by its id alone needs a short lower-case id
    ..., or write the party out in full (id, name, short_name, ...)")."""
    parties = answers.get("parties")
    out: list[Problem] = []
    for p in problems:
        at = p.path[1] if len(p.path) == 2 and p.path[0] == "parties" else None
        party = parties[at] if isinstance(at, int) and isinstance(parties, list) \
            and at < len(parties) else None
        given = party.get("id") if isinstance(party, dict) else party
        if p.code or not isinstance(given, str) or _is_id(given):
            out.append(p)
            continue
        path: KeyPath = (*p.path, "id") if isinstance(party, dict) else p.path
        if not any(q.code == ID_FORM and q.path == path for q in out):
            out.append(dataclasses.replace(p, path=path, code=ID_FORM))
    return out


def id_from_short_name(answers: dict[str, Any], problems: list[Problem]) -> list[Problem]:
    """``problems`` without "Enter an abbreviation" for a partner whose short name is not
    given yet, asked for its short name instead: its abbreviation (its id) is made from the
    short name, behind "Change the abbreviation … (rarely needed)", and the officer was
    never asked for it, so one error at the short name says what to do."""
    parties = answers.get("parties")
    if not isinstance(parties, list):
        return problems
    out: list[Problem] = []
    for p in problems:
        at = p.path[1] if len(p.path) == 3 and p.path[0] == "parties" else None
        party = parties[at] if isinstance(at, int) and at < len(parties) else None
        if p.code == MISSING and p.path[2:] == ("id",) and isinstance(party, dict) \
                and not str(party.get("short_name") or "").strip():
            short: KeyPath = (*p.path[:2], "short_name")
            if not any(q.path == short for q in problems):
                out.append(dataclasses.replace(p, path=short))
            continue
        out.append(p)
    return out


def _is_id(value: str) -> bool:
    """Whether ``value`` has a party id's form (:data:`PATTERN`, :data:`MAX_LENGTH`)."""
    return len(value) <= MAX_LENGTH and _ID.fullmatch(value) is not None


__all__ = ["ID_FORM", "PATTERN", "code_changed", "id_form", "id_from_short_name", "rename",
           "rename_field", "rename_party"]
