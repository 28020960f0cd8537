"""Numbers, headings and choices typed in the programme workbook the way a UK programme
team types them. Pure.

A cell formatted as Text (or pasted from a letter) holds "1 April 2027", "01/04/2027" or
"£52,000" rather than a date or a number. Each form has one meaning, read as the browser
interview reads it: dates by ``answers/typed_dates.py`` (day first, a month may be named),
money by ``answers/typed_money.py`` (a £ sign and commas between thousands, never "52.000",
"52k" or "about 52,000"). Anything else is left to the caller, which says what to write.
"""

from __future__ import annotations

import re
from decimal import Decimal

#: what :func:`folded` leaves out (compiled as the module loads, so the command's table of
#: compiled patterns keeps it)
_NOT_WORD = re.compile(r"[\W_]+")
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
