"""Whether errors kept a post's good-practice rules from running is said where the
pipeline stops (``PostResult.rules_pending``), not guessed afterwards from the result's
shape: the command line's "the good-practice checks run once the errors are fixed" and
``docgen.api.files.rules_waiting`` read it."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES

from docgen.api.files import rules_waiting
from docgen.cli import cli
from docgen.intake.run import build_workbook
from docgen.publish.batch import build, check
from docgen.publish.post import check_post

HR = next(p for p in EXAMPLES if p.name == "shared-head-of-hr.yaml")


def _bad_copy(folder: Path) -> Path:
    data = yaml.safe_load(HR.read_text("utf-8"))
    data["payment"]["salary"] = "lots"
    path = folder / "bad.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    return path


def test_an_answer_file_with_errors_has_its_rules_pending(tmp_path: Path) -> None:
    bad = _bad_copy(tmp_path)
    checked = check_post(bad)
    assert checked.status == "failed" and checked.rules_pending and rules_waiting(checked)
    built = build([bad], tmp_path / "out", jobs=1).posts[0]
    assert built.status == "failed" and built.rules_pending and rules_waiting(built)


def test_a_valid_post_and_other_failures_have_none_pending(tmp_path: Path) -> None:
    good = check_post(HR)
    assert good.status == "checked" and not good.rules_pending and not rules_waiting(good)
    # a second file with the same reference fails, but its rules ran: not pending
    twin = tmp_path / "twin.yaml"
    shutil.copy(HR, tmp_path / "first.yaml")
    shutil.copy(HR, twin)
    posts = check([tmp_path / "first.yaml", twin]).posts
    assert [p.status for p in posts] == ["checked", "failed"]
    assert not any(p.rules_pending for p in posts)
    # an organisation profile with errors is checked as a profile: no rules to wait for
    profile = tmp_path / "organisations" / "eastwick.yaml"
    profile.parent.mkdir()
    profile.write_text("docgen_organisation: 1\nid: eastwick\nkind: nonsense\n", "utf-8")
    result = check_post(profile)
    assert result.status == "failed" and not result.rules_pending


def test_a_workbook_row_with_errors_has_its_rules_pending(tmp_path: Path) -> None:
    """Said in the build's summary in the workbook's terms ("post", not "answer file"); the
    row that built is not pending."""
    folder = tmp_path / "answers"
    folder.mkdir()
    shutil.copy(HR, folder / HR.name)
    dph = next(p for p in EXAMPLES if p.name == "joint-director-public-health.yaml")
    shutil.copy(dph, folder / dph.name)
    book = tmp_path / "posts.xlsx"
    assert CliRunner().invoke(cli, ["intake", "write", str(folder), str(book)]).exit_code == 0
    workbook = openpyxl.load_workbook(book)
    sheet = workbook["Posts"]
    salary = next(c.column for c in sheet[1] if c.value == "Salary")
    [row] = [r[0].row for r in sheet.iter_rows(min_row=2)
             if any(c.value == "EWK-WSM-HR-01" for c in r)]
    sheet.cell(row=row, column=salary, value="lots")
    workbook.save(book)
    intake, report = build_workbook(book, tmp_path / "out")
    by_status = {p.status: p for p in report.posts}
    assert by_status["failed"].rules_pending and rules_waiting(by_status["failed"])
    assert not by_status["built"].rules_pending
    result = CliRunner().invoke(cli, ["build", str(book), "--out", str(tmp_path / "out2")])
    assert "the good-practice checks of 1 post run once its errors are fixed" in " ".join(
        result.output.split()), result.output


def test_an_organisation_profile_built_by_name_has_no_rules_pending(tmp_path: Path) -> None:
    """``docgen build organisations/eastwick.yaml`` with an error: it is a profile, with no
    good-practice rules to wait for (the summary said they would run once it was fixed)."""
    profile = tmp_path / "organisations" / "eastwick.yaml"
    profile.parent.mkdir()
    profile.write_text("docgen_organisation: 1\nid: eastwick\nkind: nonsense\n", "utf-8")
    [result] = build([profile], tmp_path / "out", jobs=1).posts
    assert result.status == "failed" and not result.rules_pending
    output = CliRunner().invoke(cli, ["build", str(profile), "--out", str(tmp_path / "o2")])
    assert output.exit_code == 1 and "good-practice" not in output.output, output.output
