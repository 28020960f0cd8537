"""A line break typed in a cell (Alt+Enter) of a field printed on one line (audit: intake,
finding 4).

A job title typed over two lines in its cell became a hard line break inside the title in
every document, with no warning (Excel shows the cell wrapped, so nobody sees it). A title,
a grade, a name or an organisation's name is now read as one line (the break a space, an
address's lines joined with ", ") with a warning at the cell; text meant to hold
paragraphs (a job purpose) keeps its line breaks.
"""

from __future__ import annotations

from pathlib import Path

from docx_read import full_text
from intake_programme import name_organisations, organisation_rows, run, set_cells, write_programme

from docgen.intake.cells import NO_CELL, to_cell
from docgen.intake.table import load_table


def test_a_line_break_in_a_one_line_field_is_a_space_with_a_warning_at_the_cell(
        tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    rows = organisation_rows()
    rows[0][1] = "The Mayor and Burgesses of the\nLondon Borough of Eastwick"
    rows[0][4] = "Town Hall,\n1 High Street\r\nLondon E20 1AA"
    name_organisations(book, rows)  # Partners is column H
    set_cells(book, {"B2": "Shared Head of\nService 1", "F2": "Officer\n1",
                     "I1": "Post-holder address", "I2": "3 Bridge Row\nNortham\nNM1 4EE",
                     "J1": "Job purpose", "J2": "To lead the service.\nTo advise both councils."})
    code, text = run("check", str(book))
    assert code == 0, text
    for cell, heading, how in (
            ("B2 (job title", "Job title", "each line break is a space, 'Shared Head of "
             "Service 1'"),
            ("F2 (post-holder", "Post-holder", "each line break is a space, 'Officer 1'"),
            ("I2 (post-holder address", "Post-holder address", "its lines are joined with "
             "commas, '3 Bridge Row, Northam, NM1 4EE'")):
        assert (f"posts.xlsx!Posts!{cell}, post EWK-0001): warning: the cell holds a line break "
                f"(Alt+Enter), but {heading} is printed on one line: {how}. Take the line "
                "breaks out of the cell to clear this warning") in text, text
    assert ("posts.xlsx!Organisations!E2 (address): warning: the cell holds a line break "
            "(Alt+Enter), but Address is printed on one line: its lines are joined with "
            "commas, 'Town Hall, 1 High Street, London E20 1AA'") in text, text
    assert "posts.xlsx!Organisations!B2 (legal name): warning: the cell holds a line break" \
        in text, text
    assert "J2" not in text  # a job purpose may hold paragraphs
    out = tmp_path / "out"
    code, text = run("build", str(book), "--out", str(out), "-q")
    assert code == 0, text
    contract = full_text(out / "EWK-0001" / "EWK-0001-contract.docx")
    agreement = full_text(out / "EWK-0001" / "EWK-0001-agreement.docx")
    assert "Shared Head of Service 1" in contract and "Shared Head of\n" not in contract
    assert "3 Bridge Row, Northam, NM1 4EE" in contract, contract[:3000]
    assert "Burgesses of the London Borough of Eastwick" in agreement
    assert "Town Hall, 1 High Street, London E20 1AA" in agreement
    assert "Burgesses of the\n" not in agreement and "Town Hall,\n" not in agreement


def test_a_one_line_value_with_a_line_break_is_written_where_it_reads_back_unchanged() -> None:
    """``intake write``: a title with a line break (from an answer file) is kept on the
    Other answers sheet, as written, rather than in the Job title column, which would read
    it back as one line."""
    table = load_table()
    assert to_cell(table.column("Job title"), "Head of\nService") is NO_CELL
    assert to_cell(table.column("Job title"), "Head of Service") == "Head of Service"
    assert to_cell(table.column("Job purpose"), "To lead.\nTo advise.") == "To lead.\nTo advise."
