"""Check your answers when a new post's law is not settled: the partners' profiles state no
law, so neither the law nor the legal basis is chosen for the officer (1f3d13c). The error
summary asked "Select which law applies", but About the arrangement had no row for the law,
so there was nothing on the page to change. The law and the legal basis now show as rows,
"Not answered yet" (the page's words for a section with no answers), with Change links."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import HERE, Interview, Shown  # noqa: E402


def _no_law_post(tmp_path: Path) -> Interview:
    """A new post between Eastwick and Westmere whose profiles state no law."""
    folder = tmp_path / "workspace"
    shutil.copytree(HERE / "data" / "organisations", folder / "organisations")
    for profile in (folder / "organisations").glob("*.yaml"):
        lines = profile.read_text(encoding="utf-8").splitlines(keepends=True)
        profile.write_text("".join(line for line in lines
                                   if not line.startswith("jurisdiction:")), encoding="utf-8")
    web = Interview(folder)
    response = web.begin("NOLAW-1")
    assert response.url.path.endswith("/tasks"), response.url
    return web


def _rows(page: Shown, section: str) -> dict[str, tuple[str, str]]:
    """The rows under the heading ``section``: question -> (answer, Change link's href)."""
    found = page.find(f"//h2[normalize-space()='{section}']/following-sibling::dl[1]"
                      "/div[contains(@class, 'govuk-summary-list__row')]")
    out = {}
    for row in found:
        key = " ".join(row.xpath("./dt")[0].text_content().split())
        value = " ".join(row.xpath("./dd[contains(@class, '__value')]")[0]
                         .text_content().split())
        link = row.xpath("./dd[contains(@class, '__actions')]//a")
        out[key] = (value, f"{link[0].text_content().split()[0]} {link[0].get('href')}"
                    if link else "")
    return out


def test_an_unanswered_law_and_legal_basis_have_rows_to_change(tmp_path: Path) -> None:
    web = _no_law_post(tmp_path)
    check = Shown(web.client.get(f"{web.base}/check"))
    assert "About the arrangement: Select which law applies" in [t for t, _ in check.errors()]
    about = _rows(check, "About the arrangement")
    assert about["Which law applies?"] == (
        "Not answered yet",
        f"Change {web.base.split('testserver')[-1]}/about?then=check#f-jurisdiction"), about
    basis = _rows(check, "Legal basis")
    power, link = basis["Under which power does the post-holder work for the other partners?"]
    assert power == "Not answered yet" and link.endswith("/basis?then=check#f-legal_basis"), basis
    # the section's own page says the same
    section = Shown(web.client.get(f"{web.base}/check/about"))
    assert "Which law applies? Not answered yet" in section.text("//dl")
    # once answered, the rows give the answers
    web.submit("about", jurisdiction="england_and_wales")
    web.submit("basis", legal_basis="lga_1972_s113")
    check = Shown(web.client.get(f"{web.base}/check"))
    assert _rows(check, "About the arrangement")["Which law applies?"][0] == \
        "England and Wales"
    assert "Not answered yet" not in " ".join(
        v for v, _ in _rows(check, "Legal basis").values())
