"""A lawyer's review (round 3, point 6), read back from the built job specification: section
113(1) of the Local Government Finance Act 1988 allows a council in England or Wales to make
responsible for its financial affairs under section 151 of the Local Government Act 1972 only
a member of one of the accountancy bodies listed in section 113(3). Where a statutory role is a
council's chief finance officer (as ``docgen/facts/roles.py`` recognises it), the person
specification now lists that membership as an essential qualification. Not in Scotland (the
proper officer of section 95 of the Local Government (Scotland) Act 1973 is another office),
and not for an NHS body's finance director."""

from __future__ import annotations

from legal_answers import FOUR, NHS, SCOT, WALES, answers, text

MEMBER = ("Member of one of the accountancy bodies listed in section 113(3) of the Local "
          "Government Finance Act 1988")
ROW = ("Qualifications\nSolicitor or barrister with a current practising certificate\nEssential\n"
       "Application\nQualifications\n" + MEMBER + "\nEssential\nApplication\n")


def test_an_english_councils_section_151_officer() -> None:
    data = answers(FOUR, post__statutory_roles=[{"party": "fenwick",
                                                 "role": "Section 151 Officer"}])
    assert ROW in text(data, "job_spec")


def test_a_welsh_councils_chief_finance_officer() -> None:
    data = answers(WALES, post__statutory_roles=[{"party": "hafren",
                                                 "role": "Chief Finance Officer"}])
    assert text(data, "job_spec").count(MEMBER) == 1


def test_once_only_when_the_answer_file_says_it_already() -> None:
    data = answers(FOUR, post__statutory_roles=[{"party": "hartmoor",
                                                 "role": "Chief Financial Officer"}])
    data["job"]["person_specification"].append(
        {"criterion": MEMBER, "area": "qualifications", "essential": True,
         "assessed_by": ["application", "references"]})
    assert text(data, "job_spec").count(MEMBER) == 1


def test_not_for_other_roles_scotland_or_an_nhs_body() -> None:
    assert MEMBER not in text(answers(FOUR), "job_spec")
    scot = answers(SCOT, post__statutory_roles=[{"party": "council",
                                                 "role": "Section 95 Officer"}])
    assert MEMBER not in text(scot, "job_spec")
    nhs = answers(NHS, post__statutory_roles=[{"party": "icb", "role": "Chief Finance Officer"}])
    assert MEMBER not in text(nhs, "job_spec")
