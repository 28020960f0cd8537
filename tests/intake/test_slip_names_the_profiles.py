"""A row whose Base file cell is empty while other rows name one is warned at that cell,
"without it, every answer must come from this row and the Other answers sheet". For a row
whose parties are completed from organisation profiles that was untrue: its employer's
profile gives its standing policy (on-costs, VAT, confidentiality, exit ...). The warning
now names those profiles (and, for a row naming no partners yet, the employer's, once
they are). A row without profiles keeps its words
(tests/intake/test_base_slip_only_where_it_explains.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from intake_programme import run

from .examples_book import examples, typed


def _slipped(tmp_path: Path, cells: dict[str, object]) -> Path:
    """The examples' workbook, rows 2 and 3 naming a Base file, row 4 (Procurement:
    Eastwick's and Westmere's profiles) naming none and its Hours a week emptied."""
    book = examples(tmp_path)
    (book.parent / "_term.yaml").write_text("post:\n  end_date: 2029-03-31\n",
                                            encoding="utf-8")
    typed(book, {"Posts!Z2": "_term.yaml", "Posts!Z3": "_term.yaml", "Posts!J4": None,
                 **cells})
    return book


@pytest.mark.parametrize(("cells", "sources"), [
    ({}, "this row, the Other answers sheet and the organisation profiles of eastwick and "
         "westmere"),
    ({"Posts!D4": None}, "this row, the Other answers sheet and, once its partners are "
                         "named, eastwick's organisation profile"),
    # one profiled partner: its profile, not "profiles" (a reviewer's find)
    ({"Posts!D4": "eastwick"}, "this row, the Other answers sheet and the organisation "
                               "profile of eastwick")])
def test_the_slip_names_the_profiles_a_row_takes_answers_from(
        tmp_path: Path, cells: dict[str, object], sources: str) -> None:
    book = _slipped(tmp_path, cells)
    for command in (("check", str(book)), ("build", str(book), "--out", str(tmp_path / "out"))):
        code, text = run(*command)
        assert code == 1, text
        text = " ".join(text.split())
        assert ("programme.xlsx!Posts!Z4 (base file, post EWK-WSM-PROC-01): warning: the Base "
                "file is empty, while 2 other rows name _term.yaml; give it here if this post "
                "shares their standing answers (without it, every answer must come from "
                f"{sources})") in text, (command, text)
