"""``tbc`` typed in a Posts cell that needs a value was called malformed ("write money as a
number", "'tbc' is not a date", "write yes or no"), while the answer file, the command
line, an Other answers row and the interview say it is not known yet but needed: the cell
says so too, in the same words (``answers/forms.needed_now``)."""

from __future__ import annotations

import pytest

from docgen.answers.forms import needed_now
from docgen.intake.cells import CellError, from_cell
from docgen.intake.table import load_table


@pytest.mark.parametrize(("heading", "typed", "example"), [
    ("Salary", "tbc", "92000"), ("Start date", "TBC", "2027-04-01"),
    ("Politically restricted", "tbc", "yes"), ("Hours a week", "tbc", "37"),
    ("Notice months", "tbc", "6")])
def test_a_value_not_known_yet_in_a_cell_that_needs_one_is_said_so(heading, typed, example):
    with pytest.raises(CellError) as refused:
        from_cell(load_table().column(heading), typed)
    said = str(refused.value)
    assert said.startswith(f"is not known yet (found '{typed}'), but docgen needs it to "
                           "write the documents; fill it in"), said
    assert said.startswith(needed_now(typed)), said
    if example:
        assert said.endswith(f", e.g. {example}"), said
    for wrong in ("write money as a number", "is not a date", "write yes or no"):
        assert wrong not in said, said


def test_a_date_that_may_be_not_known_still_reads_tbc():
    table = load_table()
    tbc = next(c for t in (table.posts, *(s.columns for s in table.sheets)) for c in t
               if c.kind == "date_tbc")
    assert from_cell(tbc, "tbc") == "tbc"
