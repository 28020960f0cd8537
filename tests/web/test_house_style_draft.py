"""The interview checks and renders a post whose party names a house style (a path
relative to the answer file) from a hidden copy beside the file, not as plain data."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("ruamel.yaml")

import docgen  # noqa: E402
from docgen.web.drafts import Draft, parse  # noqa: E402
from docgen.web.pages import source  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def test_styled_draft_is_checked_and_rendered_in_its_style(tmp_path: Path) -> None:
    (tmp_path / "organisations").mkdir()
    shutil.copytree(ROOT / "inputs/organisations/styles", tmp_path / "organisations/styles")
    text = (ROOT / "inputs/shared-head-of-hr-house-style.yaml").read_text()
    draft = Draft(id="d1", doc=parse(text))
    with source(draft, tmp_path) as src:
        assert isinstance(src, str) and Path(src).parent == tmp_path
        assert not docgen.check(src).errors
        documents = docgen.render(src).documents
    with zipfile.ZipFile(io.BytesIO(documents["contract"])) as z:
        assert b'w:ascii="Liberation Sans"' in z.read("word/styles.xml")  # Eastwick's font
    assert not list(tmp_path.glob(".docgen-draft-*"))
