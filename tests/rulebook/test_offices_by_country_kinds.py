"""Statutory offices by country, from ``facts/role_titles.role_kinds`` alone.

- Scotland: the proper officer for a council's financial affairs (s.95 of the Local
  Government (Scotland) Act 1973) and the chief social work officer (s.3 of the Social Work
  (Scotland) Act 1968 as substituted by s.45 of the Local Government etc. (Scotland) Act
  1994) are role kinds; GP054 and the agreement's chief-social-work-officer note read them
  (a deputy holds neither office).
- A head of democratic services is a statutory office only of a Welsh council (s.8 of the
  Local Government (Wales) Measure 2011): GP054 counts it for a host council in Wales, not in
  England nor under "England and Wales".

Warnings and notes are read back from the agreement built in memory.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from legal_answers import SCOT, answers, clause, notes, text
from yaml_text import load_yaml

from docgen import check
from docgen.facts.role_titles import role_kinds

EXAMPLE = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"
CSWO_NOTE = ("the chief social work officer must be appointed by the council under section 3 "
             "of the Social Work (Scotland) Act 1968")


def _two_councils(jurisdiction: str, basis: str, *roles: tuple[str, str]) -> dict[str, Any]:
    data = copy.deepcopy(load_yaml(EXAMPLE.read_text("utf-8")))
    data.update(jurisdiction=jurisdiction, legal_basis=basis)
    data["post"]["statutory_roles"] = [{"party": p, "role": r} for p, r in roles]
    return data


def _gp054(data: dict[str, Any]) -> list[str]:
    return [p.message for p in check(data).problems if p.rule == "GP054"]


def test_the_scottish_offices_are_role_kinds() -> None:
    assert role_kinds("Section 95 Officer") == {"section 95 officer"}
    assert role_kinds("Proper Officer for Financial Affairs") == {"section 95 officer"}
    assert role_kinds("Chief Social Work Officer") == {"chief social work officer"}
    assert role_kinds("Deputy Chief Social Work Officer") == set()


def test_gp054_reads_the_proper_officer_for_financial_affairs_as_the_s95_officer() -> None:
    data = _two_councils("scotland", "lgs_1966_s35",
                         ("westmere", "Proper Officer for Financial Affairs"))
    [message] = _gp054(data)
    assert message.startswith("Westmere is to make the post-holder its Proper Officer for "
                              "Financial Affairs, a statutory office a council gives")
    assert any("Westmere is to make the post-holder its Proper Officer for Financial "
               "Affairs" in n for n in notes(data, "agreement"))


def test_a_head_of_democratic_services_counts_only_for_a_welsh_council() -> None:
    role = ("westmere", "Head of Democratic Services")
    wales = _two_councils("wales", "secondment", role)
    [message] = _gp054(wales)
    assert message.startswith("Westmere is to make the post-holder its Head of Democratic "
                              "Services, a statutory office a council gives to one of its own "
                              "officers, but under a secondment")
    assert any("its Head of Democratic Services, a statutory office" in n
               for n in notes(wales, "agreement"))
    for jurisdiction in ("england", "england_and_wales"):
        data = _two_councils(jurisdiction, "secondment", role)
        assert not _gp054(data)
        assert not any("Head of Democratic Services, a statutory office" in n
                       for n in notes(data, "agreement"))
    assert not _gp054(_two_councils("scotland", "lgs_1966_s35", role))


def test_the_scottish_offices_are_not_an_english_councils() -> None:
    data = _two_councils("england", "secondment", ("westmere", "Section 95 Officer"),
                         ("westmere", "Chief Social Work Officer"))
    assert not _gp054(data)


def test_the_chief_social_work_officer_note_follows_the_kind_not_the_words() -> None:
    named = answers(SCOT, post__title="Chief Officer and Chief Social Work Officer")
    assert CSWO_NOTE in clause(text(named), "Background", "Interpretation")
    deputy = answers(SCOT, post__title="Deputy Chief Social Work Officer")
    assert CSWO_NOTE not in clause(text(deputy), "Background", "Interpretation")
