"""Each of the clause library's duplicates (an id or a term given twice in one folder, an
overlay id near a standard one, two clauses on one topic) carries the files or folders it
concerns itself, so a strict load's error names whose folder it is in, and a lenient load
(the clause lint) reports the same messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.clauses.library import load_library
from docgen.errors import FolderErrors

CLAUSE = """id: ours.{name}
title: {title}
version: 1
documents: [agreement]
order: 9000
text: |
  Words of our own.
"""
TERM = """term: Widget
text: a thing of ours
documents: [agreement]
"""


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "fine.yaml").write_text(CLAUSE.format(name="fine", title="Fine"))
    (first / "also.yaml").write_text(CLAUSE.format(name="also", title="Fine"))  # one topic
    (second / "a.yaml").write_text(CLAUSE.format(name="twice", title="Twice"))
    (second / "b.yaml").write_text(CLAUSE.format(name="twice", title="Twice again"))
    (second / "t1.yaml").write_text(TERM)
    (second / "t2.yaml").write_text(TERM)
    (second / "near.yaml").write_text(CLAUSE.format(name="x", title="Near")
                                      .replace("ours.x", "agreement.disputez"))
    return first, second


def test_each_duplicate_carries_its_folder(tmp_path: Path) -> None:
    first, second = _folders(tmp_path)
    lib = load_library([first, second], strict=False)
    by_folder: dict[tuple[Path, ...], list[str]] = {}
    for files, message in lib.duplicates:
        by_folder.setdefault(files, []).append(message)
    said = by_folder[(second,)]
    assert any("duplicate clause id 'ours.twice'" in m for m in said), said
    assert any("the term 'Widget' is defined twice" in m for m in said), said
    assert any("overlay id 'agreement.disputez' matches no standard clause" in m
               for m in said), said
    assert (first,) not in by_folder  # its two clauses on one topic are said of both files
    assert by_folder[(first / "also.yaml", first / "fine.yaml")] == [
        f"{first / 'fine.yaml'}: clauses 'ours.also' (also.yaml) and 'ours.fine' are both "
        "about 'fine' in the agreement; keep one (an overlay replaces a clause by its id)"]


def test_a_strict_load_raises_them_with_their_folders(tmp_path: Path) -> None:
    first, second = _folders(tmp_path)
    (second / "near.yaml").unlink()  # strict refuses it at once, with its folder
    lenient = load_library([first, second], strict=False).duplicates
    with pytest.raises(FolderErrors) as caught:
        load_library([first, second])
    assert caught.value.found == lenient
    assert str(caught.value) == "; ".join(message for _, message in lenient)
