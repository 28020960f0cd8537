"""The interview over a folder with organisation profiles (``docgen serve inputs/``):
every shipped post opens and every page answers, partners given by id show by name, and
a partner stays an id until the person changes one of its details."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
from yaml_text import load_yaml  # noqa: E402

pytest.importorskip("ruamel.yaml")
import lxml.html  # noqa: E402

import docgen  # noqa: E402
from docgen.answers.yamlfile import load_answer_file  # noqa: E402
from docgen.web.fields import STEPS  # noqa: E402

from .conftest import EASTWICK  # noqa: E402
from .helpers import Interview  # noqa: E402
from .test_wording import assert_plain, visible_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PROC = "shared-head-of-procurement.yaml"


@pytest.fixture
def served(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "inputs", tmp_path / "inputs")
    return tmp_path / "inputs"


def test_every_post_of_the_served_folder_opens_and_every_page_answers(served: Path) -> None:
    web = Interview(served)
    start = web.client.get("/").text
    posts = sorted(p.name for p in served.glob("*.yaml"))
    assert "shared-head-of-procurement.yaml" in posts and len(posts) == 5
    assert "warning" not in visible_text(start)  # the examples' warnings are all accepted
    links = set(lxml.html.fromstring(start).xpath("//a/@href"))
    for name in posts:
        assert f"/open/{name}" in links, name
        web.open(name)
        pages = [f"{web.base}/{s.slug}" for s in STEPS] + [
            f"{web.base}/check/{s.slug}" for s in STEPS] + [
            f"{web.base}/{p}" for p in ("tasks", "check", "partners", "partners/0")]
        for url in pages:
            response = web.client.get(url)
            assert response.status_code == 200, (name, url, response.text[:300])
            assert_plain(response.text, f"{name} {url}")
            assert "Partner 1" not in visible_text(response.text), (name, url)
        check = web.client.get(f"{web.base}/check").text
        assert "There is a problem" not in check, name
        response = web.client.get(f"{web.base}/download")
        assert response.status_code == 200 and response.content[:2] == b"PK", name


def test_partners_given_by_id_show_by_name(served: Path) -> None:
    web = Interview(served)
    web.open(PROC)
    for slug in ("partners", "check", "check/partners", "employer", "time-split"):
        text = visible_text(web.client.get(f"{web.base}/{slug}").text)
        assert EASTWICK in text, slug
        assert not re.search(r"Partner \d", text), slug
    tasks = visible_text(web.client.get(f"{web.base}/tasks").text)
    assert "15 of 15 sections completed" in tasks and "Cannot start yet" not in tasks
    page = lxml.html.fromstring(web.client.get(f"{web.base}/partners/1").text)
    assert "Westmere" in page.text_content()


def _party_form(web: Interview, index: int) -> dict[str, list[str]]:
    html = web.client.get(f"{web.base}/partners/{index}").text
    form = next(f for f in lxml.html.fromstring(html).forms
                if any(k.startswith("parties.") for k, _ in f.form_values()))
    values: dict[str, list[str]] = {}
    for key, value in form.form_values():
        values.setdefault(key, []).append(value)
    return values


def _saved_parties(web: Interview, served: Path, name: str) -> list:
    response = web.save(name)
    assert response.status_code == 200, response.text[:500]
    return load_answer_file(served / name).data["parties"]


def test_editing_keeps_a_partner_an_id_until_a_detail_changes(served: Path) -> None:
    web = Interview(served)
    web.open(PROC)
    values = _party_form(web, 0)
    assert values["parties.0.name"] == [EASTWICK]  # from the profile
    response = web.client.post(f"{web.base}/partners/0", data=values)  # unchanged
    assert response.status_code in (200, 303), response.text[:300]
    assert _saved_parties(web, served, PROC) == ["eastwick", "westmere"]
    web.open(PROC)
    values = _party_form(web, 1)
    values["parties.1.signatory.name"] = ["Tom Okafor"]
    web.client.post(f"{web.base}/partners/1", data=values)
    parties = _saved_parties(web, served, PROC)
    assert parties[0] == "eastwick"
    assert set(parties[1]) == {"id", "signatory"}, parties[1]  # only what was changed
    assert parties[1]["signatory"]["name"] == "Tom Okafor"
    built = docgen.render(served / PROC).documents["agreement"]
    with zipfile.ZipFile(io.BytesIO(built)) as z:
        assert b"Tom Okafor" in z.read("word/document.xml")


def test_a_new_post_between_profiled_councils_stays_linked_to_the_profiles(
        served: Path) -> None:
    web = Interview(served)
    begin = web.begin("EWK-WSM-NEW-01")
    assert begin.status_code == 200, begin.text[:300]
    base = web.base
    text = visible_text(web.client.get(f"{base}/check").text)
    assert EASTWICK in text and "Partner 1" not in text
    assert "Independent mediation" in text  # Eastwick's dispute ladder, from its profile
    kept = json.loads((served / ".docgen-drafts" / f"{base.rsplit('/', 1)[1]}.json")
                      .read_text())["text"]
    missing = {p.path[:2] for p in docgen.check(kept, workspace=served).errors}
    assert missing and not {k for k in missing if k[0] in (  # the post's own facts only
        "parties", "employer", "governance", "confidentiality", "conflicts_of_interest",
        "exit") or k[:2] == ("payment", "vat")}, missing
    written = load_yaml(kept)
    assert written["parties"] == ["eastwick", "westmere"]
    assert "disputes" not in (written.get("governance") or {})  # left to the profile
    assert "vat" not in (written.get("payment") or {})


def _new_eastwick_post(web: Interview, reference: str = "AUD-06") -> None:
    begin = web.begin(reference)
    assert begin.status_code == 200, begin.text[:300]


@pytest.mark.parametrize("changes", [
    {"payment__invoicing__frequency": "monthly"},
    {"payment__invoicing__payment_days": "45"},
    {"payment__vat__treatment": "exempt"},
])
def test_changing_part_of_a_profile_policy_answer_keeps_the_rest(
        served: Path, changes: dict[str, str]) -> None:
    """The employer's invoicing and VAT answers are taken whole: changing one part of them
    on the Payment page keeps the parts shown unchanged (no errors, no dead end)."""
    web = Interview(served)
    _new_eastwick_post(web)
    shown = web.form("payment")
    response = web.submit("payment", payment__salary="52000", **changes)
    assert response.status_code == 200, response.text[:300]
    assert "There is a problem" not in response.text, visible_text(response.text)[:600]
    assert not str(response.url).endswith("/payment"), response.url
    after = web.form("payment")
    for key, value in shown.items():
        if key.startswith(("payment.invoicing", "payment.vat")) and key.replace(
                ".", "__") not in changes:
            assert after[key] == value, (key, after[key], value)
    for key, value in changes.items():
        assert after[key.replace("__", ".")] == [value]


def test_a_new_post_is_warned_about_its_employers_dispute_steps_not_a_stand_in(
        served: Path) -> None:
    """The live checks fill sections not answered yet with stand-in answers; those must
    not hide the employer's policy (three dispute steps), or a fresh post is warned that
    it has only one."""
    web = Interview(served)
    _new_eastwick_post(web, "EWK-WSM-DISPUTES-01")
    for slug in ("check", "governance", "tasks"):
        text = visible_text(web.client.get(f"{web.base}/{slug}").text)
        assert "only one step for resolving disputes" not in text, slug
    check = visible_text(web.client.get(f"{web.base}/check").text)
    assert "Independent mediation" in check
