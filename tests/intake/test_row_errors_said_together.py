"""A cell that cannot be read no longer hides its row's other errors: they are said in the
same run, while no error that only follows from the unread cell is (it is not also "missing",
and a check that would need its value is not said with a stand-in's)."""

from __future__ import annotations

import datetime as dt

from intake_programme import run

from .examples_book import examples, typed

ROW4 = "programme.xlsx!Posts!{} ({}, post EWK-WSM-PROC-01): "


def _text(code_text: tuple[int, str]) -> str:
    code, text = code_text
    assert code == 1, text
    assert "Traceback" not in text
    return " ".join(text.split())


def test_an_unread_cell_and_the_rows_other_errors_in_one_run(tmp_path):
    book = examples(tmp_path)
    typed(book, {"Posts!J4": "37,5", "Posts!V4": -1, "Posts!I4": dt.datetime(2027, 1, 1)})
    for text in (_text(run("check", str(book))),
                 _text(run("build", str(book), "--out", str(tmp_path / "out"), "-q"))):
        assert ROW4.format("J4", "hours a week") + "write a number, e.g. 37 (found '37,5')" \
            in text, text
        assert ROW4.format("V4", "notice months") + "must be from 1 to 600 (found -1)" in text
        assert ROW4.format("I4", "end date") + ("the end date (1 January 2027) is not after "
                                                "the start date (1 July 2027)") in text, text
        row4 = text.split("EWK-WSM-PROC-01 (programme.xlsx row 4)")[1].split(" row 5)")[0]
        assert row4.count("programme.xlsx!") == 3, row4  # nothing more, not J4 as missing
    assert not (tmp_path / "out" / "EWK-WSM-PROC-01").exists()


def test_no_error_that_follows_from_the_unread_cell(tmp_path):
    """An unreadable Start date: the End date is not compared with a stand-in."""
    book = examples(tmp_path)
    typed(book, {"Posts!H4": "1st of July", "Posts!I4": dt.datetime(2027, 1, 1),
                 "Posts!V4": -1})
    text = _text(run("check", str(book)))
    assert ROW4.format("H4", "start date") + "'1st of July' is not a date" in text, text
    assert ROW4.format("V4", "notice months") in text, text
    assert "end date" not in text.replace(ROW4.format("H4", "start date"), ""), text


def test_an_unread_partners_cell_still_stops_the_row_there(tmp_path):
    """The parties are what every other check leans on: only the cell is said."""
    book = examples(tmp_path)
    typed(book, {"Posts!D4": "eastwick; west mere", "Posts!V4": -1})
    text = _text(run("check", str(book)))
    assert ROW4.format("D4", "partners") in text, text
    assert "V4" not in text and "not a party id" not in text, text
