"""Round 3, journey 5: start from an answer file the officer was sent. The start page
listed only the files already in the served folder, so a file received by e-mail could not
be opened from the browser at all. "Open an answer file from your computer" opens it as a
draft; nothing is written into the folder until it is saved."""

from __future__ import annotations

import time

import pytest

from .conftest import EXAMPLES
from .helpers import Browser, Interview


def test_an_answer_file_from_the_computer_opens_changes_saves_and_downloads(
        browser, server, tmp_path):
    sent = tmp_path / "from-email.yaml"
    sent.write_text((EXAMPLES / "joint-director-public-health.yaml").read_text(
        encoding="utf-8"), encoding="utf-8")
    context = browser.new_context(base_url=server.url, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/")
    before = sorted(server.folder.glob("*.y*ml"))
    page.set_input_files("#upload-file", str(sent))
    page.click("#upload")
    page.wait_for_url("**/check")
    assert "NBC-ICB-DPH-2027" in page.inner_text("main")
    assert sorted(server.folder.glob("*.y*ml")) == before  # no post written yet
    page.click("a[href$='/payment?then=check#f-payment-salary']")  # a change, then back
    page.fill("#f-payment-salary", "£120,000")
    page.click("form#step-form button[value=continue] >> nth=-1")
    page.wait_for_url("**/check")
    page.fill("#name", "dph-from-email")
    page.click("#save")
    assert "Saved as dph-from-email.yaml" in page.inner_text(".govuk-notification-banner")
    assert "salary: 120000" in (server.folder / "dph-from-email.yaml").read_text(
        encoding="utf-8")
    with page.expect_download() as download:
        page.click("#download")
    assert download.value.suggested_filename == "NBC-ICB-DPH-2027.zip"
    context.close()


def test_an_answer_file_from_the_computer_opens_without_javascript(folder):
    """The journey above as a browser without JavaScript sends it: the start page's form
    sends the file (a multipart form: ``press`` checks), the rest are links and forms."""
    sent = (EXAMPLES / "joint-director-public-health.yaml").read_bytes()
    web = Browser(folder)
    page = web.go("/")
    assert page.by_id("upload-file").get("type") == "file"
    before = sorted(folder.glob("*.y*ml"))
    page = web.press(page, "#upload", files={
        page.by_id("upload-file").get("name"): ("from-email.yaml", sent, "application/yaml")})
    assert page.path.endswith("/check"), page.url
    assert "NBC-ICB-DPH-2027" in page.text()
    assert sorted(folder.glob("*.y*ml")) == before  # no post written yet
    change = [h for _, h in page.links("//a") if h.endswith(
        "/payment?then=check#f-payment-salary")][0]  # "Change" beside the salary
    payment = web.go(change, page)
    payment.by_id("f-payment-salary")  # the question the link names is on the page
    page = web.press(payment, fields={"payment.salary": "£120,000"})
    assert page.path.endswith("/check"), page.url  # a change, then back
    page = web.press(page, "#save", name="dph-from-email")
    assert "Saved as dph-from-email.yaml" in page.text(
        "//*[contains(@class, 'govuk-notification-banner')]")
    assert "salary: 120000" in (folder / "dph-from-email.yaml").read_text(encoding="utf-8")
    download = web.client.get(page.by_id("download").get("href"))
    assert download.status_code == 200
    assert 'filename="NBC-ICB-DPH-2027.zip"' in download.headers["content-disposition"]
    assert download.content.startswith(b"PK")


def test_a_file_that_is_not_an_answer_file_is_refused_plainly(browser, server, tmp_path):
    bad = tmp_path / "notes.yaml"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    page.goto("/")
    page.set_input_files("#upload-file", str(bad))
    page.click("#upload")
    page.wait_for_load_state()  # the whole page read (a click waits only for it to begin)
    assert "That file is not a post's file" in page.inner_text("main")
    page.goto("/")
    page.click("#upload")  # nothing chosen
    page.wait_for_load_state()
    assert "Choose the post's file to open" in page.inner_text("main")
    context.close()


def _bomb() -> str:
    """A few hundred bytes whose aliases expand to 9^9 values when read as data."""
    lines = ["docgen: 1", 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 9):
        name, before = chr(ord("a") + i), chr(ord("a") + i - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{before}"] * 9) + "]")
    return "\n".join([*lines, "parties: [eastwick, westmere]"]) + "\n"


@pytest.mark.parametrize("text", [_bomb(), "a: " + "[" * 100_000], ids=["aliases", "nesting"])
def test_a_file_that_would_never_finish_reading_is_refused_at_once(tmp_path, text):
    """A file from anywhere is read by docgen's bounded reader first: before, the alias
    bomb kept the server busy without end, and deep nesting gave an error page after
    seconds of work."""
    (tmp_path / "inputs").mkdir()
    web = Interview(tmp_path / "inputs")
    started = time.monotonic()
    response = web.client.post("/upload", data={"csrf_token": web.token},
                               files={"file": ("sent.yaml", text.encode(), "text/yaml")})
    assert time.monotonic() - started < 10
    assert 400 <= response.status_code < 500  # the person's file, not the server
    assert "not written in the form docgen reads" in response.text
    assert not list((tmp_path / "inputs").glob("*.yaml"))


def test_a_list_is_not_a_posts_file(tmp_path):
    """A file that is a list, not a post's answers, says so (not "ask whoever edits the
    files by hand to correct it", which does not help with a file received)."""
    (tmp_path / "inputs").mkdir()
    web = Interview(tmp_path / "inputs")
    response = web.client.post("/upload", data={"csrf_token": web.token},
                               files={"file": ("sent.yaml", b"- a\n- b\n", "text/yaml")})
    assert 400 <= response.status_code < 500
    assert "does not hold a post" in response.text
    assert "edits the files by hand" not in response.text


def test_an_updated_copy_of_a_post_replaces_it_in_chromium(browser, server, tmp_path):
    """Legal sends back the Head of HR post with a new salary: saving it replaces the post
    (asked first, by its file's name), never a second post with its reference beside it
    (test_same_post.py holds the rest)."""
    name = "shared-head-of-hr.yaml"
    sent = tmp_path / name
    sent.write_text((server.folder / name).read_text(encoding="utf-8").replace(
        "salary: 92000", "salary: 96500"), encoding="utf-8")
    before = sorted(p.name for p in server.folder.glob("*.y*ml"))
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/")
    page.set_input_files("#upload-file", str(sent))
    page.click("#upload")
    page.wait_for_url("**/check")
    assert "already has the reference EWK-WSM-HR-01" in page.inner_text("#reference-taken")
    assert page.locator("#save").count() == 0  # no second post
    page.click("#replace")
    page.wait_for_url("**/replace")
    assert f"replace {name} with these answers?" in page.inner_text("h1")
    page.click("#confirm-replace")
    page.wait_for_url("**/check?*")
    assert f"Saved as {name}" in page.inner_text(".govuk-notification-banner")
    assert "salary: 96500" in (server.folder / name).read_text(encoding="utf-8")
    after = sorted(p.name for p in server.folder.glob("*.y*ml"))
    assert after == sorted([*before, "_shared-head-of-hr.replaced-1.yaml"])
    context.close()
