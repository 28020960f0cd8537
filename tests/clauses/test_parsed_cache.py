"""The command line's cache of parsed clause files (docgen/clauses/library.py, ``_parsed``):
the library loaded through it is the library loaded without it, an edited file is
parsed again, and a damaged entry is a miss, never wrong wording."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from docgen.clauses import cachefolder, library
from docgen.clauses.library import BUILTIN_DIR, load_library


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setattr(cachefolder, "_CHOSEN", [folder])  # as the command line chooses
    yield folder


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The clause files parsed from YAML from now on."""
    seen: list[Path] = []
    real = library.parse_yaml

    def counting(raw: bytes, path: Path) -> Any:
        seen.append(path)
        return real(raw, path)

    monkeypatch.setattr(library, "parse_yaml", counting)
    return seen


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("__docgen_clauses_*.json"))


def test_a_second_load_parses_nothing_and_gives_the_same_library(
        cache: Path, parses: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    first = load_library()
    assert len(parses) > 50 and len(_entries(cache)) == 1
    parses.clear()
    second = load_library()
    assert parses == []
    monkeypatch.setattr(cachefolder, "_CHOSEN", [])
    uncached = load_library()
    for lib in (first, second):
        assert lib.clauses == uncached.clauses and lib.definitions == uncached.definitions
        assert lib.warnings == uncached.warnings and lib.duplicates == uncached.duplicates


def test_an_edited_clause_file_is_parsed_again(cache: Path, tmp_path: Path,
                                               parses: list[Path]) -> None:
    copy = tmp_path / "clauses"
    shutil.copytree(BUILTIN_DIR, copy)
    before = load_library(builtin=copy)
    clause = next(iter(before.clauses.values()))
    text = clause.source.read_text(encoding="utf-8")
    assert clause.title in text
    clause.source.write_text(text.replace(clause.title, "A Title Changed By Hand", 1),
                             encoding="utf-8")
    parses.clear()
    after = load_library(builtin=copy)
    assert after.clauses[clause.id].title == "A Title Changed By Hand"
    assert len(parses) > 50 and len(_entries(cache)) == 2


@pytest.mark.parametrize("damage", ["truncated", "edited", "empty", "not json",
                                    "not mappings", "too few"])
def test_a_damaged_entry_is_a_miss_and_is_rewritten(cache: Path, parses: list[Path],
                                                    damage: str) -> None:
    expected = load_library()
    [entry] = _entries(cache)
    data = entry.read_bytes()
    if damage in ("truncated", "edited", "empty"):  # the hash in front no longer fits
        entry.write_bytes({"truncated": data[: len(data) // 2],
                           "edited": data.replace(b"Employer", b"Employee", 1),
                           "empty": b""}[damage])
    else:  # whole, with a fitting hash, but not what a parse gives
        cachefolder.write_entry(entry, {"not json": b"{", "not mappings": b"[1, 2]",
                                        "too few": b"[{}]"}[damage])
    parses.clear()
    again = load_library()
    assert len(parses) > 50  # the entry was not used
    assert again.clauses == expected.clauses
    assert entry.read_bytes() == data


def test_a_file_json_cannot_hold_is_parsed_every_time(cache: Path, tmp_path: Path,
                                                      parses: list[Path]) -> None:
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "dated.yaml").write_text(
        "id: schedule.dated_note\ntitle: A dated note\nversion: 1\ndocuments: [agreement]\n"
        "order: 999\ntext: Reviewed each year.\nnotes: {2024-01-31: reviewed}\n",
        encoding="utf-8")
    for _ in range(2):
        parses.clear()
        lib = load_library([overlay])
        assert lib.clauses["schedule.dated_note"].text == "Reviewed each year."
        assert any(p.name == "dated.yaml" for p in parses)
    assert len(_entries(cache)) == 1  # the standard clauses alone; the overlay set never


def test_a_change_to_the_parsing_code_is_a_miss(cache: Path, parses: list[Path],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    load_library()
    assert library._PARSER
    monkeypatch.setattr(library, "_PARSER", "code changed since")
    parses.clear()
    load_library()
    assert len(parses) > 50 and len(_entries(cache)) == 2
