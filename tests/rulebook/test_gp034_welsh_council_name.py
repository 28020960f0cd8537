"""GP034 names a council whose name reads as a Welsh council's (7 December 2026): under
``jurisdiction: england_and_wales`` a post of councils named "Cyngor …" loses Wales' own
wording (the Welsh language clause, Wales' law on statutory officers) and GP034 said only,
generically, that "England and Wales" does not say which country. It now says that the
council's name reads as a Welsh council's and that ``jurisdiction: wales`` gives the Welsh
wording, with or without a statutory role."""

from __future__ import annotations

from typing import Any

from legal_answers import WALES, answers

from docgen import check
from docgen.rulebook.registry import way

DYFFRYN = "Cyngor Sir Dyffryn Teifi / Dyffryn Teifi County Council"
HAFREN = "Cyngor Bwrdeistref Sirol Bro Hafren / Bro Hafren County Borough Council"


def _gp034(data: dict[str, Any]) -> list[Any]:
    return [p for p in check(data).problems if p.rule == "GP034"]


def test_welsh_councils_are_named_and_told_of_jurisdiction_wales() -> None:
    [p] = _gp034(answers(WALES, jurisdiction="england_and_wales"))
    assert p.message.startswith(
        f"“{DYFFRYN}” and “{HAFREN}” read as the names of Welsh councils (“Cyngor” is Welsh "
        "for council), but “England and Wales” does not say that the parties are in Wales")
    assert "Set jurisdiction: wales, which gives the Welsh wording" in p.message
    assert p.fix is not None and p.fix.ways == (way("jurisdiction=wales"),
                                                way("acknowledge=GP034"))


def test_one_welsh_council_without_a_statutory_role() -> None:
    data = answers(WALES, jurisdiction="england_and_wales", post__statutory_roles=[])
    data["parties"][1]["name"] = "Bro Hafren County Borough Council"
    [p] = _gp034(data)
    assert p.message.startswith(f"“{DYFFRYN}” reads as the name of a Welsh council")


def test_other_names_keep_the_general_warning_and_wales_none() -> None:
    data = answers(WALES, jurisdiction="england_and_wales")
    for party in data["parties"]:
        party["name"] = party["name"].split(" / ")[1]
    [p] = _gp034(data)
    assert p.message.startswith("“England and Wales” does not say whether the parties are in "
                                "England or in Wales")
    data["post"]["statutory_roles"] = []
    assert not _gp034(data)
    assert not _gp034(answers(WALES))
