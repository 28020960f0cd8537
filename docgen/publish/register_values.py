"""A register row's values, typed: exact numbers and dates from a manifest's strings, text
guarded for the CSV, and the values of each row of the Register and Parties sheets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any


def decimal_or_none(value: Any) -> Decimal | None:
    """An exact number from a manifest string; older manifests held "£1,234.50"."""
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value).replace("£", "").replace(",", "").strip())
    except InvalidOperation:
        return None


def plain_decimal(d: Decimal) -> Decimal:
    """60.0 → 60, 33.330 → 33.33 (never an exponent)."""
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


#: a share's places in the CSV and when read back: a third is 33.3333 from the CSV and
#: from the workbook (which holds it as a float), never 28 digits from one and 16 from the other
SHARE_PLACES = Decimal("0.0001")


def plain_share(d: Decimal) -> Decimal:
    """A time share as written and read back: :data:`SHARE_PLACES`, then plain."""
    return plain_decimal(d.quantize(SHARE_PLACES))


#: text starting with one of these is a formula to a spreadsheet: the CSV puts a ' before it
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guarded(value: str) -> str:
    """Text for the CSV, kept from being taken as a formula (a ' before it); text that
    already starts with ' before a formula character gets one more, so that
    :func:`unguarded` gives every text back as it was."""
    return "'" + value if value.lstrip("'")[:1] in FORMULA_STARTS else value


def unguarded(value: str) -> str:
    """A CSV cell's text as it was before :func:`guarded`."""
    return value[1:] if value[:1] == "'" and value.lstrip("'")[:1] in FORMULA_STARTS else value


def date_or_none(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def acknowledged(row: dict[str, Any]) -> str:
    acks = row.get("acknowledged") or []
    return "; ".join(f"{a.get('rule')}: {a.get('reason')}" for a in acks if isinstance(a, dict))


def post_values(row: dict[str, Any]) -> dict[str, Any]:
    """A manifest's register row as typed values for the Register sheet."""
    parties = row.get("parties")
    names = ("; ".join(p.get("name", "") for p in parties) if isinstance(parties, list)
             else parties or "")  # older manifests: already one string
    return {
        "reference": row.get("reference") or "",
        "title": row.get("title") or row.get("source", ""),
        "employer": row.get("employer") or "", "party_names": names,
        "split": row.get("split") or "",
        "cost_base": decimal_or_none(row.get("cost_base")),
        "start_date": date_or_none(row.get("start_date")),
        "next_review": date_or_none(row.get("next_review")),
        "status": row.get("status") or "", "build": row.get("build") or "",
        "warnings": int(row["warnings"]) if str(row.get("warnings", "")).isdigit() else None,
        "acknowledged": acknowledged(row),
        "why": row.get("why") or "", "standing": bool(row.get("standing")),
        "stands_under": row.get("stands_under") or "",
    }


def party_values(row: dict[str, Any]) -> list[dict[str, Any]]:
    parties = row.get("parties")
    if not isinstance(parties, list):
        return []
    return [{"reference": row.get("reference") or "", "party": p.get("name", ""),
             "party_id": p.get("id", ""), "employer": bool(p.get("employer")),
             "time_percent": decimal_or_none(p.get("time_percent")),
             "time_text": p.get("time_text", ""), "annual": decimal_or_none(p.get("annual")),
             "per_invoice": decimal_or_none(p.get("per_invoice"))} for p in parties]
