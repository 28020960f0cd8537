"""The programme at a glance: each partner's posts, total time and total annual cost.

Pure arithmetic over register rows (a post's ``register`` record, as in every
manifest), one sum for the register workbook's "Partners" sheet and the web
programme page. Each chooses its rows: the sheet the posts whose documents stand
(:mod:`docgen.publish.register_partners`), the page the answer files in its folder that
have no errors; so the two agree when every post has been built since its last change.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

HUNDRED = Decimal(100)


@dataclass
class PartnerTotal:
    party_id: str
    name: str
    key: str = ""  # the organisation (:func:`organisation_key`): what the totals group by
    posts: int = 0
    time: Decimal = Decimal(0)  # full-time posts: 60% of one post and 40% of another is 1.0
    annual: Decimal = Decimal(0)

    @property
    def references(self) -> list[str]:
        return self._refs

    def __post_init__(self) -> None:
        self._refs: list[str] = []


def _number(value: Any) -> Decimal:
    try:
        return Decimal(str(value).replace("£", "").replace(",", "")) if value not in (
            None, "") else Decimal(0)
    except InvalidOperation:
        return Decimal(0)


def organisation_key(party: dict[str, Any]) -> str:
    """What identifies an organisation across answer files: its legal name, compared
    without case and with runs of spaces as one ("Northbridge  City council" is
    "Northbridge City Council").

    A party's id (``council``, ``party_a``) is a name local to one answer file, so two
    posts may give the same id to different organisations, or different ids to the
    same one; its legal name is the organisation's own, and the same in every post
    that takes it from the same ``organisations/`` profile. The id is used only when a
    party has no name.
    """
    name = " ".join(str(party.get("name") or "").split()).casefold()
    return name or f"id:{party.get('id') or ''}"


def chosen(rows: list[dict[str, Any]], partner: str = "", status: str = "") -> list[dict[str, Any]]:
    """The posts a partner (an :func:`organisation_key`; any, when ``partner`` is empty)
    shares, with that status."""
    return [r for r in rows
            if (not status or r.get("status") == status)
            and (not partner or any(organisation_key(p) == partner
                                    for p in r.get("parties") or []))]


def partner_totals(rows: list[dict[str, Any]]) -> list[PartnerTotal]:
    """One total per partner organisation (:func:`organisation_key`, never the party id
    alone), largest annual cost first (then by name)."""
    totals: dict[str, PartnerTotal] = {}
    for row in rows:
        parties = row.get("parties")
        if not isinstance(parties, list):
            continue
        for p in parties:
            pid, key = str(p.get("id") or p.get("name") or ""), organisation_key(p)
            total = totals.setdefault(key, PartnerTotal(pid, str(p.get("name") or pid), key))
            total.posts += 1
            total.references.append(str(row.get("reference") or ""))
            total.time += _number(p.get("time_percent")) / HUNDRED
            total.annual += _number(p.get("annual"))
    return sorted(totals.values(), key=lambda t: (-t.annual, t.name))
