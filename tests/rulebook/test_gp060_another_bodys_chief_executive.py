"""GP060 and a third party's own chief executive (a lawyer's review, 6 December 2026, finding
3): two Welsh councils share a Joint Chief Executive, and a Local Health Board, the third
party, sits on the steering group through its Chief Executive. GP060 warned that the Health
Board's chief executive "is the post itself". The post's title now names the post only for a
party the post holds a statutory office for (here the councils'): a council's "Chief
Executive" on the group is still the post-holder."""

from __future__ import annotations

from typing import Any

from legal_answers import answers

from docgen import check


def _with_health_board() -> dict[str, Any]:
    data = answers("wales-joint-chief-executive")
    data["parties"].append({
        "id": "lhb", "name": "Bwrdd Iechyd Prifysgol Teifi / Teifi University Health Board",
        "short_name": "the Health Board", "kind": "nhs_body",
        "address": "Pencadlys, Ffordd yr Ysbyty, Aberteifi SA43 2AA",
        "signatory": {"name": "Dr Alun Price", "title": "Chief Executive"},
        "notices": {"title": "Board Secretary",
                    "email": "board.secretary@teifi.example.nhs.wales"}})
    data["time_split"]["shares"] = {"dyffryn": 40, "hafren": 40, "lhb": 20}
    data["post"]["locations"].append({"party": "lhb", "site": "Pencadlys, Aberteifi"})
    data["management"]["line_managers"]["lhb"] = "Chief Executive"
    data["governance"]["objectives"]["lhb"] = ["Agree a joint prevention plan by March 2028"]
    data["job"]["responsibilities"]["lhb"] = ["Lead the councils' work with the Health Board"]
    data["governance"]["steering_group"]["members"].append(
        {"party": "lhb", "role": "Chief Executive"})
    return data


def _gp060(data: dict[str, Any]) -> list[Any]:
    return [p for p in check(data).problems if p.rule == "GP060"]


def test_the_health_boards_own_chief_executive_is_not_the_post() -> None:
    assert not _gp060(_with_health_board())


def test_a_councils_chief_executive_on_the_group_is_still_the_post() -> None:
    data = _with_health_board()
    data["governance"]["steering_group"]["members"].append(
        {"party": "hafren", "role": "Chief Executive"})
    [p] = _gp060(data)
    assert p.path == ("governance", "steering_group", "members", 5, "role")
    assert p.message.startswith("Bro Hafren's member of the steering group, 'Chief Executive', "
                                "is the post itself (the post is the Joint Chief Executive)")


def test_without_a_statutory_office_the_title_is_matched_for_every_party_as_before() -> None:
    """Which party's chief executive the post is cannot then be told."""
    data = _with_health_board()
    data["post"]["statutory_roles"] = []
    assert [p.path[3] for p in _gp060(data)] == [4]  # the Health Board's member, as before
