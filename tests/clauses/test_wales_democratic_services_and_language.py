"""Wales: the head of democratic services, the ending of each designation, and the Welsh
language skills a post needs.

- Local Government (Wales) Measure 2011 s.8(4), as it stands since the Local Government and
  Elections (Wales) Act 2021: a council may not designate as its head of democratic services
  its chief executive appointed under s.54 of the 2021 Act (paragraph (a)) or its chief
  finance officer (paragraph (c)). Paragraph (b), the monitoring officer, is omitted: a
  council may make its monitoring officer its head of democratic services (GE012, and the
  agreement's statutory-roles clause).
- The agreement's statutory-roles clause says how each designation may be ended: only the
  offices its ending sub-clause names (a full council resolution) end as it provides; any
  other designation (a head of democratic services, a director of social services) is ended
  by the Party that made it.
- Welsh Language (Wales) Measure 2011 and the Welsh Language Standards: a council or NHS body
  in Wales assesses the need for Welsh language skills of a new or vacant post. The
  agreement has the Parties record the level in the job specification; the job
  specification points to the person specification only when a criterion there is on Welsh
  language skills, and GP058 warns when none is.

Each test builds the documents and reads the .docx back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from legal_answers import (
    WALES,
    answers,
    notes,
    numbered,
    rules_fired,
    statutory_roles,
    text,
)
from yaml_text import load_yaml

import docgen.rulebook.job
from docgen import check
from docgen.facts import welsh_language

CLAUSES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "clauses"
S8 = "section 8 of the Local Government (Wales) Measure 2011"
POINTS = "the level of Welsh language skills required is set out in the person specification"
TO_ASSESS = "The organisations will assess the level of Welsh language skills the post needs " \
    "and record it in the person specification"


def _errors(data: dict[str, Any], rule: str) -> list[str]:
    return [p.message for p in check(data).problems
            if p.rule == rule and p.severity == "error"]


def _with_roles(*roles: tuple[str, str]) -> dict[str, Any]:
    return answers(WALES, post__statutory_roles=[{"party": p, "role": r} for p, r in roles])


def _ending_number(data: dict[str, Any]) -> str:
    return next(k for k, v in numbered(data).items()
                if v.startswith("A Party that has designated or appointed the Post-holder as its"))


def test_a_welsh_chief_executive_cannot_be_the_same_councils_head_of_democratic_services(
        ) -> None:
    data = _with_roles(("dyffryn", "Chief Executive"), ("hafren", "Chief Executive"),
                       ("dyffryn", "Head of Democratic Services"))
    [message] = _errors(data, "GE012")
    assert "both chief executive and head of democratic services of Dyffryn Teifi" in message
    assert "section 8(4) of the Local Government (Wales) Measure 2011" in message
    # a chief finance officer under any of its names, and an HDS joined to another service
    assert _errors(_with_roles(("hafren", "Section 151 Officer"),
                               ("hafren", "Head of Legal and Democratic Services")), "GE012")
    # one council's chief executive may be another's head of democratic services
    assert not _errors(_with_roles(("dyffryn", "Chief Executive"),
                                   ("hafren", "Head of Democratic Services")), "GE012")
    # a deputy holds neither office
    assert not _errors(_with_roles(("dyffryn", "Chief Executive"),
                                   ("dyffryn", "Deputy Head of Democratic Services")), "GE012")


def test_a_head_of_democratic_services_is_a_welsh_councils_office() -> None:
    """s.8 of the 2011 Measure binds a council: listed for an NHS body, GP055 says so in the
    agreement's drafting notes."""
    data = answers("county-council-nhs-trust-dph", jurisdiction="wales", post__statutory_roles=[
        {"party": "trust", "role": "Head of Democratic Services"}])
    said = [n for n in notes(data, "agreement") if "Head of Democratic Services" in n]
    assert said and f"an office of a local authority ({S8})" in said[0], notes(data, "agreement")
    data["post"]["statutory_roles"] = [{"party": "county", "role": "Head of Democratic Services"}]
    assert "GP055" not in rules_fired(data)


def test_a_monitoring_officer_may_be_head_of_democratic_services_since_2021() -> None:
    """s.8(4)(b) of the 2011 Measure is omitted: no error, and the agreement does not say
    the pairing is barred."""
    data = _with_roles(("hafren", "Monitoring Officer"), ("hafren", "Head of Democratic Services"))
    assert not _errors(data, "GE012")
    roles = statutory_roles(data)
    assert "shall not also designate the Post-holder as its chief finance officer or, where it " \
        "is a principal council, as its chief executive." in roles
    assert "its monitoring officer shall not also designate the Post-holder as its head of " \
        "democratic services" not in roles


def test_the_agreement_bars_the_chief_executive_or_cfo_being_head_of_democratic_services(
        ) -> None:
    bar = (f"A Party that is a principal council shall not designate the Post-holder as its "
           f"head of democratic services under {S8} while the Post-holder is its chief "
           "executive or chief finance officer, nor make the Post-holder its chief executive or "
           "chief finance officer while the Post-holder is its head of democratic services.")
    assert bar in statutory_roles(answers(WALES))  # the joint chief executive
    assert bar in statutory_roles(_with_roles(("hafren", "Head of Democratic Services")))
    assert bar in statutory_roles(_with_roles(("dyffryn", "Chief Finance Officer (s.151)")))
    # England has no head of democratic services under the 2011 Measure
    england = answers(WALES, jurisdiction="england", post__statutory_roles=[
        {"party": "dyffryn", "role": "Head of Paid Service"}])
    assert S8 not in text(england)


def test_each_designation_is_ended_as_the_agreement_provides_for_it() -> None:
    """The offices the ending sub-clause names end by a full council resolution; the
    statutory-roles clause no longer sends every designation there."""
    mixed = _with_roles(("dyffryn", "Monitoring Officer"), ("hafren", "Monitoring Officer"),
                        ("hafren", "Director of Social Services"))
    n = _ending_number(mixed)
    roles = statutory_roles(mixed)
    assert (f"A Party may end a designation or appointment as its monitoring officer only as "
            f"clause {n} provides; any other designation listed above may be ended only by the "
            "Party that made it, and nothing in this Agreement requires a Party to make or keep "
            "one.") in roles
    assert "A Party may end it only as clause" not in roles
    assert f"may end a designation or appointment as its monitoring officer only under clause " \
        f"{n};" in roles
    # every role is an office the ending sub-clause names: one sentence for all, as before
    ce = answers(WALES)
    n = _ending_number(ce)
    roles = statutory_roles(ce)
    assert f"not by any other Party. A Party may end it only as clause {n} provides." in roles
    assert "any other designation listed above" not in roles
    # a Welsh "Head of Paid Service" is the chief executive the ending sub-clause names (GP046)
    hops = _with_roles(("dyffryn", "Head of Paid Service"))
    assert "A Party may end it only as clause" in statutory_roles(hops)
    # a head of democratic services is one of the offices the Standing Orders (Wales)
    # Regulations 2006 protect (reg. 8(1), as amended in 2014): the ending sub-clause names it
    hds = _with_roles(("hafren", "Head of Democratic Services"))
    assert "A Party may end it only as clause" in statutory_roles(hds)
    # no office the ending sub-clause names: each Party that made a designation ends it
    dss = _with_roles(("dyffryn", "Director of Social Services"),
                      ("hafren", "Returning Officer"))
    roles = statutory_roles(dss)
    assert "and it may be ended only by the Party that made it. Nothing in this Agreement " \
        "requires a Party to make or keep a designation." in roles
    assert "only as clause" not in roles


def test_the_job_specification_points_to_a_welsh_language_criterion_only_when_there_is_one(
        ) -> None:
    # "Welsh local government" is not a criterion on Welsh language skills
    data = answers(WALES)
    job = text(data, "job_spec")
    assert POINTS not in job and TO_ASSESS in job
    assert "The Parties shall assess the level of Welsh language skills the Post needs, and " \
        "record it in the person specification in the Job Specification." in text(data)
    assert "GP058" in rules_fired(data)
    [message] = [p.message for p in check(data).problems if p.rule == "GP058"]
    assert "no criterion in the person specification says what Welsh language skills the post " \
        "needs" in message and "job.person_specification" in message
    for criterion in ("Welsh language skills at level 3 (ALTE)", "Able to speak Welsh",
                      "Siarad Cymraeg / Welsh speaker"):
        given = answers(WALES)
        given["job"]["person_specification"].append(
            {"criterion": criterion, "area": "skills", "essential": False,
             "assessed_by": ["interview"]})
        job = text(given, "job_spec")
        assert POINTS in job and TO_ASSESS not in job, criterion
        assert criterion in job  # the person specification states the level
        assert "GP058" not in rules_fired(given), criterion


def test_no_welsh_language_warning_or_sentence_outside_wales() -> None:
    data = answers(WALES, jurisdiction="england")
    assert "GP058" not in rules_fired(data)
    job = text(data, "job_spec")
    assert POINTS not in job and TO_ASSESS not in job


def test_the_rule_and_the_clauses_know_a_welsh_language_criterion_by_the_same_words() -> None:
    """The clauses read legal.welsh_criteria (one list, facts/welsh_language.WELSH_WORDS), and
    GP058 in rulebook/job.py reads the same function: the rulebook keeps no list of its own."""
    clause_text = load_yaml(
        (CLAUSES / "job_spec" / "1000-special-conditions.yaml").read_text("utf-8"))["text"]
    assert "welsh_words" not in clause_text and "legal.welsh_criteria" in clause_text
    assert docgen.rulebook.job.welsh_criteria is welsh_language.welsh_criteria
    assert not hasattr(docgen.rulebook.job, "WELSH_WORDS")
