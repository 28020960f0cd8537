"""A row with a Base file that lacks its Objectives or Responsibilities rows is told to fill
in those sheets at its Reference cell, as a row without a Base file is, not to edit the
shared Base file (which holds only part of the section)."""

from __future__ import annotations

from intake_programme import run
from openpyxl import load_workbook

from .examples_book import examples

SHARED = ("docgen: 1\ngovernance:\n  steering_group: {name: Joint Board, members: [{party: "
          "eastwick, role: Chief Executive}, {party: westmere, role: Chief Executive}], "
          "meets: quarterly}\njob:\n  relationships: {internal: [Directors], external: "
          "[Suppliers]}\n")


def test_missing_sheet_rows_are_said_at_the_row_not_the_base_file(tmp_path):
    """Row 7: row 4 copied with its own reference, its sheet rows not added yet."""
    book = examples(tmp_path)
    (book.parent / "_shared.yaml").write_text(SHARED)
    wb = load_workbook(book)
    ws = wb["Posts"]
    for c in range(1, 27):
        ws.cell(7, c, ws.cell(4, c).value)
    ws["A7"], ws["Z7"] = "EWK-WSM-PROC-02", "_shared.yaml"
    wb.save(book)
    code, text = run("check", str(book))
    text = " ".join(text.split())
    assert code == 1, text
    assert "_shared.yaml:" not in text, text
    for what in ("Objectives (shared, plus a list per party id)",
                 "Responsibilities (shared, plus a list per party id)",
                 "Person specification (The criteria candidates are assessed against)"):
        sheet = what.split(" (")[0]
        assert (f"programme.xlsx!Posts!A7 (reference, post EWK-WSM-PROC-02): this post gives "
                f"no {what}; give it in the '{sheet}' sheet (one row per item, with the "
                "post's Reference)") in text, text
    assert "or add it to its Base file, _shared.yaml" in text, text
