"""Finding Word's built-in styles in a house style whose style names are not English.

Word writes a built-in style's English name (``heading 1``) whatever the language of its
menus, but files saved by other programs, or styles recreated by hand, carry the local
name: German ``Überschrift 1``, French ``Titre 1``. Such a file used to be refused as
having "no styles docgen can use". A style docgen maps is found, in this order: by its
English name (case aside); by a local name listed here; for Normal, as the file's default
paragraph style; for Heading 1 to 3, as the paragraph style at that outline level.
"""

from __future__ import annotations

from lxml import etree

from docgen.ooxml.hdrfields import w

#: local names of the styles docgen maps, by English name (German, French, Dutch, Spanish)
LOCAL_NAMES: dict[str, tuple[str, ...]] = {
    "Normal": ("standard", "standaard"),
    "Title": ("titel", "titre", "título"),
    "Subtitle": ("untertitel", "sous-titre", "ondertitel", "subtítulo"),
    "Heading 1": ("überschrift 1", "titre 1", "kop 1", "título 1"),
    "Heading 2": ("überschrift 2", "titre 2", "kop 2", "título 2"),
    "Heading 3": ("überschrift 3", "titre 3", "kop 3", "título 3"),
    "Header": ("kopfzeile", "en-tête", "koptekst", "encabezado"),
    "Footer": ("fußzeile", "pied de page", "voettekst", "pie de página"),
    "Table Grid": ("tabellenraster", "grille du tableau", "tabelraster", "tabla con cuadrícula"),
}
#: outline level (0-based) of each heading: Word's built-in headings carry it in the style
OUTLINE_LEVELS = {"Heading 1": "0", "Heading 2": "1", "Heading 3": "2"}
ON = ("1", "true", "on")


def find_style(name: str, by_name: dict[str, str], by_id: dict[str, etree._Element]
               ) -> str | None:
    """The style id of the built-in style ``name`` (English), or None if the file has none."""
    if name.lower() in by_name:
        return by_name[name.lower()]
    for local in LOCAL_NAMES.get(name, ()):
        if local in by_name:
            return by_name[local]
    paragraphs = [(sid, s) for sid, s in by_id.items() if s.get(w("type")) == "paragraph"]
    if name == "Normal":
        return next((sid for sid, s in paragraphs if s.get(w("default")) in ON), None)
    level = OUTLINE_LEVELS.get(name)
    if level is not None:
        for sid, s in paragraphs:
            outline = s.find(f"{w('pPr')}/{w('outlineLvl')}")
            if outline is not None and outline.get(w("val")) == level:
                return sid
    return None


__all__ = ["LOCAL_NAMES", "find_style"]
