"""The schedules' wording is looked up with one ``stat`` a call (a document asks three
times; ``is_file`` then ``stat`` cost 12 µs a call, the wording itself is remembered),
choosing the same file as :func:`wording_file` does."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from docgen.resources import BUILTIN_TEMPLATES
from docgen.word import wording as wording_module
from docgen.word.wording import WORDING_FILE, wording, wording_file


def _stats(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = os.stat

    def counting(path: object, *args: object, **kwargs: object) -> os.stat_result:
        seen.append(str(path))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(wording_module.os, "stat", counting)
    return seen


def test_docgens_own_wording_costs_one_stat(monkeypatch: pytest.MonkeyPatch) -> None:
    wording(BUILTIN_TEMPLATES)  # read once
    seen = _stats(monkeypatch)
    words = wording(BUILTIN_TEMPLATES)
    assert seen == [str(BUILTIN_TEMPLATES / WORDING_FILE)]
    assert words["post.title"]


def test_a_folder_with_its_own_copy_uses_it_and_one_without_uses_docgens(
        tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    shutil.copy(BUILTIN_TEMPLATES / WORDING_FILE, own / WORDING_FILE)
    text = (own / WORDING_FILE).read_text(encoding="utf-8")
    key = wording(BUILTIN_TEMPLATES)["post.title"]
    (own / WORDING_FILE).write_text(text.replace(key, "Title of the post", 1), encoding="utf-8")
    assert wording_file(own) == own / WORDING_FILE
    assert wording(own)["post.title"] == "Title of the post"
    bare = tmp_path / "bare"
    (bare / WORDING_FILE).mkdir(parents=True)  # a folder of that name is not the file
    assert wording_file(bare) == BUILTIN_TEMPLATES / WORDING_FILE
    assert wording(bare) == wording(BUILTIN_TEMPLATES)
    assert wording(tmp_path / "missing") == wording(BUILTIN_TEMPLATES)
