"""Bad workbooks (issue 25 point 4): each a clear answer, never a traceback, nothing written."""

from __future__ import annotations

import io
import zipfile

import pytest
from click.testing import CliRunner
from intake_programme import write_programme
from openpyxl import Workbook, load_workbook

from docgen.cli import cli
from docgen.intake.guard import OLE_MAGIC
from docgen.intake.table import MAX_ROWS


def read(book, folder) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["intake", "read", str(book), "--into", str(folder)])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, result.output


def written(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "posts.xlsx")


@pytest.mark.parametrize(("name", "data", "words"), [
    ("posts.xlsx", b"Reference,Title\nA,B\n", "not an Excel workbook (.xlsx)"),
    ("posts.xls", OLE_MAGIC + b"\x00" * 600, "old-style Excel file (.xls)"),
    ("posts.xlsx", OLE_MAGIC + b"\x00" * 100 + "EncryptionInfo".encode("utf-16-le"),
     "protected by a password"),
])
def test_files_that_are_not_a_plain_workbook(tmp_path, name, data, words):
    book = tmp_path / name
    book.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    code, text = read(book, out)
    assert code == 1 and words in text and "Save As" in text or "password" in text
    assert written(out) == []


def _zip(members: dict[str, bytes]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as z:
        for name, body in members.items():
            z.writestr(name, body)
    return data.getvalue()


@pytest.mark.parametrize(("data", "words"), [
    # a Word document given by mistake: a zip, but no workbook inside
    (_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
     "not an Excel workbook (.xlsx) (a zip file without a workbook inside)"),
    (_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})[:-30],
     "not a readable Excel workbook"),  # cut short in a download: the directory is gone
    (_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>",
           "xl/vbaProject.bin": b"\0"}), "macro-enabled workbook (.xlsm)"),
])
def test_zips_that_are_not_a_plain_workbook_say_why(tmp_path, data, words):
    """ooxml reads the zip; the refusal still names an Excel workbook, never a Word document."""
    book = tmp_path / "posts.xlsx"
    book.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    code, text = read(book, out)
    assert code == 1 and words in text, text
    assert "Word document" not in text
    assert written(out) == []


def test_a_macro_workbook_is_refused(tmp_path):
    book = write_programme(tmp_path, 1)
    data = io.BytesIO()
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(data, "w") as dst:
        for item in src.infolist():
            body = src.read(item)
            if item.filename == "[Content_Types].xml":
                body = body.replace(b"sheet.main+xml", b"sheet.macroEnabled.main+xml")
            dst.writestr(item, body)
    book.with_suffix(".xlsm").write_bytes(data.getvalue())
    code, text = read(book.with_suffix(".xlsm"), tmp_path)
    assert code == 1 and "macro-enabled workbook (.xlsm)" in text


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * 300_000_000)
    book = tmp_path / "bomb.xlsx"
    book.write_bytes(data.getvalue())
    code, text = read(book, tmp_path)
    assert code == 1 and "would inflate" in text


def test_merged_cells_are_refused_with_their_range(tmp_path):
    book = write_programme(tmp_path, 3)
    wb = load_workbook(book)
    wb["Posts"].merge_cells("E2:E3")
    wb.save(book)
    code, text = read(book, tmp_path)
    assert code == 1
    assert "posts.xlsx!Posts!E2: cells E2:E3 are merged; unmerge them" in text


def test_a_formula_uses_its_saved_result_or_says_there_is_none(tmp_path):
    book = write_programme(tmp_path, 2)
    wb = load_workbook(book)
    wb["Posts"]["D2"] = "=60000*1.1"  # openpyxl saves no result: as if never calculated
    wb.save(book)
    code, text = read(book, tmp_path)
    assert code == 1
    assert ("posts.xlsx!Posts!D2 (salary, post EWK-0001): this cell holds a formula with no "
            "saved result") in text
    assert not (tmp_path / "EWK-0001.yaml").exists()
    # with a saved result (as Excel writes it), the result is used
    with zipfile.ZipFile(book) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/sheet") and
                 b"60000*1.1" in parts[n])
    parts[sheet] = parts[sheet].replace(b"<f>60000*1.1</f><v></v>", b"<f>60000*1.1</f><v>66000</v>"
                                        ).replace(b"<f>60000*1.1</f><v />",
                                                  b"<f>60000*1.1</f><v>66000</v>")
    if b"<v>66000</v>" not in parts[sheet]:
        parts[sheet] = parts[sheet].replace(b"<f>60000*1.1</f>", b"<f>60000*1.1</f><v>66000</v>")
    with zipfile.ZipFile(book, "w") as z:
        for name, body in parts.items():
            z.writestr(name, body)
    code, text = read(book, tmp_path)
    assert code == 0, text
    assert "salary: 66000" in (tmp_path / "EWK-0001.yaml").read_text()


def test_too_many_rows_are_refused_with_the_limit(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Posts"
    ws.append(["Reference", "Job title"])
    for i in range(10_000):  # the 10,000 rows: over the cap
        ws.append([f"R-{i}", "x"])
    assert MAX_ROWS < 10_000
    book = tmp_path / "big.xlsx"
    wb.save(book)
    (tmp_path / "out").mkdir()
    code, text = read(book, tmp_path / "out")
    assert code == 1 and f"at most {MAX_ROWS:,} posts" in text
    assert written(tmp_path / "out") == []


def test_no_posts_sheet_or_no_reference_heading(tmp_path):
    wb = Workbook()
    wb.active.title = "Sheet1"
    book = tmp_path / "other.xlsx"
    wb.save(book)
    code, text = read(book, tmp_path)
    assert code == 1 and "there is no sheet named 'Posts'" in text


def check(book) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", str(book)])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, result.output


def _other_answers(book, rows) -> None:
    wb = load_workbook(book)
    ws = wb.create_sheet("Other answers")
    ws.append(["Reference", "Answer", "Value"])
    for r in rows:
        ws.append(r)
    wb.save(book)


def test_one_key_in_two_other_answers_rows_is_an_error_naming_both(tmp_path):
    """As an answer file with a repeated key is refused (audit: the last row won)."""
    book = write_programme(tmp_path, 2)
    _other_answers(book, [["EWK-0001", "review.trial_months", 12],
                          ["EWK-0002", "review.trial_months", 6],
                          ["EWK-0001", "review.trial_months", 6]])
    code, text = check(book)
    assert code == 1, text
    assert ("posts.xlsx!'Other answers'!C4 (review.trial_months, post EWK-0001): "
            "review.trial_months is also given in posts.xlsx!'Other answers'!C2; give each "
            "key once for a post") in text
    assert "EWK-0002" not in text.split("failed:")[1]  # the other post's row is its own
    code, text = read(book, tmp_path)
    assert code == 1 and "EWK-0002.yaml" in text and "not written" in text, text
    assert not (tmp_path / "EWK-0001.yaml").exists()


def test_an_other_answers_row_for_a_posts_column_is_an_error_naming_both(tmp_path):
    """Audit: payment.salary 50000 in Other answers silently beat the Salary cell."""
    book = write_programme(tmp_path, 1)
    _other_answers(book, [["EWK-0001", "payment.salary", 50000]])
    code, text = check(book)
    assert code == 1, text
    assert ("posts.xlsx!'Other answers'!C2 (payment.salary, post EWK-0001): payment.salary "
            "is also given in posts.xlsx!Posts!D2 (the Salary column); give it in one place"
            ) in text
    # a mapping around the column's key would replace it as well
    book = write_programme(tmp_path, 1)
    _other_answers(book, [["EWK-0001", "payment", "{on_costs_percent: 20}"]])
    code, text = check(book)
    assert code == 1 and "payment is also given in posts.xlsx!Posts!D2" in text


def test_a_heading_on_two_posts_columns_is_an_error_naming_both(tmp_path):
    book = write_programme(tmp_path, 1)
    wb = load_workbook(book)
    ws = wb["Posts"]
    ws["H1"], ws["H2"] = "Salary", 99000  # a second Salary column: which is meant?
    wb.save(book)
    code, text = check(book)
    assert code == 1, text
    assert ("posts.xlsx!Posts!H1: 'Salary' is the heading of both D1 and H1; docgen reads "
            "one column per heading. Delete one of the two columns") in text
    code, text = read(book, tmp_path)
    assert code == 1 and "Nothing was read" in text
    assert not (tmp_path / "EWK-0001.yaml").exists()


def test_an_other_answers_value_or_key_that_cannot_be_read_is_at_its_own_cell(tmp_path):
    """Audit: bad YAML in the Value column was reported at the row's Reference cell (A)."""
    book = write_programme(tmp_path, 1)
    _other_answers(book, [["EWK-0001", "review.note", "[first, second"],
                          ["EWK-0001", "review..trial_months", 6],
                          ["EWK-0001", "review.other", '"Head of HR']])
    code, text = check(book)
    assert code == 1, text
    assert ("posts.xlsx!'Other answers'!C2 (review.note, post EWK-0001): the value cannot be "
            "read (a list opened with '[' is never closed; add ']' at its end, or, if the [ is "
            "part of the text, put the value in quotes: \"[first, second\")") in text
    assert ("posts.xlsx!'Other answers'!B3 (answer, post EWK-0001): give the answer's key"
            ) in text
    assert ("'Other answers'!C4 (review.other, post EWK-0001): the value cannot be read (a "
            "quote in the value is never closed") in text
    assert "'Other answers'!A" not in text
