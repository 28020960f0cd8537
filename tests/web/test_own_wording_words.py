"""The words of an organisation's own wording of a clause written for an earlier version of
docgen's (OVERLAY) as the interview says them, given the post's answers: only the post's
own documents are named (a post without the agreement was told the agreement "cannot be
final"), and one without any of the clause's documents is told nothing needs doing for it;
several documents read "A, B and C" (they read "A and B and C"); an employer among no
partner listed is "the employer", never its id; a clause docgen has no title for is "a
clause", never its id."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("starlette")

from docgen.errors import Problem  # noqa: E402
from docgen.web.own_wording import own_wording_said, own_wording_todo  # noqa: E402

#: each document's title inside a sentence, as the post's pages name it
TITLES = {"agreement": "inter-organisation agreement", "contract": "contract of employment",
          "job_spec": "job specification"}
PARTIES = [{"id": "eastwick", "name": "Eastwick Borough Council", "short_name": "Eastwick"},
           {"id": "westmere", "name": "Westmere District Council", "short_name": "Westmere"}]


def _warning(documents: tuple[str, ...] = ("agreement",),
             clause: str = "agreement.foi") -> Problem:
    """The check's OVERLAY warning at the employer (its profile's folder), as docgen says
    it: a file, an id and a YAML key the interview never shows."""
    return Problem("/x/eastwick-clauses/agreement.foi.yaml: set its replaces_version to 2",
                   ("employer",), severity="warning", rule="OVERLAY", documents=documents,
                   clauses=(clause,))


def _answers(documents: list[str], employer: str = "eastwick") -> dict[str, Any]:
    return {"employer": employer, "parties": PARTIES, "documents": documents}


def test_a_post_without_the_clauses_documents_is_told_nothing_needs_doing() -> None:
    said = own_wording_said(_warning(), _answers(["contract", "job_spec"]), TITLES)
    assert said == ("Eastwick's own wording of the \u2018Freedom of information\u2019 clause "
                    "was written for an earlier version of docgen's standard clause. That "
                    "clause is in none of this post's documents, so nothing needs doing for "
                    "this post")
    assert "agreement" not in said and "cannot be final" not in said


def test_only_the_posts_own_documents_are_named() -> None:
    said = own_wording_said(_warning(("agreement", "contract", "job_spec")),
                            _answers(["contract", "job_spec"]), TITLES)
    assert " in the contract of employment and the job specification was written" in said
    assert "agreement" not in said
    assert said.endswith("until then the contract of employment and the job specification "
                         "cannot be final")


def test_three_documents_are_joined_as_a_list() -> None:
    said = own_wording_said(_warning(()), _answers(["agreement", "contract", "job_spec"]),
                            TITLES)
    assert ("in the inter-organisation agreement, the contract of employment and the job "
            "specification was written") in said, said


def test_an_employer_among_no_partner_listed_is_the_employer() -> None:
    answers = _answers(["agreement"], employer="northam")
    said = own_wording_said(_warning(), answers, TITLES)
    assert said.startswith("The employer's own wording of the \u2018Freedom of "
                           "information\u2019 clause"), said
    assert "Ask whoever looks after the employer's organisation profile" in said
    assert "northam" not in said + own_wording_todo(_warning(), answers)


def test_a_clause_without_a_title_is_a_clause() -> None:
    warning = _warning(clause="ours.foi_extra")  # no standard clause has it: no title
    said = own_wording_said(warning, _answers(["agreement"]), TITLES)
    assert said.startswith("Eastwick's own wording of a clause in the inter-organisation "
                           "agreement was written"), said
    assert "ours" not in said + own_wording_todo(warning, _answers(["agreement"]))
