"""Removing a partner takes its statutory roles with it, and the confirmation page did not
say so: it listed the share of the time and of the cost, the line manager, objectives,
responsibilities and places of work, but not the statutory roles held for it, its fee,
its steering group members or its share of redundancy costs (audit, item 4). The page now
names everything removed with a partner."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from docgen.web.fields import STEPS  # noqa: E402
from docgen.web.removal import GOES, _mapped, _rows_naming  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview  # noqa: E402

THREE = "shared-legal-services-three-councils.yaml"


def _roles(web: Interview) -> list[str]:
    values = web.form("post")
    return [v[0] for k, v in sorted(values.items())
            if k.startswith("post.statutory_roles.") and k.endswith(".party")]


def test_the_confirmation_page_says_the_statutory_roles_go(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / THREE, tmp_path)
    web = Interview(tmp_path, previews_in_advance=False)
    web.open(THREE)
    assert _roles(web) == ["ashby", "brookfield", "coldharbour"]
    asked = lxml.html.fromstring(web.client.get(f"{web.base}/partners/1/remove").text)
    said = [" ".join(li.text_content().split())
            for li in asked.xpath("//ul[@id='removed-with-it']/li")]
    assert "the statutory roles the post-holder holds for it" in said
    for words in ("its share of the time", "its share of the cost", "its places of work",
                  "its day-to-day manager", "its objectives", "its responsibilities",
                  "what it pays the employer a year", "its members of the steering group",
                  "its share of redundancy and pension strain costs"):
        assert words in said
    assert web.remove_partner(1).status_code == 200
    assert _roles(web) == ["ashby", "coldharbour"]  # what the page said would go, went


def test_everything_removed_with_a_partner_has_its_own_words() -> None:
    removed = {q.path for step in STEPS for q in step.questions if _mapped(q) or _rows_naming(q)}
    assert removed == set(GOES)
