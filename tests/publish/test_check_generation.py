"""A rebuild skipped as unchanged is not checked: it says its manifest's warnings again.
So a manifest written by an earlier check is built (and checked) again once what the check
reports changes, though docgen's version has not (pipeline.CHECK_GENERATION, in every
post's inputs hash): a final post the earlier check built with OVERLAY open was skipped,
a success, while ``docgen check`` refused it. A recorded warning keeps the documents it
concerns, so a skipped post's OVERLAY is the agreement's, not every document's; a record
from before that field is read as every document's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import docgen
from docgen.pipeline import CHECK_GENERATION
from docgen.publish import incremental

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"
FOI = ROOT / "docgen" / "data" / "clauses" / "agreement" / "1300-foi.yaml"


@pytest.fixture
def post(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The HR post (a draft) naming a folder with an overlay of the FOI clause written for
    its version 1 (it is at 2)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "overlay").mkdir()
    (tmp_path / "overlay" / "agreement.foi.yaml").write_text(FOI.read_text("utf-8").replace(
        "\nversion: 2\n", "\nversion: 9\nreplaces_version: 1\n", 1), "utf-8")
    shutil.copy(HR, tmp_path / "post.yaml")
    with (tmp_path / "post.yaml").open("a", encoding="utf-8") as f:
        f.write("clauses:\n  - overlay\n")
    return tmp_path / "post.yaml"


def _build(post: Path) -> docgen.PostResult:
    incremental._shared_hash.cache_clear()  # as a new process would
    [result] = docgen.build([post], out=post.parent / "out").posts
    return result


def test_a_manifest_of_the_previous_check_generation_is_rebuilt(
        post: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as before:
        before.setattr(incremental, "CHECK_GENERATION", CHECK_GENERATION - 1)
        assert _build(post).status == "built"
        assert _build(post).status == "skipped"  # unchanged, by that check
    assert _build(post).status == "built"  # this check's own, once
    assert _build(post).status == "skipped"


def _overlay(result: docgen.PostResult) -> tuple[str, ...]:
    [warning] = [p for p in result.problems if p.rule == "OVERLAY"]
    return warning.documents


def test_a_skipped_posts_warning_keeps_its_documents(post: Path) -> None:
    assert _overlay(_build(post)) == ("agreement",)
    skipped = _build(post)
    assert skipped.status == "skipped" and _overlay(skipped) == ("agreement",)


def test_a_record_from_before_the_documents_is_every_documents(post: Path) -> None:
    _build(post)
    [file] = (post.parent / "out").rglob("manifest.json")
    manifest = json.loads(file.read_text("utf-8"))
    for warning in manifest["warnings"]:
        del warning["documents"]
    file.write_text(json.dumps(manifest), "utf-8")
    skipped = _build(post)
    assert skipped.status == "skipped" and _overlay(skipped) == ()
