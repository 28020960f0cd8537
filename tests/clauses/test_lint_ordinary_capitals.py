"""The capitals check refused ordinary drafting (solicitor's review of the clause book): days
of the week, months and public holidays, a term the clause defines itself (the “Permitted
Purpose”), and a statutory office as docgen prints one ('Monitoring Officer'). Each now
passes; a word that is none of these is still refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import cli

CLAUSE = """id: zz.meetings
title: Meetings
version: 1
documents: [agreement]
order: 160
text: |
  {text}
"""


WORDS = ("meetings", "purposes")


def lint(tmp_path: Path, *texts: str) -> str:
    folder = tmp_path / "lib"
    folder.mkdir()
    for n, text in enumerate(texts):
        (folder / f"a{n}.yaml").write_text(
            CLAUSE.replace("zz.meetings", f"zz.{WORDS[n]}").replace(
                "Meetings", WORDS[n].title()).format(text=text),
            encoding="utf-8")
    result = CliRunner().invoke(cli, ["clauses", "lint", "--clauses", str(folder)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return " ".join(result.output.split())


@pytest.mark.parametrize("text", [
    "The Parties shall meet on a weekday other than a Saturday, a Sunday or a Friday "
    "afternoon, and not in August.",
    "No meeting shall be held at Christmas or at Easter, on Christmas Day, Boxing Day, "
    "Good Friday, Easter Monday, New Year’s Day, New Year's Day, St Andrew’s Day or an "
    "Early May Bank Holiday.",
    "Each Party shall use the Confidential Information only for the purpose of the "
    "Arrangement (the “Permitted Purpose”) and shall not use it beyond the Permitted Purpose.",
    "Each Party shall use it for the “Permitted Purpose”, and for no other purpose.",
    'Each Party shall use it only for that purpose (the "Permitted Purpose").',
    "&#91;Drafting note: confirm escalation with the Monitoring Officer] the Parties shall "
    "tell the Chief Executive, the Director of Public Health and the Head of Paid Service.",
])
def test_ordinary_drafting_is_not_an_undefined_term(tmp_path: Path, text: str) -> None:
    assert lint(tmp_path, text) == "clause library OK"


def test_a_term_defined_in_one_clause_counts_in_its_document(tmp_path: Path) -> None:
    out = lint(tmp_path, "Each Party shall use it only for the purpose of the Arrangement "
                         "(the “Permitted Purpose”).",
               "Nothing in this clause widens the Permitted Purpose.")
    assert out == "clause library OK", out


def test_a_term_defined_in_another_document_does_not_count(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "a.yaml").write_text(CLAUSE.format(
        text="Each Party shall use it for that purpose (the “Permitted Purpose”)."),
        encoding="utf-8")
    (folder / "b.yaml").write_text(CLAUSE.replace("zz.meetings", "zz.other").replace(
        "Meetings", "Other").replace(
        "[agreement]", "[job_spec]").format(text="You keep to the Permitted Purpose."),
        encoding="utf-8")
    result = CliRunner().invoke(cli, ["clauses", "lint", "--clauses", str(folder)])
    out = " ".join(result.output.split())
    assert "zz.other (b.yaml): 'Permitted' is capitalised but not a defined term" in out
    assert "zz.meetings" not in out


@pytest.mark.parametrize(("text", "word"), [
    ("Meetings shall not be held on a Good Afternoon.", "Good"),  # names listed whole
    ("The Parties shall tell Finance of each invoice.", "Finance"),
    ("The Deputy shall tell the Monitoring Team.", "Deputy"),
])
def test_other_capitalised_words_are_still_refused(tmp_path: Path, text: str,
                                                   word: str) -> None:
    assert f"'{word}' is capitalised but not a defined term" in lint(tmp_path, text)
