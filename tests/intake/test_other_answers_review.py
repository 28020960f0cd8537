"""The Other answers sheet and the Posts sheet after a review of the workbook intake: money
typed with £ for the fee's keys (inside the payment's union, a map and a list's item), a
percentage the model gives as a Percent wherever it is (a cost share) read as its cell
shows it or typed "60%", and an organisation's name typed for its id told the id of its
profile beside the workbook."""

from __future__ import annotations

import shutil
from pathlib import Path

from answers.test_profiles import PROFILES, WESTMERE
from intake_programme import run, write_programme
from openpyxl import load_workbook
from yaml_text import load_yaml

from docgen.intake.other import typed_value


def _other(book: Path, rows: list[list[object]], percent: tuple[str, ...] = ()) -> None:
    wb = load_workbook(book)
    ws = wb.create_sheet("Other answers")
    ws.append(["Reference", "Answer", "Value"])
    for row in rows:
        ws.append(row)
    for cell in percent:
        ws[cell].number_format = "0%"
    wb.save(book)


def _read(tmp_path: Path, book: Path, reference: str = "EWK-0001") -> dict:
    code, text = run("intake", "read", str(book))
    assert code == 0, text
    return load_yaml((tmp_path / f"{reference}.yaml").read_text(encoding="utf-8"))


def test_money_typed_with_a_pound_sign_is_read_for_the_fee_and_an_on_costs_above() -> None:
    assert typed_value(("payment", "fee", "rate"), "£520") == 520
    assert typed_value(("payment", "fee", "amounts", "icb"), "£52,000") == 52000
    assert typed_value(("payment", "on_costs", "0", "above"), "£5,000") == 5000


def test_a_fixed_fee_typed_with_a_pound_sign_on_other_answers_reads(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    _other(book, [["EWK-0001", "payment.mechanism", "fixed_fee"],
                  ["EWK-0001", "payment.fee.amounts.westmere", "£48,000.50"]])
    data = _read(tmp_path, book)
    assert data["payment"]["fee"]["amounts"] == {"westmere": 48000.5}


def test_a_cost_share_in_a_percent_cell_is_read_as_the_cell_shows_it(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    _other(book, [["EWK-0001", "payment.cost_shares.eastwick", 0.6],
                  ["EWK-0001", "payment.cost_shares.westmere", 0.4]], percent=("C2", "C3"))
    data = _read(tmp_path, book)
    assert data["payment"]["cost_shares"] == {"eastwick": 60, "westmere": 40}


def test_a_cost_share_typed_with_a_percent_sign_is_a_number(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    _other(book, [["EWK-0001", "payment.cost_shares.eastwick", "60%"],
                  ["EWK-0001", "payment.cost_shares.westmere", "40 %"]])
    data = _read(tmp_path, book)
    assert data["payment"]["cost_shares"] == {"eastwick": 60, "westmere": 40}


def test_an_employer_typed_as_a_profiles_name_is_told_its_id(tmp_path: Path) -> None:
    book = write_programme(tmp_path, 1)
    shutil.copytree(PROFILES, tmp_path / "organisations")
    wb = load_workbook(book)
    ws = wb["Posts"]
    col = ws.max_column + 1
    ws.cell(row=1, column=col, value="Employer")
    ws.cell(row=2, column=col, value=WESTMERE)
    wb.save(book)
    code, text = run("check", str(book))
    assert code == 1, text
    assert (f"'{WESTMERE}' is not an organisation id; ids are lower case letters, digits "
            f"and _, e.g. eastwick; did you mean westmere? It is the id of {WESTMERE} in its "
            "organisation profile: type the id") in text, text
