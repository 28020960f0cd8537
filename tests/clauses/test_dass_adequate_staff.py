"""England's director of adult social services and the staff to assist them (a lawyer's
review, 7 December 2026, item 3). The Welsh director of social services' clause had each
appointing council secure adequate staff (s.144(5) of the Social Services and Well-being
(Wales) Act 2014), but England's director of adult social services had no such sentence,
though s.6(6) of the Local Authority Social Services Act 1970 lays the same duty on a local
authority which has appointed, or concurred in the appointment of, a director of adult
social services. The agreement's paragraph on the director now states it, for the councils
only (an NHS body given the role is GP055's warning, not the Act's duty)."""

from __future__ import annotations

from legal_answers import NHS, WALES, answers, numbered, statutory_roles, with_party

S6_6 = "section 6(6) of the Local Authority Social Services Act 1970"


def test_the_council_secures_adequate_staff_for_its_director() -> None:
    said = numbered(answers(NHS))["18.5"]  # 18.2: when the role is to be given (doubted)
    assert said.startswith("As director of adult social services of the Council")
    assert said.endswith(
        "The Council shall secure the provision of adequate staff for assisting the "
        "Post-holder in the exercise of the functions of its director of adult social "
        f"services, as {S6_6} requires.")


def test_under_england_and_wales_too() -> None:
    assert S6_6 in statutory_roles(answers(NHS, jurisdiction="england_and_wales"))


def test_an_nhs_body_given_the_role_is_not_bound_by_the_act() -> None:
    data = answers(NHS)
    data["post"]["statutory_roles"] = [
        {"party": "icb", "role": "Director of Adult Social Services"}]
    roles = statutory_roles(data)
    assert "As director of adult social services of the ICB" in roles
    assert S6_6 not in roles


def test_wales_keeps_its_own_duty_and_not_englands() -> None:
    data = answers(WALES, post__statutory_roles=[
        {"party": "dyffryn", "role": "Director of Social Services"}])
    roles = statutory_roles(data)
    assert "as section 144(5) of that Act requires" in roles
    assert S6_6 not in roles


def test_two_councils_each_secure_staff_for_their_own_director() -> None:
    """Two councils concurring in one appointment (s.6(2)): each is bound for its own."""
    data = with_party(answers(NHS), {
        "id": "north", "name": "Northshire County Council", "short_name": "Northshire",
        "kind": "local_authority", "address": "County Hall, Northshire NS1 1AA",
        "signatory": {"name": "Ann Bell", "title": "Chief Executive"},
        "notices": {"title": "Monitoring Officer", "email": "mo@north.example.gov.uk"}},
        {"icb": 30, "council": 40, "north": 30}, "County Hall, Northshire")
    data["post"]["statutory_roles"].append(
        {"party": "north", "role": "Director of Adult Social Services"})
    assert ("Each of the Council and Northshire shall secure the provision of adequate staff "
            "for assisting the Post-holder in the exercise of the functions of its director "
            f"of adult social services, as {S6_6} requires.") in statutory_roles(data)
