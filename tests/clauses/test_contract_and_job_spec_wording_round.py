"""A lawyer's read of built contracts and job specifications (7 December 2026, finding 11):
- the political restriction's last paragraph said "including when you work for the Host
  Organisation" where the council whose restriction applies is that host (an NHS employer's
  post, P02/P20): it now names the Partner Organisations that are not councils;
- the job specification's version paragraph said that, with the agreement, it "is the whole
  agreement between them", an entire-agreement statement in a job description: it now says
  only that the agreement refers to it;
- travel said "your usual place of work" of a post with several: now "any of your usual
  places of work" where there are two or more."""

from __future__ import annotations

import copy

from legal_answers import FOUR, NHS, answers, numbered, text


def _sub(data: dict, start: str) -> str:
    return next(v for v in numbered(data, "contract").values() if v.startswith(start))


def test_an_nhs_employers_restriction_names_the_party_that_is_not_the_council() -> None:
    said = _sub(answers(NHS), "The restriction applies to you at all times")
    assert said == ("The restriction applies to you at all times while you hold the Post, "
                    "including when you work for the ICB.")


def test_a_council_employers_restriction_still_names_the_host() -> None:
    said = _sub(answers(FOUR), "The restriction applies to you at all times")
    assert said.endswith("including when you work for a Host Organisation.")


def test_the_job_spec_makes_no_entire_agreement_statement() -> None:
    spec = text(answers(NHS), "job_spec")
    assert "whole agreement" not in spec
    assert ("Once agreed, it is referred to in the agreement between them about the "
            "arrangement.") in spec


def test_several_places_of_work_are_each_a_usual_place() -> None:
    assert _sub(answers(FOUR), "Travel between").endswith(
        "Your normal journey from home to any of your usual places of work is not.")


def test_one_place_of_work_keeps_the_singular() -> None:
    data = copy.deepcopy(answers(NHS))
    for loc in data["post"]["locations"]:
        loc["site"] = "Shirehall, Shawbury"
    assert _sub(data, "Travel between").endswith(
        "Your normal journey from home to your usual place of work is not.")
