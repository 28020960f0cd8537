"""Issue 16: the programme register people can sort and sum — real numbers with a £ format,
real dates, one row per party on a second sheet, a frozen filtered header, a CSV Excel reads
with £ intact, and ``docgen.read_register`` reading either back with types."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import time
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPORATE, EXAMPLES, copy_examples, with_only_the_vat_warning
from openpyxl import load_workbook

from docgen import build, read_register
from docgen.clauses import cachefolder
from docgen.publish.register import (
    collect_rows,
    partner_rows,
    workbook_bytes,
    write_register,
)
from docgen.publish.register_files import post_manifests
from docgen.publish.register_values import party_values, post_values

ACK = "\nacknowledge:\n  - rule: GP014\n    reason: VAT adviser confirmed, 1 March 2027.\n"


@pytest.fixture(scope="module")
def register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The three examples built, the Head of HR with an acknowledgement and a £ in its title."""
    folder = copy_examples(tmp_path_factory.mktemp("inputs"))
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
    widths = [_width(ws, c.column) for c in ws[1]]
    assert all(8 <= w <= 60 for w in widths), widths
    assert _width(ws, 2) >= len("Head of Shared Legal Services and Monitoring")


def _width(ws: Any, column: int) -> float:
    """A column's width as the file holds it (one <col> element may cover a run of columns
    of the same width; openpyxl files it under the first)."""
    [width] = [d.width for d in ws.column_dimensions.values()
               if d.customWidth and d.min <= column <= d.max]
    return float(width)


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
    assert f"EWK-WSM-HR-01,{CORPORATE['westmere']},westmere,no,40,40%,53137.73,13284.43" \
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


POSTS = [{"reference": "R-1", "title": "=1+1", "employer": "+A Council", "party_names": "@x",
          "cost_base": Decimal("132844.32"), "start_date": dt.date(2027, 4, 1),
          "next_review": None, "status": "draft", "build": "built", "warnings": 2,
          "acknowledged": "-GP014: fine"},
         {"reference": "R-2", "title": "Post", "cost_base": None, "warnings": None}]
PARTIES = [{"reference": "R-1", "party": "A Council", "party_id": "a", "employer": True,
            "time_percent": Decimal("60"), "time_text": "3 days a week",
            "annual": Decimal("79706.59"), "per_invoice": None},
           {"reference": "R-1", "party": "B Council", "party_id": "b", "employer": False,
            "time_percent": Decimal("33.33"), "time_text": "", "annual": Decimal("0.01"),
            "per_invoice": Decimal("13284.43")}]
PARTNERS = [{"party": f"Council {i}", "party_id": f"c{i}", "posts": i, "time": Decimal("0.6"),
             "annual": Decimal(1000 * i), "references": "R-1, R-2"} for i in range(1, 6)]


def test_workbook_bytes_are_reproducible() -> None:
    """The same rows give the same bytes: fixed created and modified times in the
    properties, every zip member dated 1980-01-01 (seconds apart, so a clock would show)."""
    first = workbook_bytes(POSTS, PARTIES, PARTNERS)
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "<dc:creator>docgen</dc:creator>" in core
    assert ">2000-01-01T00:00:00Z</dcterms:created>" in core
    assert ">2000-01-01T00:00:00Z</dcterms:modified>" in core
    time.sleep(1.01 - time.time() % 1)  # the clock's next second (0.5 s on average)
    assert workbook_bytes(POSTS, PARTIES, PARTNERS) == first


def test_every_value_reads_back_with_its_type_and_format() -> None:
    """What Excel shows: numbers with the £ format, fractions with a % format, real dates,
    yes/no, text kept as typed; and nothing in the sheets is a formula."""
    data = workbook_bytes(POSTS, PARTIES, PARTNERS)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheets = [z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
    assert len(sheets) == 3 and not any(b"<f>" in x or b"<f " in x for x in sheets)
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Register", "Parties", "Partners"]
    reg = wb["Register"]
    assert [c.value for c in reg["B2:E2"][0]] == ["=1+1", "+A Council", "@x", None]
    assert all(c.data_type == "s" for c in reg["A2:D2"][0])
    assert reg["F2"].value == 132844.32 and reg["F2"].number_format == '"£"#,##0.00'
    assert reg["F3"].value is None and reg["F3"].number_format == '"£"#,##0.00'
    assert reg["G2"].value == dt.datetime(2027, 4, 1) and reg["G2"].number_format == "yyyy-mm-dd"
    assert reg["H2"].value is None and reg["H2"].number_format == "yyyy-mm-dd"
    assert reg["K2"].value == 2 and reg["K2"].data_type == "n" and reg["K3"].value is None
    assert reg["L2"].value == "-GP014: fine"
    par = wb["Parties"]
    assert [c.value for c in par[2]] == ["R-1", "A Council", "a", "yes", 0.6, "3 days a week",
                                         79706.59, None]
    assert [c.value for c in par[3]] == ["R-1", "B Council", "b", "no", 0.3333, None, 0.01,
                                         13284.43]
    assert (par["E2"].number_format, par["E3"].number_format) == ("0%", "0.00%")
    assert par["H3"].number_format == '"£"#,##0.00'
    summary = wb["Partners"]
    assert [c.value for c in summary[6]] == ["Council 5", "c5", 5, 0.6, 5000, "R-1, R-2"]
    for ws, count in ((reg, 2), (par, 2), (summary, 5)):
        assert ws.freeze_panes == "A2" and all(c.font.b for c in ws[1])
        assert not any(c.font.b for row in ws.iter_rows(min_row=2) for c in row)
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{count + 1}"
    assert _width(reg, 2) == len("Post") + 3 and _width(reg, 6) == len("£132,844.32") + 2
    assert read_register_rows_of(data) == ["R-1", "R-2"]


def test_a_control_character_in_a_title_does_not_stop_the_register() -> None:
    """Text Excel cannot hold as it is (a control character; text that looks like Excel's
    own escape) is escaped the way Excel reads it back, rather than failing the build."""
    posts = [{"reference": "R", "title": "a\x01b"}, {"reference": "S", "title": "_x0041_"}]
    with zipfile.ZipFile(io.BytesIO(workbook_bytes(posts, []))) as z:
        strings = z.read("xl/sharedStrings.xml").decode()
    assert "<t>a_x0001_b</t>" in strings and "<t>_x005F_x0041_</t>" in strings


def read_register_rows_of(data: bytes) -> list[str]:
    ws = load_workbook(io.BytesIO(data), read_only=True)["Register"]
    return [r[0] for r in ws.iter_rows(min_row=2, values_only=True)]


def test_an_empty_register_still_has_its_headers_and_filters() -> None:
    wb = load_workbook(io.BytesIO(workbook_bytes([], [])))
    assert wb.sheetnames == ["Register", "Parties"]  # no partners, no summary
    # the last column, Why it failed, is empty for a post that built
    assert wb["Register"].auto_filter.ref == "A1:M1" and wb["Parties"].max_row == 1


def test_the_partners_chart_is_a_bar_chart_of_annual_cost_beside_the_table() -> None:
    """At H2, 18 cm wide and 1.2 cm a partner + 3 cm high (6 cm at least), in cells of the
    default size (64 by 20 pixels, 9,525 EMU a pixel); value axis in £, no legend."""
    for partners in (PARTNERS, PARTNERS[:1]):
        data = workbook_bytes(POSTS, PARTIES, partners)
        ws = load_workbook(io.BytesIO(data))["Partners"]
        [chart] = ws._charts
        assert chart.type == "bar" and chart.legend is None
        assert chart.title.tx.rich.p[0].r[0].t == "Total annual cost by partner"
        assert chart.y_axis.title.tx.rich.p[0].r[0].t == "£ a year"
        assert chart.y_axis.numFmt.formatCode == '"£"#,##0.00'
        [series] = chart.series
        n = len(partners)
        rows = f"2:${{}}${n + 1}" if n > 1 else "2"  # one cell: $E$2
        assert series.val.numRef.f == "Partners!$E$" + rows.format("E")
        assert series.cat.strRef.f == "Partners!$A$" + rows.format("A")
        assert series.tx.strRef.f == "Partners!$E$1"  # named by the column's header
        start, end = chart.anchor._from, chart.anchor.to
        assert (start.col, start.row, start.colOff, start.rowOff) == (7, 1, 0, 0)
        wide = (end.col - start.col) * 64 * 9525 + end.colOff
        # rows of the default 20 pixels, but for the note under the table (taller, wrapped)
        heights = [ws.row_dimensions[r + 1].height for r in range(start.row, end.row)]
        high = sum(20 if h is None else round(h * 4 / 3) for h in heights) * 9525 + end.rowOff
        assert wide == pytest.approx(18 * 360000, abs=9525)
        assert high == pytest.approx(max(6, 1.2 * n + 3) * 360000, abs=9525)


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


# --- the command line's memo of the workbook --------------------------------------------

@pytest.fixture
def memo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, register: Path) -> Path:
    """A copy of the built register's folder, with a cache folder chosen as the command
    line chooses one."""
    monkeypatch.setattr(cachefolder, "_CHOSEN", [tmp_path / "cache"])
    (tmp_path / "cache").mkdir()
    out = tmp_path / "out"
    shutil.copytree(register, out)
    return out


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns


def test_a_register_with_the_same_rows_is_not_written_again(memo: Path) -> None:
    write_register(memo)  # the memo learns this workbook
    before = {name: _stamp(memo / name)
              for name in ("register.xlsx", "register.csv", "register-parties.csv")}
    write_register(memo)
    assert {name: _stamp(memo / name) for name in before} == before


def test_a_deleted_damaged_or_edited_workbook_is_written_again(memo: Path) -> None:
    write_register(memo)
    good = (memo / "register.xlsx").read_bytes()
    (memo / "register.xlsx").unlink()
    write_register(memo)
    assert (memo / "register.xlsx").read_bytes() == good
    (memo / "register.xlsx").write_bytes(good[:-10])  # damaged
    write_register(memo)
    assert (memo / "register.xlsx").read_bytes() == good
    middle = len(good) // 2  # edited, at the same size: the hash tells, not the size
    (memo / "register.xlsx").write_bytes(good[:middle] + bytes([good[middle] ^ 1])
                                         + good[middle + 1:])
    write_register(memo)
    assert (memo / "register.xlsx").read_bytes() == good
    (memo / "register.csv").write_text("edited", encoding="utf-8")
    write_register(memo)
    assert (memo / "register.csv").read_text(encoding="utf-8-sig").startswith("Reference,")


def test_new_rows_make_a_new_workbook_with_the_memo(memo: Path) -> None:
    write_register(memo)
    manifest = next(memo.glob("EWK-WSM-HR-01/manifest.json"))
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["register"]["title"] = "Shared Head of People"
    manifest.write_text(json.dumps(data), encoding="utf-8")
    write_register(memo)
    titles = [r["title"] for r in read_register(memo / "register.xlsx")]
    assert "Shared Head of People" in titles
    assert (memo / "register.xlsx").read_bytes() == workbook_bytes(
        *_typed_rows(memo))


def _typed_rows(out: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]],
                                    list[dict[str, Any]]]:
    rows = collect_rows(out)
    return ([post_values(r) for r in rows], [p for r in rows for p in party_values(r)],
            partner_rows(rows))


def test_the_manifests_read_for_the_register_keep_only_what_it_and_the_notices_read(
        register: Path) -> None:
    """A batch reads every post folder's manifest once and holds them all until the
    register and the notices are written: holding the whole manifests (their clause
    records) took a 1,000-post batch's main process from 72 to 127 MB."""
    kept = post_manifests(register)
    assert len(kept) == 3
    for path, data in kept:
        whole = json.loads(path.read_text(encoding="utf-8"))
        assert data == {"register": whole["register"], "reference": whole["reference"],
                        "answer_file": {"resolved": whole["answer_file"]["resolved"]}}
        assert len(json.dumps(data)) * 3 < len(json.dumps(whole))
