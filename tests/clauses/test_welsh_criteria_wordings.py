"""The common ways of writing a criterion on Welsh language skills are recognised
(facts/welsh_language.welsh_criteria: ``WELSH_WORDS`` and ``WELSH_PATTERN``), so the job
specification points to the criterion rather than saying the level is still to be assessed,
and GP058 is silent; criteria about Welsh bodies or government are not."""

from __future__ import annotations

import pytest
from legal_answers import text, welsh_with

from docgen import check

SKILLS = ("Welsh level 3 (desirable)", "Welsh: Level 4 essential",
          "Bilingual in Welsh and English", "Ability to converse in Welsh", "Welsh speaker",
          "Able to read and write Welsh", "Fluent in Welsh", "Conversational Welsh")
NOT_SKILLS = ("Leadership in Welsh local government", "Able to read Welsh Government papers",
              "Understanding of Welsh devolution", "Knowledge of Welsh public services")
SPEC_TO_ASSESS = "The organisations will assess the level of Welsh language skills the post " \
    "needs and record it in the person specification"




@pytest.mark.parametrize("criterion", SKILLS)
def test_a_welsh_skills_criterion_is_recognised(criterion: str) -> None:
    data = welsh_with(criterion)
    assert SPEC_TO_ASSESS not in text(data, "job_spec")
    assert "GP058" not in {p.rule for p in check(data).problems}


@pytest.mark.parametrize("criterion", NOT_SKILLS)
def test_a_criterion_about_welsh_bodies_is_not(criterion: str) -> None:
    data = welsh_with(criterion)
    assert SPEC_TO_ASSESS in text(data, "job_spec")
    assert "GP058" in {p.rule for p in check(data).problems}
