"""Money as people in the UK type it in one box or one cell, read one way wherever it is
typed: the programme workbook's text cells, ``docgen new --ask`` and the browser
interview's money questions. Pure.

A £ sign and commas between thousands are read ("£52,000", "52,000.50"); a dot marks
pence, never thousands. "104.250" (a dot between thousands, as continental Europe writes
money) read as a decimal is £104.25, a thousandth of what was meant, so every reader
refuses it, and "104.2501" (more places than pence), with one hint in its own words. The
readers used to differ: the interview read "£104.250" as 104.25 while the workbook
refused it.
"""

from __future__ import annotations

import re
from decimal import Decimal

#: £52,000, 52,000.50, £ 52000: a £ sign, thousands between commas, pence
#: (thousands between commas or between spaces, one or the other: "52 000" as "52,000")
MONEY = re.compile(r"^£?\s*(\d{1,3}(?:(?P<sep>[, \u00a0\u202f])\d{3})(?:(?P=sep)\d{3})*|\d+)"
                   r"(\.\d{1,2})?$")
#: "." before three or more digits: pence given too many places (compiled as the module
#: loads, as the others here, so the command's table of compiled patterns keeps them)
_PENCE_PLACES = re.compile(r"£?\s*[\d,]*\.\d{3,}")
#: 104.250 or 1.250.000,50: a dot between thousands, as continental Europe writes money
#: (never led by a 0: "0.125" is pence given too many places, not £125)
DOT_THOUSANDS = re.compile(r"^£?\s*([1-9]\d{0,2}(?:\.\d{3})+)(?:,(\d{1,2}))?$")


def typed_money(text: str) -> Decimal | None:
    """The amount ``text`` gives (``£52,000`` and ``52 000`` are 52000), or ``None``."""
    found = MONEY.match(text.strip())
    if not found:
        return None
    pounds = found.group(1)
    if found.group("sep"):
        pounds = pounds.replace(found.group("sep"), "")
    return Decimal(pounds + (found.group(3) or ""))


def dot_thousands(text: str) -> tuple[str, str] | None:
    """What money typed with a dot between thousands meant, written the two ways docgen
    reads it ("104.250": ``("£104,250", "104250")``; "1.250.000,50": ``("£1,250,000.50",
    "1250000.50")``), or ``None`` for text not of that kind."""
    dotted = DOT_THOUSANDS.match(text.strip())
    if not dotted:
        return None
    pounds = int(dotted.group(1).replace(".", ""))
    pence = dotted.group(2).ljust(2, "0") if dotted.group(2) else ""
    return (f"£{pounds:,}" + (f".{pence}" if pence else ""),
            f"{pounds}.{pence}" if pence else str(pounds))


def too_many_places(text: str) -> bool:
    """Whether ``text`` is money with more than two places after the dot ("104.2501")."""
    return bool(_PENCE_PLACES.fullmatch(text.strip()))


def refused(text: str) -> bool:
    """Whether ``text`` is money every reader refuses rather than read as a decimal: a dot
    between thousands, or more places than pence."""
    return dot_thousands(text) is not None or too_many_places(text)


def money_hint(text: str, plain_only: bool = False) -> str:
    """What to write instead of ``text``, money typed with a dot between thousands or more
    than two places of pence ("104.250"), starting "; " (the command line's and the
    workbook's words: the interview words it at its question). Empty when ``text`` is not
    of that kind. ``plain_only``: the plain figure alone, for an answer file, which takes
    no £ sign or commas (a workbook cell takes both)."""
    meant = dot_thousands(text)
    if meant is not None:
        shown, plain = meant
        whole = shown if "." in shown else f"{shown}.00"
        also = "" if plain_only else f" or {whole}"
        return f"; a dot marks pence, never thousands: for {shown} write {plain}{also}"
    if too_many_places(text):
        return ("; pence have two places after the dot, e.g. 104250.50"
                + ("" if plain_only else " or £104,250.50"))
    return ""
