"""Issue 16: the programme register people can sort and sum — real numbers with a £ format,
real dates, one row per party on a second sheet, a frozen filtered header, a CSV Excel reads
with £ intact, and ``docgen.read_register`` reading either back with types."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import EXAMPLES, with_only_the_vat_warning
from openpyxl import load_workbook

from docgen import build, read_register
from docgen.publish.register import workbook_bytes, write_register

ACK = "\nacknowledge:\n  - rule: GP014\n    reason: VAT adviser confirmed, 1 March 2027.\n"


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three examples built, the Head of HR with an acknowledgement and a £ in its title."""
    folder = tmp_path_factory.mktemp("inputs")
    for ex in EXAMPLES:
        shutil.copy(ex, folder / ex.name)
    hr = folder / "shared-head-of-hr.yaml"
    hr.write_text(with_only_the_vat_warning(hr.read_text(encoding="utf-8")).replace(
        "title: Shared Head of Human Resources", "title: Shared Head of HR (£ budget holder)")
        + ACK, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    report = build([folder], out)
    assert report.ok, [(p.source, p.message, [str(e) for e in p.errors]) for p in report.posts]
    return out


def test_xlsx_has_numeric_money_real_dates_and_a_usable_header(register: Path) -> None:
    wb = load_workbook(register / "register.xlsx")
    ws = wb["Register"]
    head = [c.value for c in ws[1]]
    assert head[:3] == ["Reference", "Post", "Employer"]
    last = ws.cell(1, len(head)).column_letter
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == f"A1:{last}4"
    assert all(c.font.b for c in ws[1])
    rows = {r[0].value: {h: c for h, c in zip(head, r, strict=True)}
            for r in ws.iter_rows(min_row=2)}
    hr = rows["EWK-WSM-HR-01"]
    cost = hr["Cost base"]
    assert cost.data_type == "n" and isinstance(cost.value, int | float)
    assert cost.value == pytest.approx(132844.32) and "£" in cost.number_format
    start = hr["Start date"]
    assert start.is_date and start.value.date() == dt.date(2027, 4, 1)
    assert hr["Next review"].value.date() == dt.date(2027, 10, 1)
    assert hr["Warnings"].value == 1
    assert hr["Post"].value == "Shared Head of HR (£ budget holder)"
    assert hr["Acknowledged"].value == "GP014: VAT adviser confirmed, 1 March 2027."
    assert rows["TRI-LEGAL-01"]["Acknowledged"].value is None
    widths = [ws.column_dimensions[c.column_letter].width for c in ws[1]]
    assert all(8 <= w <= 60 for w in widths), widths
    assert ws.column_dimensions["B"].width >= len("Head of Shared Legal Services and Monitoring")


def test_parties_sheet_sums_to_each_post_and_per_party(register: Path) -> None:
    ws = load_workbook(register / "register.xlsx")["Parties"]
    head = [c.value for c in ws[1]]
    assert head == ["Reference", "Party", "Party id", "Employer", "Time %", "Time",
                    "Annual cost", "Per invoice"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    rows = [{h: c for h, c in zip(head, r, strict=True)} for r in ws.iter_rows(min_row=2)]
    assert len(rows) == 7  # 2 + 2 + 3 parties
    westmere = next(r for r in rows if r["Party id"].value == "westmere")
    assert westmere["Annual cost"].value == pytest.approx(53137.73)
    assert "£" in westmere["Annual cost"].number_format
    assert westmere["Time %"].value == pytest.approx(0.4)
    assert westmere["Time %"].number_format == "0%"
    assert westmere["Per invoice"].value == pytest.approx(13284.43)
    assert westmere["Employer"].value == "no"
    # salary share: the parties' annual costs add up to the cost base, to the penny
    hr = [r for r in rows if r["Reference"].value == "EWK-WSM-HR-01"]
    total = sum(Decimal(repr(r["Annual cost"].value)) for r in hr)
    assert total == Decimal("132844.32")
    legal = [r for r in rows if r["Reference"].value == "TRI-LEGAL-01"]
    assert [r["Time"].value for r in legal] == ["2 days a week", "1.5 days a week",
                                               "1.5 days a week"]
    assert sum(r["Time %"].value for r in legal) == pytest.approx(1.0)


def test_csv_has_a_bom_plain_numbers_and_keeps_the_pound_sign(register: Path) -> None:
    raw = (register / "register.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on Windows reads UTF-8 only with it
    text = raw.decode("utf-8-sig")
    assert "Shared Head of HR (£ budget holder)" in text and "Â" not in text
    hr = next(line for line in text.splitlines() if line.startswith("EWK-WSM-HR-01"))
    assert ",132844.32,2027-04-01,2027-10-01," in hr  # unformatted numbers, ISO dates
    parties = (register / "register-parties.csv").read_bytes()
    assert parties.startswith(b"\xef\xbb\xbf")
    assert "EWK-WSM-HR-01,Royal Borough of Westmere,westmere,no,40,40%,53137.73,13284.43" \
        in parties.decode("utf-8-sig")


@pytest.mark.parametrize("name", ["register.xlsx", "register.csv"])
def test_read_register_gives_types_back(register: Path, name: str) -> None:
    rows = {r["reference"]: r for r in read_register(register / name)}
    assert set(rows) == {"NBC-ICB-DPH-2027", "EWK-WSM-HR-01", "TRI-LEGAL-01"}
    hr = rows["EWK-WSM-HR-01"]
    assert hr["cost_base"] == Decimal("132844.32") and isinstance(hr["cost_base"], Decimal)
    assert hr["start_date"] == dt.date(2027, 4, 1) and type(hr["start_date"]) is dt.date
    assert hr["next_review"] == dt.date(2027, 10, 1)
    assert hr["warnings"] == 1 and hr["status"] == "draft" and hr["build"] == "built"
    assert hr["acknowledged"].startswith("GP014: VAT adviser")
    assert [(p["party_id"], p["time_percent"], p["annual"], p["per_invoice"], p["employer"])
            for p in hr["parties"]] == [
        ("eastwick", Decimal("60"), Decimal("79706.59"), None, True),
        ("westmere", Decimal("40"), Decimal("53137.73"), Decimal("13284.43"), False)]
    legal = rows["TRI-LEGAL-01"]
    assert sum(p["time_percent"] for p in legal["parties"]) == 100


def test_both_formats_read_back_the_same(register: Path) -> None:
    assert read_register(register / "register.xlsx") == read_register(register / "register.csv")


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    post = {"reference": "=HYPERLINK(\"x\")", "title": "=1+1", "cost_base": "10.00",
            "start_date": "2027-01-01", "parties": [], "warnings": 0}
    folder = tmp_path / "P1"
    folder.mkdir()
    (folder / "manifest.json").write_text(json.dumps({"register": post}))
    write_register(tmp_path)
    ws = load_workbook(tmp_path / "register.xlsx")["Register"]
    assert ws["B2"].value == "=1+1" and ws["B2"].data_type == "s"
    assert "'=1+1" in (tmp_path / "register.csv").read_text(encoding="utf-8-sig")


def test_older_manifest_rows_still_list(tmp_path: Path) -> None:
    """A post built by an earlier docgen (formatted strings) keeps its row."""
    old = {"reference": "OLD-1", "title": "Old post", "parties": "A Council; B Council",
           "employer": "A Council", "split": "A 50%; B 50%", "annual_cost": "A £1.00; B £1.00",
           "cost_base": "£99,840.00", "start_date": "2027-01-01", "next_review": "",
           "status": "draft", "build": "built", "warnings": 2}
    (tmp_path / "OLD-1").mkdir()
    (tmp_path / "OLD-1" / "manifest.json").write_text(json.dumps({"register": old}))
    write_register(tmp_path)
    [row] = read_register(tmp_path / "register.xlsx")
    assert row["cost_base"] == Decimal("99840.00")
    assert row["party_names"] == "A Council; B Council"
    assert row["next_review"] is None and row["parties"] == []


def test_workbook_bytes_are_reproducible() -> None:
    posts = [{"reference": "R", "cost_base": Decimal("1.50"), "start_date": dt.date(2027, 1, 1)}]
    assert workbook_bytes(posts, []) == workbook_bytes(posts, [])


def test_a_refused_second_file_leaves_the_posts_row(tmp_path: Path) -> None:
    """A file refused because another answer file owns the reference's folder does not
    replace that post's row in the register."""
    first, second = tmp_path / "a" / "post.yaml", tmp_path / "b" / "post.yaml"
    for path in (first, second):
        path.parent.mkdir()
    hr = (EXAMPLES[0].parent / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    first.write_text(hr, encoding="utf-8")
    second.write_text(hr.replace("title: Shared Head of Human Resources",
                                 "title: Somebody else's post"), encoding="utf-8")
    out = tmp_path / "out"
    assert build([first], out).ok
    refused = build([second], out)
    assert not refused.ok and "holds the documents of" in refused.posts[0].message
    rows = read_register(out / "register.csv")
    assert [r["title"] for r in rows] == ["Shared Head of Human Resources"]
