"""A bad value in the Other answers sheet: a date's own advice, not YAML advice that has
nothing to do with a date; and a misspelt key said too, at its Answer cell, with the key
it likely means (the value's error stopped the check that would have named it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from intake_programme import run, write_programme
from openpyxl import load_workbook


def _other(book: Path, key: str, value: str) -> None:
    wb = load_workbook(book)
    ws = wb.create_sheet("Other answers")
    ws.append(["Reference", "Answer", "Value"])
    ws.append(["EWK-0001", key, value])
    wb.save(book)


def test_a_bad_date_gets_date_advice_and_the_misspelt_key_is_named(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    _other(book, "postholder.adress", "2027-13-01")
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("posts.xlsx!'Other answers'!C2 (postholder.adress, post EWK-0001): '2027-13-01' "
            "is not a real date (month must be in 1..12); write a date as YYYY-MM-DD, for "
            "example 2027-02-28\n") in text, text
    assert "[first, second]" not in text and "{name: x}" not in text
    assert ("posts.xlsx!'Other answers'!B2 (answer, post EWK-0001): no answer is called "
            "postholder.adress: 'postholder' has no 'adress'; did you mean "
            "postholder.address?") in text, text


@pytest.mark.parametrize("key, said", [
    ("review.trial_months", None),
    ("parties.0.name", None),
    ("reveiw.trial_months", "an answer file has no 'reveiw'; did you mean review.trial_months?"),
])
def test_only_an_unknown_key_is_named(tmp_path: Path, key: str, said: str | None) -> None:
    book = write_programme(tmp_path, 1)
    _other(book, key, "[a, b")  # a value that cannot be read
    code, text = run("check", str(book))
    assert code == 1, text
    assert "the value cannot be read" in text and "e.g. [first, second]" in text
    assert ("no answer is called" in text) == (said is not None), text
    assert said is None or said in text
