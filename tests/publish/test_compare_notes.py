"""``docgen compare`` says what it did: two identical inputs give "no differences" (the
redline is still written, with no tracked changes), and two documents of different kinds
make a redline of their own name instead of replacing the real one (audit finding 11)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES_DIR

from docgen.cli import cli
from docgen.ooxml.tracked import tracked_changes

from .test_review import _require_redlines

HR = EXAMPLES_DIR / "shared-head-of-hr.yaml"
HR_REF = "EWK-WSM-HR-01"
KIND = {"agreement": "an agreement", "contract": "a contract"}


def _changes(docx: Path) -> int:
    return tracked_changes(docx.name, docx.read_bytes())


def test_the_same_document_twice_says_no_differences(built: Path, tmp_path: Path) -> None:
    _require_redlines()
    contract = built / HR_REF / f"{HR_REF}-contract.docx"
    out = tmp_path / "cmp"
    result = CliRunner().invoke(cli, ["compare", str(contract), str(contract), "--out",
                                      str(out)])
    assert result.exit_code == 0, result.output
    redline = out / f"{HR_REF}-contract-redline.docx"
    assert (f"no differences: {contract.name} and {contract.name} read the same, so "
            f"{redline.name} has no tracked changes") in result.output
    assert redline.is_file() and _changes(redline) == 0


def test_the_same_answer_file_twice_says_no_differences(tmp_path: Path) -> None:
    _require_redlines()
    copy = tmp_path / "again.yaml"
    shutil.copy(HR, copy)
    result = CliRunner().invoke(cli, ["compare", str(HR), str(copy), "--out",
                                      str(tmp_path / "cmp")])
    assert result.exit_code == 0, result.output
    for what, suffix in (("agreement", "agreement"), ("contract", "contract"),
                         ("job specification", "job-spec")):
        assert (f"no differences: the {what} built from {HR.name} and the {what} built from "
                f"again.yaml read the same, so {HR_REF}-{suffix}-redline.docx has no "
                "tracked changes") in result.output


@pytest.mark.parametrize("order", ["agreement-contract", "contract-agreement"])
def test_documents_of_different_kinds_never_replace_a_real_redline(
        built: Path, tmp_path: Path, order: str) -> None:
    """Also a real change (an agreement against a contract): no "no differences" note, and
    tracked changes in the redline (one comparison serves both checks: it is the slow part)."""
    _require_redlines()
    first, second = order.split("-")
    old = tmp_path / "old"
    old.mkdir()
    for kind in (first, second):
        shutil.copy(built / HR_REF / f"{HR_REF}-{kind}.docx", old)
    out = tmp_path / "cmp"
    runner = CliRunner()
    same = old / f"{HR_REF}-{second}.docx"
    assert runner.invoke(cli, ["compare", str(same), str(same), "--out", str(out)]
                         ).exit_code == 0
    real = out / f"{HR_REF}-{second}-redline.docx"
    before = real.read_bytes()
    result = runner.invoke(cli, ["compare", str(old / f"{HR_REF}-{first}.docx"), str(same),
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "no differences" not in result.output
    mixed = f"{HR_REF}-{first}-vs-{HR_REF}-{second}-redline.docx"
    said = " ".join(result.output.split())  # (the warning may be wrapped)
    assert (f"warning: {HR_REF}-{first}.docx is {KIND[first]} but {HR_REF}-{second}.docx is "
            f"{KIND[second]}; the redline compares two different documents") in said
    assert f"is written as {mixed}" in result.output
    # "any", never "a agreement redline"
    assert f"any {second} redline already in the folder is left as it is" in result.output
    assert real.read_bytes() == before
    assert (out / mixed).is_file() and _changes(out / mixed) > 0
