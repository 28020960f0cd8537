"""Whose statutory roles the agreement's notes doubt the post-holder may be given
(``legal.doubted_hosts``): one fact in ``facts/legal.py``, read by the contract's and the job
specification's clauses, which each wrote the condition out in Jinja (an NHS employer's
officer placed with a council under s.113(1A)(b); else the hosts nothing makes the
post-holder an officer of, ``legal.unplaced_hosts``)."""

from __future__ import annotations

from legal_answers import NHS, NI_TWO_COUNCILS, WALES, answers

from docgen import load
from docgen.facts.derive import derive


def _doubted(data: dict) -> list[str]:
    legal = derive(load(data)).legal
    assert legal is not None
    return legal.doubted_hosts


def test_an_nhs_employer_placing_under_s113_doubts_each_council_host() -> None:
    data = answers(NHS)
    councils = [p["id"] for p in data["parties"]
                if p.get("kind") == "local_authority" and p["id"] != data["employer"]]
    assert councils and _doubted(data) == councils


def test_a_council_employer_under_s113_doubts_none() -> None:
    assert _doubted(answers(WALES)) == []


def test_otherwise_the_hosts_nothing_makes_the_post_holder_an_officer_of() -> None:
    """Northern Ireland: s.105 deems no one the host council's officer, so the host's chief
    financial officer is doubted, the employing council's not."""
    legal = derive(load(NI_TWO_COUNCILS)).legal
    assert legal is not None
    assert legal.doubted_hosts == [p.id for p in legal.unplaced_hosts] == ["hafren"]


def test_section_113_cited_in_words_places_as_the_choice_does() -> None:
    """``legal_basis: other`` naming s.113 of the 1972 Act with an NHS employer places the
    post-holder under s.113(1A)(b) as ``lga_1972_s113`` does (``legal.nhs_placed``): the
    same councils are doubted (the contract said "You hold" beside GP054's warning that the
    agreement's note doubts it: a reviewer, 7 December 2026)."""
    chosen = derive(load(answers(NHS))).legal
    data = answers(NHS, legal_basis="other",
                   legal_basis_text="section 113 of the Local Government Act 1972")
    legal = derive(load(data)).legal
    assert chosen is not None and legal is not None
    assert legal.nhs_placed and chosen.nhs_placed
    assert legal.doubted_hosts == chosen.doubted_hosts == ["council"]


def test_a_power_in_words_not_citing_s113_is_not_nhs_placed() -> None:
    data = answers(NHS, legal_basis="other",
                   legal_basis_text="section 75 of the National Health Service Act 2006")
    legal = derive(load(data)).legal
    assert legal is not None and not legal.nhs_placed
    assert legal.doubted_hosts == [p.id for p in legal.unplaced_hosts]
