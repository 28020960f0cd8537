"""A workbook row built as EWK-0001, then given reference EWK-0009 and a bad value: its
build fails. The register the user reads (register.csv) no longer shows EWK-0001 as built,
as if the row were fine: EWK-0001's row gives the figures of the documents that stand,
marked failed, saying the row's answers now give EWK-0009 and that build failed; EWK-0009's
row is failed, with why, and says where the documents of its last successful build stand,
as for an answer file given a new reference (tests/publish/test_register_renamed.py)."""

from __future__ import annotations

from pathlib import Path

from intake_programme import run, set_cells, write_programme

from docgen import read_register

WHY = ("posts.xlsx!Posts!D2 (salary, post EWK-0009): must be more than 0 and at most "
       "100,000,000 (found -5)")


def test_a_row_given_a_new_reference_that_fails_is_not_shown_built(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    out = tmp_path / "out"
    code, text = run("build", str(book), "--out", str(out), "-q")
    assert code == 0, text
    before = {str(r["reference"]): r for r in read_register(out / "register.csv")}
    documents = {p.name: p.read_bytes() for p in (out / "EWK-0001").iterdir() if p.is_file()}
    set_cells(book, {"A2": "EWK-0009", "D2": -5})
    set_cells(book, {"A2": "EWK-0009"}, sheet="Responsibilities")
    for _ in range(2):  # and again: the same register from the same inputs
        code, text = run("build", str(book), "--out", str(out))
        assert code == 1 and "FAILED EWK-0009 (posts.xlsx row 2)" in text and WHY in text, text
        rows = {str(r["reference"]): r for r in read_register(out / "register.csv")}
        assert set(rows) == {"EWK-0001", "EWK-0002", "EWK-0009"}
        assert rows["EWK-0002"]["build"] == "built"
        old, new = rows["EWK-0001"], rows["EWK-0009"]
        assert old["build"] == "failed", old
        assert old["title"] == before["EWK-0001"]["title"]  # the figures that stand
        assert old["cost_base"] == before["EWK-0001"]["cost_base"]
        assert str(old["why"]).startswith("its answer file now gives reference EWK-0009, "
                                          f"and that build failed: {WHY}"), old["why"]
        assert str(old["why"]).endswith("the documents of its last successful build stand "
                                        "under this reference, and this row gives their "
                                        "figures"), old["why"]
        assert new["build"] == "failed" and str(new["why"]).startswith(WHY), new
        assert str(new["why"]).endswith(
            "the documents of its last successful build stand under the earlier reference "
            "EWK-0001 (folder EWK-0001), whose row gives their figures"), new["why"]
    assert {p.name: p.read_bytes() for p in (out / "EWK-0001").iterdir()
            if p.is_file()} == documents  # the documents are untouched
