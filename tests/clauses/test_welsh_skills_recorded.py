"""Agreement cl. 20.3 and the job specification agree on the Welsh language skills a post
in Wales needs (Welsh Language (Wales) Measure 2011; the Welsh Language Standards (No. 1)
Regulations 2015 and (No. 7) Regulations 2018 have a body assess the skills a new or vacant
post needs).

Where a person-specification criterion is on Welsh language skills, the job specification
points to it and the agreement says the level has been assessed and is recorded in the
person specification; otherwise both say it is still to be assessed and recorded there.
Both read one fact, facts/welsh_language.welsh_criteria. The documents are built and read back.
"""

from __future__ import annotations

from legal_answers import WALES, answers, text, welsh_with

ASSESSED = "The level of Welsh language skills the Post needs has been assessed and is " \
    "recorded in the person specification in the Job Specification."
TO_ASSESS = "The Parties shall assess the level of Welsh language skills the Post needs, and " \
    "record it in the person specification in the Job Specification."
SPEC_POINTS = "the level of Welsh language skills required is set out in the person " \
    "specification"
SPEC_TO_ASSESS = "The organisations will assess the level of Welsh language skills the post " \
    "needs and record it in the person specification"




def test_a_welsh_language_criterion_is_recorded_in_both_documents() -> None:
    data = welsh_with("Welsh language skills at level 3 (ALTE)")
    agreement, spec = text(data), text(data, "job_spec")
    assert ASSESSED in agreement and TO_ASSESS not in agreement
    assert SPEC_POINTS in spec and SPEC_TO_ASSESS not in spec


def test_without_one_both_documents_leave_it_to_be_assessed() -> None:
    # "leadership in Welsh local government" (the example's criterion) is not one
    for data in (answers(WALES), welsh_with("Knowledge of Welsh public bodies")):
        agreement, spec = text(data), text(data, "job_spec")
        assert TO_ASSESS in agreement and ASSESSED not in agreement
        assert SPEC_TO_ASSESS in spec and SPEC_POINTS not in spec
