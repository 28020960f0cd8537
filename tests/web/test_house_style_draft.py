"""The interview checks and renders a styled post from the answers in memory, read as if
written in the served folder (``workspace=``): the house style named by a party, or by
its organisation profile, is found inside that folder, and nothing is written beside the
posts."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("ruamel.yaml")

import docgen  # noqa: E402
from docgen.web.drafts import Draft  # noqa: E402
from docgen.web.pages import check, render, source  # noqa: E402
from docgen.web.yamltext import parse  # noqa: E402

from .helpers import Interview  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
EASTWICK_FONT = b'w:ascii="Liberation Sans"'


def _font(docx: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return EASTWICK_FONT in z.read("word/styles.xml")


@pytest.fixture
def served(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "inputs", tmp_path / "inputs")
    return tmp_path / "inputs"


def test_styled_draft_is_checked_and_rendered_in_its_style(served: Path) -> None:
    before = sorted(p.name for p in served.rglob("*"))
    text = (served / "shared-head-of-hr-house-style.yaml").read_text()
    draft = Draft(id="d1", doc=parse(text))
    assert isinstance(source(draft), dict)  # answers in memory, never a file
    assert not check(draft, served).errors
    documents = render(draft, served).documents
    assert _font(documents["contract"])  # Eastwick's font, the employer's style
    assert sorted(p.name for p in served.rglob("*")) == before  # nothing written


def test_a_profile_house_style_applies_to_a_post_given_by_id(served: Path) -> None:
    profile = served / "organisations/eastwick.yaml"
    profile.write_text(profile.read_text() + "house_style: styles/eastwick.docx\n")
    draft = Draft(id="d2", doc=parse((served / "shared-head-of-procurement.yaml").read_text()))
    assert not check(draft, served).errors
    assert _font(render(draft, served).documents["contract"])


def test_a_house_style_outside_the_served_folder_is_refused(served: Path) -> None:
    text = (served / "shared-head-of-hr-house-style.yaml").read_text().replace(
        "house_style: organisations/styles/eastwick.docx",
        "house_style: ../outside/eastwick.docx")
    (served.parent / "outside").mkdir()
    shutil.copy(served / "organisations/styles/eastwick.docx", served.parent / "outside")
    report = check(Draft(id="d3", doc=parse(text)), served)
    assert any("leads outside" in p.message and p.key.endswith("house_style")
               for p in report.errors), report.errors
    # and the public API alone: answers in memory with no folder may name no file
    assert docgen.check(text).errors


def test_the_interview_previews_a_styled_post(served: Path) -> None:
    web = Interview(served)
    web.open("shared-head-of-hr-house-style.yaml")
    assert web.client.get(f"{web.base}/check").status_code == 200
    response = web.client.get(f"{web.base}/download")
    assert response.status_code == 200, response.text[:500]
    with zipfile.ZipFile(io.BytesIO(response.content)) as z:
        contract = next(n for n in z.namelist() if n.endswith("-contract.docx"))
        assert _font(z.read(contract))
    assert not list(served.glob(".docgen-draft-*"))
