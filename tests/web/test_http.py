"""The interview and the API over HTTP, without a browser: round trips, safety, errors."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import socket
import threading
import zipfile
from pathlib import Path
from typing import Annotated

import lxml.html
import pypandoc
import pytest
from click.testing import CliRunner
from pydantic import BaseModel, StringConstraints

pytest.importorskip("starlette")
pytest.importorskip("ruamel.yaml")

from conftest import require_soffice  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

import docgen  # noqa: E402
from docgen.cli import cli  # noqa: E402
from docgen.web import create_app, finish  # noqa: E402
from docgen.web.fields import STEPS, Q  # noqa: E402
from docgen.web.gaps import not_known_allowed  # noqa: E402
from docgen.web.output import to_html  # noqa: E402

from .helpers import Interview  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docgen" / "data" / "examples"
NAMES = sorted(p.name for p in EXAMPLES.glob("*.yaml"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "answers"
    out.mkdir()
    for name in NAMES:
        shutil.copy(EXAMPLES / name, out)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_every_step_sent_unchanged_saves_the_file_byte_for_byte(folder, name):
    """Keys, order, quoting, flow style and comments all survive the interview."""
    web = Interview(folder)
    web.open(name)
    for step in STEPS:
        response = web.submit(step.slug)
        assert "There is a problem" not in response.text, (step.slug, response.text[:2000])
    assert web.save(name).status_code == 200
    assert (folder / name).read_bytes() == (EXAMPLES / name).read_bytes()


def test_a_changed_salary_is_one_changed_line_and_builds_as_render_does(folder, tmp_path):
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    response = web.submit("payment", payment__salary="£95,000")
    assert response.url.path.endswith("/check")  # every section completed: nothing to walk
    assert web.save("shared-head-of-hr.yaml").status_code == 200
    before = (EXAMPLES / "shared-head-of-hr.yaml").read_text().splitlines()
    after = (folder / "shared-head-of-hr.yaml").read_text().splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [("  salary: 92000", "  salary: 95000")]
    assert after[:2] == before[:2]  # the schema line and the opening comment are kept
    assert after[1].startswith("# A Head of HR shared by two London boroughs")

    report = docgen.build([folder / "shared-head-of-hr.yaml"], tmp_path / "out")
    assert [p.status for p in report.posts] == ["built"]
    rendered = docgen.render(folder / "shared-head-of-hr.yaml")
    out = tmp_path / "out" / "EWK-WSM-HR-01"
    for kind, suffix in (("agreement", "agreement"), ("contract", "contract"),
                         ("job_spec", "job-spec")):
        assert (out / f"EWK-WSM-HR-01-{suffix}.docx").read_bytes() == rendered.documents[kind]
    assert rendered.facts["money"]["salary"] == "95000"


def test_rows_are_added_and_removed_without_javascript(folder):
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    web.submit("payment", action="add-row:payment.on_costs")
    assert len(web.form("payment")["payment.on_costs.__n"]) == 1
    assert web.form("payment")["payment.on_costs.__n"] == ["3"]
    web.submit("payment", action="remove:payment.on_costs:0")
    form = web.form("payment")
    assert form["payment.on_costs.__n"] == ["1"]  # the first removed, the blank one dropped
    assert form["payment.on_costs.0.name"] == ["Employer National Insurance"]
    web.submit("payment", action="add-row:payment.on_costs")
    web.submit("payment", action="remove:payment.on_costs:0", **{
        "payment.on_costs.1.name": "Apprenticeship levy", "payment.on_costs.1.percent": "0.5"})
    form = web.form("payment")
    assert form["payment.on_costs.0.name"] == ["Apprenticeship levy"]
    assert form["payment.on_costs.0.percent"] == ["0.5"]
    web.submit("job", action="add-text:job.relationships.external")
    assert web.form("job")["job.relationships.external.__n"] == ["3"]


def test_recruiting_removes_the_postholder_and_a_time_fee_asks_for_the_rate(folder):
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    asked = web.submit("postholder", postholder_known="no")  # the details are not dropped
    assert asked.status_code == 200 and "Yes, remove their details" in asked.text
    check = web.client.get(f"{web.base}/check").text
    assert "Morgan Ellis" in check  # not until the officer says so
    removed = web.submit("postholder", postholder_known="no", discard="yes")
    assert removed.status_code == 200
    check = web.client.get(f"{web.base}/check").text
    assert "Morgan Ellis" not in check
    response = web.submit("payment", payment__mechanism="time_fee")
    assert response.status_code == 422
    assert "Enter the fee, for example 520" in response.text
    assert "Select whether the fee is for each day or each hour" in response.text
    response = web.submit("payment", payment__mechanism="time_fee", payment__fee__rate="500",
                          payment__fee__per="day", payment__fee__weeks_per_year="44")
    assert response.status_code == 200 and response.url.path.endswith("/check")


def test_a_warning_is_acknowledged_with_a_reason(folder):
    post = folder / "shared-head-of-hr.yaml"  # the example without its acknowledgement
    post.write_text(post.read_text().split("\n# Optional: good-practice warnings")[0] + "\n")
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    empty = web.client.post(f"{web.base}/acknowledge",
                            data={"csrf_token": web.token, "rule": "GP014", "reason": ""})
    assert empty.status_code == 422 and "Give a reason" in empty.text
    page = lxml.html.fromstring(empty.text)
    assert page.findtext(".//title").startswith("Error: ")
    summary = page.xpath("//div[contains(@class, 'govuk-error-summary')]//a")
    assert [(a.text_content().strip(), a.get("href")) for a in summary] == [
        ("Give a reason for accepting this warning, for example what your adviser said",
         "#ack-GP014")]
    field = page.get_element_by_id("ack-GP014")
    assert field.getparent().xpath("ancestor::details")[0].get("open") is not None
    group = field.getparent()
    assert "govuk-form-group--error" in group.get("class")
    assert "govuk-textarea--error" in field.get("class")
    error = page.get_element_by_id("ack-GP014-error")
    assert error.getparent() is group and error.get("id") in field.get("aria-describedby")
    web.client.post(f"{web.base}/acknowledge", data={
        "csrf_token": web.token, "rule": "GP014",
        "reason": "Our VAT adviser confirmed s.113 placements are outside the scope"})
    web.save("shared-head-of-hr.yaml")
    report = docgen.check(folder / "shared-head-of-hr.yaml")
    gp014 = [w for w in report.warnings if w.rule == "GP014"]
    assert gp014 and gp014[0].acknowledged.startswith("Our VAT adviser")


def test_live_check_returns_the_inline_error_and_the_money(folder):
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    values = web.form("time-split")
    values["time_split.shares.westmere"] = ["30"]
    live = web.client.post(f"{web.base}/time-split/live", data=values).json()
    assert live["fields"]["f-time_split-shares"] is None  # not changed: no live message
    values["changed"] = ["time_split.shares.westmere"]
    live = web.client.post(f"{web.base}/time-split/live", data=values).json()
    assert live["fields"]["f-time_split-shares"] == [
        "Shares add up to 90%; they must add up to 100%"]
    values["time_split.shares.westmere"] = ["40"]
    web.client.post(f"{web.base}/time-split/live", data=values)
    values = web.form("payment")
    values["payment.salary"] = ["100000"]
    values["payment.premium_percent"] = ["0"]
    values["payment.on_costs.__n"] = ["0"]
    live = web.client.post(f"{web.base}/payment/live", data=values).json()
    assert "£100,000.00" in live["panel"] and "£60,000.00" in live["panel"]


def test_api_check_and_render(folder):
    web = Interview(folder)
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_bytes()
    result = web.client.post("/api/check", content=text,
                             headers={"content-type": "application/yaml"}).json()
    assert result["ok"] and result["reference"] == "EWK-WSM-HR-01"
    # the same warnings as the library gives for the same text
    assert [w["rule"] for w in result["warnings"]] == [w.rule for w in docgen.check(text).warnings]
    assert "GP014" in [w["rule"] for w in result["warnings"]]
    assert result["facts"]["money"]["cost_base"] == "133187.28"
    bad = text.replace(b"westmere: 40}", b"westmere: 30}")
    result = web.client.post("/api/check", content=bad).json()
    assert not result["ok"]
    assert result["errors"][0]["key"] == "time_split.shares"
    shares_line = next(i for i, line in enumerate(bad.decode().splitlines(), 1)
                       if line.strip().startswith("shares:"))
    assert result["errors"][0]["line"] == shares_line
    assert web.client.post("/api/check", content=b"").status_code == 400
    assert web.client.post("/api/check", content=b"x" * 1_100_000).status_code == 413
    assert web.client.post("/api/render", content=bad).status_code == 422

    response = web.client.post("/api/render", content=text)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    rendered = docgen.render(text)
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        assert zf.read("EWK-WSM-HR-01-agreement.docx") == rendered.documents["agreement"]
        assert len(zf.namelist()) == 3


def test_posts_from_other_sites_and_without_the_token_are_refused(folder):
    web = Interview(folder)
    assert web.client.post("/new", data={"example": ""}).status_code == 403
    evil = {"origin": "http://evil.example"}
    assert web.client.post("/new", data={"csrf_token": web.token}, headers=evil
                           ).status_code == 403
    assert web.client.post("/api/check", content=b"docgen: 1\n", headers={
        "sec-fetch-site": "cross-site"}).status_code == 403
    assert web.client.get("/", headers={"host": "attacker.example"}).status_code == 400


def test_file_names_stay_in_the_folder(folder, tmp_path):
    web = Interview(folder)
    outside = tmp_path / "secret.yaml"
    outside.write_text("docgen: 1\n")
    os.symlink(outside, folder / "link.yaml")
    for name in ("..%2Fsecret.yaml", "link.yaml", ".hidden.yaml", "x.txt"):
        response = web.client.get(f"/open/{name}")
        assert response.status_code in (404, 422), name
        assert "Traceback" not in response.text
    web.open("shared-head-of-hr.yaml")
    response = web.save("../escaped.yaml")
    assert response.status_code == 422
    assert "Use only letters, numbers, dots, hyphens and underscores in the file name" \
        in response.text
    assert not (tmp_path / "escaped.yaml").exists()
    assert "link.yaml" not in web.client.get("/").text


def test_a_file_changed_on_disk_is_never_overwritten(folder):
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    web.submit("payment", payment__salary="95000")
    path = folder / "shared-head-of-hr.yaml"
    edited = path.read_text().replace("Morgan Ellis", "Morgan Ellis-Jones")
    path.write_text(edited)
    response = web.save("shared-head-of-hr.yaml")
    assert response.status_code == 409
    assert "changed by someone else since you opened it" in response.text
    assert path.read_text() == edited
    response = web.save("joint-director-public-health.yaml")  # another file's name
    assert response.status_code == 409 and "already exists" in response.text
    response = web.save("shared-head-of-hr-v2.yaml")  # a second post, same reference
    assert response.status_code == 409 and "cannot have the same reference" in response.text
    assert "To save these answers as another post, change this post&#39;s reference" in \
        response.text  # its own file is not offered to be replaced
    web.submit("about", reference="EWK-WSM-HR-02")
    assert web.save("shared-head-of-hr-v2.yaml").status_code == 200
    assert path.read_text() == edited


def test_errors_are_pages_not_tracebacks(folder, monkeypatch):
    web = Interview(folder)
    missing = web.client.get("/edit/nope/about")
    assert missing.status_code == 404 and "no draft here any more" in missing.text
    web.open("shared-head-of-hr.yaml")
    assert web.client.get(f"{web.base}/no-such-step").status_code == 404
    web.submit("time-split", **{"time_split.shares.westmere": "30"})
    preview = web.client.get(f"{web.base}/preview/agreement")
    assert preview.status_code == 422 and "Time split: Shares add up to 90%" in preview.text

    def boom(*args, **kwargs):
        raise RuntimeError("internal detail")

    monkeypatch.setattr("docgen.web.interview.run_live", boom)
    response = web.client.get(f"{web.base}/about")
    assert response.status_code == 500
    assert "Something went wrong" in response.text
    assert "internal detail" not in response.text and "Traceback" not in response.text
    monkeypatch.setattr("docgen.check", boom)
    response = web.client.post("/api/check", content=b"docgen: 1\n")
    assert response.status_code == 500 and "Something went wrong" in response.json()["error"]
    assert "draft" not in response.json()["error"]  # the API and /new have no draft to speak of


def test_preview_is_the_review_copy_with_clause_numbers(folder):
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    html = web.client.get(f"{web.base}/preview/agreement").text
    assert "London Borough of Eastwick" in html and "£133,187.28" in html
    assert "1.1" in html
    assert web.client.get(f"{web.base}/preview/nonsense").status_code == 404


def test_new_blank_post_first_step_reports_missing_reference(folder):
    web = Interview(folder)
    web.new()
    response = web.submit("about")
    assert response.status_code == 422
    assert "Enter a reference for this post, for example EWK-WSM-HR-01" in response.text
    assert "required here" not in response.text
    response = web.submit("about", reference="NEW-1", status="draft",
                          jurisdiction="scotland")
    assert response.url.path.endswith("/basis")
    basis = web.client.get(f"{web.base}/basis").text
    # the choices offered (the hint may name every power; the radios only Scotland's)
    assert 'value="lgs_1966_s35"' in basis and 'value="lga_1972_s113"' not in basis


def test_serve_warns_when_not_on_loopback_and_refuses_a_missing_folder(folder, monkeypatch):
    started = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: started.update(kw))
    monkeypatch.setattr("docgen.cli.serve.check_port", lambda host, port: None)  # fixed ports
    result = CliRunner().invoke(cli, ["serve", str(folder), "--host", "0.0.0.0",
                                      "--port", "8799"])
    assert result.exit_code == 0, result.output
    assert "warning: listening on 0.0.0.0" in result.output and "no login" in result.output
    assert started == {"host": "0.0.0.0", "port": 8799, "log_level": "warning",
                       "server_header": False}
    result = CliRunner().invoke(cli, ["serve", str(folder)])
    assert "warning" not in result.output and started["host"] == "127.0.0.1"
    result = CliRunner().invoke(cli, ["serve", str(folder / "nope")])
    assert result.exit_code != 0


def test_no_page_points_at_the_old_spec(folder):
    """Hints, errors and help on every page name docs/answer-file.md or `docgen schema`,
    never a SPEC.md or ../shared the user does not have."""
    web = Interview(folder)
    pages = [web.client.get("/").text]
    web.open("shared-legal-services-three-councils.yaml")
    pages += [web.client.get(f"{web.base}/{step.slug}").text for step in STEPS]
    pages += [web.client.get(f"{web.base}/check").text,
              web.submit("time-split", **{"time_split.shares.ashby": "1"}).text]
    web.new()
    pages.append(web.submit("about").text)
    assert len(pages) == len(STEPS) + 4 and all("<html" in p for p in pages)
    for page in pages:
        assert "SPEC.md" not in page and "../shared" not in page


def test_not_known_yet_is_offered_where_the_model_allows_tbc():
    """Dates the model lets be ``tbc`` get a "Not known yet" box, and so does free text
    (any words, "tbc" among them, print as a gap); a date that cannot be ``tbc`` does
    not."""

    class Model(BaseModel):
        maybe: dt.date | Annotated[str, StringConstraints(pattern=r"^[Tt][Bb][Cc]$")]
        known: dt.date
        words: str

    assert not_known_allowed(Q(("maybe",), "date"), root=Model)
    assert not not_known_allowed(Q(("known",), "date"), root=Model)
    assert not_known_allowed(Q(("words",), "text"), root=Model)


def test_postholder_dates_offer_not_known_yet_and_it_is_saved_as_tbc(folder):
    """The post-holder's dates accept ``tbc`` (NotKnown) in the model: the step offers the
    "Not known yet" box for each, ticking it writes ``tbc``, and the check then gives the
    same TBC warning as the command line; the other dates of the file keep no box."""
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    page = lxml.html.fromstring(web.client.get(f"{web.base}/postholder").text)
    boxes = {box.get("name"): box.get("id")
             for box in page.xpath('//input[@type="checkbox"][@value="tbc"]')}
    assert set(boxes) == {"postholder.consulted_on-tbc",
                          "postholder.continuous_service_from-tbc", "postholder.name-tbc",
                          "postholder.address-tbc", "postholder.pension_scheme-tbc"}
    for name, box_id in boxes.items():
        label = page.xpath(f'//label[@for="{box_id}"]')
        assert label and label[0].text_content().startswith("Not known yet"), name
    assert not page.xpath('//input[@value="tbc"][@checked]')  # the example knows both dates
    post = lxml.html.fromstring(web.client.get(f"{web.base}/post").text)
    assert not post.xpath('//input[@name="post.start_date-tbc"]')  # it cannot be tbc
    assert not_known_allowed(Q(("postholder", "consulted_on"), "date"))
    assert not not_known_allowed(Q(("post", "start_date"), "date"))

    response = web.submit("postholder", **{"postholder.consulted_on-tbc": "tbc"})
    assert response.status_code == 200, response.text[:2000]
    again = lxml.html.fromstring(web.client.get(f"{web.base}/postholder").text)
    assert again.xpath('//input[@name="postholder.consulted_on-tbc"][@checked]')
    assert web.save("shared-head-of-hr.yaml").status_code == 200
    saved = (folder / "shared-head-of-hr.yaml").read_text()
    assert "  consulted_on: tbc\n" in saved
    assert "consulted_on: 2027-01-18" not in saved

    report = docgen.check(folder / "shared-head-of-hr.yaml")
    tbc = [w for w in report.warnings if w.rule == "TBC"]
    assert [w.key for w in tbc] == ["postholder.consulted_on"] and report.ok
    assert "not known yet" in tbc[0].message
    result = CliRunner().invoke(cli, ["check", str(folder / "shared-head-of-hr.yaml")])
    assert result.exit_code == 0 and "postholder.consulted_on" in result.output


def test_a_file_that_extends_a_base_is_edited_without_copying_the_base(folder):
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", folder / "_partners.yaml")
    child = folder / "payroll.yaml"
    text = ("# Payroll: the partners and terms come from _partners.yaml\n"
            "extends: _partners.yaml\nreference: EWK-WSM-PAY-01\n"
            "post:\n  title: Shared Head of Payroll\n")
    child.write_text(text)
    web = Interview(folder)
    assert "payroll.yaml" in web.client.get("/").text
    assert "_partners.yaml" not in web.client.get("/").text
    web.open("payroll.yaml")
    assert web.form("time-split")["time_split.shares.westmere"] == ["40"]  # from the base
    for step in STEPS:
        response = web.submit(step.slug)
        assert "There is a problem" not in response.text, step.slug
    assert web.save("payroll.yaml").status_code == 200
    assert child.read_text() == text  # nothing of the base copied in
    web.submit("payment", payment__salary="70000")
    web.save("payroll.yaml")
    assert child.read_text() == text + "payment:\n  salary: 70000\n"
    assert docgen.render(child).facts["money"]["salary"] == "70000"


def test_the_zip_can_carry_pdf_copies(folder):
    require_soffice()
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    assert "download?pdf=1" in web.client.get(f"{web.base}/check").text
    response = web.client.get(f"{web.base}/download?pdf=1")
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        names = sorted(zf.namelist())
        assert names == sorted([f"EWK-WSM-HR-01-{k}.{x}" for k in ("agreement", "contract",
                                                                   "job-spec")
                                for x in ("docx", "pdf")])
        assert zf.read("EWK-WSM-HR-01-contract.pdf").startswith(b"%PDF")


def test_a_file_that_is_not_yaml_is_listed_with_its_error_and_explained(folder):
    (folder / "broken.yaml").write_text("docgen: 1\nreference: [\n")
    web = Interview(folder)
    start = web.client.get("/").text
    assert "broken.yaml" in start and "Has problems" in start
    response = web.client.get("/open/broken.yaml")
    assert response.status_code == 422
    assert "broken.yaml cannot be opened here" in response.text and "(line 3)" in response.text
    assert "Ask whoever edits the files by hand to correct it" in response.text


def test_previews_are_made_in_the_background_while_answers_are_checked(folder, monkeypatch):
    """Check your answers has the three previews made by the app's background thread; the
    preview page then converts nothing. Counted by thread (the cache is shared by the whole
    process, where another app's background work may still be running), and waited for by
    the condition (the app's one background thread has finished what it was given)."""
    made: list[str] = []  # the thread of each to_html call, cached or not
    converted: list[str] = []  # the thread of each pandoc run
    real_to_html, real_convert = finish.to_html, pypandoc.convert_file

    def spy_to_html(data: bytes) -> str:
        made.append(threading.current_thread().name)
        return real_to_html(data)

    def spy_convert(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        converted.append(threading.current_thread().name)
        return real_convert(*args, **kwargs)

    monkeypatch.setattr(finish, "to_html", spy_to_html)
    monkeypatch.setattr(pypandoc, "convert_file", spy_convert)
    to_html.cache_clear()
    web = Interview(folder, previews_in_advance=True)
    background = web.client.app.app.state.background  # one thread, jobs in order
    ours = "docgen-preview-of-this-test"  # that thread, told from other apps' by its name
    background.submit(lambda: setattr(threading.current_thread(), "name", ours)).result(5)
    web.open("shared-head-of-hr.yaml")  # lands on "check your answers"
    background.submit(lambda: None).result(timeout=60)  # all it was given is done
    assert made.count(ours) == 3  # the agreement, the contract and the job description
    assert to_html.cache_info().currsize >= 3
    hits = to_html.cache_info().hits
    assert all(t.startswith("docgen-preview") for t in made)  # nothing asked by a page yet
    assert web.client.get(f"{web.base}/preview/contract").status_code == 200
    assert len([t for t in made if not t.startswith("docgen-preview")]) == 1  # the page's
    assert all(t.startswith("docgen-preview") for t in converted)  # and pandoc never ran
    assert to_html.cache_info().hits >= hits + 1  # served from what was made in advance


def test_change_from_check_your_answers_returns_there(folder):
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    check = web.client.get(f"{web.base}/check").text
    assert f"{web.base.split('testserver')[1]}/exit?then=check#f-exit-notice_months" in check
    page = web.client.get(f"{web.base}/exit?then=check").text
    assert 'name="then" value="check"' in page
    values = web.form("exit")
    values.update({"then": ["check"], "exit.notice_months": ["3"], "action": ["continue"]})
    response = web.client.post(f"{web.base}/exit", data=values)
    assert response.url.path.endswith("/check") and "3" in response.text
    # the page as saved now (its fingerprint too: a form of before the first change is
    # refused as sent from another tab), with an error: the way back is kept
    values = web.form("exit")
    values.update({"then": ["check"], "exit.notice_months": ["0"], "action": ["continue"]})
    response = web.client.post(f"{web.base}/exit", data=values)
    assert response.status_code == 422 and 'name="then" value="check"' in response.text


def test_an_oversized_chunked_body_is_a_413_not_a_500(folder):
    """No Content-Length: the limit is found while reading, and answered once, as 413."""
    web = Interview(folder, max_body=10_000)

    def chunks():
        for _ in range(50):
            yield b"x" * 1000

    response = web.client.post("/api/check", content=chunks())
    assert response.status_code == 413, response.text
    assert "too large" in response.json()["error"]
    response = web.client.post("/new", content=chunks(), headers={
        "content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413 and "too large" in response.text


def test_open_reuses_a_clean_draft_and_never_drops_unsaved_edits(folder, monkeypatch):
    monkeypatch.setattr("docgen.web.store.MAX_DRAFTS", 3)
    web = Interview(folder)
    name, other = "shared-head-of-hr.yaml", "joint-director-public-health.yaml"
    first = web.client.get(f"/open/{name}")
    assert web.client.get(f"/open/{name}").url == first.url  # reused, not a new draft
    img = web.client.get(f"/open/{name}", headers={"sec-fetch-site": "cross-site"})
    assert img.status_code == 403 and "another web site" in img.text
    assert web.client.get(f"/open/{name}", headers={"sec-fetch-site": "same-site"}
                          ).status_code == 403
    web.new()
    web.open(other)
    web.submit("payment", payment__salary="95000")  # unsaved edits
    edited = web.base
    web.new()  # full: the clean draft of `name` is closed, nothing with edits
    assert web.client.get(str(first.url)).status_code == 404
    # the edited draft is kept on disk, so it may leave memory and comes back with its edits
    assert web.client.get(f"/open/{name}").status_code == 200
    page = web.client.get(f"{edited}/payment")
    assert page.status_code == 200 and 'value="95000"' in page.text
    web.new()  # the memory is now three blank drafts, which are on disk nowhere
    refused = web.client.get(f"/open/{other}")
    assert refused.status_code == 422 and "unsaved changes are open" in refused.text


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_a_loopback_host_always_checks_the_host_header(folder, host):
    """Any loopback --host keeps the DNS-rebinding guard; `testserver` only when asked."""
    client = TestClient(create_app(folder, host=host), base_url="http://127.0.0.1:8765")
    assert client.get("/").status_code == 200
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200
    assert client.get("/", headers={"host": "[::1]:8765"}).status_code == 200
    for other in ("attacker.example:8765", "testserver"):
        assert client.get("/", headers={"host": other}).status_code == 400, other
    if host == "127.0.0.2":
        assert client.get("/", headers={"host": "127.0.0.2:8765"}).status_code == 200


@pytest.mark.parametrize("salary", ["1e5000", "9" * 5000, "1e-5000"])
def test_an_absurd_number_is_reported_not_a_500(folder, salary):
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    response = web.submit("payment", payment__salary=salary)
    assert response.status_code == 422, response.text[:500]
    assert "There is a problem" in response.text and "Salary" in response.text


def test_odd_dates_row_counts_and_a_folder_named_as_the_file_are_not_500s(folder):
    web = Interview(folder)
    web.open("shared-head-of-hr.yaml")
    response = web.submit("post", **{"post.start_date-month": "9" * 20})
    assert response.status_code == 422 and "There is a problem" in response.text
    web.submit("post", **{"post.start_date-month": "4"})
    values = web.form("partners")
    values["parties.__n"], values["action"] = ["²"], ["add-row:parties"]
    response = web.client.post(f"{web.base}/partners", data=values)
    assert response.status_code == 200 and "Traceback" not in response.text
    (folder / "taken.yaml").mkdir()
    response = web.save("taken.yaml")
    assert response.status_code == 422 and "taken.yaml is a folder" in response.text
    assert (folder / "taken.yaml").is_dir()


def test_serve_on_a_port_in_use_says_so_before_starting(folder, monkeypatch):
    started = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: started.update(kw))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", str(folder), "--port", str(port)])
    assert result.exit_code == 1 and not started
    assert f"port {port} is in use" in str(result.exception) and "--port" in str(
        result.exception)
    assert "http://" not in result.output  # the URL is printed only once the port is free
    result = CliRunner().invoke(cli, ["serve", str(folder), "--port", str(port)])
    assert result.exit_code == 0 and started["port"] == port
    assert f"http://127.0.0.1:{port}/" in result.output


def test_open_refuses_a_file_over_the_limit_and_a_missing_file_is_404(folder, monkeypatch):
    big = folder / "big.yaml"
    big.write_bytes(b"docgen: 1\n" + b"# padding\n" * 110_000)  # 1.1 MB
    reads = []
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or real(self))
    web = Interview(folder)
    response = web.client.get("/open/big.yaml")
    assert response.status_code == 422
    assert "big.yaml cannot be opened: the file is larger than 1,000,000 bytes" in response.text
    assert big not in reads  # refused while reading at most the limit, not read whole
    missing = web.client.get("/open/gone.yaml")
    assert missing.status_code == 404 and "no post called gone.yaml" in missing.text
