"""The kinds of public body a party is (``parties[].kind``), in words: one home for the
name of a party's kind that the facts give the documents and the rules' messages
(``facts/legal.kind_text``) and for the interview's, which may not import the facts."""

from __future__ import annotations

#: each kind, in the singular and the plural
BODY_WORDS: dict[str, tuple[str, str]] = {
    "local_authority": ("local authority", "local authorities"),
    "nhs_body": ("NHS body", "NHS bodies"),
    "other_public_body": ("public body", "public bodies")}
#: an NHS body under Northern Ireland's law: an HSC Trust is not "an NHS body"
NI_HEALTH_BODY = ("health and social care body", "health and social care bodies")


def body_words(kind: str, jurisdiction: str = "", *, plural: bool = False) -> str:
    """What a party of ``kind`` is called under ``jurisdiction``'s law ("" when not known)."""
    words = NI_HEALTH_BODY if kind == "nhs_body" and jurisdiction == "northern_ireland" \
        else BODY_WORDS[kind]
    return words[1] if plural else words[0]


__all__ = ["BODY_WORDS", "NI_HEALTH_BODY", "body_words"]
