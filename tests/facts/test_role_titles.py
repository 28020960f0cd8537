"""A statutory role is recognised however a council writes "director of" in its title.

Councils' titles put the office after a comma, colon or dash ("Corporate Director, Social
Services", "Strategic Director: Adult Social Care") or after "for" as often as after "of".
The role is the same office, so the agreement must print the same statutory wording (s.144 of
the Social Services and Well-being (Wales) Act 2014 for a Welsh director of social services;
the s.7 LASSA 1970 guidance for an English director of adult social services), and the rules
must warn about it as they do about "Director of ...".
"""

from __future__ import annotations

from typing import Any

import pytest
from legal_answers import NHS, WALES, answers, statutory_roles

from docgen import check
from docgen.facts.role_titles import role_kinds

S144 = "section 144 of the Social Services and Well-being (Wales) Act 2014"
#: the ICB's officer placed under s.113(1A)(b): "once appointed" (legal.doubted_hosts)
DASS_GUIDANCE = ("As director of adult social services of the Council, once appointed by the "
                 "Council under section 6(A1) of the Local Authority Social Services Act 1970, "
                 "the Post-holder is accountable to its chief executive for its adult social "
                 "services functions, as the statutory guidance on the role of the director "
                 "of adult social services issued under section 7 of that Act expects.")


@pytest.mark.parametrize(("role", "kind"), [
    ("Corporate Director, Social Services", "director of social services"),
    ("Corporate Director, Children's Services", "director of children's services"),
    ("Corporate Director, Children’s Services", "director of children's services"),
    ("Strategic Director for Adult Social Care", "director of adult social services"),
    ("Director: Adult Social Services", "director of adult social services"),
    ("Director – Public Health", "director of public health"),
    ("Director - Children's Services", "director of children's services"),
])
def test_a_comma_colon_dash_or_for_names_the_same_office(role: str, kind: str) -> None:
    assert role_kinds(role) == {kind}


@pytest.mark.parametrize("role", ["Deputy Director, Social Services",
                                  "Assistant Director, Adult Social Care",
                                  "Directorate of Social Services", "Director, Housing"])
def test_deputies_and_other_directors_hold_no_office(role: str) -> None:
    assert role_kinds(role) == set()


@pytest.mark.parametrize("role", ["Vice-Chief Executive", "Associate Director of Public Health"])
def test_vice_and_associate_titles_hold_no_office(role: str) -> None:
    """The one list of words (``NOT_THE_HOLDER``) GP060 reads too."""
    assert role_kinds(role) == set()


@pytest.mark.parametrize(("role", "kind"), [
    ("Interim Monitoring Officer", {"monitoring officer"}),
    ("Acting Chief Executive", {"chief executive"}),
    ("Director of Public Health, acting as Chief Social Work Officer",
     {"director of public health", "chief social work officer"}),
    ("Electoral Registration Officer and Acting Returning Officer", {"returning officer"}),
])
def test_interim_and_acting_officers_hold_their_offices(role: str, kind: set[str]) -> None:
    """Designated for the time being (s.5 LGHA 1989 for a monitoring officer): the
    documents give the office's wording."""
    assert role_kinds(role) == kind


def _messages(data: dict[str, Any], rule: str) -> list[str]:
    return [p.message for p in check(data).problems if p.rule == rule and not p.acknowledged]


def test_a_welsh_corporate_director_comma_social_services_is_appointed_under_s144() -> None:
    data = answers(WALES, post__statutory_roles=[
        {"party": "dyffryn", "role": "Corporate Director, Social Services"}])
    roles = statutory_roles(data)
    assert "Corporate Director, Social Services of Dyffryn Teifi." in roles
    assert "As director of social services of Dyffryn Teifi, appointed by Dyffryn Teifi under " \
        "section 144(1) of the Social Services and Well-being (Wales) Act 2014, the " \
        "Post-holder is accountable to its chief executive for its social services " \
        "functions, for children as well as adults" in roles
    assert not _messages(data, "GP056")


def test_an_english_corporate_director_comma_adult_social_care_gets_the_dass_wording() -> None:
    data = answers(NHS, post__statutory_roles=[
        {"party": "council", "role": "Corporate Director, Adult Social Care"}])
    assert DASS_GUIDANCE in statutory_roles(data)


def test_the_comma_forms_of_another_countrys_office_are_warned_about() -> None:
    english = answers(NHS, post__statutory_roles=[
        {"party": "council", "role": "Corporate Director, Social Services"}])
    [message] = _messages(english, "GP056")
    assert message.startswith(f"'Corporate Director, Social Services' of the Council names "
                              f"the Welsh office ({S144})")
    welsh = answers(WALES, post__statutory_roles=[
        {"party": "hafren", "role": "Corporate Director, Children's Services"}])
    [message] = _messages(welsh, "GP056")
    assert "section 18 of the Children Act 2004, which applies in England only" in message


@pytest.mark.parametrize(("role", "kinds"), [
    ("Director of Adult Social Services and Children's Services",
     {"director of adult social services", "director of children's services"}),
    ("Director of Adult and Children's Services", {"director of children's services"}),
    ("Director of Children's and Adults' Services", {"director of children's services"}),
    ("Deputy Director of Adult Social Services and Children's Services", set()),
    ("Director of Finance and Resources", set()),
])
def test_childrens_services_joined_to_another_service_is_the_office(role: str,
                                                                    kinds: set[str]) -> None:
    """A lawyer tester's finding: "Director of Adult Social Services and Children's
    Services" named the adult social services office alone, so the children's services
    office's statutory wording (s.18 of the Children Act 2004) and rules were left out."""
    assert role_kinds(role) == kinds

