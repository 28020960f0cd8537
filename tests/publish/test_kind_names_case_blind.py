"""A document's kind and reference are read from its name case-blind, by the one rule in
``docgen/word/names.py``: ``compare A-agreement.DOCX B-agreement.docx`` warned "unknown
kind" and named its redline after the file, where the old code (and ``verify``'s copy of
the table) took any case. ``verify`` now asks the same function."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from docgen.cli import cli
from docgen.word.names import kind_of_name, reference_of_name

from .test_review import _require_redlines

ROOT = Path(__file__).resolve().parents[2]
HR_REF = "EWK-WSM-HR-01"


def test_kind_and_reference_are_read_in_any_case() -> None:
    assert kind_of_name("A-AGREEMENT.DOCX") == "agreement"
    assert kind_of_name("Ewk-01-Job-Spec.Docx") == "job_spec"
    assert reference_of_name("Ewk-01-Job-Spec.Docx") == "Ewk-01"
    assert kind_of_name("notes.DOCX") is None and kind_of_name("docx") is None


def test_verify_keeps_no_copy_of_the_table() -> None:
    text = (ROOT / "docgen" / "publish" / "verify_folder.py").read_text(encoding="utf-8")
    assert "KIND_OF_SUFFIX" not in text and "kind_of_name" in text


def test_compare_names_an_upper_case_agreement_as_an_agreement(
        built: Path, tmp_path: Path) -> None:
    _require_redlines()
    agreement = built / HR_REF / f"{HR_REF}-agreement.docx"
    old, new = tmp_path / "A-agreement.DOCX", tmp_path / "B-agreement.docx"
    shutil.copy(agreement, old)
    shutil.copy(agreement, new)
    result = CliRunner().invoke(cli, ["compare", str(old), str(new), "--out",
                                      str(tmp_path / "cmp")])
    assert result.exit_code == 0, result.output
    assert "unknown kind" not in result.output, result.output
    made = [p.name for p in (tmp_path / "cmp").glob("*.docx")]
    assert made == ["B-agreement-redline.docx"], made
