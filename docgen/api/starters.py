"""Public API, starting a file: a starter answer file with every key explained
(:func:`starter`), a new organisation profile, the JSON Schemas editors use, and the
small pieces ``docgen new`` asks questions with (not-known values, party ids, the
workspace's organisation profiles and their standing policy, and each answer read as
the workbook and the browser read it, in the range the model allows).

The schemas and the starter load the answer file's model description when first used
here; nothing in a build imports this module.
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

from docgen.answers.forms import field_at
from docgen.answers.notknown import NOT_KNOWN as NOT_KNOWN
from docgen.answers.notknown import is_not_known as is_not_known
from docgen.answers.organisation import PROFILE_SUFFIXES as PROFILE_SUFFIXES  # cli/new.py
from docgen.answers.organisation_schema import ORGANISATION_SCHEMA_FILE as ORGANISATION_SCHEMA_FILE
from docgen.answers.organisation_schema import organisation_schema as _organisation_schema
from docgen.answers.organisation_schema import organisation_starter as _organisation_starter
from docgen.answers.party_ids import is_party_id as is_party_id
from docgen.answers.party_ids import party_id as _party_id
from docgen.answers.profiles import find_workspace, load_profile
from docgen.answers.ranges import field_bounds
from docgen.answers.safeyaml import load_plain
from docgen.answers.schema import SCHEMA_FILE as SCHEMA_FILE
from docgen.answers.schema import answer_file_schema
from docgen.answers.starter import blank_answers as _blank_answers
from docgen.answers.starter import starter_text
from docgen.answers.typed_dates import typed_date as _typed_date
from docgen.answers.typed_money import money_hint as _money_hint
from docgen.answers.typed_money import typed_money as _typed_money
from docgen.api import organisations
from docgen.errors import AnswerFileError, KeyPath
from docgen.intake.typed import DATE_FORMS as DATE_FORMS
from docgen.resources import BUILTIN_EXAMPLES

__all__ = ["DATE_FORMS", "NOT_KNOWN", "ORGANISATION_SCHEMA_FILE", "PROFILE_SUFFIXES",
           "SCHEMA_FILE",
           "answer_schema", "blank_answers", "example_answers", "in_range", "is_not_known",
           "is_party_id", "money_hint", "organisation_schema", "organisation_starter", "party_id",
           "profile_policy", "range_words", "starter", "typed_date", "typed_money",
           "workspace_profiles"]


def starter(data: dict[str, Any], header: list[str]) -> str:
    """An answer file's text: ``data`` with a comment on every key (what it means, the
    values allowed, an example), ``header`` as its opening comment, and a first line that
    points editors at :data:`SCHEMA_FILE` for completion and hover help."""
    return starter_text(data, header)


def blank_answers(party_ids: list[str], reference: str) -> dict[str, Any]:
    """A new post's answers: every essential key ``tbc`` (:data:`NOT_KNOWN`), each choice
    nobody was asked about its most common value; one party per id."""
    return _blank_answers(party_ids, reference)


def example_answers(name: str) -> dict[str, Any]:
    """One of docgen's example answer files (``shared-head-of-hr.yaml``) as plain data,
    to start a new file from."""
    return dict(load_plain((BUILTIN_EXAMPLES / name).read_text(encoding="utf-8")))


def party_id(name: str, taken: list[str]) -> str:
    """A short id for a party named ``name`` (``eastwick`` for London Borough of
    Eastwick), unlike every id in ``taken``."""
    return _party_id(name, taken)


def workspace_profiles(folder: str | os.PathLike[str]) -> dict[str, Path]:
    """The valid organisation profiles an answer file in ``folder`` may name by id (the
    ``organisations/`` of the workspace above it): id → profile file."""
    workspace = find_workspace(Path(folder))
    return {o["id"]: Path(o["file"]) for o in organisations(workspace)
            if not o["problems"]} if workspace is not None else {}


def profile_policy(profile: str | os.PathLike[str]) -> dict[str, Any]:
    """The standing policy an organisation profile gives its posts (empty when it gives
    none, or cannot be read)."""
    path = Path(profile)
    try:
        policy = load_profile(path, path.parent.parent).data.get("policy")
    except AnswerFileError:
        return {}
    return dict(policy) if isinstance(policy, dict) else {}


def organisation_starter(org_id: str) -> str:
    """A new organisation profile's text (``organisations/<org_id>.yaml``): every key
    explained, values not known yet written ``tbc``."""
    return _organisation_starter(org_id)


def answer_schema() -> dict[str, Any]:
    """The answer file's JSON Schema (2020-12), as :func:`docgen.api.schema` gives it."""
    return answer_file_schema()


def organisation_schema() -> dict[str, Any]:
    """An organisation profile's JSON Schema (2020-12)."""
    return _organisation_schema()


def typed_date(text: str) -> dt.date | None:
    """The date ``text`` names, read as the browser interview and the workbook read a date
    typed in one box (1 April 2027, 01/04/2027 day first, 2027-04-01; :data:`DATE_FORMS`
    says them), or ``None``: a prompt then accepts what they accept."""
    return _typed_date(text)


def typed_money(text: str) -> Decimal | None:
    """The amount ``text`` gives as the workbook reads money (``£52,000`` is 52000), or
    ``None``."""
    return _typed_money(text)


def money_hint(text: str) -> str:
    """How to write money typed with a dot between thousands ("104.250", which read as a
    decimal would be £104.25), starting "; ", as the workbook says it; empty otherwise."""
    return _money_hint(text)


def range_words(path: KeyPath) -> str:
    """The range the answer model allows at ``path`` in ``docgen check``'s words ("from 0
    to 100", "more than 0 and at most 80"); empty when it sets none."""
    return field_bounds(field_at(path)).sentence()


def in_range(path: KeyPath, value: Decimal) -> bool:
    """Whether the answer model allows ``value`` at ``path`` by its range (the bounds are
    read from the model, so a prompt and ``docgen check`` cannot disagree)."""
    return field_bounds(field_at(path)).holds(value)
