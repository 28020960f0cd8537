"""Reading a built register back as a programme manager sees it: the Parties CSV, the notes
under a sheet's table and the Partners sheet's totals (shared by the register tests)."""

from __future__ import annotations

import csv
from pathlib import Path

from conftest import EXAMPLES_DIR
from openpyxl import load_workbook

from docgen import build, read_register

HR, OTHER = "shared-head-of-hr.yaml", "joint-director-public-health.yaml"


def parties_csv(out: Path) -> list[list[str]]:
    with (out / "register-parties.csv").open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def notes(out: Path, sheet: str) -> list[str]:
    """The notes under a sheet's table: one merged cell, its other columns empty."""
    rows = load_workbook(out / "register.xlsx")[sheet].iter_rows(min_row=2, values_only=True)
    return [r[0] for r in rows if r[0] and not any(r[1:])]


def partner_totals(out: Path) -> dict[str, tuple[int, float, str]]:
    """Each partner's posts, time (in posts) and annual cost, by name."""
    rows = load_workbook(out / "register.xlsx")["Partners"].iter_rows(min_row=2,
                                                                     values_only=True)
    return {r[0]: (r[2], round(r[4], 2), r[5]) for r in rows if r[1]}


def two_posts_built(tmp_path: Path) -> tuple[Path, Path, dict[str, dict[str, str]]]:
    """The Head of HR and the DPH examples copied to ``tmp_path/inputs`` and built into
    ``tmp_path/out``: (inputs, out, the register's rows by reference)."""
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    inputs.mkdir()
    for name in (HR, OTHER):
        (inputs / name).write_bytes((EXAMPLES_DIR / name).read_bytes())
    assert build([inputs], out).ok
    return inputs, out, {r["reference"]: r for r in read_register(out / "register.csv")}
