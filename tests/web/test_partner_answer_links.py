"""A partner's answer is linked to its box on the partner's own page wherever it is named
away from that page: the list of partners' error summary (it linked to the partner's row of
the list) and check your answers' errors (to the list); and an answer not known yet, said
as a warning on check your answers, names the partner whose answer it is ("Partners: The
name of the person who signs is not known yet" did not say whose) and links to its
question, as every other answer not known yet does."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Browser, Shown  # noqa: E402
from .test_final_open_listed import DPH  # noqa: E402


def _at_its_box(web: Browser, page: Shown, href: str) -> str:
    """The name of the box ``href`` (another page's address and #box) lands on."""
    assert href.startswith("/") and "#" in href, href
    return str(web.go(href, page).by_id(href.split("#", 1)[1]).get("name"))


def _westmere_unfinished(folder: Path) -> Browser:
    """The Head of HR example, Westmere's signatory unnamed and its email not one."""
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    text = text.replace("signatory: {name: Thomas Okafor,", "signatory: {").replace(
        "email: monitoring.officer@westmere.example.gov.uk", "email: nope")
    return Browser.on(folder, "hr.yaml", text)


def test_the_list_of_partners_links_each_error_to_its_box(folder: Path) -> None:
    web = _westmere_unfinished(folder)
    refused = web.press(web.go(f"{web.base}/partners"))
    assert refused.status == 422
    errors = refused.errors()
    assert [text for text, _ in errors][:1] == [
        "Enter the name of the person who signs for Westmere"], errors
    assert [_at_its_box(web, refused, href) for _, href in errors] == [
        "parties.1.signatory.name", "parties.1.notices.email"]


def test_check_your_answers_links_a_partners_error_to_its_box(folder: Path) -> None:
    web = _westmere_unfinished(folder)
    check = web.go(f"{web.base}/check")
    assert [_at_its_box(web, check, href) for text, href in check.errors()
            if text.startswith("Partners: ")] == [
        "parties.1.signatory.name", "parties.1.notices.email"]


def test_a_partners_answer_not_known_yet_names_the_partner_and_links(tmp_path: Path) -> None:
    folder = tmp_path / "answers"
    folder.mkdir()
    (folder / "dph.yaml").write_text(DPH, encoding="utf-8")
    web = Browser(folder)
    web.open("dph.yaml")
    check = web.go(f"{web.base}/check")
    not_known = [[text, href] for text, href in check.links("//div[@id='warnings']//a")
                 if "is not known yet" in text]
    assert [text.split(" is not known yet")[0] for text, _ in not_known] == [
        "Partners: The name of the person who signs for the Trust",
        "Post-holder: The post-holder's home address",
        "Post-holder: The date they were consulted"], not_known
    assert [_at_its_box(web, check, href) for _, href in not_known] == [
        "parties.1.signatory.name", "postholder.address", "postholder.consulted_on-day"]
