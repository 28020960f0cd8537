"""A rebuild skipped as unchanged is not checked: it says its manifest's warnings again.
So a manifest written by an earlier check is built (and checked) again once what the check
reports changes, though docgen's version has not (pipeline.CHECK_GENERATION, in every
post's inputs hash): a final post the earlier check built with OVERLAY open was skipped,
a success, while ``docgen check`` refused it. A recorded warning keeps the documents it
concerns, so a skipped post's OVERLAY is the agreement's, not every document's; a record
from before that field is read as every document's. Building every post again has a price,
held here as the docs state it: a post with a document edited by hand fails (the edit not
overwritten) until the post is built with ``--force``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
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


def _edit(path: Path) -> bytes:
    """Save ``path`` again with a paragraph added, as a person in Word would; its bytes."""
    document = docx.Document(str(path))
    document.add_paragraph("A note of my own.")
    document.save(str(path))
    return path.read_bytes()


def test_a_hand_edited_document_fails_its_post_after_a_generation_change(
        post: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The price of building every post again: a post with a document edited by hand,
    skipped with a warning while its inputs were unchanged, is failed (not overwritten)
    by the new check on every build until the edit is reviewed and the post built with
    ``--force``, which keeps the edited copy (docs/reliability.md says so)."""
    with monkeypatch.context() as before:
        before.setattr(incremental, "CHECK_GENERATION", CHECK_GENERATION - 1)
        assert _build(post).status == "built"
        [agreement] = (post.parent / "out").rglob("*-agreement.docx")
        edited = _edit(agreement)
        assert _build(post).status == "skipped"  # unchanged: the edit warned of, kept
    for _ in range(2):  # every build, not once
        failed = _build(post)
        assert failed.status == "failed"
        assert failed.message.startswith(
            f"{agreement.name} in {agreement.parent} changed since docgen wrote it (edited "
            "by hand?); not overwritten. Move it away, or use --force"), failed.message
        assert agreement.read_bytes() == edited
    incremental._shared_hash.cache_clear()
    [forced] = docgen.build([post], out=post.parent / "out", force=True).posts
    assert forced.status == "built"
    assert (agreement.parent / agreement.name.replace(".docx", ".edited-1.docx")
            ).read_bytes() == edited
    assert _build(post).status == "skipped"
