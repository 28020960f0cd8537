"""The agreement's note on a statutory office under another power (agreement.statutory_roles)
and GP054 read the same fact, ``legal.unplaced_hosts`` (the hosts of ``legal.own_office_hosts``
when ``legal.cites_s113`` is false under ``legal_basis: other`` in England or Wales):

- words citing section 113 of the Local Government Act 1972 in any form ("s.113 of …",
  "Section 113 of …") are quiet in both. The clause tested ``'section 113' in`` the words,
  so "s.113 of the Local Government Act 1972" drew a note saying that nothing in
  s.113 of the Local Government Act 1972 treats the post-holder as the council's officer;
- an office no council holds under the post's law draws neither: a head of democratic
  services (s.8 of the Local Government (Wales) Measure 2011) in England, a director of
  public health (a Local Health Board's in Wales; s.73A of the NHS Act 2006 is England's),
  of adult social services or of children's services in Wales (GP056 says what to write
  instead)."""

from __future__ import annotations

from typing import Any

import pytest
from legal_answers import FOUR, answers

from docgen.api import _checked
from docgen.clauses.library import cached_library
from docgen.clauses.render import render_document

S75 = "section 75 of the National Health Service Act 2006"
S113 = ("s.113 of the Local Government Act 1972", "Section 113 of the Local Government Act 1972",
        "section 113 of the Local Government Act 1972", "S. 113 LGA 1972")
CLAUSE_SAYS = "treats the Post-holder as an officer of"  # the clause's own note


def _said(data: dict[str, Any]) -> tuple[list[str], list[str], Any]:
    """GP054's findings, the clause's notes on the point, and the facts."""
    checked = _checked(data)
    assert not checked.errors, checked.errors
    rendered = render_document(cached_library([]), "agreement", checked.facts)
    notes = [p.markup for rc in rendered.clauses for p in rc.paras if CLAUSE_SAYS in p.markup]
    return [p.message for p in checked.problems if p.rule == "GP054"], notes, checked.facts


def _one_role(role: str, jurisdiction: str, words: str = S75) -> dict[str, Any]:
    data = answers(FOUR, jurisdiction=jurisdiction, legal_basis="other",
                   legal_basis_text=words)
    data["post"]["statutory_roles"] = [{"party": "fenwick", "role": role}]
    return data


@pytest.mark.parametrize("words", S113)
def test_words_citing_section_113_in_any_form_draw_no_note_and_no_gp054(words: str) -> None:
    gp054, notes, facts = _said(answers(FOUR, legal_basis="other", legal_basis_text=words))
    assert facts.legal.cites_s113
    assert [p.short_name for p in facts.legal.own_office_hosts] == [
        "Fenwick", "Stowbridge", "Cradley Vale"]  # hosts of offices, but placed by s.113
    assert facts.legal.unplaced_hosts == []
    assert gp054 == [] and notes == []


def test_another_power_draws_the_note_and_gp054() -> None:
    gp054, notes, facts = _said(answers(FOUR, legal_basis="other", legal_basis_text=S75))
    assert not facts.legal.cites_s113
    assert [p.short_name for p in facts.legal.own_office_hosts] == [
        "Fenwick", "Stowbridge", "Cradley Vale"]
    assert facts.legal.unplaced_hosts == facts.legal.own_office_hosts  # the note's hosts
    assert len(gp054) == 1  # GP054 names the first host; the note names them all
    [note] = notes
    assert (f"Note for legal review: nothing in {S75} treats the Post-holder as an officer of "
            "Fenwick, Stowbridge or Cradley Vale") in note


def test_the_named_basis_counts_as_citing_section_113() -> None:
    assert _checked(answers(FOUR)).facts.legal.cites_s113  # legal_basis: lga_1972_s113
    assert not _checked(answers(FOUR, legal_basis="secondment")).facts.legal.cites_s113


@pytest.mark.parametrize(("role", "jurisdiction"), [
    ("Head of Democratic Services", "england"),
    ("Head of Democratic Services", "england_and_wales"),
    ("Director of Public Health", "wales"),
    ("Director of Adult Social Services", "wales"),
    ("Director of Children's Services", "wales"),
    ("Director of Social Services", "england"),
])
def test_an_office_no_council_holds_under_the_posts_law_draws_neither(
        role: str, jurisdiction: str) -> None:
    gp054, notes, facts = _said(_one_role(role, jurisdiction))
    assert facts.legal.own_office_hosts == []
    assert gp054 == [] and notes == [], (role, jurisdiction)


@pytest.mark.parametrize(("role", "jurisdiction"), [
    ("Head of Democratic Services", "wales"),
    ("Monitoring Officer", "wales"),
    ("Director of Social Services", "wales"),
    ("Director of Public Health", "england"),
    ("Director of Public Health", "england_and_wales"),
    ("Director of Adult Social Services", "england"),
    ("Monitoring Officer", "england"),
])
def test_an_office_the_councils_hold_draws_one_note(role: str, jurisdiction: str) -> None:
    gp054, notes, _ = _said(_one_role(role, jurisdiction))
    assert len(gp054) == 1 and len(notes) == 1, (role, jurisdiction)
    assert "as an officer of Fenwick, which may designate" in notes[0]


@pytest.mark.parametrize("jurisdiction", ["scotland", "northern_ireland"])
def test_outside_england_and_wales_no_host_is_unplaced(jurisdiction: str) -> None:
    """The note and GP054's point are England's and Wales' law (s.113 LGA 1972): elsewhere
    no host is named, whatever hosts hold an office."""
    checked = _checked(answers(FOUR, jurisdiction=jurisdiction, legal_basis="other",
                               legal_basis_text=S75))
    assert checked.facts.legal.unplaced_hosts == []
    rendered = render_document(cached_library([]), "agreement", checked.facts)
    assert not [p for rc in rendered.clauses for p in rc.paras if CLAUSE_SAYS in p.markup]
