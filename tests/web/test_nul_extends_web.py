"""A post in the served folder whose ``extends`` holds a NUL character (``"x\\0y.yaml"``)
failed the list of posts (``GET /``) and every other post's pages that compare references
(``GET /edit/.../check`` answered 500): reading its reference raised ``ValueError:
embedded null byte``. Now loading it is an answer-file error like any other."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview  # noqa: E402

HR = "shared-head-of-hr.yaml"


def test_the_folder_and_another_posts_pages_still_open(tmp_path: Path) -> None:
    (tmp_path / "b.yaml").write_text('docgen: 1\nextends: "x\\0y.yaml"\nreference: B-1\n',
                                     encoding="utf-8")
    shutil.copy(EXAMPLES / HR, tmp_path)
    web = Interview(tmp_path)
    listing = web.client.get("/")
    assert listing.status_code == 200 and "b.yaml" in listing.text
    web.open(HR)
    assert web.client.get(f"{web.base}/check").status_code == 200
    assert web.client.get(f"{web.base}/about").status_code == 200
