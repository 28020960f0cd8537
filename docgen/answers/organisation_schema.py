"""An organisation profile's JSON Schema and the starter ``docgen new --organisation``
writes, both from :mod:`docgen.answers.organisation` (so they never disagree with it)."""

from __future__ import annotations

import textwrap
from typing import Any

from docgen.answers.forms import yaml_value
from docgen.answers.notknown import NOT_KNOWN
from docgen.answers.organisation import FORMAT_KEY, POLICY_KEYS, SECTION_MODELS
from docgen.answers.organisation_model import Organisation
from docgen.answers.schema import DIALECT, numbers_as_docgen_reads_them
from docgen.answers.starter import WIDTH, _mapping, scalar

SCHEMA_ID = "https://docgen.example/schema/organisation-1.json"
ORGANISATION_SCHEMA_FILE = "organisation.schema.json"


def organisation_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of an organisation profile, format 1."""
    body = numbers_as_docgen_reads_them(Organisation.model_json_schema(mode="validation"))
    for name, prop in body["properties"].items():
        info = Organisation.model_fields[name]
        if info.title and "title" not in prop:
            prop["title"] = info.title
    return {"$schema": DIALECT, "$id": SCHEMA_ID, **body,
            "title": "docgen organisation profile (format 1)",
            "description": ("One public body's standing facts and policy, in "
                            "organisations/<id>.yaml; answer files name it by id.")}


def _policy_comments() -> list[str]:
    """Every policy key, commented out with its meaning and an example: nothing applies
    to a post until someone who knows the policy writes it."""
    out = ["# Standing policy for the posts this organisation employs: answer-file keys, each",
           "# used when a post does not state it. Remove the '# ' to use one.",
           "# policy:"]
    for section, keys in POLICY_KEYS.items():
        out.append(f"#   {section}:")
        for key in keys:
            info = SECTION_MODELS[section].model_fields[key]
            text = f"{info.title}: {info.description}"
            out += textwrap.wrap(text, WIDTH - 8, initial_indent="#     # ",
                                 subsequent_indent="#     #   ", break_on_hyphens=False)
            example = yaml_value((info.examples or [NOT_KNOWN])[0])
            out.append(f"#     {key}: {scalar(example)}")
    return out


def organisation_starter(org_id: str) -> str:
    """A starter profile: every fact ``tbc`` with its comment, the policy commented out."""
    schema = organisation_schema()
    data = {FORMAT_KEY: 1, "id": org_id, "name": NOT_KNOWN, "short_name": NOT_KNOWN,
            "kind": "local_authority", "address": NOT_KNOWN,
            "signatory": {"name": NOT_KNOWN, "title": NOT_KNOWN},
            "notices": {"title": NOT_KNOWN, "email": NOT_KNOWN},
            "data_protection": {"title": NOT_KNOWN, "email": NOT_KNOWN}}
    out = [f"# yaml-language-server: $schema={ORGANISATION_SCHEMA_FILE}",
           f"# The organisation profile of '{org_id}': its standing facts, written once. An",
           f"# answer file in this workspace names it by id (parties: [{org_id}, ...]) and",
           "# takes these facts; anything the post states itself wins. tbc means not known yet.",
           ""]
    facts_only = {**schema, "properties": {k: v for k, v in schema["properties"].items()
                                           if k != "policy"}}
    _mapping(schema, facts_only, data, "", True, out)
    out += ["# Clause overlays: folders of this organisation's own clause wording, relative to",
            "#   this file, used for the documents of the posts it employs.",
            "# clauses: [eastwick-clauses]"]
    return "\n".join([*out, "", *_policy_comments()]) + "\n"


__all__ = ["ORGANISATION_SCHEMA_FILE", "organisation_schema", "organisation_starter"]
