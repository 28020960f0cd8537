"""The returning officer's paragraph of the statutory roles clause, read back from the built
agreement (lawyer's review, 7 December 2026, points 2 and 3).

- Grammar: with two councils it said "Blaenau Gwent and Torfaen shall indemnify the
  Post-holder", a joint indemnity, where each council indemnifies for the office held for it,
  and "counts towards its share" with two councils; with one office, "The offices … are
  personal offices". It now agrees in number and speaks of each council.
- Northern Ireland: the Chief Electoral Officer for Northern Ireland is the returning officer
  there (GP053); the paragraph on personal offices under the Representation of the People Act
  1983 is not printed under Northern Ireland's law. The role the answer file lists is still
  listed in clause 18.1 (the documents print the answer file's roles, which the read-back
  check holds them to) and GP053's note asks for it to be removed or described.
"""

from __future__ import annotations

from typing import Any

from legal_answers import NI, WALES, answers, numbered, rules_fired, statutory_roles

RPA = "Representation of the People Act 1983"


def _welsh(*roles: tuple[str, str]) -> dict[str, Any]:
    return answers(WALES, post__statutory_roles=[
        {"party": "dyffryn", "role": "Chief Executive"},
        {"party": "hafren", "role": "Chief Executive"},
        *({"party": p, "role": r} for p, r in roles)])


def _electoral(data: dict[str, Any]) -> str:
    [said] = [t for t in numbered(data).values() if RPA in t]
    return said


def test_two_councils_each_indemnify_for_the_office_held_for_it() -> None:
    said = _electoral(_welsh(("dyffryn", "Returning Officer"), ("hafren", "Returning Officer")))
    assert said.startswith("The offices of Returning Officer held by the Post-holder for "
                           "Dyffryn Teifi and Bro Hafren are personal offices under the "
                           f"{RPA}, not functions of the Post. Fees and allowances paid to "
                           "the Post-holder for them are not part of the salary")
    assert ("Each of Dyffryn Teifi and Bro Hafren shall indemnify the Post-holder, so far as "
            "the law allows, against liabilities properly incurred in an office held for it, "
            "other than through the Post-holder's own wilful misconduct or negligence. The "
            "time spent on an office held for one of them counts towards that Party's share "
            "of the Post-holder's time.") in said
    assert "counts towards its share" not in said


def test_one_office_is_singular() -> None:
    said = _electoral(_welsh(("hafren", "Returning Officer")))
    assert said.startswith("The office of Returning Officer held by the Post-holder for Bro "
                           f"Hafren is a personal office under the {RPA}, not a function of "
                           "the Post. Fees and allowances paid to the Post-holder for it are")
    assert said.endswith("Bro Hafren shall indemnify the Post-holder, so far as the law "
                         "allows, against liabilities properly incurred in that office, other "
                         "than through the Post-holder's own wilful misconduct or negligence. "
                         "The time spent on it counts towards Bro Hafren's share of the "
                         "Post-holder's time.")


def test_two_offices_of_one_council_are_plural_and_its_own() -> None:
    said = _electoral(_welsh(("dyffryn", "Returning Officer"),
                             ("dyffryn", "Electoral Registration Officer")))
    assert said.startswith("The offices of Returning Officer and Electoral Registration "
                           "Officer held by the Post-holder for Dyffryn Teifi are personal "
                           "offices")
    assert ("Dyffryn Teifi shall indemnify the Post-holder, so far as the law allows, against "
            "liabilities properly incurred in those offices") in said
    assert said.endswith("The time spent on them counts towards Dyffryn Teifi's share of the "
                         "Post-holder's time.")


def test_northern_ireland_prints_no_representation_of_the_people_act_wording() -> None:
    data = answers(NI, post__statutory_roles=[{"party": "council", "role": "Returning Officer"}])
    assert "GP053" in rules_fired(data)
    roles = statutory_roles(data)
    assert RPA not in roles and "shall indemnify the Post-holder" not in roles
    assert "Returning Officer of the Council." in roles  # listed as the answer file says
