"""Review D2 and D1 in a programme workbook: a post whose row gives no steering group and no
objectives is told so at its row (not at the employer's profile, whose policy gives the
disputes); an Employer cell naming no partner is the row's one error."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def _workbook(folder: Path, cut_governance: bool) -> Path:
    shutil.copytree(ROOT / "inputs" / "organisations", folder / "organisations")
    text = (ROOT / "inputs" / "shared-head-of-procurement.yaml").read_text("utf-8")
    if cut_governance:
        text = re.sub(r"\ngovernance:\n(?:  .*\n)+", "\n", text)
    (folder / "post.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["intake", "write", str(folder), str(folder / "p.xlsx")])
    assert result.exit_code == 0, result.output
    (folder / "post.yaml").unlink()
    return folder / "p.xlsx"


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_row_without_governance_is_told_at_its_row(here: Path) -> None:
    book = _workbook(here, cut_governance=True)
    result = CliRunner().invoke(cli, ["check", str(book)])
    assert result.exit_code == 1
    lines = [ln.strip() for ln in result.output.splitlines() if "gives no" in ln]
    assert len(lines) == 2, result.output
    assert all(ln.startswith("p.xlsx!Posts!A2 (reference, post EWK-WSM-PROC-01)")
               for ln in lines)
    assert "organisations/eastwick.yaml" not in result.output


def test_an_employer_naming_no_partner_is_the_rows_one_error(here: Path) -> None:
    book = _workbook(here, cut_governance=False)
    wb = load_workbook(book)
    posts = wb["Posts"]
    column = [c.value for c in posts[1]].index("Employer") + 1
    posts.cell(2, column).value = "eastwik"
    wb.save(book)
    result = CliRunner().invoke(cli, ["check", str(book)])
    assert result.exit_code == 1
    said = [ln.strip() for ln in result.output.splitlines() if ln.startswith("  ")]
    assert len(said) == 1, result.output  # the employer's error alone
    assert said[0].startswith("p.xlsx!Posts!E2 (employer, post EWK-WSM-PROC-01): 'eastwik' "
                              "is not a party id")
    assert said[0].endswith("did you mean 'eastwick'?")
