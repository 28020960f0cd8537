"""A programme of N posts for the intake tests and bench: a base answer file with the
standing facts, and per post the facts that vary, as a workbook written with openpyxl
directly (as a programme team's own sheet would be) and as YAML answer files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from click.testing import CliRunner
from openpyxl import Workbook, load_workbook
from yaml_text import load_yaml

from docgen.cli import cli

ROOT = Path(__file__).resolve().parent.parent
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"
VARYING = ("reference", "post", "time_split", "payment", "postholder")


def base_answers() -> dict:
    data = load_yaml(HR.read_text(encoding="utf-8"))
    for key in ("reference", "postholder"):
        data.pop(key)
    data.pop("docgen")
    return data


def row(i: int) -> dict:
    """The facts that vary for post ``i``."""
    share = 40 + i % 31
    return {"Reference": f"EWK-{i:04d}", "Job title": f"Shared Head of Service {i}",
            "Start date": dt.date(2027, 4, 1) + dt.timedelta(days=i % 90),
            "Salary": 60000 + 250 * i, "Time split": f"eastwick: {share}; westmere: "
            f"{100 - share}", "Post-holder": f"Officer {i}" if i % 3 else None,
            "Base file": "_partners.yaml"}


def answers(i: int) -> dict:
    """Post ``i`` as an answer file of its own (extends the same base)."""
    r = row(i)
    shares = dict(part.split(": ") for part in r["Time split"].split("; "))
    data = {"docgen": 1, "reference": r["Reference"], "extends": "_partners.yaml",
            "post": {"title": r["Job title"], "start_date": r["Start date"]},
            "time_split": {"shares": {k: int(v) for k, v in shares.items()}},
            "payment": {"salary": r["Salary"]}}
    if r["Post-holder"]:
        data["postholder"] = {"name": r["Post-holder"]}
    return data


def write_programme(folder: Path, n: int) -> Path:
    """``folder/posts.xlsx`` (n rows) and ``folder/_partners.yaml``; returns the workbook."""
    (folder / "_partners.yaml").write_text(yaml.safe_dump(
        {"docgen": 1, **base_answers()}, sort_keys=False), encoding="utf-8")
    wb = Workbook()
    ws = wb.active
    ws.title = "Posts"
    heads = list(row(0))
    ws.append(heads)
    for i in range(1, n + 1):
        values = row(i)
        ws.append([values[h] for h in heads])
    resp = wb.create_sheet("Responsibilities")
    resp.append(["Reference", "For", "Responsibility"])
    for i in range(1, n + 1):
        resp.append([f"EWK-{i:04d}", "shared", f"Lead service {i} across both councils"])
    path = folder / "posts.xlsx"
    wb.save(path)
    return path


def write_yaml(folder: Path, n: int) -> list[Path]:
    """The same posts as answer files (with the responsibilities the workbook gives)."""
    (folder / "_partners.yaml").write_text(yaml.safe_dump(
        {"docgen": 1, **base_answers()}, sort_keys=False), encoding="utf-8")
    files = []
    for i in range(1, n + 1):
        data = answers(i)
        data["job"] = {"responsibilities": {"shared": [f"Lead service {i} across both "
                                                       "councils"]}}
        path = folder / f"EWK-{i:04d}.yaml"
        path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        files.append(path)
    return files


def set_cells(book: Path, values: dict[str, object], sheet: str = "Posts") -> None:
    """Type values into a sheet's cells, as a person edits the workbook (``"D2": 52000``;
    ``"D1"`` is a heading): the columns of :func:`write_programme` are A Reference, B Job
    title, C Start date, D Salary, E Time split, F Post-holder, G Base file."""
    wb = load_workbook(book)
    for cell, value in values.items():
        wb[sheet][cell] = value
    wb.save(book)


def run(*args: str) -> tuple[int, str]:
    """The command line, run in this process: its exit code and what it printed. An
    exception other than the command's exit fails the test (a user never sees a traceback)."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, result.output


ORGANISATION_HEADINGS = ["Id", "Legal name", "Short name", "Kind", "Address", "Signatory",
                         "Signatory's title", "Notices to", "Notices email"]


def organisation_rows() -> list[list[object]]:
    """The base file's two partners as rows of the Organisations sheet."""
    return [[p["id"], p["name"], p["short_name"], p["kind"], p["address"],
             p["signatory"]["name"], p["signatory"]["title"], p["notices"]["title"],
             p["notices"]["email"]] for p in base_answers()["parties"]]


def name_organisations(book: Path, rows: list[list[object]] | None = None,
                       sheet: str = "Organisations") -> None:
    """Give every post its partners by id from an Organisations sheet, as a programme
    team's workbook does: the sheet (``rows``, the base file's partners by default) and a
    Partners column naming ``eastwick, westmere`` (column H of :func:`write_programme`)."""
    wb = load_workbook(book)
    orgs = wb.create_sheet(sheet)
    orgs.append(ORGANISATION_HEADINGS)
    for values in organisation_rows() if rows is None else rows:
        orgs.append(values)
    posts = wb["Posts"]
    column = posts.max_column + 1
    posts.cell(row=1, column=column, value="Partners")
    for r in range(2, posts.max_row + 1):
        posts.cell(row=r, column=column, value="eastwick, westmere")
    wb.save(book)
