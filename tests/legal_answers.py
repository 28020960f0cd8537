"""Helpers for the issue 20 tests: the answer files of tests/data/legal/ (an ICB employer, a
Welsh joint chief executive, four districts sharing a monitoring officer, a Scottish council and
health board, an NI council and HSC Trust), built in memory and read back as text."""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

from docx_read import body_texts, top_paragraphs
from yaml_text import load_yaml

from docgen import check, render

LEGAL = Path(__file__).parent / "data" / "legal"
NHS, WALES, FOUR = "nhs-icb-employs-dass", "wales-joint-chief-executive", \
    "four-districts-monitoring-officer"
SCOT, NI = "scotland-council-health-board", "ni-council-hsc-trust"
ALL = (NHS, WALES, FOUR, SCOT, NI)


#: a lawyer's D1 (7 December 2026), kept apart from LEGAL (whose posts other tests count)
NI_TWO_COUNCILS = Path(__file__).parent / "data" / "ni" / "ni-two-councils-cfo.yaml"


def ni_two_councils(**changes: Any) -> dict[str, Any]:
    """Two Northern Ireland councils: Lough River employs; Mourne Glens is to make the
    post-holder its chief financial officer and monitoring officer."""
    data = load_yaml(NI_TWO_COUNCILS.read_text("utf-8"))
    data.update(changes)
    return data


@cache
def _load(name: str) -> dict[str, Any]:
    return load_yaml((LEGAL / f"{name}.yaml").read_text("utf-8"))


def answers(name: str, **changes: Any) -> dict[str, Any]:
    """An answer file with dotted keys changed (``payment__during_absence="pauses"``)."""
    data = copy.deepcopy(_load(name))
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        node[last] = value
    return data


def with_party(data: dict[str, Any], party: dict[str, Any], shares: dict[str, int],
               site: str, at: int | None = None) -> dict[str, Any]:
    """``data`` with one more ``party`` (at ``at`` in the list, else last): its place of
    work ``site``, its Chief Executive as its line manager and on the steering group, and
    the time split ``shares``."""
    pid = party["id"]
    data["parties"].insert(len(data["parties"]) if at is None else at, party)
    data["time_split"]["shares"] = shares
    data["post"]["locations"].append({"party": pid, "site": site})
    data["management"]["line_managers"][pid] = "Chief Executive"
    data["governance"]["steering_group"]["members"].append(
        {"party": pid, "role": "Chief Executive"})
    return data


@cache
def icb_council_and_trust() -> dict[str, Any]:
    """The NHS example with a third party: the ICB employs; the Council and an NHS
    foundation trust host (s.113 reaches the Council, not the trust)."""
    return with_party(answers(NHS), {
        "id": "trust", "name": "Shawbury Community Health NHS Foundation Trust",
        "short_name": "the Foundation Trust", "kind": "nhs_body",
        "address": "Trust Offices, Shawbury SY3 8XQ",
        "signatory": {"name": "Helen Marsh", "title": "Chief Executive"},
        "notices": {"title": "Trust Secretary", "email": "trust.secretary@example.nhs.uk"}},
        {"icb": 30, "council": 50, "trust": 20}, "Trust Offices, Shawbury")


def welsh_with(criterion: str) -> dict[str, Any]:
    """The Welsh example with one more essential person-specification criterion."""
    data = answers(WALES)
    data["job"]["person_specification"].append(
        {"criterion": criterion, "area": "skills", "essential": True,
         "assessed_by": ["interview"]})
    return data


def _document(data: dict[str, Any], kind: str) -> bytes:
    return render(data, documents=[kind]).documents[kind]


def text(data: dict[str, Any], kind: str = "agreement") -> str:
    """Every body paragraph (tables included), as python-docx's ``Paragraph.text`` reads
    it, by docx_read's fast reader. Rendered from a copy: it was a YAML round trip of the
    answers, the same answers at the cost of PyYAML's pure-Python dumper."""
    return "\n".join(body_texts(_document(copy.deepcopy(data), kind)))


def clause(t: str, heading: str, until: str) -> str:
    """The text between a clause heading and the next heading named ``until``."""
    start = t.index("\n" + heading + "\n")
    return t[start:t.index("\n" + until + "\n", start + 1)]


def statutory_roles(data: dict[str, Any]) -> str:
    """The agreement's statutory roles clause, read back as text."""
    return clause(text(data), "Statutory roles", "Political restriction")


def rules_fired(data: dict[str, Any]) -> set[str]:
    return {p.rule for p in check(data).problems if p.rule and not p.acknowledged}


def numbered(data: dict[str, Any], kind: str = "agreement") -> dict[str, str]:
    """Sub-clause number → text, numbered from the clause styles as Word numbers them."""
    out: dict[str, str] = {}
    heading = sub = 0
    for _, style, p_text in top_paragraphs(_document(data, kind)):
        if style == "DG Clause 1":
            heading, sub = heading + 1, 0
        elif style == "DG Clause 2":
            sub += 1
            out[f"{heading}.{sub}"] = p_text
    return out


def notes(data: dict[str, Any], kind: str) -> list[str]:
    """The drafting notes at the front of a document."""
    return [p_text for style_id, _, p_text in top_paragraphs(_document(data, kind))
            if style_id == "DGNote"]
