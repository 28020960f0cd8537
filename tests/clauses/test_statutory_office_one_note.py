"""A lawyer's review: a host council's statutory office under ``legal_basis: other`` (a power
named in words that does not treat the post-holder as the council's officer, as s.113(2) of
the Local Government Act 1972 would) was said twice in a draft agreement: GP054's drafting
note (naming only the first host council) and the statutory roles clause's own note for legal
review (naming every such council). One point, one note: the clause's stays; GP054 still
warns in the check and the interview (and may be acknowledged there), and leaves its note to
the clause. Where the clause writes no note (a Welsh chief executive, who has its own), GP054's
note stays."""

from __future__ import annotations

import itertools
import re
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx_read import body_texts, top_paragraphs
from legal_answers import FOUR, answers, notes

from docgen import check, render
from docgen.api import _checked
from docgen.clauses.library import BUILTIN_DIR, cached_library
from docgen.clauses.render import render_document
from docgen.word.notes import annotate

S75 = "section 75 of the National Health Service Act 2006"
LOCALISM = "section 1 of the Localism Act 2011"
GP054_SAYS = "is to make the post-holder its"  # the rule's message, and so its note
CLAUSE_SAYS = "treats the Post-holder as an officer of"  # the clause's own note


def _gp054(data: dict[str, Any]) -> list[Any]:
    return [p for p in check(data).problems if p.rule == "GP054"]


def _said(data: dict[str, Any]) -> tuple[list[str], list[str], str]:
    """The agreement's notes on the point: the front page's (GP054's), the body's (the
    clause's note for legal review), and the text of the Word comments."""
    doc = render(data, documents=["agreement"]).documents["agreement"]
    with zipfile.ZipFile(BytesIO(doc)) as z:
        comments = re.sub(r"<[^>]+>", "", z.read("word/comments.xml").decode("utf-8")) \
            if "word/comments.xml" in z.namelist() else ""
    body = [line for line in body_texts(doc) if CLAUSE_SAYS in line]
    return [n for n in notes(data, "agreement") if GP054_SAYS in n], body, comments


def test_four_councils_under_another_power_get_one_note_naming_every_host() -> None:
    data = answers(FOUR, legal_basis="other", legal_basis_text=S75)
    front, body, comments = _said(data)
    assert front == [] and GP054_SAYS not in comments
    [note] = body
    assert (f"Note for legal review: nothing in {S75} treats the Post-holder as an officer of "
            "Fenwick, Stowbridge or Cradley Vale, each of which may designate or appoint only "
            "one of its own officers") in note
    [warning] = _gp054(data)  # the warning itself still fires, for the check and interview
    assert warning.severity == "warning" and not warning.acknowledged
    assert warning.message.startswith("Fenwick is to make the post-holder its Monitoring "
                                      "Officer")


def test_one_host_council_under_another_power_gets_one_note() -> None:
    data = answers("nhs-trust-employs-dph", legal_basis="other", legal_basis_text=S75)
    front, body, comments = _said(data)
    assert front == [] and GP054_SAYS not in comments
    [note] = body
    assert "as an officer of the County Council, which may designate" in note
    assert [p.rule for p in _gp054(data)] == ["GP054"]


def test_acknowledged_the_warning_still_counts_and_the_clause_keeps_its_note() -> None:
    data = answers(FOUR, legal_basis="other", legal_basis_text=S75)
    data["acknowledge"] = [{"rule": "GP054", "reason": "Counsel advised on 1 March 2027."}]
    assert [p.acknowledged for p in _gp054(data)] == ["Counsel advised on 1 March 2027."]
    front, body, _ = _said(data)
    assert front == [] and len(body) == 1


def test_a_secondment_keeps_gp054s_note() -> None:
    """Under a secondment the clause writes no such note: GP054's is the only one."""
    data = answers(FOUR, legal_basis="secondment")
    data.pop("legal_basis_text", None)
    front, body, _ = _said(data)
    assert len(front) == 1 and body == []


ROLES = ("Monitoring Officer", "Section 151 Officer", "Director of Public Health",
         "Chief Executive", "Chief Executive and Head of Paid Service", "Returning Officer",
         "Head of Democratic Services", "Director of Adult Social Services")


@pytest.mark.parametrize(("jurisdiction", "words"), list(itertools.product(
    ("england", "wales", "england_and_wales"), (S75, LOCALISM))))
def test_the_point_is_made_once_whoever_holds_which_office(jurisdiction: str,
                                                           words: str) -> None:
    """Every role for a host council, under England's, Wales' or both's law: where GP054
    warns, its note or the clause's (naming its host) is in the draft, never both."""
    library = cached_library([])
    for role in ROLES:
        data = answers(FOUR, jurisdiction=jurisdiction, legal_basis="other",
                       legal_basis_text=words)
        data["post"]["statutory_roles"] = [{"party": "fenwick", "role": role}]
        checked = _checked(data)
        assert not checked.errors, (role, checked.errors)
        fired = [p for p in checked.problems if p.rule == "GP054"]
        rendered = render_document(library, "agreement", checked.facts)
        front = [str(n) for n in annotate(rendered, checked.problems, checked.facts)
                 if GP054_SAYS in str(n)]
        clause = [p.markup for rc in rendered.clauses for p in rc.paras
                  if CLAUSE_SAYS in p.markup and "Fenwick" in p.markup]
        said = (role, jurisdiction, words, front, clause)
        if fired:
            assert len(front) + len(clause) == 1, said
        else:
            assert front == [], said


def test_a_replaced_clause_without_its_note_gets_gp054s_note(tmp_path: Path) -> None:
    """A clause folder may replace the statutory roles clause with one that leaves its note
    out: the point then still reaches the draft, in GP054's note (review of fc662f0)."""
    own = yaml.safe_load((BUILTIN_DIR / "agreement" / "1500-statutory-roles.yaml")
                         .read_text(encoding="utf-8"))
    ours = tmp_path / "ours" / "agreement"
    ours.mkdir(parents=True)
    (ours / "1500-statutory-roles.yaml").write_text(yaml.safe_dump(
        {**own, "replaces_version": own["version"], "text": "\n".join(
            line for line in own["text"].splitlines() if "Note for legal review" not in line)},
        sort_keys=False, allow_unicode=True), encoding="utf-8")
    data = answers(FOUR, legal_basis="other", legal_basis_text=S75)
    doc = render(data, documents=["agreement"], clauses=[ours.parent]).documents["agreement"]
    assert not [line for line in body_texts(doc) if CLAUSE_SAYS in line]
    front = [t for style, _, t in top_paragraphs(doc) if style == "DGNote" and GP054_SAYS in t]
    assert len(front) == 1 and "Fenwick" in front[0]
