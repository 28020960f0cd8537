"""A partner listed twice in a post's Partners cell (audit: intake, finding 3).

"north, south, east, west, north" made two parties with one id; the error was reported at
the Organisations sheet's row (Organisations!A16, C16), which is right, instead of at the
Partners cell that is wrong. It is now refused at that cell, saying which id is twice.
"""

from __future__ import annotations

from pathlib import Path

from intake_programme import name_organisations, run, set_cells, write_programme


def test_a_partner_listed_twice_is_an_error_at_the_partners_cell(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 3)
    name_organisations(book)
    set_cells(book, {"H2": "eastwick, westmere, eastwick", "H3": "Westmere; eastwick; WESTMERE"})
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("posts.xlsx!Posts!H2 (partners, post EWK-0001): 'eastwick' is listed twice; list "
            "each partner once, e.g. eastwick, westmere") in text, text
    assert ("posts.xlsx!Posts!H3 (partners, post EWK-0002): 'westmere' is listed twice; list "
            "each partner once, e.g. westmere, eastwick") in text, text
    assert "Organisations!" not in text and "used by two parties" not in text
    assert "failed: row 2 (EWK-0001), row 3 (EWK-0002)" in text
