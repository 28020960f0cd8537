"""Public API, starting a file: a starter answer file with every key explained
(:func:`starter`), a new organisation profile, the JSON Schemas editors use, and the
small pieces ``docgen new`` asks questions with (not-known values, party ids, the
workspace's organisation profiles and their standing policy).

The schemas and the starter load the answer file's model description when first used
here; nothing in a build imports this module.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from docgen.answers.notknown import NOT_KNOWN as NOT_KNOWN
from docgen.answers.notknown import is_not_known as is_not_known
from docgen.answers.organisation_schema import ORGANISATION_SCHEMA_FILE as ORGANISATION_SCHEMA_FILE
from docgen.answers.organisation_schema import organisation_schema as _organisation_schema
from docgen.answers.organisation_schema import organisation_starter as _organisation_starter
from docgen.answers.party_ids import party_id as _party_id
from docgen.answers.profiles import find_workspace, load_profile
from docgen.answers.safeyaml import load_plain
from docgen.answers.schema import SCHEMA_FILE as SCHEMA_FILE
from docgen.answers.schema import answer_file_schema
from docgen.answers.starter import blank_answers as _blank_answers
from docgen.answers.starter import starter_text
from docgen.api import organisations
from docgen.errors import AnswerFileError
from docgen.resources import BUILTIN_EXAMPLES

__all__ = ["NOT_KNOWN", "ORGANISATION_SCHEMA_FILE", "SCHEMA_FILE", "answer_schema",
           "blank_answers", "example_answers", "is_not_known", "organisation_schema",
           "organisation_starter", "party_id", "profile_policy", "starter",
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
