"""The programme review's smaller findings (C3): a split typed as fractions gets the hint the
README promises for numbers below 1 in percent columns; a workbook row's messages speak of
the post (its Partners cell), not "this file"; `intake read` of a workbook with no posts is
the error `check` and `build` give."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from intake_programme import name_organisations, run, set_cells, write_programme

from docgen.cli import cli


def test_a_split_typed_as_fractions_asks_whether_percent_was_meant(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    set_cells(book, {"E2": "eastwick: 0.6; westmere: 0.4",
                     "E3": "eastwick: 0.6%; westmere: 0.4%"})  # with the sign: as meant
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("posts.xlsx!Posts!E2 (time split, post EWK-0001): warning: the shares are read as "
            "0.6 % and 0.4 % of the post's time; did you mean 60 and 40? Write eastwick: 60; "
            "westmere: 40") in text, text
    assert "posts.xlsx!Posts!E2 (time split, post EWK-0001): shares add up to 1%" in text
    assert "Posts!E3 (time split, post EWK-0002): warning" not in text, text


def test_a_party_id_not_in_the_row_is_said_of_the_post(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    set_cells(book, {"E2": "eastwick: 60; westmer: 40"})
    code, text = run("check", str(book))
    assert code == 1 and "of this file" not in text, text
    assert ("posts.xlsx!Posts!E2 (time split, post EWK-0001): 'westmer' is not a party id of "
            "this post (its parties, given by its Base file _partners.yaml); did you mean "
            "'westmere'?") in text, text
    name_organisations(book)  # the partners by id, in the Partners cell (column H)
    code, text = run("check", str(book))
    assert code == 1 and "of this file" not in text, text
    assert ("'westmer' is not a party id of this post (its Partners cell, H2); did you mean "
            "'westmere'?") in text, text


def test_intake_read_of_a_workbook_with_no_posts_is_an_error(tmp_path: Path) -> None:
    runner = CliRunner()
    book = tmp_path / "posts.xlsx"
    assert runner.invoke(cli, ["intake", "new", str(book)]).exit_code == 0
    result = runner.invoke(cli, ["intake", "read", str(book)])
    assert result.exit_code == 1, result.output
    assert "0 written" not in result.output and "Usage:" not in result.output
    assert "error: the workbook has no posts: fill in a row of the Posts sheet" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["posts.xlsx"]  # nothing written


def test_every_failed_row_with_errors_ends_the_same_way(tmp_path: Path) -> None:
    """A row with errors docgen finds reading the cells, and one whose errors the build's
    checks find, both end with the same line."""
    book = write_programme(tmp_path, 3)
    set_cells(book, {"D2": "lots", "E3": "eastwick: 60; westmer: 40"})
    code, text = run("build", str(book), "--out", str(tmp_path / "out"))
    assert code == 1, text
    blocks = text.split("FAILED ")[1:]
    assert [b.splitlines()[0] for b in blocks] == ["EWK-0001 (posts.xlsx row 2)",
                                                   "EWK-0002 (posts.xlsx row 3)"], text
    for block in blocks:
        lines = block.split("\nbuilt ")[0].strip().splitlines()
        assert lines[-1].strip() == "the row has errors; no document was written", text
