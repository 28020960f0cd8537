"""Every jurisdiction × legal basis × employer kind × statutory role (a host council's, the
employer's) renders all three documents: the agreement's chief executive paragraph refers to
the background's s.113 deeming paragraph only when that paragraph is printed (a Welsh host
council's chief executive under a secondment or a power named under "other" raised
DocgenError). Under a secondment GP054 warns that the appointment is doubtful.

That error is raised where the clauses are rendered and numbered (a reference to a clause
the post leaves out), so every case is rendered to that stage, every document's clauses
and drafting notes, as ``render`` renders them; filling Word (a third of the cost) is done
for a sample, ``WORD``, that holds every jurisdiction x basis x employer kind, every role
and both holders in each jurisdiction, and every Welsh host chief executive outside s.113."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from legal_answers import FOUR, answers, text

from docgen import check, render
from docgen.api import _checked
from docgen.clauses.library import cached_library
from docgen.clauses.render import render_document
from docgen.errors import AnswerFileError, DocgenError
from docgen.word.notes import annotate

JURISDICTIONS = ("england", "wales", "england_and_wales", "scotland", "northern_ireland")
BASES = ("lga_1972_s113", "lgs_1966_s35", "lgni_1972_s105", "secondment", "other")
ROLES = ("Chief Executive", "Chief Executive and Head of Democratic Services",
         "Monitoring Officer", "Section 151 Officer")
KINDS = ("local_authority", "nhs_body")
HOLDERS = (0, 1)  # the employer, a host


def _word_sample() -> set[tuple[str, str, str, int, str]]:
    """The cases filled into Word as well: each jurisdiction x basis x employer kind once,
    its role and holder turning so that each jurisdiction meets all four roles and both
    holders; and the Welsh host chief executives outside s.113 (the cases that failed)."""
    sample = {(j, b, k, (i // 4) % 2, ROLES[i % 4])
              for i, (j, b, k) in enumerate(itertools.product(JURISDICTIONS, BASES, KINDS))}
    sample |= {("wales", b, k, 1, r) for b in ("secondment", "other") for k in KINDS
               for r in ROLES if r.startswith("Chief Executive")}
    return sample


WORD = _word_sample()


def _post(jurisdiction: str, basis: str, employer_kind: str, holder: int,
          role: str) -> dict[str, Any]:
    d = answers(FOUR, jurisdiction=jurisdiction, legal_basis=basis)
    if basis == "other":
        d["legal_basis_text"] = "section 1 of the Localism Act 2011"
    else:
        d.pop("legal_basis_text", None)
    d["parties"][0]["kind"] = employer_kind
    ids = [p["id"] for p in d["parties"]]
    assert d["employer"] == ids[0]
    d["post"]["statutory_roles"] = [{"party": ids[holder], "role": role}]
    if jurisdiction == "scotland":
        d["execution"] = "self_proving"
    return d


def _clauses(d: dict[str, Any]) -> None:
    """``render`` up to the Word fill: checked (refused with a rule error as render refuses
    it), then each document's clauses selected, rendered, numbered and cross-referenced,
    and its drafting notes made; raises DocgenError as render would."""
    checked = _checked(d)
    if checked.errors:
        raise AnswerFileError(checked.errors)
    library = cached_library([])
    for kind in checked.answers.documents:
        rendered = render_document(library, kind, checked.facts)
        if checked.facts.is_draft:
            annotate(rendered, checked.problems, checked.facts)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("holder", HOLDERS, ids=("employer", "host"))
@pytest.mark.parametrize("employer_kind", KINDS)
@pytest.mark.parametrize("basis", BASES)
@pytest.mark.parametrize("jurisdiction", JURISDICTIONS)
def test_every_combination_renders(jurisdiction: str, basis: str, employer_kind: str,
                                   holder: int, role: str) -> None:
    d = _post(jurisdiction, basis, employer_kind, holder, role)
    try:
        if (jurisdiction, basis, employer_kind, holder, role) in WORD:
            render(d, verify=False)  # the clauses and the fill; verification has its own tests
        else:
            _clauses(d)
    except AnswerFileError:  # refused (a rule error) before any clause is rendered
        return
    except DocgenError as e:  # pragma: no cover - the failure being tested for
        pytest.fail(f"{jurisdiction}/{basis}/{employer_kind}/{role}: {e}")


def test_the_word_sample_covers_what_it_says() -> None:
    for j in JURISDICTIONS:
        mine = {(b, k, h, r) for (jj, b, k, h, r) in WORD if jj == j}
        assert {(b, k) for b, k, _, _ in mine} == set(itertools.product(BASES, KINDS)), j
        assert {r for *_, r in mine} == set(ROLES) and {h for _, _, h, _ in mine} == {0, 1}, j


@pytest.mark.parametrize("basis", ("secondment", "other"))
def test_welsh_host_chief_executive_without_s113(basis: str) -> None:
    d = _post("wales", basis, "local_authority", 1, "Chief Executive")
    t = text(d)
    assert "whose services are made available to it under this Agreement" in t
    assert "placed at its disposal under clause" not in t
    fired = {p.rule for p in check(d).problems}
    # s.1 of the Localism Act 2011, like a secondment, makes no one the host's officer (s.113(2)
    # of the Local Government Act 1972 does): GP054 warns under both
    assert "GP054" in fired


def test_welsh_host_chief_executive_under_s113_still_refers_to_deeming() -> None:
    t = text(_post("wales", "lga_1972_s113", "local_authority", 1, "Chief Executive"))
    assert "whose services are placed at its disposal under clause" in t
