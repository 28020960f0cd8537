"""The register after the tools audit: partners are organisations, not party ids (1); a
post that fails its checks keeps one row (2); an edited register is kept (4); posts with
no answer file are named (5); the CSV and the workbook read back alike (10)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES, copy_examples
from openpyxl import load_workbook

from docgen import build, read_register
from docgen.cli import cli
from docgen.publish.programme import chosen, partner_totals
from docgen.publish.register import partner_rows, write_register

HR = "shared-head-of-hr.yaml"


def _party(pid: str, name: str, annual: str) -> dict[str, str]:
    return {"id": pid, "name": name, "time_percent": "50", "annual": annual}


def test_partners_with_the_same_id_are_different_organisations() -> None:
    rows = [{"reference": "A", "parties": [_party("council", "Northbridge City Council", "10")]},
            {"reference": "B", "parties": [_party("council", "Southport Borough Council", "20")]},
            {"reference": "C", "parties": [_party("party_a", "northbridge  city COUNCIL", "5")]}]
    totals = {t.name: (t.posts, t.annual, t.references) for t in partner_totals(rows)}
    assert totals == {"Southport Borough Council": (1, Decimal(20), ["B"]),
                      "Northbridge City Council": (2, Decimal(15), ["A", "C"])}
    assert [r["party"] for r in partner_rows(rows)] == ["Southport Borough Council",
                                                        "Northbridge City Council"]
    southport = next(t.key for t in partner_totals(rows) if t.name.startswith("Southport"))
    assert [r["reference"] for r in chosen(rows, southport)] == ["B"]


def _inputs(tmp_path: Path) -> Path:
    return copy_examples(tmp_path / "inputs")


def test_a_post_that_now_fails_its_checks_replaces_its_row(tmp_path: Path) -> None:
    inputs, out = _inputs(tmp_path), tmp_path / "out"
    assert build([inputs], out).ok
    hr = inputs / HR
    text = hr.read_text(encoding="utf-8")
    assert "westmere: 40}" in text
    hr.write_text(text.replace("westmere: 40}", "westmere: 30}"), encoding="utf-8")
    report = build([inputs], out)
    assert not report.ok
    rows = read_register(out / "register.csv")
    mine = [r for r in rows if r["reference"] == "EWK-WSM-HR-01" or r["title"] == str(hr)]
    assert [(r["reference"], r["build"]) for r in mine] == [("EWK-WSM-HR-01", "failed")]
    assert all(r["reference"] for r in rows)


def test_the_csv_and_the_workbook_read_back_alike(tmp_path: Path) -> None:
    """The CSV's formula guard (a ' before "=") is not part of the title read back, and a
    third is the same figure from both files."""
    third = str(Decimal(100) / 3)  # 28 digits, as a 6-day week shared three ways gives
    parties = [_party(pid, f"{pid.title()} Council", "1.00") | {"time_percent": third}
               for pid in ("a", "b", "c")]
    titles = ["=HYPERLINK(\"x\")", "-Director of Finance", "'=quoted", "''plain"]
    for n, title in enumerate(titles):
        folder = tmp_path / f"P{n}"
        folder.mkdir()
        post = {"reference": f"P{n}", "title": title, "cost_base": "3.00",
                "start_date": "2027-01-01", "parties": parties, "warnings": 0}
        (folder / "manifest.json").write_text(json.dumps({"register": post}))
    write_register(tmp_path)
    from_csv = read_register(tmp_path / "register.csv")
    assert from_csv == read_register(tmp_path / "register.xlsx")
    assert [r["title"] for r in from_csv] == titles
    assert {p["time_percent"] for r in from_csv for p in r["parties"]} == {Decimal("33.3333")}


def _cli_build(inputs: Path, out: Path) -> str:
    result = CliRunner().invoke(cli, ["build", str(inputs), "--out", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.output


def test_an_edited_register_is_kept_beside_the_new_one_and_named(tmp_path: Path) -> None:
    inputs, out = _inputs(tmp_path), tmp_path / "out"
    assert build([inputs], out).ok
    wb = load_workbook(out / "register.xlsx")
    wb["Register"]["F9"] = "=SUM(F2:F4)"
    wb.save(out / "register.xlsx")
    with (out / "register.csv").open("a", encoding="utf-8") as fh:
        fh.write("my,notes\r\n")
    said = _cli_build(inputs, out)  # every post unchanged: the register is written anyway
    assert "register.xlsx had been edited by hand; kept it as register.edited-1.xlsx" in said
    assert "register.csv had been edited by hand; kept it as register.edited-1.csv" in said
    assert load_workbook(out / "register.edited-1.xlsx")["Register"]["F9"].value == "=SUM(F2:F4)"
    assert (out / "register.edited-1.csv").read_bytes().endswith(b"my,notes\r\n")
    assert "my,notes" not in (out / "register.csv").read_text(encoding="utf-8-sig")
    assert [r["reference"] for r in read_register(out / "register.xlsx")] == [
        r["reference"] for r in read_register(out / "register.csv")]
    again = _cli_build(inputs, out)  # docgen's own register is not kept again
    assert "edited by hand" not in again and not (out / "register.edited-2.xlsx").exists()


def test_posts_without_their_answer_file_are_named(tmp_path: Path) -> None:
    inputs, out = _inputs(tmp_path), tmp_path / "out"
    assert build([inputs], out).ok
    hr = inputs / HR
    text = hr.read_text(encoding="utf-8")
    assert "\nreference: EWK-WSM-HR-01\n" in text
    hr.write_text(text.replace("\nreference: EWK-WSM-HR-01\n", "\nreference: EWK-WSM-HR-02\n"),
                  encoding="utf-8")
    gone = EXAMPLES[-1].name
    reference = next(r["reference"] for r in read_register(out / "register.csv")
                     if r["reference"] not in ("EWK-WSM-HR-01",)
                     and (out / r["reference"] / "manifest.json").read_text(
                         encoding="utf-8").count(gone))
    (inputs / gone).unlink()
    said = " ".join(_cli_build(inputs, out).split())
    assert f"{hr} now has reference EWK-WSM-HR-02, not EWK-WSM-HR-01" in said
    assert f"post {reference}'s answer file {inputs / gone} is no longer there" in said
    assert said.count("register row are kept") == 2
