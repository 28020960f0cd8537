"""What a ``house_style`` value may name, said once for answer files and profiles alike."""

from __future__ import annotations

STYLE_SUFFIXES = (".docx", ".dotx")
#: named so that their own message (macros) is given when the file is opened
MACRO_SUFFIXES = (".docm", ".dotm")
#: Word files of another format, and what to do with them (Word and LibreOffice both save
#: a copy as .docx: File > Save As)
OTHER_FORMATS = {".doc": "a Word 97-2003 document", ".dot": "a Word 97-2003 template",
                 ".rtf": "a Rich Text file", ".odt": "an OpenDocument text file",
                 ".ott": "an OpenDocument template"}


def not_a_word_file(value: str) -> str | None:
    """Why ``value`` cannot name a house style by its name alone, or None."""
    if value.lower().endswith((*STYLE_SUFFIXES, *MACRO_SUFFIXES)):
        return None
    kind = next((what for suffix, what in OTHER_FORMATS.items()
                 if value.lower().endswith(suffix)), None)
    if kind is not None:
        return (f"{value} is {kind}, which docgen cannot read; open it in Word (or "
                "LibreOffice) and save a copy as a Word document (.docx), then name that, "
                "e.g. house_style: styles/eastwick.docx")
    return (f"{value} is not a Word file; name a .docx or .dotx (the organisation's "
            "letterhead or template), e.g. house_style: styles/eastwick.docx")


__all__ = ["MACRO_SUFFIXES", "OTHER_FORMATS", "STYLE_SUFFIXES", "not_a_word_file"]
