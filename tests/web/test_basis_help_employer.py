"""The legal basis's help names the employer by its kind of body: it said "The officer
stays employed by one council" when an NHS body (an integrated care board) employed."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview, Shown  # noqa: E402


def _help(tmp_path: Path, kind: str) -> str:
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    assert "    kind: local_authority\n" in text  # Eastwick's, the employer's, comes first
    (tmp_path / "post.yaml").write_text(
        text.replace("    kind: local_authority\n", f"    kind: {kind}\n", 1), encoding="utf-8")
    web = Interview(tmp_path)
    web.open("post.yaml")
    page = Shown(web.client.get(f"{web.base}/basis"))
    return page.text("//div[contains(@class,'govuk-details__text')]")


@pytest.mark.parametrize(("kind", "said"), [
    ("nhs_body", "The officer stays employed by one NHS body"),
    ("other_public_body", "The officer stays employed by one public body"),
    ("local_authority", "The officer stays employed by one council")])
def test_the_help_says_the_employers_kind(tmp_path: Path, kind: str, said: str) -> None:
    shown = _help(tmp_path, kind)
    assert said in shown, shown
    assert "{" not in shown
    if kind != "local_authority":
        assert "one council" not in shown
