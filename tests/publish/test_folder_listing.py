"""A batch lists its output folder a few times in all, not once or twice for each post:
each post's folder (:func:`~docgen.publish.stage.post_folder`, which finds a folder named
in another case) is found in one listing the batch takes under its lock, and decided once
per post. Listing ``out`` of 1,000 folders takes about 0.5 ms here, twice a post before."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES

from docgen import build
from docgen.publish import stage

HR = next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml")
OLD = "EWK-WSM-HR-01"


def posts(out: Path) -> list[str]:
    """The post folders in ``out`` (not docgen's dot folders)."""
    return sorted(p.name for p in out.iterdir() if p.is_dir() and not p.name.startswith("."))


def write_posts(folder: Path, references: list[str]) -> Path:
    """One answer file for each of ``references`` (the Head of HR example's), in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    text = HR.read_text(encoding="utf-8")
    assert f"reference: {OLD}\n" in text
    for i, reference in enumerate(references):
        (folder / f"post-{i}.yaml").write_text(
            text.replace(f"reference: {OLD}\n", f"reference: {reference}\n"), encoding="utf-8")
    return folder


@pytest.fixture()
def listings(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], int]]:
    """How many times each folder was listed (``os.listdir`` or ``os.scandir``) since."""
    seen: list[str] = []

    def counted(real: Callable[..., Any]) -> Callable[..., Any]:
        def listing(path: Any = ".", *args: Any) -> Any:
            seen.append(os.path.realpath(path if isinstance(path, (str, bytes)) else
                                         os.fspath(path)) if not isinstance(path, int) else "")
            return real(path, *args)
        return listing

    monkeypatch.setattr(os, "listdir", counted(os.listdir))
    monkeypatch.setattr(os, "scandir", counted(os.scandir))

    def times(folder: Path) -> int:
        mine = os.path.realpath(folder)
        count = sum(1 for s in seen if s == mine)
        seen.clear()
        return count
    yield times


@pytest.mark.parametrize("force", [False, True])
def test_a_batch_lists_out_a_few_times_however_many_posts(
        tmp_path: Path, listings: Callable[[Path], int], force: bool) -> None:
    one = write_posts(tmp_path / "one", ["EWK-0001"])
    six = write_posts(tmp_path / "six", [f"EWK-{i:04}" for i in range(1, 7)])
    counts = []
    for folder in (one, six):
        out = tmp_path / f"out-{folder.name}"
        if force:  # a rebuild of every post, each folder there already
            assert build([folder], out, jobs=1).ok
        listings(out)
        report = build([folder], out, jobs=1, force=force)
        assert report.ok and {p.status for p in report.posts} == {"built"}
        counts.append(listings(out))
    assert counts[0] == counts[1] <= 4, counts


def test_a_batch_refuses_two_references_differing_only_in_case(tmp_path: Path) -> None:
    inputs = write_posts(tmp_path / "inputs", [OLD, OLD.lower()])
    out = tmp_path / "out"
    report = build([inputs], out, jobs=1)
    by_file = {p.source.name: p for p in report.posts}
    assert by_file["post-0.yaml"].status == "built"
    assert by_file["post-1.yaml"].status == "failed", by_file["post-1.yaml"]
    assert posts(out) == [OLD]


def test_each_build_lists_out_afresh(tmp_path: Path) -> None:
    """No listing outlives its build: a library caller's second build in the same process
    finds the folder the first one made, under another spelling, and renames it."""
    post = write_posts(tmp_path / "inputs", [OLD]) / "post-0.yaml"
    out = tmp_path / "out"
    assert build([post], out).ok
    post.write_text(post.read_text(encoding="utf-8").replace(OLD, OLD.lower()),
                    encoding="utf-8")
    assert build([post], out).ok
    assert posts(out) == [OLD.lower()]


def test_a_post_built_alone_still_finds_a_folder_in_another_case(tmp_path: Path) -> None:
    (tmp_path / "Ewk-0001").mkdir()
    assert stage.post_folder(tmp_path, "EWK-0001") == tmp_path / "Ewk-0001"
    assert stage.post_folder(tmp_path, "EWK-0001", stage.list_folders(tmp_path)) == \
        tmp_path / "Ewk-0001"
    assert stage.post_folder(tmp_path, "EWK-0002", {}) == tmp_path / "EWK-0002"
