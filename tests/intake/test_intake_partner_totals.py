"""The register's Partners sheet totals the posts whose last build succeeded, and says so:
a post whose build failed is not counted (its row holds the figures asked for this time,
which no document has), and a note under the table names it. Read back with openpyxl,
as a programme team opens register.xlsx."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from intake_programme import base_answers, set_cells, write_programme
from openpyxl import load_workbook

from docgen.cli import cli


def _build(book: Path, out: Path) -> int:
    result = CliRunner().invoke(cli, ["build", str(book), "--out", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code


def _sheets(out: Path) -> tuple[dict[str, str], list[tuple[Any, ...]], list[tuple[Any, ...]],
                                list[str]]:
    """Each post's Last build, the Parties rows, the Partners table and the notes under it."""
    wb = load_workbook(out / "register.xlsx")
    register = wb["Register"]
    heads = [c.value for c in register[1]]
    builds = {r[0]: r[heads.index("Last build")]
              for r in register.iter_rows(min_row=2, values_only=True)}
    parties = list(wb["Parties"].iter_rows(min_row=2, values_only=True))
    rows = list(wb["Partners"].iter_rows(min_row=2, values_only=True))
    table = [r for r in rows if r[1]]  # a partner has its id; a note is one cell
    notes = [r[0] for r in rows if r[0] and not r[1]]
    return builds, parties, table, notes


def _money(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def test_a_post_whose_build_failed_is_not_in_the_partner_totals_and_the_sheet_says_so(
        tmp_path: Path) -> None:
    book, out = write_programme(tmp_path, 3), tmp_path / "out"
    assert _build(book, out) == 0
    builds, parties, table, notes = _sheets(out)
    assert set(builds.values()) == {"built"} and [r[2] for r in table] == [3, 3]
    assert notes == ["Totals of the 3 posts whose last build succeeded (those whose Last "
                     "build is built on the Register sheet)."]

    # EWK-0002's salary goes up, but its agreement was edited by hand: the build refuses
    # to overwrite it, so the new figures are in no document
    set_cells(book, {"D3": 99000})
    agreement = out / "EWK-0002" / "EWK-0002-agreement.docx"
    agreement.write_bytes(agreement.read_bytes() + b"\0")
    assert _build(book, out) == 1
    builds, parties, table, notes = _sheets(out)
    assert builds == {"EWK-0001": "built", "EWK-0002": "failed", "EWK-0003": "built"}
    counted = [p for p in parties if builds[p[0]] == "built"]
    assert {r[0] for r in table} == {p["name"] for p in base_answers()["parties"]}
    for partner, _id, posts, time, annual, references in table:
        mine = [p for p in counted if p[1] == partner]
        assert posts == 2 and references == "EWK-0001, EWK-0003"
        assert _money(annual) == sum((_money(p[6]) for p in mine), Decimal(0))
        assert abs(time - sum(p[4] for p in mine)) < 1e-9
    assert notes == [
        "Totals of the 2 posts whose last build succeeded (those whose Last build is built "
        "on the Register sheet). Not counted: 1 post whose last build failed (EWK-0002); the "
        "Register sheet's Why it failed says why. Build it again once fixed and it is counted."]
    wb = load_workbook(out / "register.xlsx")
    assert [c.value for c in wb["Partners"][1]][2:5] == [
        "Posts built", "Total time (full-time posts built)", "Total annual cost (posts built)"]
