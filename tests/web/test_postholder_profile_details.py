"""With the employer's profile giving a pension scheme, choosing "Not yet: we are
recruiting" asked "Remove the post-holder's details?" of an officer who had typed nothing
(HR walkthrough): the only detail was the pension scheme docgen filled in. It now goes
without asking, and comes back from the profile when a post-holder is named again; a
detail the officer typed is still asked about."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Interview, profiled_interview  # noqa: E402

ASKED = "Remove the post-holder"
LGPS = "Local Government Pension Scheme"


def _named(tmp_path: Path) -> Interview:
    web, _ = profiled_interview(tmp_path)
    web.begin("PH-PROFILE-01", postholder_known="yes")
    assert web.form("postholder")["postholder.pension_scheme"] == [LGPS]
    return web


def test_not_yet_with_only_the_profiles_pension_scheme_asks_nothing(tmp_path: Path) -> None:
    web = _named(tmp_path)
    response = web.submit("postholder", postholder_known="no")
    assert ASKED not in response.text
    assert not response.url.path.endswith("/postholder")  # went on
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    assert "postholder" not in draft.view()  # recruiting
    again = web.submit("postholder", postholder_known="yes", postholder__name="Jo Bloggs")
    assert again.status_code in (200, 303)
    assert web.form("postholder")["postholder.pension_scheme"] == [LGPS]  # the profile's


def test_not_yet_with_a_detail_typed_still_asks(tmp_path: Path) -> None:
    web = _named(tmp_path)
    assert ASKED in web.submit("postholder", postholder_known="no",
                               postholder__name="Jo Bloggs").text
    assert ASKED in web.submit("postholder", postholder_known="no",
                               postholder__pension_scheme="NHS Pension Scheme").text
