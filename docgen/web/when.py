"""A moment as GOV.UK style writes it: "7 December 2026 at 8:27am", "at midday".

The drafts list and the notices said "2026-12-07 08:27 UTC", a computer's way of writing
it. Times are kept in UTC (an ISO timestamp, a file's modified time) and said in the
server's local time, the officer's own on their computer, so no time zone is named."""

from __future__ import annotations

import datetime as dt


def said(moment: dt.datetime) -> str:
    """``moment`` in the server's local time: "7 December 2026 at 8:27am", "9am",
    "midday", "midnight" (GOV.UK style: no leading zero, no ":00")."""
    local = moment.astimezone() if moment.tzinfo else moment
    if (local.hour, local.minute) == (12, 0):
        clock = "midday"
    elif (local.hour, local.minute) == (0, 0):
        clock = "midnight"
    else:
        minutes = f":{local.minute:02d}" if local.minute else ""
        clock = f"{local.hour % 12 or 12}{minutes}{'am' if local.hour < 12 else 'pm'}"
    return f"{local.day} {local:%B %Y} at {clock}"


def said_iso(stamp: str) -> str:
    """An ISO timestamp (a draft's "last changed", UTC) as :func:`said` says it; "" for
    none, and as written for one that is not a timestamp."""
    if not stamp:
        return ""
    try:
        moment = dt.datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    return said(moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC))


__all__ = ["said", "said_iso"]
