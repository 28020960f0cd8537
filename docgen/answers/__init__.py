"""Stage 1: read an answer file (YAML with the line of every key), its shape (the model)
and the checks between keys. Pure apart from reading the file and its ``extends`` bases.

The JSON Schema and its Markdown reference (``docgen schema``) load the first time they
are asked for, as ``docgen.answers.schema`` (PEP 562 module ``__getattr__``, see
:mod:`docgen.publish`): reading and checking an answer file never uses them.
"""

from __future__ import annotations

from docgen._lazy import on_first_use

#: loaded on first use: a build or a check needs none of them (the profile model: only for
#: a post that gives a party by its profile's id)
ON_FIRST_USE = ("organisation_model", "reference", "schema")

__getattr__ = on_first_use(__name__, ON_FIRST_USE)
