"""A date as people in the UK type it in one box or one cell, read one way wherever it is
typed: the browser interview's date boxes and the programme workbook's text cells. Pure.

Numbers are always day first (01/04/2027, 1.4.27, 1-4-2027), as Excel shows UK dates; a
month may be named in full, by its first three letters or as "Sept", and only a named
month may come before the day (Sept 1, 2027); 2027-04-01 is year first; a two-digit year
is this century's. The two readers used to differ ("1.4.27" was a date in the browser and
an error in the workbook, "Septober" a month in the browser).
"""

from __future__ import annotations

import datetime as dt
import re

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")
#: 1st, 2nd, 3rd, 4th: the ordinal's letters after a day
ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
#: between the parts: a / . or - with spaces around it, or spaces alone (one way to match
#: each run of spaces, so a long run cannot make the match backtrack)
_SEP = r"(?:\s*[/.\-]\s*|\s+)"
_IN_ONE = re.compile(rf"^(\d{{1,2}}|\d{{4}}){_SEP}([A-Za-z]+\.?|\d{{1,2}}){_SEP}(\d{{1,4}})$")
_MONTH_FIRST = re.compile(rf"^([A-Za-z]+\.?){_SEP}?(\d{{1,2}}){_SEP}(\d{{4}}|\d{{2}})$")
#: the longest text read as a date (the longest form, "30th September, 2027", is 20):
#: anything longer is no date, whatever it holds
MAX_DATE_TEXT = 40


def month_number(word: str) -> int | None:
    """The month a word names (``April``, ``apr``, ``Apr.``, ``Sept``), or ``None``."""
    word = word.rstrip(".").lower()
    if word in MONTH_NAMES or word == "sept":
        return MONTH_NAMES.index(word) + 1 if word != "sept" else 9
    if len(word) == 3:
        found = [i for i, name in enumerate(MONTH_NAMES, start=1) if name.startswith(word)]
        return found[0] if found else None
    return None


def month_text(text: str) -> str:
    """A month as typed made its number ("April" is "4"); anything else as typed, so a
    page can show it back with its message."""
    number = None if text.isdigit() else month_number(text)
    return text if number is None else str(number)


def full_year(text: str) -> str:
    """A two-digit year with its century ("27" is "2027"); anything else as typed."""
    return f"20{text}" if len(text) == 2 and text.isdigit() else text


#: a comma between a date's parts (compiled as the module loads, so the command's table of
#: compiled patterns keeps it)
_COMMA = re.compile(r"\s*,\s*")


def date_parts(text: str) -> tuple[str, str, str] | None:
    """Day, month and year of a whole date typed in one box (month as its number, year
    with its century; a part that is no number is kept as typed), or ``None`` when the
    text does not have the shape of a date."""
    if len(text.strip()) > MAX_DATE_TEXT:
        return None
    text = _COMMA.sub(" ", ORDINAL.sub("", text.strip()))
    named = _MONTH_FIRST.match(text)
    if named and month_number(named.group(1)) is not None:  # Sept 1 2027
        return named.group(2), month_text(named.group(1)), full_year(named.group(3))
    found = _IN_ONE.match(text)
    if not found:
        return None
    first, middle, last = found.groups()
    if len(first) == 4:  # 2027-04-01
        return (last, month_text(middle), first) if len(last) <= 2 else None
    return (first, month_text(middle), full_year(last)) if len(last) in (2, 4) else None


def typed_date(text: str) -> dt.date | None:
    """The date ``text`` names, read as :func:`date_parts` reads it; ``None`` when it is no
    date of these forms or a day that does not exist (31/02/2027)."""
    parts = date_parts(text)
    if parts is None or not all(p.isdigit() for p in parts):
        return None
    day, month, year = (int(p) for p in parts)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


__all__ = ["MAX_DATE_TEXT", "MONTH_NAMES", "ORDINAL", "date_parts", "full_year",
           "month_number", "month_text", "typed_date"]
