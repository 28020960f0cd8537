"""A party's id made from its name: one way for every door that makes one (``docgen new``
and the interview's organisation not listed), so the same body gets the same id.

An id is what an answer file names a party by (``employer: eastwick``): short, lower
case, the distinctive words of the name ("The Mayor and Burgesses of the London Borough
of Eastwick" → ``eastwick``), and unlike the ids already taken. Letters with accents
are written without them ("Ynys Môn" → ``ynys_mon``); where the body's short name is known
the id is made from it, as the interview's hint says; an id already taken by another body
is told apart by the words that say what kind of body this one is ("NHS Highland" next to
``highland``, The Highland Council's → ``nhs_highland``), else by a number.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

GENERIC_WORDS = {"the", "of", "and", "london", "borough", "royal", "council", "city", "county",
                 "district", "metropolitan", "nhs", "integrated", "care", "board", "trust",
                 "foundation", "authority",
                 # a London council's corporate name (The Mayor and Burgesses of ...)
                 "mayor", "lord", "burgesses", "commonalty", "citizens", "common",
                 "corporation",
                 # a Welsh council's name (Cyngor Sir Ynys Môn, Cyngor Bwrdeistref Sirol ...)
                 "cyngor", "sir", "sirol", "bwrdeistref", "dinas", "a"}
#: a word a name ("NHS Highland") keeps in front of its place when that place's id is
#: another body's
KIND_WORDS = ("nhs",)


def ids_given(data: dict[str, Any]) -> list[str]:
    """The ids an answer file's ``parties`` give (none when it is not a list): what the
    messages' examples name parties by."""
    parties = data.get("parties")
    if not isinstance(parties, list):
        return []
    return [p["id"] for p in parties if isinstance(p, dict) and isinstance(p.get("id"), str)]


#: the form of a party id, its one home: the model's ``PartyId`` and ``decided_by`` (a party
#: or the steering group), the JSON Schema, the workbook's cells and the interview's
#: renaming read it here
ID_PATTERN = r"^[a-z][a-z0-9_]*$"
#: the longest a party id may be (the model's ``PartyId``, the schema)
ID_MAX_LENGTH = 40
# compiled as the module loads, so the command's table of compiled patterns keeps them
#: :data:`ID_PATTERN` compiled: with ``fullmatch``, or ``match`` (it is anchored)
ID_FORM = re.compile(ID_PATTERN)
_WORD = re.compile(r"[a-z0-9]+")


def is_party_id(text: str) -> bool:
    """Whether ``text`` is a party id as the model allows one (its form, at most
    :data:`ID_MAX_LENGTH`): what names a profile's file, and a party given by id alone."""
    return bool(ID_FORM.fullmatch(text)) and len(text) <= ID_MAX_LENGTH
_NOT_LETTERS_FIRST = re.compile(r"^[^a-z]+")


def plain_words(text: str) -> list[str]:
    """The words of ``text`` in lower case, letters with accents written without them
    ("Ynys Môn" → ynys, mon)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _WORD.findall(ascii_text.lower())


def party_id(name: str, taken: list[str], short_name: str = "") -> str:
    """A short id from a body's name: "The Mayor and Burgesses of the London Borough of
    Eastwick" → ``eastwick``. A name of generic words alone (the City of London's, in any
    of its forms) keeps its place: "The Mayor and Commonalty and Citizens of the City of
    London" → ``city_of_london``, not the first thirty letters of the style. Given a
    ``short_name`` the id is made from it ("Mid Sussex" → ``mid_sussex``)."""
    words = plain_words(name)
    short = [w for w in plain_words(short_name) if w != "the"]
    kept = short or [w for w in words if w not in GENERIC_WORDS] or _place(words) \
        or ["party"]
    base = _cut(_NOT_LETTERS_FIRST.sub("", "_".join(kept))) or "party"
    # a Scottish health board is "NHS" and its place ("NHS Highland"), the place's council
    # often the place's id: the board keeps its "nhs" ("Eastwick Hospitals NHS Trust"
    # next to ``eastwick_hospitals`` is more likely the same body, so it is numbered)
    told_apart = [_cut(f"{w}_{base}") for w in KIND_WORDS
                  if not short and words[:1] == [w] and words[1:] == kept]
    for pid in told_apart:
        if base in taken and pid not in taken:
            return pid
    pid, n = base, 2
    while pid in taken:
        pid, n = f"{base}_{n}", n + 1
    return pid


def _cut(joined: str, most: int = 30) -> str:
    """``joined`` cut to at most ``most`` letters at a word's end where one falls after the
    first ten ("swansea_bay_university", not "swansea_bay_university_health_")."""
    if len(joined) <= most:
        return joined
    end = joined.rfind("_", 10, most + 1)
    return joined[:end] if end > 0 else joined[:most]


def _place(words: list[str]) -> list[str]:
    """The place a name of generic words is of: the words after its first "of the", or
    the whole name, without a council's own words ("City of London Corporation",
    "Common Council of the City of London" → city, of, london)."""
    for i in range(len(words) - 1):
        if words[i:i + 2] == ["of", "the"]:
            words = words[i + 2:]
            break
    return [w for w in words if w not in ("the", "common", "council", "corporation")]
