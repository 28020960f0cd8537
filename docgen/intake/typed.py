"""Dates, money and shares typed as text the way a UK programme team types them. Pure.

A cell formatted as Text (or pasted from a letter) holds "1 April 2027", "01/04/2027" or
"£52,000" rather than a date or a number. Each form read here has one meaning: dates are
read as the browser interview reads them (``answers/typed_dates.py``: day first, a month
may be named); money may have a £ sign and commas between thousands (never "52.000",
"52k" or "about 52,000"). Anything else is left to the caller, which says what to write.
"""

from __future__ import annotations

import re
from decimal import Decimal

#: £52,000, 52,000.50, £ 52000: a £ sign, thousands between commas, pence
MONEY = re.compile(r"^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?$")
#: "." before three or more digits: pence given too many places (compiled as the module
#: loads, as the others here, so the command's table of compiled patterns keeps them)
_PENCE_PLACES = re.compile(r"£?\s*[\d,]*\.\d{3,}")
#: what :func:`folded` leaves out
_NOT_WORD = re.compile(r"[\W_]+")
#: 104.250 or 1.250.000,50: a dot between thousands, as continental Europe writes money
DOT_THOUSANDS = re.compile(r"^£?\s*(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$")
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
    return _NOT_WORD.sub("", text.casefold())


def typed_money(text: str) -> Decimal | None:
    """The amount ``text`` gives (``£52,000`` is 52000), or ``None``."""
    found = MONEY.match(text.strip())
    if not found:
        return None
    return Decimal(found.group(1).replace(",", "") + (found.group(2) or ""))


def money_hint(text: str) -> str:
    """What to write instead of ``text``, money typed with a dot between thousands or more
    than two places of pence ("104.250"): read as a decimal it would be £104.25, a
    thousandth of what was meant, so it is refused and the two forms read are shown with
    its own figures. Empty when ``text`` is not of that kind."""
    text = text.strip()
    dotted = DOT_THOUSANDS.match(text)
    if dotted:
        pounds = int(dotted.group(1).replace(".", ""))
        pence = (dotted.group(2) or "").ljust(2, "0") if dotted.group(2) else ""
        meant = f"£{pounds:,}" + (f".{pence}" if pence else "")
        plain = f"{pounds}.{pence}" if pence else str(pounds)
        return (f"; a dot marks pence, never thousands: for {meant} write {plain} or "
                f"£{pounds:,}.{pence or '00'}")
    if _PENCE_PLACES.fullmatch(text):
        return "; pence have two places after the dot, e.g. 104250.50 or £104,250.50"
    return ""
