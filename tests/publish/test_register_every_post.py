"""Every post a programme team asked for has its line in the register and its record in
``--json``: a workbook row with errors of its own (a cell that cannot be read, a reference
missing or unusable) is a failed line with its reference and why, at its cell; a failed
answer file's JSON record names the reference the file states. Run through the command
line, reading the register (CSV and workbook) and the JSON back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from conftest import EXAMPLES_DIR
from intake_programme import write_programme
from openpyxl import load_workbook

from docgen import read_register
from docgen.cli import cli

HR = "shared-head-of-hr.yaml"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, result.stdout


def _register(out: Path) -> dict[str, dict[str, Any]]:
    """The register's rows by reference (or by Post, for a row whose reference is not
    known), the CSV and the workbook giving the same rows."""
    rows = read_register(out / "register.csv")
    assert rows == read_register(out / "register.xlsx")
    return {r["reference"] or r["title"]: r for r in rows}


def _cells(book: Path, values: dict[str, Any]) -> None:
    wb = load_workbook(book)
    for cell, value in values.items():
        wb["Posts"][cell] = value
    wb.save(book)


def test_a_row_with_errors_has_its_failed_line_and_a_re_run_after_the_fix_builds_it(
        tmp_path: Path) -> None:
    book, out = write_programme(tmp_path, 3), tmp_path / "out"
    _cells(book, {"D3": "about 78k"})  # the Salary of EWK-0002, row 3
    code, text = _run("build", str(book), "--out", str(out), "--json")
    assert code == 1
    records = {r["reference"]: r for r in json.loads(text) if "reference" in r}
    assert [records[f"EWK-000{i}"]["status"] for i in (1, 2, 3)] == ["built", "failed", "built"]
    [error] = records["EWK-0002"]["problems"]
    assert error["cell"] == "posts.xlsx!Posts!D3" and "write money as a number" in error["message"]
    rows = _register(out)
    assert sorted(rows) == ["EWK-0001", "EWK-0002", "EWK-0003"]
    failed = rows["EWK-0002"]
    assert (failed["title"], failed["build"]) == ("Shared Head of Service 2", "failed")
    assert failed["why"].startswith("posts.xlsx!Posts!D3 (salary, post EWK-0002): write money "
                                    "as a number")
    assert rows["EWK-0001"]["build"] == "built" and rows["EWK-0001"]["why"] == ""
    assert not (out / "EWK-0002").exists()

    _cells(book, {"D3": 78000})  # fixed: that row is built, the others are left as they were
    code, text = _run("build", str(book), "--out", str(out), "--json")
    assert code == 0
    assert {r["reference"]: r["status"] for r in json.loads(text)} == {
        "EWK-0001": "skipped", "EWK-0002": "built", "EWK-0003": "skipped"}
    rows = _register(out)
    assert [(r["build"], r["why"]) for r in rows.values()] == [("built", "")] * 3
    assert rows["EWK-0002"]["cost_base"] > 78000  # the salary typed, with its on-costs

    _cells(book, {"E2": "eastwick 50"})  # a built post's row now has an error: one line, failed
    assert _run("build", str(book), "--out", str(out))[0] == 1
    rows = _register(out)
    assert sorted(rows) == ["EWK-0001", "EWK-0002", "EWK-0003"]
    assert rows["EWK-0001"]["build"] == "failed"
    assert rows["EWK-0001"]["why"].startswith("posts.xlsx!Posts!E2 (time split, post EWK-0001)")
    assert (out / "EWK-0001" / "EWK-0001-agreement.docx").is_file()  # last build's, kept


def test_every_row_failing_still_gives_a_register_naming_each_row(tmp_path: Path) -> None:
    book, out = write_programme(tmp_path, 4), tmp_path / "out"
    _cells(book, {"D2": "£52k", "A3": None, "A4": "../../x", "E5": "eastwick: 50; westmere: 40"})
    code, text = _run("build", str(book), "--out", str(out), "--json")
    assert code == 1
    assert [(r["source"], r["status"]) for r in json.loads(text) if r["status"] != "notice"] == [
        (f"posts.xlsx row {n}", "failed") for n in (2, 3, 4, 5)]
    rows = _register(out)
    assert sorted(rows) == ["EWK-0001", "EWK-0004", "posts.xlsx row 3 (Shared Head of Service 2; "
                            "reference not known)", "posts.xlsx row 4 (Shared Head of Service 3; "
                            "reference not known)"]
    assert all(r["build"] == "failed" for r in rows.values())
    assert rows["EWK-0001"]["why"].startswith("posts.xlsx!Posts!D2 (salary, post EWK-0001)")
    no_ref = rows["posts.xlsx row 3 (Shared Head of Service 2; reference not known)"]
    assert no_ref["why"].startswith("posts.xlsx!Posts!A3 (reference): give the post a reference")
    # the shares are checked by the build itself, and still reported at their cell
    assert rows["EWK-0004"]["why"] == ("posts.xlsx!Posts!E5 (time split, post EWK-0004): shares "
                                       "add up to 90%; they must add up to 100%")
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "register-parties.csv", "register.csv", "register.xlsx"]


def test_a_failed_answer_file_names_its_reference_in_json_and_why_in_the_register(
        tmp_path: Path) -> None:
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    inputs.mkdir()
    text = (EXAMPLES_DIR / HR).read_text(encoding="utf-8")
    assert "  salary: 92000\n" in text
    (inputs / HR).write_text(text.replace("  salary: 92000\n", "  salary: -5\n"),
                             encoding="utf-8")
    (inputs / "noref.yaml").write_text("docgen: 1\npost: {title: Head of HR}\n",
                                       encoding="utf-8")
    code, output = _run("build", str(inputs), "--out", str(out), "--json")
    assert code == 1
    records = {Path(r["source"]).name: r for r in json.loads(output)}
    assert records[HR]["status"] == "failed"
    assert records[HR]["reference"] == "EWK-WSM-HR-01"  # before: null
    assert records["noref.yaml"]["reference"] is None
    rows = _register(out)
    hr = rows["EWK-WSM-HR-01"]
    assert hr["build"] == "failed"
    line = text.splitlines().index("  salary: 92000") + 1
    assert hr["why"] == (f"{inputs / HR}:{line}: payment.salary: must be more than 0 and at "
                         "most 100,000,000 (found -5); for example salary: 92000")
    [noref] = [r for r in rows.values() if r["reference"] == ""]
    assert "the answer file gives no reference" in noref["title"]
    assert noref["why"].startswith(f"{inputs / 'noref.yaml'}")


def test_check_json_names_the_reference_a_failed_answer_file_states(tmp_path: Path) -> None:
    """``docgen check --json`` as ``build --json``: a file that cannot be loaded (a salary
    out of range) still says which post it is; a file stating none has null."""
    text = (EXAMPLES_DIR / HR).read_text(encoding="utf-8")
    (tmp_path / HR).write_text(text.replace("  salary: 92000\n", "  salary: -5\n"),
                               encoding="utf-8")
    (tmp_path / "noref.yaml").write_text("docgen: 1\npost: {title: Head of HR}\n",
                                         encoding="utf-8")
    code, output = _run("check", str(tmp_path), "--json")
    assert code == 1
    records = {Path(r["source"]).name: r for r in json.loads(output)}
    assert (records[HR]["status"], records[HR]["reference"]) == ("failed", "EWK-WSM-HR-01")
    assert records["noref.yaml"]["reference"] is None
