"""The person specification of a council's director of public health (7 December 2026): as
for a chief finance officer, a Scottish chief social work officer and a Welsh director of
social services (test_statutory_person_specification.py), the job specification adds, as an
essential qualification, what is asked of the holder: full registration as a specialist in
public health (the General Medical Council's Specialist Register, the General Dental
Council's Specialist List or the UK Public Health Register; docs/sources.md). Only for a
council's office in England (and under "England and Wales", where the documents give the
office s.73A's wording), never twice: an essential criterion naming the UK Public Health Register
already says it (the shipped example's own)."""

from __future__ import annotations

from legal_answers import answers, text

from docgen.facts.wording import words

DPH = ("Full registration as a specialist in public health, on the General Medical Council's "
       "Specialist Register, the General Dental Council's Specialist List or the UK Public "
       "Health Register")
OWN = "Inclusion in the GMC or GDC specialist register or the UK Public Health Register"
COUNTY = "county-council-nhs-trust-dph"


def _without_own(**changes: object) -> dict:
    data = answers(COUNTY, **changes)
    data["job"]["person_specification"] = [
        c for c in data["job"]["person_specification"] if c["criterion"] != OWN]
    return data


def test_the_words_are_the_data_files() -> None:
    assert words()["person_specification.director_of_public_health"] == DPH


def test_an_english_councils_director_of_public_health() -> None:
    spec = text(_without_own(), "job_spec")
    assert ("Qualifications\n" + DPH + "\nEssential\nApplication\nExperience\nSenior public "
            "health leadership\n") in spec
    assert spec.count(DPH) == 1


def test_under_england_and_wales_too() -> None:
    assert DPH in text(_without_own(jurisdiction="england_and_wales"), "job_spec")


def test_not_twice_where_a_criterion_names_the_register() -> None:
    spec = text(answers(COUNTY), "job_spec")
    assert OWN in spec and DPH not in spec


def test_not_for_a_body_that_is_not_a_council_nor_in_wales() -> None:
    nhs = _without_own(post__statutory_roles=[{"party": "trust",
                                               "role": "Director of Public Health"}])
    assert DPH not in text(nhs, "job_spec")
    assert DPH not in text(_without_own(jurisdiction="wales"), "job_spec")


def test_a_desirable_criterion_naming_the_register_does_not_stand_for_it() -> None:
    """Registration is the law's requirement of the holder, so only an essential criterion
    says it already: one marked desirable left the essential row out (a reviewer, 7 December
    2026)."""
    data = answers(COUNTY)
    [own] = [c for c in data["job"]["person_specification"] if c["criterion"] == OWN]
    own["essential"] = False
    spec = text(data, "job_spec")
    assert OWN + "\nDesirable\n" in spec
    assert spec.count(DPH + "\nEssential\n") == 1
