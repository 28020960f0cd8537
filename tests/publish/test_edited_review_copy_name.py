"""A Markdown or HTML review copy edited by hand is kept by ``--force`` under its own
extension (``….edited-1.md``); the refusal before, and the note on a skipped post, must
name that name, not a ``.docx`` one the person would look for in vain."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT

from docgen import build

EXAMPLE = ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml"
REFERENCE = "EWK-WSM-HR-01"
MD = f"{REFERENCE}-agreement.md"


def _built_and_edited(tmp_path: Path) -> tuple[Path, Path]:
    post = Path(shutil.copy(EXAMPLE, tmp_path / "post.yaml"))
    out = tmp_path / "out"
    assert build([post], out, formats=("docx", "md")).posts[0].status == "built"
    with (out / REFERENCE / MD).open("a", encoding="utf-8") as fh:
        fh.write("LEGAL NOTE\n")
    return post, out


def test_the_refusal_names_the_md_copy_force_keeps(tmp_path: Path) -> None:
    post, out = _built_and_edited(tmp_path)
    post.write_text(post.read_text().replace("salary: 92000", "salary: 95000"))
    refused = build([post], out, formats=("docx", "md")).posts[0]
    assert refused.status == "failed"
    assert "kept as <name>.edited-1.md)" in refused.message, refused.message
    assert ".edited-1.docx" not in refused.message
    forced = build([post], out, formats=("docx", "md"), force=True).posts[0]
    assert forced.status == "built", forced.message
    kept = out / REFERENCE / f"{REFERENCE}-agreement.edited-1.md"
    assert kept.read_text(encoding="utf-8").endswith("LEGAL NOTE\n")


def test_a_skipped_post_names_the_md_copy_force_would_keep(tmp_path: Path) -> None:
    post, out = _built_and_edited(tmp_path)
    skipped = build([post], out, formats=("docx", "md")).posts[0]
    assert skipped.status == "skipped"
    assert "kept as <name>.edited-1.md)" in skipped.message, skipped.message
    assert ".edited-1.docx" not in skipped.message
