"""A statutory role's partner can be unchosen: "Not decided yet", after GOV.UK's "or", below
the partners. A radio once chosen cannot be cleared, so an HR officer who chose the partner
the post-holder is monitoring officer for could not go back to "not chosen" (only remove the
whole role). docgen reads a role without a partner as an answer still to give ("Select the
partner"), so "Not decided yet" keeps the role and asks for its partner; with nothing else
in the row, the row is blank and dropped, as a row left blank always is: no role."""

from __future__ import annotations

from pathlib import Path

from yaml_text import load_yaml

from .conftest import EXAMPLES
from .helpers import Browser

PARTY = "post.statutory_roles.0.party"
ROLE = "post.statutory_roles.0.role"


def _roles(folder: Path) -> object:
    """The statutory roles of the saved answer file, as docgen reads it."""
    return load_yaml((folder / "p.yaml").read_text("utf-8"))["post"].get("statutory_roles")


def _saved(web: Browser) -> None:
    response = web.save("p.yaml")
    assert response.status_code == 200 and "saved=p.yaml" in str(response.url), response.url


def test_a_chosen_partner_goes_back_to_not_decided_and_the_role_to_none(tmp_path: Path) -> None:
    web = Browser.on(tmp_path, "p.yaml", (EXAMPLES / "shared-head-of-hr.yaml").read_text())
    post = web.go(f"{web.base}/post")
    undecided = post.find(f"//input[@name='{PARTY}'][@value='']")
    assert len(undecided) == 1 and post.label(undecided[0]) == "Not decided yet"
    assert not post.checked(PARTY)  # a role not begun: nothing chosen
    assert post.find(f"//input[@name='{PARTY}'][@value='']/../preceding-sibling::div"
                     "[contains(@class, 'govuk-radios__divider')][1]")

    # chosen: Westmere's monitoring officer, saved into the file
    page = web.press(post, "continue", **{PARTY: "westmere", ROLE: "Monitoring Officer"})
    assert page.path.endswith("/check"), page.errors()
    _saved(web)
    assert _roles(tmp_path) == [{"party": "westmere", "role": "Monitoring Officer"}]

    # unchosen, the role kept: saved without a partner, the partner asked for
    post = web.go(f"{web.base}/post")
    assert post.checked(PARTY) == ["westmere"]
    page = web.press(post, "continue", **{PARTY: ""})
    assert page.errors() == [["Select the partner for statutory role 1",
                              "#f-post-statutory_roles-0-party"]], page.errors()
    assert page.checked(PARTY) == [""]  # "Not decided yet", as chosen
    _saved(web)
    assert _roles(tmp_path) == [{"role": "Monitoring Officer"}]
    reopened = Browser(tmp_path)
    reopened.open("p.yaml")
    post = reopened.go(f"{reopened.base}/post")
    assert post.checked(PARTY) == [""] and post.value(ROLE) == "Monitoring Officer"

    # unchosen with the role cleared: no statutory role at all
    page = reopened.press(post, "continue", **{PARTY: "", ROLE: ""})
    assert page.path.endswith("/check"), page.errors()
    _saved(reopened)
    assert _roles(tmp_path) is None
    assert "statutory_roles" not in (tmp_path / "p.yaml").read_text("utf-8").split(
        "\npostholder:")[0].split("\npost:")[1]
