"""A half-filled row with its Partners cell empty and a profiled employer is told only what
it must still write once the partners are named (rows.as_named), and now so is
such a row with a cell docgen cannot read (a Start date of 31/02/2027): it was still told
to write the notice months, confidentiality and conflicts its employer's profile gives,
by check and by build (a row with an unread cell was checked apart, and never named)."""

from __future__ import annotations

from pathlib import Path

from .test_partners_blank_profile_policy import HALF, _check_and_build


def test_a_row_with_an_unread_cell_is_not_asked_for_what_the_profile_gives(
        tmp_path: Path) -> None:
    said = _check_and_build(tmp_path / "unread", {**HALF, "Start date": "31/02/2027"})
    messages = " ".join(m for _, _, m in said)
    assert "'31/02/2027' is not a date" in messages
    assert "the Partners cell of row 2 is empty" in messages
    assert "Notice months" not in messages  # eastwick's profile gives them (6)
    for given in ("gives no Exit", "gives no Confidentiality", "gives no Conflicts of interest"):
        assert given not in messages, given
    assert "the Reverts to cell of row 2 is empty" in messages
    # the same as the row with that cell read, beside the cell's own error
    read = _check_and_build(tmp_path / "read", {**HALF, "Start date": "1 April 2027"})
    assert [s for s in said if not s[1].endswith("!H2")] == read
