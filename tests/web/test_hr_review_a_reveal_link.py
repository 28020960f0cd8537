"""HR officer's review (A5): "Before the post can be final" links "Give the name and address
of the person appointed, once known" to /postholder#f-postholder-name; with JavaScript on,
that box is inside the closed "Yes, a named person" conditional reveal, so the link landed
on nothing visible and nothing focused. Now the page (live.js) chooses the radio whose
reveal holds the box a link names, opens it and puts the focus in the box; without
JavaScript every reveal is open anyway, the box there to type in."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")

from .conftest import add_profiles, new_two_partner_post  # noqa: E402

NAME = "#f-postholder-name"


@pytest.mark.parametrize("javascript", [True, False])
def test_a_link_to_a_box_in_a_closed_reveal_lands_on_it(  # type: ignore[no-untyped-def]
        browser, server, folder, javascript):
    """With JavaScript, first a link to the radio itself (a box already shown): it leaves
    the answers as they are; then the link to the box inside the closed reveal. (One post
    for both: making one in the browser is most of the test's time.)"""
    add_profiles(folder)
    page, base = new_two_partner_post(browser, server, f"REVEAL-{int(javascript)}",
                                      javascript=javascript)
    if javascript:
        page.goto(f"{base}/postholder#f-postholder_known")
        assert page.is_checked("input[name=postholder_known][value=no]")  # recruiting
        assert not page.is_visible(NAME)  # the reveal closed, as GOV.UK's radios keep it
        page.goto(f"{base}/about")
    page.goto(f"{base}/postholder{NAME}")
    assert page.is_visible(NAME)
    if javascript:
        page.wait_for_selector("#f-postholder-name:focus", state="attached")  # focused
        yes = page.locator("input[name=postholder_known][aria-controls]").filter(
            has=page.locator("xpath=self::*[@aria-expanded='true']"))
        assert yes.count() == 1 and yes.is_checked()  # the radio that reveals it, chosen
    else:
        assert page.is_checked("input[name=postholder_known][value=no]")  # nothing changed
    page.context.close()
