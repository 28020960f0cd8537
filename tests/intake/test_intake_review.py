"""Review of 4 December (intake findings 2, 4, 5, 8, 9, 10, 11): '#' in a value on several
lines, a removed post's notice once its folder is gone, "0.6" typed as text, a percent
format on a column that is no percentage, a base file outside the workbook's folder, a
formula that shows nothing, and the intake modules' size."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

from intake_programme import write_programme
from openpyxl import load_workbook
from yaml_text import load_yaml

from docgen.intake import reading

from .test_intake_cells import add_sheet_rows, run, set_posts

INTAKE = Path(reading.__file__).parent


def test_a_hash_in_an_other_answers_value_on_several_lines_is_text_or_refused(tmp_path):
    """Alt+Enter in a cell: a ' #' was cut off silently (with what followed it)."""
    book = write_programme(tmp_path, 2)
    add_sheet_rows(book, "Other answers", ["Reference", "Answer", "Value"],
                   [["EWK-0001", "exit.reversion_grade", "Grade 7\nband # senior"],
                    ["EWK-0002", "exit.reversion_grade", "- a\n- b # c"]])
    code, text = run("check", str(book))
    assert code == 1
    assert ("posts.xlsx!'Other answers'!C3 (exit.reversion_grade, post EWK-0002): the ' #' "
            "in it would start a comment in an answer file and cut the value short; put the "
            "line's text that holds '#' in quotes, e.g. - \"b # c\"") in text, text
    assert "C2" not in text, text
    wb = load_workbook(book)
    wb["Other answers"].delete_rows(3)
    wb.save(book)
    assert run("intake", "read", str(book))[0] == 0
    written = load_yaml((tmp_path / "EWK-0001.yaml").read_text())
    assert written["exit"]["reversion_grade"] == "Grade 7 band # senior"


def test_a_fraction_typed_as_text_warns_like_the_number(tmp_path):
    book = write_programme(tmp_path, 2)
    set_posts(book, 2, "Premium %", "0.6", "@")  # a Text cell, or pasted from a CSV
    set_posts(book, 3, "Premium %", "0.6%", "@")  # the % sign says it is a percentage
    code, text = run("check", str(book))
    assert code == 0, text
    assert ("posts.xlsx!Posts!H2 (premium %, post EWK-0001): warning: 0.6 is read as 0.6 %; "
            "if you meant 60 %, write 60") in text, text
    assert "H3" not in text, text


def test_a_percent_format_multiplies_only_in_percent_columns(tmp_path):
    """Format painter on a Salary cell: 92000 showed as 9200000% and was read ×100."""
    book = write_programme(tmp_path, 1)
    set_posts(book, 2, "Salary", 92000, "0%")
    add_sheet_rows(book, "Other answers", ["Reference", "Answer", "Value"],
                   [["EWK-0001", "payment.premium_percent", 0.05],
                    ["EWK-0001", "confidentiality.foi_consultation_days", 20]],
                   {3: "0%"})
    code, text = run("check", str(book))
    assert code == 0, text
    assert ("posts.xlsx!Posts!D2 (salary, post EWK-0001): warning: the cell is formatted as a "
            "percentage (it shows 9200000%), but Salary is not a percentage; it is read as the "
            "number stored, 92000. Give the cell a number format") in text, text
    assert ("posts.xlsx!'Other answers'!C3 (value, post EWK-0001): warning: the cell is "
            "formatted as a percentage (it shows 2000%)") in text, text
    assert "C2" not in text, text
    assert run("intake", "read", str(book))[0] == 0
    written = load_yaml((tmp_path / "EWK-0001.yaml").read_text())
    assert written["payment"]["salary"] == 92000
    assert written["payment"]["premium_percent"] == 5  # 5% typed in Excel
    assert written["confidentiality"]["foi_consultation_days"] == 20


def test_a_base_file_outside_the_workbook_folder_gets_advice_that_can_be_followed(tmp_path):
    (tmp_path / "proj").mkdir()
    book = write_programme(tmp_path / "proj", 1)
    (tmp_path / "_partners.yaml").write_bytes((tmp_path / "proj" / "_partners.yaml").read_bytes())
    set_posts(book, 2, "Base file", "../_partners.yaml")
    code, text = run("check", str(book))
    assert code == 1
    assert "name its folder on the command line" not in text, text
    assert ("keep it in that folder, the workbook's folder: copy the file there and give just "
            "its name in the cell, e.g. _partners.yaml") in text, text


def _formula_shows_nothing(book: Path) -> None:
    """Post-holder (F2) and a formula filled down far below the data (F60), both as Excel
    saves a formula whose result is empty text (openpyxl saves no result at all)."""
    with zipfile.ZipFile(book) as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/") and b'r="F2"' in parts[n])

    def blank(cell: str, row: int) -> bytes:
        return f'<c r="{cell}" t="str"><f>IF(A{row}="","",A{row})</f><v></v></c>'.encode()

    body = re.sub(rb'<c r="F2"[^>]*?(/>|>.*?</c>)', blank("F2", 2), parts[sheet], count=1)
    body = body.replace(b"</sheetData>",
                        b'<row r="60">' + blank("F60", 60) + b"</row></sheetData>")
    assert body.count(b"<v></v>") == 2
    parts[sheet] = body
    with zipfile.ZipFile(book, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_a_formula_whose_saved_result_is_empty_is_an_empty_cell(tmp_path):
    book = write_programme(tmp_path, 2)
    _formula_shows_nothing(book)
    code, text = run("check", str(book))
    assert code == 0, text
    assert "no saved result" not in text and "row 60" not in text and "F60" not in text, text
    assert "2 posts, 0 with errors" in text, text


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_removed_post_is_reported_until_its_folder_is_deleted_then_forgotten(tmp_path):
    book = write_programme(tmp_path, 3)
    out = tmp_path / "out"
    assert run("build", str(book), "--out", str(out), "-q")[0] == 0
    kept = out / ".docgen-intake" / "posts"
    wb = load_workbook(book)
    for sheet in ("Posts", "Responsibilities"):
        wb[sheet].delete_rows(3, 2)  # EWK-0002 and EWK-0003
    wb.save(book)
    code, text = run("build", str(book), "--out", str(out))
    assert code == 0, text
    assert "EWK-0002 is no longer in posts.xlsx" in text, text
    assert (kept / "EWK-0002.yaml").is_file()
    # the user deletes both folders as told; EWK-0003's kept answers were edited by hand
    for ref in ("EWK-0002", "EWK-0003"):
        for f in sorted((out / ref).rglob("*"), reverse=True):
            f.rmdir() if f.is_dir() else f.unlink()
        (out / ref).rmdir()
    with (kept / "EWK-0003.yaml").open("a") as fh:
        fh.write("# my note\n")
    code, text = run("build", str(book), "--out", str(out))
    assert code == 0, text
    assert "no longer in" not in text, text
    assert not (kept / "EWK-0002.yaml").exists()  # nothing needs it: forgotten
    assert (kept / "EWK-0003.yaml").is_file()  # a person changed it: left alone
    assert (kept / "EWK-0001.yaml").is_file() and (out / "EWK-0001" / "manifest.json").is_file()
    assert run("verify", str(out / "EWK-0001"))[0] == 0


def test_house_style_copies_nothing_names_are_deleted_unless_changed(tmp_path):
    from docgen.publish.sources import keep_sources, removed_posts

    out = tmp_path / "out"
    old, edited, used, built = b"old style", b"edited style", b"used style", b"in a manifest"
    names = {data: f"styles/{hashlib.sha256(data).hexdigest()[:32]}.docx"
             for data in (old, edited, used, built)}
    keep_sources(out, "posts", {"A.yaml": f"house_style: {names[used]}\n".encode(),
                                **{names[d]: d for d in (old, edited, used, built)}})
    kept = out / ".docgen-intake" / "posts"
    (kept / names[edited]).write_bytes(b"changed by someone")
    (out / "B").mkdir()  # a post built before from a style no kept answers name any more
    (out / "B" / "manifest.json").write_text(f'{{"house_styles": ["{kept / names[built]}"]}}')
    assert removed_posts(out, "posts", {"a"}) == []
    assert not (kept / names[old]).exists()
    for data in (edited, used, built):
        assert (kept / names[data]).is_file(), data


def test_the_intake_modules_stay_about_400_lines():
    long = {p.name: n for p in INTAKE.glob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}, long
