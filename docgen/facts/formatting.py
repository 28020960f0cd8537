"""How figures read in the documents: ``1 April 2027``, ``£53,137.73``, ``60%``.

All money is :class:`~decimal.Decimal`, rounded half up to pence once, here.
"""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")
CURRENCY_SYMBOLS = {"GBP": "£"}


def pence(value: Decimal) -> Decimal:
    """Round to pence, half up (the convention in public-sector recharges)."""
    return value.quantize(PENNY, rounding=ROUND_HALF_UP)


def money(value: Decimal, currency: str = "GBP") -> str:
    """``£53,137.73``; negative sums as ``-£10.00``."""
    value = pence(value)
    sign = "-" if value < 0 else ""
    return f"{sign}{CURRENCY_SYMBOLS.get(currency, currency + ' ')}{abs(value):,.2f}"


def number(value: Decimal | int) -> str:
    """A plain number without trailing zeros: ``1.5``, ``2``, ``13.9``."""
    d = Decimal(value).normalize()
    text = f"{d:f}"
    return text


def percent(value: Decimal | int) -> str:
    return f"{number(value)}%"


def long_date(value: dt.date) -> str:
    """``1 April 2027`` (no leading zero, as in UK legal drafting)."""
    return f"{value.day} {value:%B %Y}"


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def months_text(n: int) -> str:
    return f"{n} month" if n == 1 else f"{n} months"


def days_text(n: int | Decimal) -> str:
    return f"{number(n)} day" if Decimal(n) == 1 else f"{number(n)} days"


def hours_text(n: int | Decimal) -> str:
    """"1 hour", "1.5 hours", "15 hours" (a share of exactly one hour read "1 hours")."""
    return f"{number(n)} hour" if Decimal(n) == 1 else f"{number(n)} hours"


def join_words(items: list[str], last: str = "and") -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]


def time_text(unit: str, amount: Decimal) -> str:
    """One party's share in the split's own unit: "60%", "2 days a week", "15 hours a week"."""
    if unit == "percent":
        return percent(amount)
    if unit == "days_per_week":
        return f"{days_text(amount)} a week"
    return f"{hours_text(amount)} a week"


def round_pct(value: Decimal) -> Decimal:
    """A share to two places, trailing zeros dropped (33.333… → 33.33, 50.00 → 50)."""
    return value.quantize(Decimal("0.01")).normalize()


def period_end(start: dt.date, months: int) -> dt.date:
    """Last day of a period of ``months`` from ``start`` (31 Jan + 1 month: 28/29 Feb)."""
    end = add_months(start, months)
    return end if end.day < start.day else end - dt.timedelta(days=1)


def key_label(key: str) -> str:
    """``budget`` → ``Budget``, ``NHS_budget`` → ``NHS budget``: capitals kept as written."""
    text = key.replace("_", " ")
    return text[:1].upper() + text[1:]


def upper_first(text: str) -> str:
    """``the ICB`` → ``The ICB``: a defined term that opens a sentence (the rest kept)."""
    text = str(text)
    return text[:1].upper() + text[1:]
