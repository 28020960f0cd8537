"""A Base file that names the parties by id (``parties: [ashby, brookfield, coldharbour]``)
finds them on the Organisations sheet, as the ids of a Partners cell do: the sheet's row is
the party (the sheet wins over a profile), its problems at the sheet's cells."""

from __future__ import annotations

from docx_read import full_text
from intake_programme import run
from yaml_text import load_yaml

from .examples_book import examples, typed

TRI = "docgen: 1\nparties: [ashby, brookfield, coldharbour]\n"


def _book(tmp_path, **cells: object):
    """Row 6 (TRI-LEGAL-01): its partners from _tri.yaml, its Partners cell emptied; the
    three organisations in full on the Organisations sheet (rows 6-8)."""
    book = examples(tmp_path)
    (book.parent / "_tri.yaml").write_text(TRI)
    typed(book, {"Posts!D6": None, "Posts!Z6": "_tri.yaml", **cells})
    return book


def test_ids_in_a_base_file_are_the_organisations_sheet_rows(tmp_path):
    book = _book(tmp_path, **{"Organisations!B6": "Ashby Vale Council (from the sheet)"})
    code, text = run("check", str(book))
    assert code == 0, text
    assert "no organisation profile for 'ashby'" not in text, text
    out = tmp_path / "out"
    code, text = run("build", str(book), "--out", str(out), "-q")
    assert code == 0, text
    agreement = full_text(out / "TRI-LEGAL-01" / "TRI-LEGAL-01-agreement.docx")
    assert "Ashby Vale Council (from the sheet) of Council Offices" in agreement
    code, text = run("intake", "read", str(book), "--into", str(tmp_path / "in" / "posts"))
    assert code == 0, text
    written = load_yaml((tmp_path / "in" / "posts" / "TRI-LEGAL-01.yaml").read_text())
    assert [p["name"] for p in written["parties"]][:1] == ["Ashby Vale Council (from the sheet)"]


def test_a_problem_with_such_a_party_is_at_its_organisations_cell(tmp_path):
    book = _book(tmp_path, **{"Organisations!I7": "legal at brookfield"})
    code, text = run("check", str(book))
    assert code == 1, text
    assert "programme.xlsx!Organisations!I7 (notices email, post TRI-LEGAL-01)" in text, text
    assert "_tri.yaml:" not in text, text
