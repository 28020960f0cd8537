"""The register after the tools audit: partners are organisations, not party ids (1); a
post that fails its checks keeps one row (2); an edited register is kept (4); posts with
no answer file are named (5); the CSV and the workbook read back alike (10)."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

from conftest import EXAMPLES

from docgen import build, read_register
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
    folder = tmp_path / "inputs"
    folder.mkdir()
    for ex in EXAMPLES:
        shutil.copy(ex, folder / ex.name)
    return folder


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
