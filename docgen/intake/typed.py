"""Dates, money and shares typed as text the way a UK programme team types them. Pure.

A cell formatted as Text (or pasted from a letter) holds "1 April 2027", "01/04/2027" or
"£52,000" rather than a date or a number. Each form read here has one meaning: dates are
day first (as Excel shows them in the UK, and as the browser interview reads them), a
month may be named, the year has four digits; money may have a £ sign and commas between
thousands (never "52.000", "52k" or "about 52,000"). Anything else is left to the caller,
which says what to write.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                      "sep", "oct", "nov", "dec"), start=1)}
#: 1 April 2027, 1st Apr 2027, 01/04/2027, 1.4.2027, 1-4-2027 (day first; four-digit year)
DAY_FIRST = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?(?:\s*[/.\-]\s*|\s+)([A-Za-z]+\.?|\d{1,2})"
                       r"(?:\s*[/.\-]\s*|\s*,?\s+)(\d{4})$", re.IGNORECASE)
#: £52,000, 52,000.50, £ 52000: a £ sign, thousands between commas, pence
MONEY = re.compile(r"^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?$")
#: how the date forms read here are said in a message
DATE_FORMS = "2027-04-01, 1 April 2027 or 01/04/2027 (day first)"


#: Excel keeps and shows 15 significant digits; what a float holds beyond them is the
#: binary noise of arithmetic (=60000*1.035 holds 62099.99999999999 and shows 62,100.00)
EXCEL_DIGITS = 15


def excel_number(value: float | int | Decimal) -> Decimal:
    """A number as Excel holds it: a float to 15 significant digits (62100, never
    62099.99999999999); a figure typed with more places than pence keeps them."""
    if isinstance(value, float):
        return Decimal(format(value, f".{EXCEL_DIGITS}g"))
    return Decimal(value)


def folded(text: str) -> str:
    """Text as compared when people type it their own way: case, spaces, underscores and
    punctuation aside ("Job Title" is "Job title", "England and Wales" england_and_wales)."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _month(text: str) -> int | None:
    word = text.rstrip(".").lower()
    if word.isdigit():
        return int(word)
    full = ("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december")
    if word in full or (len(word) >= 3 and word in MONTHS) or word == "sept":
        return MONTHS[word[:3]]
    return None


def typed_date(text: str) -> dt.date | None:
    """The date ``text`` names, day first (``None`` when it is no date of these forms, or
    a day that does not exist, such as 31/02/2027)."""
    found = DAY_FIRST.match(text.strip())
    if not found:
        return None
    day, month_text, year = found.groups()
    month = _month(month_text)
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def typed_money(text: str) -> Decimal | None:
    """The amount ``text`` gives (``£52,000`` is 52000), or ``None``."""
    found = MONEY.match(text.strip())
    if not found:
        return None
    return Decimal(found.group(1).replace(",", "") + (found.group(2) or ""))
