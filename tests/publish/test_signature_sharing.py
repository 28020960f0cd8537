"""A batch worker's posts share the clause folders' signature for a short window
(post.share_signatures): a clause file saved mid-batch reaches the posts started after
the window, and a post built from the older text is still rebuilt by the next build."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT
from docx_read import full_text

from docgen import build
from docgen.publish import post

CLAUSE = ("id: zz.extra\ntitle: Our extra clause\nversion: 1\ndocuments: [agreement]\n"
          "order: 9990\ntext: |\n  {words}\n")


@pytest.fixture(autouse=True)
def _not_shared() -> Iterator[None]:
    yield
    post.share_signatures(0.0)  # as every process but a batch worker has it


def _overlay(tmp_path: Path, words: str) -> Path:
    folder = tmp_path / "ours"
    folder.mkdir(exist_ok=True)
    (folder / "extra.yaml").write_text(CLAUSE.format(words=words), encoding="utf-8")
    return folder


def test_outside_a_batch_worker_every_post_sees_an_edit_at_once(tmp_path: Path) -> None:
    folder = _overlay(tmp_path, "Old words.")
    before = post._signature([folder])
    _overlay(tmp_path, "New words, longer.")
    assert post._signature([folder]) != before


def test_a_shared_signature_lasts_only_its_window(tmp_path: Path) -> None:
    folder = _overlay(tmp_path, "Old words.")
    post.share_signatures(60.0)
    before = post._signature([folder])
    _overlay(tmp_path, "New words, longer.")
    assert post._signature([folder]) == before  # within the window: shared
    post.share_signatures(0.01)
    shared = post._signature([folder])
    _overlay(tmp_path, "Newer words, longer still.")
    time.sleep(0.05)
    assert post._signature([folder]) != shared  # after it: taken afresh


def test_a_post_built_from_the_older_text_is_rebuilt_next_time(tmp_path: Path) -> None:
    folder = _overlay(tmp_path, "Our old words about parking.")
    src = tmp_path / "post.yaml"
    src.write_bytes((ROOT / "inputs" / "shared-head-of-hr.yaml").read_bytes())
    out = tmp_path / "out"
    agreement = out / "EWK-WSM-HR-01" / "EWK-WSM-HR-01-agreement.docx"
    post.share_signatures(60.0)  # two posts of one worker, the clause saved between them
    assert build([src], out, overlays=[folder]).posts[0].status == "built"
    _overlay(tmp_path, "Our new words about parking, longer.")
    build([src], out, overlays=[folder], force=True)
    assert "Our old words about parking." in full_text(agreement)  # within the window
    post.share_signatures(0.0)  # the next batch
    again = build([src], out, overlays=[folder])
    assert again.posts[0].status == "built", again.posts[0].message
    assert "Our new words about parking, longer." in full_text(agreement)
    assert build([src], out, overlays=[folder]).posts[0].status == "skipped"
