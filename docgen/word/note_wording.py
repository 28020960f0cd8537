"""Drafting notes in legal terms: what is missing or worth a second look, and where.

A document goes to the other side's lawyers, so its notes never print a rule id, an
answer-file key path or an instruction about the answer file (``acknowledge:``): those
belong to ``docgen check``. A rule's message reads "what is wrong; what to do in the
answer file"; the note keeps the parts that state the legal point and drops the parts
that speak of keys. A value not known yet (``tbc``) is described by what the key means.
"""

from __future__ import annotations

import re
from functools import cache

from pydantic import BaseModel

from docgen.answers.model import AnswerFile
from docgen.errors import KeyPath

# "…, or acknowledge GP007 with the reason" / "and acknowledge GP014 with their view"
ACK_PHRASE = re.compile(r"[,;]?\s*(?:and |or )?acknowledge (?:GP\d+|this rule)\b[^.;]*",
                        re.IGNORECASE)
_ROOTS = "|".join(sorted(AnswerFile.model_fields, key=len, reverse=True))
#: an answer-file key path ("post.not_expected", "legal_basis: other"), a snake_case value
#: ("cost_shares") or a word about the file itself
ABOUT_THE_FILE = re.compile(
    rf"\b(?:{_ROOTS})(?:\.[a-z0-9_]+)+|\b(?:{_ROOTS}):|\b[a-z]+_[a-z0-9_]+\b|\backnowledge\b"
    r"|\banswer file\b"
    r"|\bG[EP]\d{3}\b")
SEGMENT = re.compile(r"(?<=[.;])\s+")


def plain_point(message: str) -> str:
    """A rule's message as a sentence for a reader of the document: the legal point,
    without the instructions about the answer file."""
    text = ACK_PHRASE.sub("", message).strip()
    parts = [p for p in SEGMENT.split(text) if p.strip()]
    keep = [p for p in parts if not ABOUT_THE_FILE.search(p)]
    if not keep:  # every segment spoke of keys: keep the first, with the keys taken out
        keep = [ABOUT_THE_FILE.sub("", parts[0]) if parts else ""]
    text = " ".join(keep).strip().rstrip(";,:").strip()
    text = _SPACES.sub(" ", text)
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


# compiled as the module loads, so the command's table of compiled patterns keeps them
_SPACES = re.compile(r"\s{2,}")
_TBC = re.compile(r";\s*tbc\b|\btbc while\b", re.IGNORECASE)
_OPTIONAL = re.compile(r"^Optional(?:[^:.]*:|\s)\s*")
_BRACKETED = re.compile(r"\s*\([^)]*\)")


@cache
def _description(path: tuple[str, ...]) -> str:
    model: type[BaseModel] | None = AnswerFile
    field = None
    for part in path:
        if model is None or part not in model.model_fields:
            return ""
        field = model.model_fields[part]
        model = _submodel(field.annotation)
    return (field.description or "") if field else ""


def _submodel(annotation: object) -> type[BaseModel] | None:
    """The model a key holds (through ``X | None`` and ``list[X]``), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _submodel(arg)
        if found is not None:
            return found
    return None


def not_known_point(path: KeyPath) -> str:
    """"To be confirmed: the date the officer was consulted about being shared." """
    text = _description(tuple(p for p in path if isinstance(p, str)))
    text = _TBC.split(text, maxsplit=1)[0]
    text = _OPTIONAL.sub("", text).strip().rstrip(".;,")
    text = _BRACKETED.sub("", text) if "(" in text and len(text) > 120 else text
    if not text:
        return "A value is still to be confirmed; it is highlighted in the document."
    return f"To be confirmed: {text[:1].lower() + text[1:]}. It is highlighted in the document."
