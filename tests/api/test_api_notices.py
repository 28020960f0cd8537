"""What a build says about the output folder as a whole (an edited register kept aside,
posts whose answer file is gone, a workbook's removed rows) reaches a program too: the
``notices`` of ``docgen.build()``'s report, ``docgen build --json`` and a workbook build's
text and JSON, not only the command line's text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, copy_examples
from intake_programme import write_programme
from openpyxl import load_workbook

import docgen
from docgen.answers.folder_names import STATE
from docgen.cli import cli


def _cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def _edit_register(out: Path) -> None:
    with (out / "register.csv").open("a", encoding="utf-8") as fh:
        fh.write("my,notes\r\n")


def test_the_api_report_carries_the_register_notices(tmp_path: Path) -> None:
    inputs, out = copy_examples(tmp_path / "inputs"), tmp_path / "out"
    first = docgen.build([inputs], out=out)
    assert first.ok and first.notices == []
    _edit_register(out)
    gone = EXAMPLES[-1].name
    reference = docgen.load(inputs / gone).reference
    (inputs / gone).unlink()
    report = docgen.build([inputs], out=out)
    assert report.ok
    kinds = {(n.kind, n.reference) for n in report.notices}
    assert kinds == {("register-edited", ""), ("answer-file-gone", reference)}, report.notices
    kept = next(n for n in report.notices if n.kind == "register-edited")
    assert kept.path == out / "register.edited-1.csv" and kept.path.is_file()
    assert str(kept).startswith("register.csv had been edited by hand; kept it as "
                                "register.edited-1.csv")
    orphan = next(n for n in report.notices if n.kind == "answer-file-gone")
    assert orphan.path == out / reference and orphan.source == (inputs / gone).resolve()
    assert "is no longer there; its documents and its register row are kept" in orphan.message
    again = docgen.build([inputs], out=out)  # the copy was kept once; the orphan stays named
    assert [n.kind for n in again.notices] == ["answer-file-gone"]


def test_build_json_lists_the_notices_after_the_posts(tmp_path: Path) -> None:
    inputs, out = copy_examples(tmp_path / "inputs"), tmp_path / "out"
    assert _cli("build", str(inputs), "--out", str(out), "-q")[0] == 0
    _edit_register(out)
    code, text = _cli("build", str(inputs), "--out", str(out), "--json")
    assert code == 0, text
    records = json.loads(text)
    notices = [r for r in records if r["status"] == "notice"]
    assert records[-len(notices):] == notices
    assert [(r["kind"], r["path"]) for r in notices] == [
        ("register-edited", str(out / "register.edited-1.csv"))]
    assert notices[0]["message"].startswith("register.csv had been edited by hand")
    assert all(r["status"] == "skipped" for r in records[:-1])


def test_a_workbook_build_says_its_notices_in_text_and_json(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 3)
    out = tmp_path / "out"
    assert _cli("build", str(book), "--out", str(out), "-q")[0] == 0
    _edit_register(out)
    code, text = _cli("build", str(book), "--out", str(out), "-q")
    assert code == 0, text
    assert "register.csv had been edited by hand; kept it as register.edited-1.csv" in text
    wb = load_workbook(book)
    wb["Posts"].delete_rows(4)  # EWK-0003's rows
    wb["Responsibilities"].delete_rows(4)
    wb.save(book)
    _edit_register(out)
    code, text = _cli("build", str(book), "--out", str(out), "--json")
    assert code == 0, text
    notices = {r["kind"]: r for r in json.loads(text) if r.get("status") == "notice"}
    assert set(notices) == {"register-edited", "row-removed"}, notices
    assert notices["register-edited"]["path"] == str(out / "register.edited-2.csv")
    removed = notices["row-removed"]
    assert removed["reference"] == "EWK-0003" and removed["path"] == str(out / "EWK-0003")
    assert removed["message"].startswith("EWK-0003 is no longer in posts.xlsx; its documents")


def test_a_build_reads_each_post_folders_manifest_once_for_register_and_notices(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The register's rows and the notices about post folders come from one reading of the
    folders' manifests (a batch of 1,000 posts read them twice: 0.1 s of a one-core tail)."""
    inputs, out = copy_examples(tmp_path / "inputs"), tmp_path / "out"
    assert docgen.build([inputs], out=out).ok
    gone = EXAMPLES[-1].name
    reference = docgen.load(inputs / gone).reference
    (inputs / gone).unlink()
    reads: list[str] = []
    read_text = Path.read_text

    def counted(self: Path, *args: object, **kwargs: object) -> str:
        if self.name == "manifest.json":
            reads.append(self.parent.name)
        return read_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", counted)
    report = docgen.build([inputs], out=out)
    monkeypatch.undo()
    folders = sorted(p.parent.name for p in out.glob("*/manifest.json"))
    assert len(folders) == len(EXAMPLES) and sorted(reads) == folders
    assert [(n.kind, n.reference) for n in report.notices] == [("answer-file-gone", reference)]
    with (out / "register.csv").open(encoding="utf-8") as fh:
        assert sum(reference in line for line in fh) == 1  # its row is kept


def test_a_manifest_nested_past_the_json_parser_is_passed_by(tmp_path: Path) -> None:
    """A post folder whose manifest.json nests deeper than json can parse (RecursionError,
    not ValueError) is a manifest that cannot be read: a batch passed it through to the
    user as a traceback after its documents were published."""
    inputs, out = copy_examples(tmp_path / "inputs"), tmp_path / "out"
    assert docgen.build([inputs], out=out).ok
    (out / "ZZZ-1").mkdir()
    (out / "ZZZ-1" / "manifest.json").write_text("[" * 100_000, encoding="utf-8")
    (out / STATE).write_text('{"a":' * 100_000, encoding="utf-8")  # the batch's state too
    report = docgen.build([inputs], out=out, force=True)
    assert report.ok and len(report.posts) == len(EXAMPLES)
    assert all(n.reference != "ZZZ-1" for n in report.notices)
    rows = (out / "register.csv").read_text(encoding="utf-8-sig")
    assert "ZZZ-1" not in rows and all(p.reference in rows for p in report.posts)
