"""The register's Partners and Parties sheets count the figures of the documents that
stand: a post built before whose rebuild fails keeps its documents (publishing is all or
nothing), so it is counted with its last successful build's figures, never those of the
answers that failed, and the notes under the tables say so; a post that failed with no
earlier documents is left out of both, and named. Read back with openpyxl, as a
programme team opens register.xlsx."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from intake_programme import base_answers, row, set_cells, write_programme
from openpyxl import load_workbook

from docgen import read_register
from docgen.cli import cli


def _build(book: Path, out: Path) -> int:
    result = CliRunner().invoke(cli, ["build", str(book), "--out", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code


def _sheets(out: Path) -> tuple[dict[str, str], list[tuple[Any, ...]], list[tuple[Any, ...]],
                                list[str]]:
    """Each post's Last build, the Parties table, the Partners table and the notes under
    the two tables (Parties', then Partners')."""
    wb = load_workbook(out / "register.xlsx")
    register = wb["Register"]
    heads = [c.value for c in register[1]]
    builds = {r[0]: r[heads.index("Last build")]
              for r in register.iter_rows(min_row=2, values_only=True)}
    found = list(wb["Parties"].iter_rows(min_row=2, values_only=True))
    parties = [r for r in found if r[1]]  # a party has its name; a note is one cell
    rows = list(wb["Partners"].iter_rows(min_row=2, values_only=True))
    table = [r for r in rows if r[1]]  # a partner has its id; a note is one cell
    notes = [r[0] for r in [*found, *rows] if r[0] and not r[1]]
    return builds, parties, table, notes


def _register(out: Path) -> dict[str, dict[str, Any]]:
    return {r["reference"]: r for r in read_register(out / "register.xlsx")}


def _money(value: Any) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def test_a_post_whose_rebuild_failed_is_counted_with_the_documents_that_stand(
        tmp_path: Path) -> None:
    book, out = write_programme(tmp_path, 3), tmp_path / "out"
    assert _build(book, out) == 0
    builds, parties, table, notes = _sheets(out)
    assert set(builds.values()) == {"built"} and [r[2] for r in table] == [3, 3]
    assert notes == ["Totals of the 3 posts whose last build succeeded (those whose Last "
                     "build is built on the Register sheet)."]
    before = _register(out)["EWK-0002"]

    # EWK-0002's salary goes up, but its agreement was edited by hand: the build refuses
    # to overwrite it, so the new figures are in no document and the old set stands; and
    # a new row, EWK-0004, fails its checks the first time: it has no documents at all
    set_cells(book, {"D3": 99000, "A5": "EWK-0004", "B5": "Shared Head of Service 4",
                     "C5": row(4)["Start date"], "D5": -5, "E5": row(4)["Time split"],
                     "G5": "_partners.yaml"})
    agreement = out / "EWK-0002" / "EWK-0002-agreement.docx"
    agreement.write_bytes(agreement.read_bytes() + b"\0")
    assert _build(book, out) == 1
    assert (out / "EWK-0002" / "EWK-0002-contract.docx").is_file()  # the set that stands
    builds, after, standing, notes = _sheets(out)
    assert builds == {"EWK-0001": "built", "EWK-0002": "failed", "EWK-0003": "built",
                      "EWK-0004": "failed"}
    # the Parties sheet: the standing documents' figures, nothing of EWK-0004
    assert after == parties
    # the Register sheet: EWK-0002's row gives its standing figures, says it failed and why
    now = _register(out)["EWK-0002"]
    assert now["cost_base"] == before["cost_base"] and now["build"] == "failed"
    assert now["why"].endswith("; the documents of its last successful build stand, and "
                               "the details on this line are theirs")
    assert [(p["party"], p["annual"]) for p in now["parties"]] == [
        (p["party"], p["annual"]) for p in before["parties"]]
    # the Partners sheet: the same totals as before, EWK-0002 counted with what stands
    assert standing == table
    assert {r[0] for r in standing} == {p["name"] for p in base_answers()["parties"]}
    for partner, _id, posts, time, annual, references in standing:
        mine = [p for p in after if p[1] == partner]
        assert posts == 3 and references == "EWK-0001, EWK-0002, EWK-0003"
        assert _money(annual) == sum((_money(p[6]) for p in mine), Decimal(0))
        assert abs(time - sum(p[4] for p in mine)) < 1e-9
    assert notes == [
        "The latest answers of 1 post failed (EWK-0002): its rows give the figures of its "
        "last successful build, whose documents still stand. Not listed: 1 post whose build "
        "failed and which has no documents from an earlier build (EWK-0004); the Register "
        "sheet's Why it failed says why. Build it again once fixed and it is listed.",
        "Totals of the 3 posts whose documents stand: 2 whose last build succeeded, and 1 "
        "whose latest answers failed (EWK-0002), counted with the figures of its last "
        "successful build, whose documents still stand, never those of the answers that "
        "failed (the Register sheet's Why it failed says why). Not counted: 1 post whose "
        "build failed and which has no documents from an earlier build (EWK-0004); the "
        "Register sheet's Why it failed says why. Build it again once fixed and it is "
        "counted."]
    wb = load_workbook(out / "register.xlsx")
    assert [c.value for c in wb["Partners"][1]][2:5] == [
        "Posts built", "Total time (full-time posts built)", "Total annual cost (posts built)"]
