"""The command line's cache folder holds what is run as code (compiled Jinja, a pickled
validator): a folder that others may write to is not used, and one docgen makes is the
user's alone."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from docgen.clauses import cachefolder

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


@pytest.fixture(autouse=True)
def _kept() -> object:
    before = list(cachefolder._CHOSEN)
    yield
    cachefolder._CHOSEN[:] = before


@posix
def test_a_folder_docgen_makes_is_the_users_alone(tmp_path: Path) -> None:
    root = tmp_path / "cache" / "docgen" / "jinja"
    assert cachefolder.choose_cache_folder(root)
    assert stat.S_IMODE(root.stat().st_mode) & 0o077 == 0
    assert cachefolder.chosen_cache_folder() == root


@posix
@pytest.mark.parametrize("mode", [0o777, 0o775, 0o757])
def test_a_folder_others_may_write_to_is_not_used(tmp_path: Path, mode: int) -> None:
    root = tmp_path / "open_to_all"
    root.mkdir()
    root.chmod(mode)
    cachefolder._CHOSEN[:] = []
    assert not cachefolder.choose_cache_folder(root)
    assert cachefolder.chosen_cache_folder() is None


@posix
def test_a_users_own_folder_readable_by_others_is_used(tmp_path: Path) -> None:
    root = tmp_path / "mine"
    root.mkdir()
    root.chmod(0o755)
    assert cachefolder.choose_cache_folder(root)
