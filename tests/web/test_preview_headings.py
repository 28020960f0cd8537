"""A document's preview has one h1, the page's title, and headings in order: the
document's own title was a second h1 ("AGREEMENT" under "Inter-organisation agreement"),
then its contents and parties were h3s straight after it."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")

from docgen.web.output import under_title  # noqa: E402

from .helpers import Interview  # noqa: E402


def _levels(html: str) -> list[int]:
    main = lxml.html.fromstring(html).xpath("//main")[0]
    return [int(h.tag[1]) for h in main.iter("h1", "h2", "h3", "h4", "h5", "h6")]


@pytest.mark.parametrize("kind", ["agreement", "contract", "job_spec"])
def test_one_h1_and_no_level_skipped(tmp_path: Path, kind: str) -> None:
    web = Interview.opened(tmp_path, "shared-head-of-hr.yaml")
    page = web.client.get(f"{web.base}/preview/{kind}")
    assert page.status_code == 200
    levels = _levels(page.text)
    assert levels.count(1) == 1 and levels[0] == 1, levels
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert len(levels) > 5  # the document's headings are there, demoted, not dropped


def test_siblings_stay_siblings_and_nothing_goes_past_h6() -> None:
    html = ('<h1 id="t">AGREEMENT</h1><h3>Contents</h3><h3>Parties</h3><h2>1. Terms</h2>'
            "<h3>1.1</h3><h4>a</h4><h5>i</h5><h6>x</h6><h6>y</h6>")
    shown = under_title(html)
    assert [int(h.tag[1]) for h in lxml.html.fragments_fromstring(shown)] == \
        [2, 3, 3, 3, 4, 5, 6, 6, 6]
    assert '<h2 id="t">AGREEMENT</h2>' in shown
