"""The interview takes the answer files ``docgen build`` takes (``docgen/answers/
answer_names.py``): ``UP.YAML`` is listed, opened and saved under its own name, a name typed
with ``.YAML`` is kept as typed, and ``post.json`` is not a post."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.api.interview import posts_in, save_name_problem  # noqa: E402
from docgen.web.drafts import list_files, plain_name  # noqa: E402
from docgen.web.finish import file_name  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"
EXAMPLE = EXAMPLES / "shared-head-of-hr.yaml"


def test_upper_case_endings_are_posts_and_json_is_not(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "UP.YAML")
    shutil.copy(EXAMPLE, tmp_path / "post.json")
    assert [p.name for p in posts_in(tmp_path)] == ["UP.YAML"]
    assert [p.name for p in list_files(tmp_path)] == ["UP.YAML"]
    assert plain_name("UP.YAML") and not plain_name("post.json")


def test_a_name_typed_with_an_upper_case_ending_is_saved_as_typed() -> None:
    assert file_name("Post.YAML") == "Post.YAML"
    assert file_name("post.json") == "post.json.yaml"
    assert save_name_problem("Post.YAML") is None
    assert save_name_problem("post.YML") is None
