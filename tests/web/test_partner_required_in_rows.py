"""A statutory role's, a place of work's and a steering-group member's partner are asked
alike: the answer file requires a partner in each (``StatutoryRole.party``,
``Location.party``, ``Member.party``: no default, and no "not known yet"), so none offers an
answer docgen refuses. The statutory role's partner offered "Not decided yet", which saved
a role without a partner: docgen refused the file ("'party' is required here but missing").
Each says under its partner that every row needs one and that a row no longer needed, or
(a role) whose partner is not decided, is removed; the role's row removed, the post has no
statutory role, which docgen accepts. A role without a partner written by an older
interview is asked for its partner on the page, and the page can be put right there."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from yaml_text import load_yaml

import docgen

from .conftest import EXAMPLES
from .helpers import Browser, Shown

pytest.importorskip("starlette")

FILE = "p.yaml"
ROLE_HINT = ("Each role must have a partner. If the partner is not decided yet, or the "
             "post-holder will not hold this role, remove it")
#: (the page, the list's key, the hint under each row's partner)
ROWS = (
    ("post", "post.statutory_roles", ROLE_HINT),
    ("post", "post.locations",
     "Each location must have a partner. If you no longer need this location, remove it"),
    ("governance", "governance.steering_group.members",
     "Each member must have a partner. If this person is no longer a member, remove them"),
)


def _post(roles: str) -> str:
    """The Head of HR example with ``roles`` (YAML flow) as its statutory roles."""
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8")
    return text.replace("  politically_restricted: true\n",
                        f"  politically_restricted: true\n  statutory_roles: {roles}\n", 1)


def _saved(folder: Path) -> Any:
    return load_yaml((folder / FILE).read_text("utf-8"))


def _refused(answers: Any) -> list[str]:
    """docgen's errors on ``answers`` (as data), by key."""
    return [p.key for p in docgen.check(answers).problems if p.severity == "error"]


@pytest.mark.parametrize(("slug", "key", "hint"), ROWS, ids=["roles", "locations", "members"])
def test_each_rows_partner_offers_the_partners_only_and_says_a_row_needs_one(
        tmp_path: Path, slug: str, key: str, hint: str) -> None:
    web = Browser.on(tmp_path, FILE, _post("[{party: westmere, role: Monitoring Officer}]"))
    page = web.go(f"{web.base}/{slug}")
    name = f"{key}.0.party"
    radios = page.find(f"//input[@name='{name}']")
    assert [r.get("value") for r in radios] == ["eastwick", "westmere"]  # nothing to clear
    assert "Not decided yet" not in page.text()
    question = page.find(f"//fieldset[.//input[@name='{name}']][not(.//fieldset)]")
    assert len(question) == 1
    said = question[0].xpath("./div[contains(@class, 'govuk-hint')]")
    assert [" ".join(s.text_content().split()) for s in said] == [hint]
    assert said[0].get("id") in question[0].get("aria-describedby").split()

    answers = _saved(tmp_path)  # and docgen refuses the row without a partner
    row = answers
    for part in key.split("."):
        row = row[part]
    del row[0]["party"]
    assert any(path.startswith(f"{key}[0].party") for path in _refused(answers)), key


def test_a_role_without_a_partner_is_put_right_on_its_page(tmp_path: Path) -> None:
    """A role saved without a partner (as "Not decided yet" did) is asked for one on the
    post's page; the partner chosen, the file is one docgen accepts; the role removed with
    its own button, the post has none."""
    web = Browser.on(tmp_path, FILE, _post("[{role: Monitoring Officer}]"))
    assert "post.statutory_roles[0].party" in _refused(_saved(tmp_path))
    post = web.go(f"{web.base}/post")
    assert post.checked("post.statutory_roles.0.party") == []
    shown = web.press(post, "continue")
    assert shown.errors() == [["Select the partner for statutory role 1",
                               "#f-post-statutory_roles-0-party"]], shown.errors()
    done = web.press(shown, "continue", **{"post.statutory_roles.0.party": "westmere"})
    assert done.path.endswith("/check"), done.errors()
    assert _saves(web) == [{"party": "westmere", "role": "Monitoring Officer"}]
    assert not _refused(_saved(tmp_path))

    post = web.go(f"{web.base}/post")
    removed = web.press(post, "remove:post.statutory_roles:0")
    assert not removed.find("//input[@name='post.statutory_roles.0.role'][@value]"
                            "[string-length(@value) > 0]")
    done = web.press(removed, "continue")
    assert done.path.endswith("/check"), done.errors()
    assert _saves(web) is None
    assert not _refused(_saved(tmp_path))


def _saves(web: Browser) -> object:
    """The statutory roles of the post once saved as :data:`FILE`."""
    response = web.save(FILE)
    assert response.status_code == 200 and f"saved={FILE}" in str(response.url), response.url
    return _saved(web.folder)["post"].get("statutory_roles")


def test_no_party_question_offers_an_empty_choice(tmp_path: Path) -> None:
    """No page of the interview offers a partner radio that clears the partner."""
    web = Browser.on(tmp_path, FILE, _post("[{party: westmere, role: Monitoring Officer}]"))
    for slug in ("post", "governance", "conflicts", "management", "employer"):
        page = Shown(web.client.get(f"{web.base}/{slug}"))
        if page.status != 200:
            continue
        assert not page.find("//input[@type='radio'][contains(@name, 'party')][@value='']"), slug
