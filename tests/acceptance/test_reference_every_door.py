"""One rule for a reference that cannot name a post folder, and every door gives its answer.

``docgen.check``, ``docgen check`` (the CLI) and ``POST /api/check`` (the web app) must
refuse the same references with the same message on the same line; before, the library
and the interview accepted ``EWK-01.`` and ``register.csv`` that ``docgen build`` refused.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import docgen
from docgen.answers import folder_names
from docgen.cli import cli
from docgen.publish import files, register, stage

ROOT = Path(__file__).resolve().parents[2]
HR = (ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml").read_text()

BAD = ["EWK-01.", "register.csv", "Register.XLSX", "register-parties.csv", "REGISTER-PARTIES.CSV",
       "manifest.json", "compare", "NUL", "con.2027", "COM0", "com1.x",
       "LPT9", "tbc", "TBA"]
GOOD = ["EWK-01", "register", "com10", "console", "EWK.01", "compare-2027"]


def with_reference(reference: str) -> str:
    text, n = re.subn(r"(?m)^reference: .*$", f"reference: '{reference}'", HR)
    assert n == 1
    return text


def library_answer(text: str) -> list[tuple[str, int | None, str]]:
    return [(p.key, p.line, p.message) for p in docgen.check(text.encode()).errors]


def cli_answer(text: str, tmp_path: Path) -> list[tuple[str, int | None, str]]:
    post = tmp_path / "post.yaml"
    post.write_text(text)
    result = CliRunner().invoke(cli, ["check", "--json", str(post)])
    assert result.exit_code == (1 if "choose another reference" in result.output else 0), \
        result.output
    [record] = json.loads(result.output)
    return [(p["key"], p["line"], p["message"]) for p in record["problems"]
            if p["severity"] == "error"]


def web_answer(text: str) -> list[tuple[str, int | None, str]]:
    testclient = pytest.importorskip("starlette.testclient")
    from docgen.web import create_app

    client = testclient.TestClient(create_app(ROOT / "inputs", extra_hosts=("testserver",)))
    response = client.post("/api/check", content=text.encode(),
                           headers={"content-type": "application/yaml"})
    assert response.status_code == 200
    return [(p["key"], p["line"], p["message"]) for p in response.json()["errors"]]


@pytest.mark.parametrize("reference", BAD)
def test_every_door_refuses_a_reference_that_cannot_be_a_post_folder(
        reference: str, tmp_path: Path) -> None:
    text = with_reference(reference)
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("reference:"))
    library = library_answer(text)
    assert len(library) == 1, library
    key, at, message = library[0]
    assert (key, at) == ("reference", line)
    assert f"'{reference}'" in message and "choose another reference" in message
    assert cli_answer(text, tmp_path) == library
    assert web_answer(text) == library


@pytest.mark.parametrize("reference", GOOD)
def test_every_door_accepts_a_reference_that_merely_looks_like_one(
        reference: str, tmp_path: Path) -> None:
    text = with_reference(reference)
    assert library_answer(text) == cli_answer(text, tmp_path) == web_answer(text) == []


def test_build_refuses_it_too_and_writes_nothing(tmp_path: Path) -> None:
    post = tmp_path / "post.yaml"
    post.write_text(with_reference("Register.csv"))
    report = docgen.build([post], tmp_path / "out")
    assert not report.ok
    [result] = report.posts
    assert [p.key for p in result.errors] == ["reference"]
    assert not (tmp_path / "out" / "Register.csv").exists()


def test_one_list_of_the_names_docgen_keeps_in_an_output_folder() -> None:
    """publish/ writes only names this list holds back from references."""
    for name in (stage.STAGING, files.MANIFEST, register.PARTIES_CSV, "register.csv",
                 "register.xlsx", ".docgen.lock", ".docgen-state.json", ".docgen-claims"):
        assert folder_names.reserved_output_name(name), name
        assert folder_names.reserved_output_name(name.upper()), name
    assert folder_names.reference_folder_problem("EWK-2025-01") is None


@pytest.mark.parametrize("reference", ["EWK-01.", "register.csv", "NUL"])
def test_the_interview_refuses_it_on_the_first_page(reference: str, tmp_path: Path) -> None:
    """The browser interview's "About the arrangement" page says the same, by the field."""
    pytest.importorskip("starlette")
    from web.helpers import Interview

    folder = tmp_path / "answers"
    folder.mkdir()
    (folder / "post.yaml").write_text(HR)
    web = Interview(folder)
    web.open("post.yaml")
    response = web.submit("about", reference=reference)
    page = " ".join(response.text.split())
    assert "There is a problem" in page
    expected = library_answer(with_reference(reference))[0][2]
    # the same refusal in the same words; the browser sets quoted values in typographic
    # quotes (‘NUL’), as GOV.UK style does
    shown = page.replace("&#39;", "'").replace("\u2018", "'").replace("\u2019", "'")
    assert expected in shown
