"""A lawyer's review (7 December 2026), read back from the built job specification: as for an
English or Welsh council's chief finance officer (tests/clauses/
test_chief_finance_officer_accountancy_body.py), the person specification lists, as an
essential qualification, what the law asks of the holder of two more councils' offices:

- a Scottish council's chief social work officer (s.3 of the Social Work (Scotland) Act 1968,
  whose qualifications are prescribed; the Scottish Ministers' statutory guidance on the role
  requires a qualified social worker registered as such with the Scottish Social Services
  Council);
- a Welsh council's director of social services (s.144(2) of the Social Services and
  Well-being (Wales) Act 2014: a council may appoint only a person it is satisfied has
  demonstrated the competencies specified by the Welsh Ministers).

Each is added once, only under its own country's law (not under "England and Wales", which
does not say the post is in Wales) and only for a council."""

from __future__ import annotations

from legal_answers import FOUR, SCOT, WALES, answers, text

from docgen.facts.wording import words

CSWO = ("Qualified social worker, registered as a social worker with the Scottish Social "
        "Services Council")
DSS = ("Has demonstrated the competencies specified by the Welsh Ministers for a director of "
       "social services (section 144(2) of the Social Services and Well-being (Wales) Act 2014)")


def test_the_words_are_the_data_files() -> None:
    said = words()
    assert said["person_specification.chief_social_work_officer"] == CSWO
    assert said["person_specification.director_of_social_services"] == DSS


def test_a_scottish_councils_chief_social_work_officer() -> None:
    data = answers(SCOT, post__statutory_roles=[{"party": "council",
                                                "role": "Chief Social Work Officer"}])
    spec = text(data, "job_spec")
    assert ("Qualifications\n" + CSWO + "\nEssential\nApplication\nExperience\nSenior "
            "leadership across health and social care\nEssential\n") in spec
    assert spec.count(CSWO) == 1


def test_a_welsh_councils_director_of_social_services_shared_by_two_councils() -> None:
    data = answers(WALES, post__statutory_roles=[
        {"party": "dyffryn", "role": "Director of Social Services"},
        {"party": "hafren", "role": "Director of Social Services"}])
    spec = text(data, "job_spec")
    assert ("Qualifications\n" + DSS + "\nEssential\nApplication and Interview\n"
            "Experience\n") in spec
    assert spec.count(DSS) == 1


def test_after_the_answer_files_own_qualifications_and_once_only() -> None:
    data = answers(WALES, post__statutory_roles=[{"party": "hafren",
                                                 "role": "Director of Social Services"}])
    data["job"]["person_specification"].insert(0, {
        "criterion": "Registered with Social Care Wales", "area": "qualifications",
        "essential": True, "assessed_by": ["application"]})
    spec = text(data, "job_spec")
    assert ("Qualifications\nRegistered with Social Care Wales\nEssential\nApplication\n"
            "Qualifications\n" + DSS) in spec
    data["job"]["person_specification"].append(
        {"criterion": DSS, "area": "skills", "essential": True, "assessed_by": ["interview"]})
    assert text(data, "job_spec").count(DSS) == 1


def test_not_in_another_country_or_for_a_health_board() -> None:
    board = answers(SCOT, post__statutory_roles=[{"party": "board",
                                                 "role": "Chief Social Work Officer"}])
    assert CSWO not in text(board, "job_spec")
    both = answers(WALES, jurisdiction="england_and_wales", post__statutory_roles=[
        {"party": "hafren", "role": "Director of Social Services"}])
    assert DSS not in text(both, "job_spec")
    english = answers(FOUR, post__statutory_roles=[{"party": "fenwick",
                                                   "role": "Chief Social Work Officer"}])
    assert CSWO not in text(english, "job_spec")
