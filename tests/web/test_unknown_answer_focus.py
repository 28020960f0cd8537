"""The error summary's link for an answer docgen does not use (a misspelt key in a file,
``bonus_pool`` under ``payment``) leads to its "Remove this answer" button, the thing to
act on, and with JavaScript the focus goes there. It linked to the answer's row
(``#unknown-0``), which cannot take the focus: the focus stayed on the page's body."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview, Shown  # noqa: E402


def _odd(folder: Path) -> None:
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    (folder / "odd.yaml").write_text(
        text.replace("\npayment:\n", "\npayment:\n  bonus_pool: 5000\n", 1), encoding="utf-8")


def test_the_summary_links_to_the_remove_button(tmp_path: Path) -> None:
    _odd(tmp_path)
    web = Interview(tmp_path)
    web.open("odd.yaml")
    page = Shown(web.submit("payment"))
    assert page.status == 422
    links = [href for text, href in page.errors() if "bonus_pool" in text]
    assert links == ["#remove-unknown-0"]
    button = page.by_id("remove-unknown-0")
    assert button.tag == "button" and button.get("value") == "drop-ask:payment.bonus_pool"


def test_with_javascript_the_focus_is_on_the_remove_button(browser, server, folder):  # type: ignore[no-untyped-def]
    _odd(folder)
    context = browser.new_context(base_url=server.url)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/open/odd.yaml")
    page.goto(page.url.rsplit("/", 1)[0] + "/payment")
    page.click("#continue")
    page.wait_for_selector(".govuk-error-summary")
    page.click(".govuk-error-summary a[href='#remove-unknown-0']")
    page.wait_for_function("document.activeElement.id === 'remove-unknown-0'", timeout=3000)
    assert page.evaluate("document.activeElement.textContent").startswith(
        "Remove this answer")
    context.close()
