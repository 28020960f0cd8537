"""The batch says each clause-of-one's-own note once (publish/batch.py ``_clause_notes``),
by its clause file; a notice without a file (``Notice.path`` may be None) is said once by
its words, not stopped by an assert (which ``python -O`` drops, leaving
``os.path.abspath(None)`` to raise TypeError). A file and words are told apart by kind,
so a notice whose words spell another's file is not taken for it (one key held both)."""

from __future__ import annotations

import os
from pathlib import Path

from docgen.publish.batch import _clause_notes
from docgen.results import Notice, PostResult


def test_a_note_without_a_file_is_said_once() -> None:
    bare = Notice("own-clause", "a clause of one's own")
    filed = Notice("own-clause", "ours.extra is a clause of one's own", path=Path("own/x.yaml"))
    posts = [PostResult(Path(f"{n}.yaml"), "built", notes=[bare, filed]) for n in "ab"]
    assert _clause_notes(posts) == [bare, filed]


def test_a_notes_words_are_never_taken_for_a_file() -> None:
    filed = Notice("own-clause", "ours.extra is a clause of one's own", path=Path("own/x.yaml"))
    bare = Notice("own-clause", os.path.abspath("own/x.yaml"))  # words that spell its file
    posts = [PostResult(Path("a.yaml"), "built", notes=[filed, bare])]
    assert _clause_notes(posts) == [filed, bare]
