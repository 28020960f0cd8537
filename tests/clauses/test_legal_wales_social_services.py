"""Statutory roles in Wales: the director of social services, not England's offices.

- Social Services and Well-being (Wales) Act 2014 s.144: a local authority in Wales appoints a
  director of social services for its social services functions (children's and adults'),
  and two or more authorities may appoint one person (s.144(4)); the Welsh Ministers' code
  on the director's role is issued under s.145 (the Part 8 code of practice).
- s.6 of the Local Authority Social Services Act 1970 (director of adult social services) and
  s.18 of the Children Act 2004 (director of children's services) apply in England only; in
  Wales a council appoints a lead director for children and young people's services under s.27
  of the Children Act 2004.
- s.73A of the National Health Service Act 2006 (a council's director of public health,
  appointed jointly with the Secretary of State) applies in England only; in Wales public
  health is led by the NHS (Local Health Boards, Public Health Wales).

Each test builds the documents and reads the .docx back.
"""

from __future__ import annotations

from typing import Any

from legal_answers import NHS, WALES, answers, notes, statutory_roles, text

from docgen import check

DPH = "county-council-nhs-trust-dph"
S144 = "section 144 of the Social Services and Well-being (Wales) Act 2014"
LASSA = "Local Authority Social Services Act 1970"


def _welsh_dss() -> dict[str, Any]:
    """The Welsh joint chief executive's two councils sharing a director of social services
    instead (s.144(4): one person for both)."""
    return answers(WALES, reference="DTF-BHF-DSS-01", post__title="Joint Director of Social "
                   "Services", post__statutory_roles=[
                       {"party": "dyffryn", "role": "Director of Social Services"},
                       {"party": "hafren", "role": "Director of Social Services"}])


def _messages(data: dict[str, Any], rule: str) -> list[str]:
    return [p.message for p in check(data).problems if p.rule == rule and not p.acknowledged]


def test_a_welsh_joint_director_of_social_services_is_appointed_under_s144() -> None:
    data = _welsh_dss()
    roles = statutory_roles(data)
    assert ("As director of social services of Dyffryn Teifi and Bro Hafren, appointed under "
            "section 144(1) and (4) of the Social Services and Well-being (Wales) Act 2014 "
            "(subsection (4) allows two or more local authorities to appoint one person as "
            "director of social services for both or all of them), the Post-holder is "
            "accountable to each one's chief executive for their social services functions, "
            "for children as well as adults, as the code of practice on the role of the "
            "director of social services issued under section 145 of that Act expects."
            ) in roles
    assert LASSA not in text(data) and "director of adult social services" not in roles
    assert not _messages(data, "GP055") and not _messages(data, "GP056")


def test_a_welsh_post_naming_the_english_director_of_adult_social_services_is_warned() -> None:
    data = _welsh_dss()
    data["post"]["statutory_roles"] = [{"party": "dyffryn",
                                        "role": "Director of Adult Social Services"}]
    [message] = _messages(data, "GP056")
    assert "section 6 of the Local Authority Social Services Act 1970, which applies in " \
        "England only" in message and S144 in message
    assert "Write the role as 'Director of Social Services'" in message
    roles = statutory_roles(data)
    assert LASSA not in roles and "section 7" not in roles  # no English guidance cited


def test_a_welsh_director_of_childrens_services_points_to_s144_and_the_s27_lead_director(
        ) -> None:
    data = _welsh_dss()
    data["post"]["statutory_roles"] = [{"party": "hafren",
                                        "role": "Director of Children's Services"}]
    [message] = _messages(data, "GP056")
    assert "section 18 of the Children Act 2004, which applies in England only" in message
    assert "lead director for children and young people's services under section 27 of " \
        "the Children Act 2004" in message
    assert "Children Act 2004" not in statutory_roles(data)


def test_a_welsh_council_director_of_public_health_asserts_no_english_power() -> None:
    data = answers(DPH, jurisdiction="wales")
    [message] = _messages(data, "GP056")
    assert "in Wales public health is led by the NHS" in message and "Public Health Wales" \
        in message
    assert "73A" not in statutory_roles(data) and "Faculty of Public Health" not in text(data)
    contract = text(data, "contract")
    duties = contract[contract.index("\nStatutory roles\n"):]
    assert "Secretary of State" not in duties.split("Note for legal review")[0]
    # s.73A is named only in the drafting note that says it applies in England only
    assert all("in England only" in line for line in (contract + text(data)).splitlines()
               if "73A" in line or "Secretary of State" in line)
    # a Local Health Board's director of public health is not a council office in Wales
    data["post"]["statutory_roles"] = [{"party": "trust", "role": "Director of Public Health"}]
    assert not _messages(data, "GP056") and not _messages(data, "GP055")


def test_the_english_director_of_public_health_keeps_s73a() -> None:
    data = answers(DPH)
    assert "jointly with the Secretary of State under section 73A of the National Health " \
        "Service Act 2006" in statutory_roles(data)
    assert not _messages(data, "GP056")


def test_the_english_director_of_adult_social_services_is_unchanged() -> None:
    data = answers(NHS)
    roles = statutory_roles(data)
    assert "issued under section 7 of that Act expects" \
        in roles
    assert "Social Services and Well-being" not in text(data)
    assert not _messages(data, "GP056")
    # the Welsh office named in an English post is warned about, with England's two offices
    data["post"]["statutory_roles"] = [{"party": "council", "role": "Director of Social Services"}]
    [message] = _messages(data, "GP056")
    assert f"names the Welsh office ({S144})" in message
    assert "director of adult social services (section 6 of the Local Authority Social " \
        "Services Act 1970)" in message


def test_gp055_cites_s144_for_a_welsh_director_of_social_services_given_to_an_nhs_body(
        ) -> None:
    data = answers(NHS, jurisdiction="wales")
    data["post"]["statutory_roles"] = [{"party": "icb", "role": "Director of Social Services"}]
    [message] = _messages(data, "GP055")
    assert f"an office of a local authority ({S144})" in message
    data = answers(NHS, jurisdiction="england_and_wales")
    data["post"]["statutory_roles"] = [{"party": "icb",
                                        "role": "Director of Adult Social Services"}]
    [message] = _messages(data, "GP055")
    assert "(in England, section 6 of the Local Authority Social Services Act 1970)" in message


def test_a_welsh_council_in_the_nhs_pension_scheme_is_flagged_even_for_public_health() -> None:
    data = answers(DPH, jurisdiction="wales", postholder__pension_scheme="NHS Pension Scheme")
    [message] = _messages(data, "GP052")
    assert "in Wales public health stayed with the NHS" in message
    data = answers(DPH, jurisdiction="england", postholder__pension_scheme="NHS Pension Scheme")
    assert not _messages(data, "GP052")


def test_an_england_and_wales_post_never_cites_the_welsh_act_for_a_director_of_social_services(
        ) -> None:
    """Under jurisdiction: england_and_wales the answer file has not said the post is in
    Wales, and in England "Director of Social Services" is no statutory office (England's are
    the director of adult social services, s.6 LASSA 1970, and of children's services, s.18
    Children Act 2004): no document may say the post-holder is appointed under s.144 of the
    Welsh Act. GP056 says what to write instead."""
    data = answers(NHS, jurisdiction="england_and_wales")
    data["post"]["statutory_roles"] = [{"party": "council",
                                        "role": "Director of Social Services"}]
    roles = statutory_roles(data)
    assert "Director of Social Services of the Council." in roles  # the designation stays
    assert "appointed under" not in roles and "section 145" not in roles
    for kind in ("agreement", "contract", "job_spec"):
        # the drafting notes at the front carry GP056's warning; the terms cite nothing
        drafting = set(notes(data, kind))
        terms = [line for line in text(data, kind).splitlines() if line not in drafting]
        assert not [line for line in terms if "Well-being" in line or "144" in line]
    [message] = _messages(data, "GP056")
    assert f"names the Welsh office ({S144}), but jurisdiction: england_and_wales does not " \
        "say that the post is in Wales, so the agreement cites no statute for the role" \
        in message
    assert "If the councils are in Wales, set jurisdiction: wales" in message
    assert "director of adult social services (section 6 of the Local Authority Social " \
        "Services Act 1970) and a director of children's services (section 18 of the " \
        "Children Act 2004), so write the role as one or both of those and set " \
        "jurisdiction: england" in message
    # the same role, once the answer file says the post is in Wales, is the s.144 office
    data["jurisdiction"] = "wales"
    # the ICB's officer placed under s.113(1A)(b): "once appointed" (legal.doubted_hosts)
    assert "As director of social services of the Council, once appointed by the Council " \
        "under section 144(1) of the Social Services and Well-being (Wales) Act 2014, the " \
        "Post-holder is accountable to its chief executive" in statutory_roles(data)
    assert not _messages(data, "GP056")
