"""GP055 names each council office a role names for a body that is not a council, and says
for each whether the documents print its statutory wording: "Director of Public Health and
Monitoring Officer" for an ICB gets the monitoring officer's wording (s.5 of the Local
Government and Housing Act 1989) and none of the director of public health's (s.73A of the
National Health Service Act 2006 is given only for a council)."""

from __future__ import annotations

import copy

from docgen import check

from .test_rules import example


def _gp055(role: str) -> str:
    data = copy.deepcopy(example("dph"))  # a city council and an ICB
    data["jurisdiction"] = "england"
    data["post"]["statutory_roles"] = [{"party": "icb", "role": role}]
    [said] = [p.message for p in check(data).problems if p.rule == "GP055"]
    return said


def test_a_role_naming_two_offices_names_both_and_what_each_gets() -> None:
    said = _gp055("Director of Public Health and Monitoring Officer")
    assert "the director of public health and the monitoring officer are offices of a local " \
        "authority" in said
    assert "print the statutory wording of the monitoring officer for it" in said
    assert "give none of the statutory wording of the director of public health" in said
    assert "with none of that office's statutory wording" not in said


def test_a_role_naming_one_office_is_worded_as_before() -> None:
    said = _gp055("Monitoring Officer")
    assert "the monitoring officer is an office of a local authority (section 5 of the Local " \
        "Government and Housing Act 1989), and the documents would print that office's " \
        "statutory wording for it." in said
