"""Money typed as text with a dot between thousands (audit: intake, finding 1).

"104.250" is how much of Europe writes 104,250; read as a decimal it put £104.25 in the
contract with no warning. Money typed as text is read only in the forms docgen names
(104250, £104,250.00); any other figure with a dot and three places is refused at its cell.
"""

from __future__ import annotations

from pathlib import Path

from docx_read import full_text
from intake_programme import run, set_cells, write_programme


def test_a_dot_between_thousands_is_refused_at_the_cell_saying_how_to_write_money(
        tmp_path: Path) -> None:
    book = write_programme(tmp_path, 6)
    set_cells(book, {"D2": "104.250", "D3": "61,250.505", "D4": "£78,000", "D5": "104250",
                     "D6": 104250.5, "D7": "1.250.000,50"})
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("posts.xlsx!Posts!D2 (salary, post EWK-0001): write money as a number, e.g. 92000 "
            "(found '104.250'); a dot marks pence, never thousands: for £104,250 write 104250 "
            "or £104,250.00") in text
    assert ("posts.xlsx!Posts!D3 (salary, post EWK-0002): write money as a number, e.g. 92000 "
            "(found '61,250.505'); pence have two places after the dot") in text
    assert ("posts.xlsx!Posts!D7 (salary, post EWK-0006): write money as a number, e.g. 92000 "
            "(found '1.250.000,50'); a dot marks pence, never thousands: for £1,250,000.50 "
            "write 1250000.50 or £1,250,000.50") in text
    assert "failed: row 2 (EWK-0001), row 3 (EWK-0002), row 7 (EWK-0006)" in text
    out = tmp_path / "out"
    code, text = run("build", str(book), "--out", str(out), "-q")
    assert code == 1, text
    assert not (out / "EWK-0001").exists()  # never a contract for £104.25
    for ref, pay in (("EWK-0003", "£78,000.00"), ("EWK-0004", "£104,250.00"),
                     ("EWK-0005", "£104,250.50")):
        assert pay in full_text(out / ref / f"{ref}-contract.docx"), ref


def test_money_typed_loosely_is_still_refused(tmp_path: Path) -> None:
    """"104 250" (a space between thousands) is read as £104,250, as the browser reads it
    (the workbook refused it while the interview took it); "1e5" is refused, as there."""
    book = write_programme(tmp_path, 4)
    set_cells(book, {"D2": "78k", "D3": "£78,000 pa", "D4": "104 250", "D5": "1e5"})
    code, text = run("check", str(book))
    assert code == 1, text
    for cell, ref, found in (("D2", "EWK-0001", "78k"), ("D3", "EWK-0002", "£78,000 pa"),
                             ("D5", "EWK-0004", "1e5")):
        assert (f"posts.xlsx!Posts!{cell} (salary, post {ref}): write money as a number, e.g. "
                f"92000 (found '{found}')") in text
    assert "the salary £104,250.00 is outside the pay range" in text  # read, as the browser does
    assert "failed: row 2 (EWK-0001), row 3 (EWK-0002), row 5 (EWK-0004)" in text, text
