"""GP060: two Welsh councils share a Chief Executive, and the steering group is "the Chief
Executive of each council" and the second dispute step "Chief Executives": the post-holder
would oversee their own post, though the agreement says they are not asked to act or
advise for any Party in a dispute. A Head of HR post with "Chief Executives" as a dispute
step, or a deputy chief executive on the steering group, is not warned about."""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from yaml_text import load_yaml

import docgen

EXAMPLE: dict[str, Any] = load_yaml(
    (Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"
     / "shared-head-of-hr.yaml").read_text(encoding="utf-8"))


def _shared_chief_executive(members: list[str], step_2: str) -> dict[str, Any]:
    data = copy.deepcopy(EXAMPLE)
    data["jurisdiction"] = "wales"
    data["post"]["title"] = "Chief Executive"
    data["post"]["statutory_roles"] = [{"party": "eastwick", "role": "Head of Paid Service"},
                                       {"party": "westmere", "role": "Head of Paid Service"}]
    data["governance"]["steering_group"]["members"] = [
        {"party": pid, "role": role} for pid, role in zip(("eastwick", "westmere"), members,
                                                           strict=True)]
    data["governance"]["disputes"][1]["level"] = step_2
    data["acknowledge"] = []
    return data


def _agreement(data: dict[str, Any]) -> str:
    document = docx.Document(io.BytesIO(docgen.render(data).documents["agreement"]))
    return "\n".join(p.text for p in document.paragraphs)


def test_a_shared_chief_executive_overseeing_themselves_is_warned_about() -> None:
    data = _shared_chief_executive(["the Chief Executive of each council",
                                    "Head of Paid Service"], "Chief Executives")
    said = _agreement(data)  # what the lawyer reads: the post-holder on both
    assert "the Chief Executive of each council" in said and "Chief Executives" in said
    assert "The Post-holder shall not be asked to act or advise for any Party in the " \
        "dispute" in said
    found = {p.path: p for p in docgen.check(data).warnings if p.rule == "GP060"}
    assert sorted(found) == [("governance", "disputes", 1, "level"),
                             ("governance", "steering_group", "members", 0, "role"),
                             ("governance", "steering_group", "members", 1, "role")]
    member = found[("governance", "steering_group", "members", 0, "role")]
    assert member.message == (
        "Eastwick's member of the steering group, 'the Chief Executive of each council', is "
        "the post itself (the post is the Chief Executive): the post-holder would oversee "
        "their own post. Name someone else for Eastwick, for example the Leader, a deputy "
        "or another chief officer")
    assert "(the post-holder is the head of paid service)" in found[
        ("governance", "steering_group", "members", 1, "role")].message
    step = found[("governance", "disputes", 1, "level")]
    assert step.message.startswith("step 2 of the dispute procedure, 'Chief Executives', "
                                   "includes the post-holder")
    assert step.fix is not None
    assert step.fix.ways == (((("governance", "disputes", "1", "level"), "~"),),)


def test_someone_else_named_is_not_warned_about() -> None:
    data = _shared_chief_executive(["Leader of the Council", "Deputy Chief Executive"],
                                   "Leaders of the councils")
    assert not [p for p in docgen.check(data).warnings if p.rule == "GP060"]
    assert "Deputy Chief Executive" in _agreement(data)


def test_a_head_of_hr_post_may_have_chief_executives_as_a_dispute_step() -> None:
    data = copy.deepcopy(EXAMPLE)
    data["governance"]["disputes"][1]["level"] = "Chief Executives"
    assert not [p for p in docgen.check(data).warnings if p.rule == "GP060"]


def test_the_browser_says_which_answer_to_change() -> None:
    pytest.importorskip("starlette")
    from docgen.web.messages import problem_text
    from docgen.web.views import party_names
    data = _shared_chief_executive(["the Chief Executive of each council",
                                    "Leader of the Council"], "Chief Executives")
    found = [p for p in docgen.check(data).warnings if p.rule == "GP060"]
    assert len(found) == 2  # Eastwick's member and step 2
    for p in found:
        said = problem_text(p.message, p.path, party_names(data), p.severity, code=p.code,
                            rule=p.rule, fix=p.fix)
        assert "governance" not in said and "GP060" not in said and "level" not in said, said
        # the answer is given: the browser says to change it, not to answer it
        assert "Answer ‘" not in said and "Change ‘" in said, said
    [step] = [p for p in found if p.path[1] == "disputes"]
    said = problem_text(step.message, step.path, {}, step.severity, fix=step.fix)
    assert "Change ‘Who tries to settle it’ in step 2 on the page ‘Governance’" in said, said


def _gp060(title: str, members: list[str], roles: list[dict[str, str]] | None = None,
           step_2: str = "Leaders of the councils") -> list[str]:
    data = copy.deepcopy(EXAMPLE)
    data["post"]["title"] = title
    data["post"]["statutory_roles"] = roles or []
    data["governance"]["steering_group"]["members"] = [
        {"party": pid, "role": role} for pid, role in zip(("eastwick", "westmere"), members,
                                                           strict=True)]
    data["governance"]["disputes"][1]["level"] = step_2
    return [p.message for p in docgen.check(data).warnings if p.rule == "GP060"]


@pytest.mark.parametrize("title", ["PA to the Chief Executive",
                                   "Head of the Chief Executive's Office"])
def test_an_office_the_title_only_mentions_is_not_the_post(title: str) -> None:
    """The post serves the Chief Executive; Eastwick's Chief Executive is someone else."""
    assert not _gp060(title, ["Chief Executive", "Director of Resources"],
                      step_2="Chief Executives")


@pytest.mark.parametrize(("title", "member"), [
    ("Shared Head of Human Resources", "Head of Human Resources Business Partnering"),
    ("Chief Officer", "Chief Officer (Finance)"),
    ("Chief Executive", "the Chief Executive's nominee"),
    ("Chief Executive", "Associate Chief Executive"),
    ("Chief Executive", "Interim Chief Executive"),
])
def test_a_longer_title_or_another_s_nominee_is_not_the_post(title: str, member: str) -> None:
    assert not _gp060(title, [member, "Leader of the Council"])


@pytest.mark.parametrize("member", ["the Chief Executive's nominee", "Acting Monitoring "
                                    "Officer", "Interim Head of Paid Service",
                                    "the Monitoring Officers' nominee"])
def test_another_holder_of_an_office_the_post_holds_is_not_the_post(member: str) -> None:
    roles = [{"party": "eastwick", "role": "Head of Paid Service and Chief Executive"},
             {"party": "eastwick", "role": "Monitoring Officer"}]
    assert not _gp060("Head of Governance", [member, "Leader of the Council"], roles,
                      step_2="Acting Monitoring Officers")


def test_an_office_the_post_holds_is_the_post() -> None:
    roles = [{"party": "eastwick", "role": "Monitoring Officer"}]
    [said] = _gp060("Head of Governance", ["Monitoring Officer", "Leader of the Council"],
                    roles)
    assert "(the post-holder is the monitoring officer)" in said
    assert len(_gp060("Chief Executive", ["Chief Executive, Eastwick", "Leader of the "
                                          "Council"], step_2="Chief Executives")) == 2
