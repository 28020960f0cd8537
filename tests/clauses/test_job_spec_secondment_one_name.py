"""The job specification names the employer once, by one name, when the statute relied on
does not reach it (a health board employing under s.35 of the Local Government (Scotland) Act
1966, which places only a local authority's own staff): it read "as a secondment from the
Health Board, because section 35 ... does not extend to NHS Glenmuir", the same body under two
names. Built and read back from the .docx."""

from __future__ import annotations

import copy
from typing import Any

from legal_answers import SCOT, answers, text

S35 = "section 35 of the Local Government (Scotland) Act 1966"


def _board_employs() -> dict[str, Any]:
    return answers(SCOT, legal_basis="lgs_1966_s35", employer="board",
                   exit__postholder_reverts_to="board")


def _sentence(data: dict[str, Any]) -> str:
    [line] = [t for t in text(data, "job_spec").split("\n")
              if t.startswith("The post-holder works for the partner")]
    return line


def test_the_health_board_employer_is_named_once() -> None:
    line = _sentence(_board_employs())
    assert line == ("The post-holder works for the partner organisation under an agreement "
                    "between the two organisations, as a secondment from the Health Board, to "
                    f"which {S35} does not extend.")
    assert "NHS Glenmuir" not in line


def test_another_body_the_section_does_not_reach_is_named_beside_it() -> None:
    data = copy.deepcopy(_board_employs())
    other = copy.deepcopy(next(p for p in data["parties"] if p["id"] == "board"))
    other.update(id="board2", name="Other Health Board", short_name="the Other Board")
    other.pop("common_name", None)
    data["parties"].append(other)
    data["management"]["line_managers"]["board2"] = "Chief Executive"
    data["post"]["locations"].append({"party": "board2", "site": "Other House"})
    data["governance"]["steering_group"]["members"].append(
        {"party": "board2", "role": "Chief Executive"})
    shares = data["time_split"]["shares"]
    shares[next(iter(shares))] -= 10
    shares["board2"] = 10
    assert _sentence(data).endswith(f", as a secondment from the Health Board, because {S35} "
                                    "does not extend to the Health Board or to Other Health "
                                    "Board.")
