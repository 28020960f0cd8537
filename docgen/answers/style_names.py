"""What a ``house_style`` value may name, said once for answer files and profiles alike."""

from __future__ import annotations

STYLE_SUFFIXES = (".docx", ".dotx")
#: named so that their own message (macros) is given when the file is opened
MACRO_SUFFIXES = (".docm", ".dotm")


def not_a_word_file(value: str) -> str | None:
    """Why ``value`` cannot name a house style by its name alone, or None."""
    if value.lower().endswith((*STYLE_SUFFIXES, *MACRO_SUFFIXES)):
        return None
    return (f"{value} is not a Word file; name a .docx or .dotx (the organisation's "
            "letterhead or template), e.g. house_style: styles/eastwick.docx")


__all__ = ["MACRO_SUFFIXES", "STYLE_SUFFIXES", "not_a_word_file"]
