"""A team's own column whose heading looks like a docgen heading the sheet lacks ("RAG
status" with no Status column, "Manager" with no Line managers column) is the team's when
its values cannot be the docgen column's (Red/Amber/Green is no status; a name alone is no
line manager per organisation): named in a warning, never read, and the workbook is read.
A renamed column (its values readable as the docgen column's: "£52,000" under "Annual
salary") is still refused with the heading it should have, since read without it every
post would silently take the base file's value or none."""

from __future__ import annotations

from pathlib import Path

from intake_programme import run, set_cells, write_programme
from yaml_text import load_yaml


def test_a_rag_status_and_a_manager_column_of_the_teams_own_are_left_alone(
        tmp_path: Path) -> None:
    book = write_programme(tmp_path, 3)
    set_cells(book, {"H1": "RAG status", "H2": "Red", "H3": "Amber", "H4": "Green",
                     "I1": "Manager", "I2": "Jane Smith", "I4": "Sam Patel"})
    code, text = run("check", str(book))
    assert code == 0, text
    assert "did you mean" not in text
    assert ("posts.xlsx!Posts!H1 (rag status): warning: docgen does not read a column headed "
            "'RAG status'; it is not read as docgen's 'Status' column either, as its values "
            "are not a status (H2: 'Red' is not one of the choices; choose one of draft, "
            "final)") in text
    assert ("posts.xlsx!Posts!I1 (manager): warning: docgen does not read a column headed "
            "'Manager'; it is not read as docgen's 'Line managers' column either, as its "
            "values are not line managers (I2: write each organisation id, a colon and its "
            "value, separated by ';', e.g. eastwick: Chief Executive; westmere: Director of "
            "Resources)") in text
    posts = tmp_path / "posts"
    code, text = run("intake", "read", str(book), "--into", str(posts))
    assert code == 0, text
    data = load_yaml((posts / "EWK-0001.yaml").read_text(encoding="utf-8"))
    assert "status" not in data and "management" not in data
    code, text = run("build", str(book), "--out", str(tmp_path / "out"))
    assert code == 0, text
    assert (tmp_path / "out" / "EWK-0003" / "EWK-0003-agreement.docx").is_file()


def test_a_renamed_salary_with_money_typed_as_text_is_still_refused(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    set_cells(book, {"D1": "Annual salary", "D2": "£52,000", "D3": "not yet agreed"})
    code, text = run("check", str(book))
    assert code == 1
    assert ("posts.xlsx!Posts!D1: docgen does not read a column headed 'Annual salary'; did you "
            "mean 'Salary'? Rename the heading to 'Salary' (its values, from row 2, would "
            "otherwise be left out of the documents)") in text
    # a first value docgen cannot read as a salary does not make the column the team's
    set_cells(book, {"D2": "not yet agreed", "D3": "£61,000"})
    code, text = run("check", str(book))
    assert code == 1 and "did you mean 'Salary'? Rename the heading to 'Salary' (its values, " \
        "from row 2," in text


def test_a_renamed_line_managers_column_is_refused(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 2)
    set_cells(book, {"H1": "Manager", "H3": "eastwick: Director of HR; westmere: Chief "
                                            "Executive"})
    code, text = run("intake", "read", str(book), "--into", str(tmp_path / "posts"))
    assert code == 1
    assert ("posts.xlsx!Posts!H1: docgen does not read a column headed 'Manager'; did you mean "
            "'Line managers'? Rename the heading to 'Line managers' (its values, from row 3, "
            "would otherwise be left out of the documents)") in text
    assert not (tmp_path / "posts" / "EWK-0001.yaml").exists()


def test_a_renamed_salary_whose_values_are_all_typed_loosely_is_still_refused(
        tmp_path: Path) -> None:
    """No value of it reads as money ("78k pa"), yet it is the salary column renamed: a
    money column's values cannot show a column is someone else's, so it is refused, saying
    how its values must be written; read without it every contract would take the base
    file's salary."""
    book = write_programme(tmp_path, 3)
    set_cells(book, {"D1": "Annual salary", "D2": "78k pa", "D3": "about 80k",
                     "D4": "81,000 a year"})
    for args in (("check", str(book)), ("build", str(book), "--out", str(tmp_path / "out"))):
        code, text = run(*args)
        assert code == 1, text
        assert ("posts.xlsx!Posts!D1: docgen does not read a column headed 'Annual salary'; "
                "did you mean 'Salary'? Rename the heading to 'Salary'") in text
        assert ("Its values must also be written as docgen reads them (D2: write money as a "
                "number, e.g. 92000 (found '78k pa')).") in text
        assert "Nothing was read" in text
    assert not (tmp_path / "out" / "EWK-0001").exists()


def test_a_column_of_the_teams_own_is_said_to_be_fine_and_left_out(tmp_path: Path) -> None:
    """The README says a team's own columns are fine: the warning says so too (it once
    told the team to use docgen's headings, as though their Notes column were a mistake),
    and still says how to make a column docgen's when it was meant to be one."""
    book = write_programme(tmp_path, 2)
    set_cells(book, {"H1": "Notes", "H2": "ask HR", "I1": "Budget code", "I2": "BC-17"})
    code, text = run("check", str(book))
    assert code == 0, text
    assert ("posts.xlsx!Posts!H1 (notes): warning: docgen does not read a column headed "
            "'Notes'; a column of your own is fine, and is kept out of the documents; if it "
            "was meant to be one of docgen's, give it the heading docgen intake new writes") in text
    assert "use the headings docgen intake new writes" not in text
