"""What a choice needs is asked for by docgen itself, so every door says the same.

A time fee needs its rate, whether it is for each day or each hour, and the working weeks
charged a year; ``legal_basis: other`` needs the power named in ``legal_basis_text``. Before,
``docgen.check`` and ``docgen check`` said one error at ``payment.fee`` naming all three
parts, nothing more once the rate was not a number ("£300 a day": the payment had a shape
error, so the check never ran), and nothing of the power while a partner's short name was
missing (no check between keys ran with the parties wrong); only the browser interview
asked for each, by adding its own problems on top of docgen's. Now the pipeline
(``answers/between_keys.py``) asks for each blank part at its own key, and for the power,
and the API, the command line and the web app's ``/api/check`` give the same list.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

import docgen
from docgen.cli import cli
from docgen.errors import format_path

ROOT = Path(__file__).resolve().parents[2]
HR: dict[str, Any] = yaml.safe_load(
    (ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml").read_text(
        encoding="utf-8"))
FEE = ("payment", "fee")


def _time_fee(**fee: Any) -> dict[str, Any]:
    data = copy.deepcopy(HR)
    data["payment"]["mechanism"] = "time_fee"
    if fee:
        data["payment"]["fee"] = fee
    return data


def _other_power_and_a_short_name_missing() -> dict[str, Any]:
    data = copy.deepcopy(HR)
    data["legal_basis"] = "other"
    data.pop("legal_basis_text", None)
    del data["parties"][1]["short_name"]
    return data


Said = list[tuple[tuple[Any, ...], str, str]]


def _api(text: str) -> Said:
    return [(p.path, p.code, p.message) for p in docgen.check(text.encode()).errors]


def _cli(text: str, tmp_path: Path) -> Said:
    post = tmp_path / "post.yaml"
    post.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--json", str(post)])
    assert result.exit_code == 1, result.output
    [record] = json.loads(result.output)
    return [(tuple(p["path"]), p["code"] or "", p["message"]) for p in record["problems"]
            if p["severity"] == "error"]


def _web(text: str, folder: Path) -> list[tuple[str, str]]:
    """The web app's answer, serving ``folder`` (no organisation profiles to fill in a
    partner's short name, as for the other two doors)."""
    testclient = pytest.importorskip("starlette.testclient")
    web = pytest.importorskip("docgen.web")
    client = testclient.TestClient(web.create_app(folder, extra_hosts=("testserver",)))
    response = client.post("/api/check", content=text.encode(),
                           headers={"content-type": "application/yaml"})
    assert response.status_code == 200
    return [(p["key"], p["message"]) for p in response.json()["errors"]]


def _every_door(data: dict[str, Any], tmp_path: Path) -> Said:
    """The errors ``docgen.check`` gives, checked to be those of ``docgen check`` and of
    the web app's ``/api/check``."""
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    api = _api(text)
    assert _cli(text, tmp_path) == api
    assert _web(text, tmp_path) == [(format_path(path), message) for path, _, message in api]
    return api


@pytest.mark.parametrize(("fee", "blank"), [
    ({}, ["rate", "per", "weeks_per_year"]),
    ({"rate": 300}, ["per", "weeks_per_year"]),
    ({"rate": 300, "weeks_per_year": 44}, ["per"]),
    ({"per": "day", "weeks_per_year": None}, ["rate", "weeks_per_year"]),
], ids=["no fee", "rate only", "no day or hour", "weeks null"])
def test_each_blank_part_of_a_time_fee_is_asked_for_at_its_own_key(
        fee: dict[str, Any], blank: list[str], tmp_path: Path) -> None:
    said = _every_door(_time_fee(**fee), tmp_path)
    assert [path for path, _, _ in said] == [(*FEE, key) for key in blank], said
    assert {code for _, code, _ in said} == {"missing"}
    for (path, _, message) in said:  # what is missing, and its form, as the file writes it
        assert f"needs fee.{path[-1]}" in message, message
    if "per" in blank:
        [per] = [message for path, _, message in said if path[-1] == "per"]
        assert "each day or each hour" in per and per.endswith("e.g. per: day"), per


def test_a_fee_that_is_not_a_number_does_not_hide_the_other_blank_parts(
        tmp_path: Path) -> None:
    said = _every_door(_time_fee(rate="£300 a day", weeks_per_year=44), tmp_path)
    assert [(path, code) for path, code, _ in said] == [
        ((*FEE, "rate"), "not_a_number"), ((*FEE, "per"), "missing")], said


def test_a_blank_part_with_a_shape_error_of_its_own_is_said_once(tmp_path: Path) -> None:
    """``per: ""`` is not day or hour (a shape error at its key): no second message
    there asking for it, while the blank weeks are still asked for."""
    said = _every_door(_time_fee(rate="£300", per=""), tmp_path)
    paths = [path for path, _, _ in said]
    assert paths == [(*FEE, "rate"), (*FEE, "per"), (*FEE, "weeks_per_year")], said
    assert said[-1][1] == "missing" and said[1][1] != "missing", said


def test_a_whole_time_fee_gives_no_error(tmp_path: Path) -> None:
    text = yaml.safe_dump(_time_fee(rate=300, per="day", weeks_per_year=44), sort_keys=False)
    assert _api(text) == []


def test_another_power_unnamed_is_said_beside_a_partners_mistake(tmp_path: Path) -> None:
    said = _every_door(_other_power_and_a_short_name_missing(), tmp_path)
    assert [(path, code) for path, code, _ in said] == [
        (("parties", 1, "short_name"), "missing"),
        (("legal_basis_text",), "other_power_unnamed")], said
    assert "say which power applies in legal_basis_text" in said[-1][2]


def test_the_checks_that_read_the_parties_wait_for_them(tmp_path: Path) -> None:
    """With a partner's short name missing, a check naming a party id (an employer that is
    no partner) says nothing yet: the parties are not known until they have their shape. A
    check reading no party id says its problem (review months out of order)."""
    data = _other_power_and_a_short_name_missing()
    data["employer"] = "northtown"
    data["review"]["reviews_after_months"] = [12, 6]
    said = _every_door(data, tmp_path)
    assert [path for path, _, _ in said] == [
        ("parties", 1, "short_name"), ("review", "reviews_after_months"),
        ("legal_basis_text",)], said


def test_the_unnamed_power_is_said_at_the_legal_basis_line() -> None:
    """``legal_basis_text`` is not written, so its problem is said at ``legal_basis:``'s
    line, where the choice was made, with an example; before, it was said at line 1."""
    text = yaml.safe_dump(_other_power_and_a_short_name_missing(), sort_keys=False)
    line = text.splitlines().index("legal_basis: other") + 1
    unnamed = [p for p in docgen.check(text.encode()).errors
               if p.code == "other_power_unnamed"]
    assert [p.line for p in unnamed] == [line] and line > 1, unnamed
    assert "e.g. legal_basis_text: section 1 of the Localism Act 2011" in unnamed[0].message
