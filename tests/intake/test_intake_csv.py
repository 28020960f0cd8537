"""A .csv given instead of a programme workbook (audit: intake, finding 5).

It was read as an answer file and failed with a YAML error ("an answer file must be a
mapping of keys to values") that says nothing of what to do. ``check``, ``build``,
``intake read`` and the API now say what it is and how to make a workbook of it.
"""

from __future__ import annotations

from pathlib import Path

from intake_programme import HR, run

from docgen.api import check_files

SAYS = ("posts.csv: a .csv file is not a programme workbook (it holds one sheet as plain "
        "text, without the Organisations and other sheets); open it in a spreadsheet program "
        "and save it as an Excel Workbook (.xlsx), or make a workbook with docgen intake new "
        "posts.xlsx (from answer files: docgen intake write inputs/ posts.xlsx)")


def _csv(folder: Path) -> Path:
    path = folder / "posts.csv"
    path.write_text("Reference,Job title,Salary\nEWK-0001,Shared Head of HR,78000\n",
                    encoding="utf-8")
    return path


def test_a_csv_is_refused_by_check_build_and_intake_read_saying_what_to_do(
        tmp_path: Path) -> None:
    csv = _csv(tmp_path)
    out = tmp_path / "out"
    for args in (("check", str(csv)), ("check", "--json", str(csv)),
                 ("build", str(csv), "--out", str(out)),
                 ("intake", "read", str(csv), "--into", str(tmp_path / "posts"))):
        code, text = run(*args)  # run() fails the test on a traceback
        assert code == 1, (args, text)
        assert SAYS in " ".join(text.split()), (args, text)
        assert "mapping of keys" not in text and "answer file must" not in text
    assert not out.exists() and not list(tmp_path.rglob("*.yaml"))
    code, text = run("check", str(csv), str(HR))
    assert code == 1 and SAYS in " ".join(text.split()), text


def test_the_api_says_a_csv_is_no_workbook_and_checks_the_answer_files_beside_it(
        tmp_path: Path) -> None:
    csv = _csv(tmp_path)
    report = check_files([csv, HR])
    assert not report.ok
    failed = [p for p in report.posts if p.status == "failed"]
    assert [p.source for p in failed] == [csv]
    assert [(p.message, p.file) for p in failed[0].problems] == [(SAYS.split(": ", 1)[1], csv)]
    assert [p.status for p in report.posts if p.source == HR] == ["checked"]
