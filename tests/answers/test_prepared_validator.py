"""The command line's kept validator of the answer file (docgen/answers/prepared.py): the
answers it validates, and the problems it finds, are those pydantic's own validator gives;
an edited model names a new entry; a damaged entry is a miss, never a wrong validator."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import docgen.api  # noqa: F401 - gives the answers layer the command line's cache folder
from docgen.answers import prepared
from docgen.answers.model import AnswerFile
from docgen.answers.validation import validate
from docgen.answers.yamlfile import load_answer_file
from docgen.clauses import cachefolder
from docgen.errors import AnswerFileError

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setattr(cachefolder, "_CHOSEN", [folder])  # as the command line chooses
    monkeypatch.setattr(prepared, "_MADE", {})  # as a new process
    yield folder


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("__docgen_validator_*.cache"))


def _problems(data: dict[str, Any]) -> list[tuple[str, str | None]]:
    located = load_answer_file(HR)
    located.data = data
    with pytest.raises(AnswerFileError) as caught:
        validate(located)
    return [(p.message, p.key) for p in caught.value.problems]


def test_the_kept_validator_gives_what_pydantic_gives(cache: Path) -> None:
    first = validate(load_answer_file(HR))  # a miss: pydantic validates, the entry is kept
    assert len(_entries(cache)) == 1
    prepared._MADE.clear()  # the next run
    made = prepared.validator()
    assert made is not None and made is not AnswerFile.__pydantic_validator__
    second = validate(load_answer_file(HR))
    assert type(second) is AnswerFile and second == first
    assert second.model_dump() == first.model_dump()
    bad = dict(load_answer_file(HR).data)
    bad["parties"] = [{**bad["parties"][0], "unknown_key": 1}, *bad["parties"][1:]]
    bad["post"] = {**bad["post"], "title": ""}
    kept = _problems(bad)
    prepared._MADE.clear()
    cachefolder._CHOSEN[:] = []  # no cache: pydantic's own validator
    assert prepared.validator() is None
    assert _problems(bad) == kept and len(kept) >= 2


def test_an_edited_model_names_another_entry(cache: Path) -> None:
    validate(load_answer_file(HR))
    (entry,) = _entries(cache)
    assert prepared.MODEL_CODE is not None and prepared.MODEL_CODE[:32] in entry.name
    other = prepared.source_hash(prepared.MODEL_MODULES[1:])  # as if a file had changed
    assert other is not None and other != prepared.MODEL_CODE
    assert prepared.validator(code=other) is None
    assert prepared.validator(code=None) is None  # source not readable: no cache


@pytest.mark.parametrize("damage", ["truncate", "flip", "not a validator"])
def test_a_damaged_entry_is_a_miss_and_is_written_again(cache: Path, damage: str) -> None:
    validate(load_answer_file(HR))
    (entry,) = _entries(cache)
    good = entry.read_bytes()
    if damage == "truncate":
        entry.write_bytes(good[: len(good) // 2])
    elif damage == "flip":
        entry.write_bytes(good[:-10] + bytes([good[-10] ^ 1]) + good[-9:])
    else:  # whole, but holding something else
        cachefolder.write_entry(entry, json.dumps({"not": "a validator"}).encode())
    prepared._MADE.clear()
    assert prepared.validator() is None
    assert validate(load_answer_file(HR)).reference == "EWK-WSM-HR-01"
    assert entry.read_bytes() == good


def test_without_a_chosen_folder_nothing_is_written(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cachefolder, "_CHOSEN", [])
    monkeypatch.setattr(prepared, "_MADE", {})
    assert validate(load_answer_file(HR)).reference == "EWK-WSM-HR-01"
    assert prepared.validator() is None


def test_the_entry_is_named_by_every_module_the_model_is_made_from() -> None:
    """:data:`~docgen.answers.prepared.MODEL_MODULES` names every docgen module that
    loading the model loads: an edit to any of them names a new entry."""
    probe = ("import json, sys\nimport docgen.answers.prepared\n"
             "print(json.dumps(sorted(m for m in sys.modules if m.startswith('docgen.'))))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=120).stdout
    loaded = set(json.loads(out.splitlines()[-1]))
    not_the_model = {"docgen._lazy", "docgen._startup", "docgen.answers", "docgen.sourcehash"}
    assert loaded - not_the_model == set(prepared.MODEL_MODULES)
