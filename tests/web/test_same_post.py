"""One post, twice (an HR officer's report): a post uploaded again (legal sent back an
updated copy) was offered its reference as the file name, so saving made a second post
with that reference beside the original, and then both showed "Another post in the folder
already has this reference" and ``docgen build`` refused one; saving under the original's
name was refused, so there was no way to say "this is the new version of that post"; each
upload of the same file added another identical draft; and the start page listed the two
posts with no problem marked. Now the save offers to replace that post (asked first, by its
file's name, its text kept), or to change the reference, and never writes a second post
with one reference; the same file uploaded again reopens what is already here."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

import docgen  # noqa: E402
from docgen.web.drafts import list_files  # noqa: E402
from docgen.web.store import DRAFTS_DIR  # noqa: E402

from .helpers import Browser, Shown  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
NAME = "shared-head-of-hr.yaml"


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A copy of the project's ``inputs/`` folder: the posts and their profiles."""
    out = tmp_path / "inputs"
    shutil.copytree(ROOT / "inputs", out, ignore=shutil.ignore_patterns("*.xlsx"))
    return out


def _upload(web: Browser, data: bytes) -> Shown:
    """The start page's "Open the file" pressed with ``data`` as the file chosen."""
    page = web.go("/")
    return web.press(page, "#upload", files={
        page.by_id("upload-file").get("name"): ("sent-back.yaml", data, "application/yaml")})


def _sent_back(inputs: Path) -> bytes:
    """The post as legal sent it back: the same reference, a new salary."""
    text = (inputs / NAME).read_text(encoding="utf-8")
    assert "salary: 92000" in text
    return text.replace("salary: 92000", "salary: 96500").encode("utf-8")


def _posts(inputs: Path) -> list[str]:
    """The posts in the folder, as ``docgen build`` finds them (not bases, ``_*.yaml``)."""
    return sorted(p.name for p in list_files(inputs))


def test_an_updated_copy_replaces_its_post_after_asking(inputs):
    before = _posts(inputs)
    original = (inputs / NAME).read_bytes()
    web = Browser(inputs)
    check = _upload(web, _sent_back(inputs))
    assert check.path.endswith("/check"), check.url
    said = check.text("//*[@id='reference-taken']")
    assert f"{NAME} in the folder already has the reference EWK-WSM-HR-01" in said
    assert check.by_id("replace").text_content().strip() == \
        f"Replace {NAME} with these answers"
    assert check.by_id("change-reference").get("href").endswith(
        "/about?then=check#f-reference")
    assert not check.find("//button[@id='save']")  # no save as a second post

    asked = web.follow(check, "replace")
    assert asked.status == 200
    assert f"Are you sure you want to replace {NAME} with these answers?" in asked.text("//h1")
    assert f"kept in the folder as _{NAME.removesuffix('.yaml')}.replaced-1.yaml" in \
        asked.text()
    assert (inputs / NAME).read_bytes() == original  # asking writes nothing
    done = web.press(asked, "#confirm-replace")
    assert done.status == 200 and done.path.endswith("/check"), done.url
    assert f"Saved as {NAME}" in done.text("//*[contains(@class, 'notification-banner')]")
    assert "_shared-head-of-hr.replaced-1.yaml" in done.text("//*[@id='kept-aside']")

    assert _posts(inputs) == before  # one post with that reference, now the new answers
    assert b"salary: 96500" in (inputs / NAME).read_bytes()
    assert (inputs / "_shared-head-of-hr.replaced-1.yaml").read_bytes() == original
    assert docgen.check(inputs / NAME, workspace=inputs).ok
    assert not done.find("//*[contains(@class, 'govuk-error-summary')]")
    result = docgen.build([inputs], inputs.parent / "build")
    assert result.ok and result.count("built") == len(before), result.posts
    start = web.go("/")
    assert not start.find("//*[contains(@class, 'docgen-shared')]")
    assert "Not saved yet" not in start.text()  # the uploaded draft is the post now


def test_a_replace_asked_about_a_file_changed_since_writes_nothing(inputs):
    web = Browser(inputs)
    asked = web.follow(_upload(web, _sent_back(inputs)), "replace")
    edited = (inputs / NAME).read_text(encoding="utf-8").replace("Morgan", "Morgana")
    (inputs / NAME).write_text(edited, encoding="utf-8")
    refused = web.press(asked, "#confirm-replace")
    assert refused.status == 409 and "was changed in the folder since you were asked" in \
        refused.text()
    assert (inputs / NAME).read_text(encoding="utf-8") == edited
    assert not list(inputs.glob("_shared-head-of-hr.replaced-*"))


def test_a_second_post_with_a_taken_reference_is_refused(inputs):
    before = {p.name: p.read_bytes() for p in inputs.glob("*.yaml")}
    web = Browser(inputs)
    check = _upload(web, _sent_back(inputs))
    web.base = check.url.rsplit("/", 1)[0]
    for name in ("EWK-WSM-HR-01", "head-of-hr-v2.yaml"):
        refused = Shown(web.save(name))
        assert refused.status == 409, name
        assert f"{NAME} already has the reference EWK-WSM-HR-01, and two posts in the " \
            "folder cannot have the same reference, so nothing was saved" in \
            refused.text("//*[contains(@class, 'govuk-error-summary')]")
        assert {p.name: p.read_bytes() for p in inputs.glob("*.yaml")} == before
    asked = Shown(web.save("shared-head-of-hr"))  # the original's name: asked first
    assert asked.path.endswith("/replace")
    assert {p.name: p.read_bytes() for p in inputs.glob("*.yaml")} == before


def test_the_same_file_uploaded_again_reopens_what_is_here(inputs):
    web = Browser(inputs)
    sent = _sent_back(inputs)
    first = _upload(web, sent)
    again = [_upload(web, sent) for _ in range(4)]
    assert {p.path for p in again} == {first.path}  # the draft made the first time
    assert "You opened this file before" in again[0].text()
    start = web.go("/")
    assert start.text().count("Not saved yet") == 1
    assert len(list((inputs / DRAFTS_DIR).glob("*.json"))) == 1

    same = _upload(web, (inputs / NAME).read_bytes())  # the post in the folder, unchanged
    assert f"This file is the same as {NAME} in the folder" in same.text()
    assert same.find("//button[@id='save']")  # that post, saved under its own name
    assert web.go("/").text().count("Not saved yet") == 1


def test_the_start_page_marks_posts_sharing_a_reference(inputs):
    """A folder already holding two posts with one reference (a copy made by hand, or by
    the interview before) shows the problem on each, naming the other."""
    shutil.copy(inputs / NAME, inputs / "EWK-WSM-HR-01.yaml")
    start = Browser(inputs).go("/")
    marked = [" ".join(e.text_content().split())
              for e in start.find("//*[contains(@class, 'docgen-shared')]")]
    assert marked == [
        "Another post in the folder, shared-head-of-hr.yaml, has the same reference: give "
        "one of them another reference, or remove one",
        "Another post in the folder, EWK-WSM-HR-01.yaml, has the same reference: give one "
        "of them another reference, or remove one"]
    assert start.text().count("Has problems") >= 2


def test_a_reference_written_as_a_number_is_still_one_post(inputs):
    """``reference: 12345`` is the reference "12345" to docgen (numbers are read as text),
    but the save's guard read only text: an uploaded copy was saved as a second post with
    that reference, and ``docgen build`` then failed one of the two."""
    text = (inputs / NAME).read_text(encoding="utf-8")
    assert "reference: EWK-WSM-HR-01" in text
    (inputs / NAME).write_text(text.replace("reference: EWK-WSM-HR-01", "reference: 12345"),
                               encoding="utf-8")
    web = Browser(inputs)
    check = _upload(web, _sent_back(inputs))
    assert check.path.endswith("/check"), check.url
    assert f"{NAME} in the folder already has the reference 12345" in \
        check.text("//*[@id='reference-taken']")
    assert not check.find("//button[@id='save']")


def test_the_same_file_uploaded_over_unsaved_changes_says_they_are_there(inputs):
    """A reviewer's finding: with a draft of the post holding changes not saved, uploading
    the post's own file opened that draft under "This file is the same as …: that post is
    opened", the notice of its unsaved changes replaced."""
    web = Browser(inputs)
    web.open(NAME)
    web.submit("about", reference="EWK-WSM-HR-99")
    opened = _upload(web, (inputs / NAME).read_bytes())
    assert f"You have changes to {NAME} that are not saved yet" in opened.text(), \
        opened.text()[:600]
