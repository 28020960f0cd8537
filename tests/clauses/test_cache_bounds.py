"""The command line's cache folder (docgen/clauses/cachefolder.py) stays bounded: the oldest
of docgen's entries go first, nothing else in the folder is touched, and a run prunes once,
at its first write (never in a warm run, which writes nothing). Its entries are named for
the code that made them (``code_hash``)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import jinja2
import pytest

from docgen.clauses import bytecode, cachefolder, engine, printing, sandbox
from docgen.clauses.cachefolder import code_hash, prune, read_entry, write_entry


def entries(folder: Path, count: int, size: int = 10) -> list[str]:
    """``count`` entries written one second apart, oldest first."""
    names = []
    for i in range(count):
        name = f"__docgen_test_{i:03}"
        (folder / name).write_bytes(b"x" * size)
        os.utime(folder / name, ns=(1_000_000_000 * (1_700_000_000 + i),) * 2)
        names.append(name)
    return names


def left(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def test_the_oldest_entries_go_first_and_nothing_else_is_touched(tmp_path: Path) -> None:
    names = entries(tmp_path, 10)
    (tmp_path / "notes.txt").write_text("a person's file", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert prune(tmp_path, max_entries=4) == 6
    assert left(tmp_path) == {*names[-4:], "notes.txt", "sub"}


def test_the_folder_is_kept_under_its_size_too(tmp_path: Path) -> None:
    names = entries(tmp_path, 5, size=100)
    assert prune(tmp_path, max_entries=100, max_bytes=250) == 3
    assert left(tmp_path) == set(names[-2:])


def test_a_missing_folder_is_nothing_to_prune(tmp_path: Path) -> None:
    assert prune(tmp_path / "gone") == 0


def test_a_process_prunes_at_its_first_write_and_every_so_often(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cachefolder, "MAX_ENTRIES", 3)
    monkeypatch.setattr(cachefolder, "PRUNE_EVERY", 3)
    monkeypatch.setattr(cachefolder, "_WRITES", {})
    names = entries(tmp_path, 5)
    write_entry(tmp_path / "__docgen_new_1", b"first")
    assert left(tmp_path) == {*names[-3:], "__docgen_new_1"}
    assert read_entry(tmp_path / "__docgen_new_1") == b"first"
    write_entry(tmp_path / "__docgen_new_2", b"second")  # not yet pruned again
    write_entry(tmp_path / "__docgen_new_3", b"third")
    assert len(left(tmp_path)) == 6
    write_entry(tmp_path / "__docgen_new_4", b"fourth")  # the fourth write prunes again
    assert left(tmp_path) == {f"__docgen_new_{i}" for i in (1, 2, 3, 4)}


def test_an_entry_read_a_day_after_it_was_written_is_kept_longest(tmp_path: Path) -> None:
    """Reading refreshes an old entry's time, so the entries every run reads are the last
    to be pruned, not the first (they were written first)."""
    names = entries(tmp_path, 4)  # written in 2023
    for name in names:
        write_entry(tmp_path / name, b"body")
        os.utime(tmp_path / name, ns=(1_000_000_000 * 1_700_000_000,) * 2)
    assert read_entry(tmp_path / names[0]) == b"body"  # the oldest, read again today
    prune(tmp_path, max_entries=1)
    assert left(tmp_path) == {names[0]}


def _module(path: Path, source: str) -> object:
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_code_hash_follows_the_source_and_the_versions(tmp_path: Path) -> None:
    one = _module(tmp_path / "one.py", "X = 1\n")
    two = _module(tmp_path / "two.py", "X = 2\n")
    assert code_hash(one) == code_hash(one) != code_hash(two)  # type: ignore[arg-type]
    assert code_hash(one, versions=("1.0",)) != code_hash(one, versions=("1.1",))  # type: ignore[arg-type]
    assert code_hash(sys) is None  # built in: no source to hash, so no entries


def test_clause_bytecode_is_named_for_the_sandbox_and_jinja(tmp_path: Path) -> None:
    code = engine.compiling_code()
    assert code == code_hash(sandbox, printing, engine, bytecode,
                             versions=(jinja2.__version__,))
    assert code is not None
    cache = bytecode.BestEffortCache(str(tmp_path), code)
    assert code[:16] in cache._get_cache_filename(jinja2.bccache.Bucket(
        jinja2.Environment(), "key", "checksum"))
    assert bytecode.pattern(code) != bytecode.pattern("another sandbox")
