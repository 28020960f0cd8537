"""The batch says each clause-of-one's-own note once (publish/batch.py ``_clause_notes``),
by its clause file; a notice without a file (``Notice.path`` may be None) is said once by
its words, not stopped by an assert (which ``python -O`` drops, leaving
``os.path.abspath(None)`` to raise TypeError)."""

from __future__ import annotations

from pathlib import Path

from docgen.publish.batch import _clause_notes
from docgen.results import Notice, PostResult


def test_a_note_without_a_file_is_said_once() -> None:
    bare = Notice("own-clause", "a clause of one's own")
    filed = Notice("own-clause", "ours.extra is a clause of one's own", path=Path("own/x.yaml"))
    posts = [PostResult(Path(f"{n}.yaml"), "built", notes=[bare, filed]) for n in "ab"]
    assert _clause_notes(posts) == [bare, filed]
