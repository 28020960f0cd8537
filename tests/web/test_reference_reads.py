"""Every interview page looks for a reference another post in the folder already has (a
second post with one reference cannot be built), and it did so by reading the
``reference:`` line of every answer file in the folder on every page: a folder of many
posts was read in full each time a section was shown or continued. Each file's reference
is now kept with the file's size, modified time and inode, so a page reads only a file
changed since it was last read; a reference another post has is still refused."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

from docgen.answers import bounded  # noqa: E402

from .helpers import Interview  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"
POSTS = 60
TAKEN = "Another post in the folder already has this reference; give this post its own, " \
    "for example with the next number, or, if this is a new version of that post, replace " \
    "that post when you save it on Check your answers"


def _folder(tmp_path: Path) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "reference: EWK-WSM-HR-01\n" in text
    for i in range(POSTS):
        (tmp_path / f"post-{i:03}.yaml").write_text(
            text.replace("reference: EWK-WSM-HR-01\n", f"reference: EWK-WSM-HR-{i:03}\n"),
            encoding="utf-8")
    return tmp_path


def _count_reads(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[str]:
    """The answer files of ``folder`` read from now on, by name, by any docgen module."""
    reads: list[str] = []
    real = bounded.read_bounded

    def counted(path: Path, *args: Any, **kw: Any) -> bytes:
        if Path(path).parent == folder:
            reads.append(Path(path).name)
        return real(path, *args, **kw)

    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("docgen") and \
                getattr(module, "read_bounded", None) is real:
            monkeypatch.setattr(module, "read_bounded", counted)
    return reads


def test_a_page_that_does_not_touch_the_reference_reads_no_other_post(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    web = Interview(folder)
    web.open("post-000.yaml")  # the folder's references read once
    reads = _count_reads(monkeypatch, folder)
    assert web.client.get(f"{web.base}/post").status_code == 200
    continued = web.submit("post", post__title="Head of People")  # checked, then the next
    assert continued.status_code == 200, continued.text[:2000]
    assert web.client.get(f"{web.base}/governance").status_code == 200
    assert reads == [], reads
    # another post changed on disk since: that file, and only it, is read again
    changed = folder / "post-007.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace(
        "EWK-WSM-HR-007", "EWK-WSM-HR-NEW"), encoding="utf-8")
    assert web.client.get(f"{web.base}/job").status_code == 200
    assert reads == ["post-007.yaml"], reads


def test_a_reference_another_post_has_is_still_refused(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    web = Interview(folder)
    web.open("post-000.yaml")
    reads = _count_reads(monkeypatch, folder)
    refused = web.submit("about", reference="EWK-WSM-HR-005")
    assert refused.status_code == 422 and TAKEN in refused.text
    assert reads == []  # the references are known already: none read again
    changed = folder / "post-007.yaml"  # a reference another post takes while this is open
    changed.write_text(changed.read_text(encoding="utf-8").replace(
        "EWK-WSM-HR-007", "EWK-WSM-HR-NEW"), encoding="utf-8")
    refused = web.submit("about", reference="ewk-wsm-hr-new")
    assert refused.status_code == 422 and TAKEN in refused.text
    assert web.submit("about", reference="EWK-WSM-HR-007").status_code == 200  # freed
    (folder / "post-005.yaml").unlink()  # a post removed from the folder frees its own
    assert web.submit("about", reference="EWK-WSM-HR-005").status_code == 200
