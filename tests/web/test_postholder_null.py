"""``postholder: null`` (or ``postholder:`` with nothing under it) is no post-holder, as
docgen reads it: a recruit, with a contract of employment. The interview used to ask only
whether the key was written, so it showed such a post as held by a named person ("Yes"),
with a contract variation, while ``docgen check`` and ``build`` made a contract of
employment for a recruit."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from docx import Document

pytest.importorskip("starlette")

import docgen  # noqa: E402

from .helpers import EXAMPLES, Interview, Shown  # noqa: E402

RECRUITING = "Not yet: we are recruiting"
RECRUIT_TITLE = "Contract of employment for a shared post"


def _without_postholder(folder: Path, written: str) -> str:
    """The Head of HR example with its post-holder written as ``written``."""
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8")
    start, end = text.index("postholder:\n"), text.index("\n# How the post's time")
    text = text[:start] + written + text[end:]
    (folder / "p.yaml").write_text(text, encoding="utf-8")
    return text


@pytest.mark.parametrize("written", ["postholder: null\n", "postholder:\n"])
def test_an_empty_postholder_is_a_recruit_in_the_interview_as_in_docgen(
        tmp_path: Path, written: str) -> None:
    text = _without_postholder(tmp_path, written)
    files = docgen.render(text.encode()).files
    contract = next(data for name, data in files.items() if name.endswith("-contract.docx"))
    assert Document(io.BytesIO(contract)).core_properties.title.startswith(RECRUIT_TITLE)
    assert not docgen.check(text.encode()).errors
    web = Interview(tmp_path)
    web.open("p.yaml")
    assert web.form("postholder")["postholder_known"] == ["no"]
    assert RECRUITING in Shown(web.client.get(f"{web.base}/check")).text()
    assert web.task_states()["Post-holder"] == "Completed"


def test_a_written_postholder_is_still_named(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "shared-head-of-hr.yaml", tmp_path / "p.yaml")
    web = Interview(tmp_path)
    web.open("p.yaml")
    assert web.form("postholder")["postholder_known"] == ["yes"]
    assert RECRUITING not in Shown(web.client.get(f"{web.base}/check")).text()
