"""`docgen build posts.xlsx`: the summary names every row that failed, a row that failed
at publish (a document edited by hand) too, not only the rows with errors of their own."""

from __future__ import annotations

from pathlib import Path

from intake_programme import run, set_cells, write_programme


def test_a_row_failed_at_publish_is_named_in_the_summary(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 3)
    out = tmp_path / "out"
    code, text = run("build", str(book), "--out", str(out), "-q")
    assert code == 0, text
    with (out / "EWK-0003" / "EWK-0003-agreement.docx").open("ab") as fh:
        fh.write(b"edited")  # a person edited the document
    set_cells(book, {"D2": "lots",  # row 2: an error of its own
                     "B4": "Shared Head of Legal Services"})  # row 4 changed: rebuilt
    code, text = run("build", str(book), "--out", str(out))
    assert code == 1, text
    summary = text.strip().splitlines()[-1]
    assert "2 failed" in summary, text
    assert summary.endswith("; failed: row 2 (EWK-0001), row 4 (EWK-0003)"), summary
