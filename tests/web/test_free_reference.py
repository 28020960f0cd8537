"""A worked example keeps its reference, which a post in the folder may already have, and
About then opened on "Another post in the folder already has this reference". A copy or
an example is to propose a reference no post has: the example's with "-2" (the next free
number), as ``free_reference`` (docgen/web/drafts.py) gives it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.web.begin import reference_problem  # noqa: E402
from docgen.web.drafts import free_reference  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402

HR = "shared-head-of-hr.yaml"


def _reference(path: Path) -> str:
    line = next(x for x in path.read_text(encoding="utf-8").splitlines()
                if x.startswith("reference:"))
    return line.split(":", 1)[1].strip().strip("'\"")


def test_a_reference_in_the_folder_gets_the_next_free_number(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / HR, tmp_path)
    reference = _reference(tmp_path / HR)
    assert free_reference(tmp_path, reference) == f"{reference}-2"
    copy = (tmp_path / HR).read_text(encoding="utf-8").replace(
        f"reference: {reference}", f"reference: {reference}-2")
    (tmp_path / "copy.yaml").write_text(copy, encoding="utf-8")
    assert free_reference(tmp_path, reference) == f"{reference}-3"


def test_a_free_reference_is_kept_and_a_long_one_still_valid(tmp_path: Path) -> None:
    assert free_reference(tmp_path, "NEW-01") == "NEW-01"
    long = "A" * 80
    (tmp_path / "long.yaml").write_text(
        (EXAMPLES / HR).read_text(encoding="utf-8").replace(
            f"reference: {_reference(EXAMPLES / HR)}", f"reference: {long}"),
        encoding="utf-8")
    proposed = free_reference(tmp_path, long)
    assert proposed != long and proposed.endswith("-2")
    assert reference_problem(proposed) is None
