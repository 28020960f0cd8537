"""The clause library's notes: information about the clause folders, not warnings.

A clause of one's own in a clause folder (an id no standard clause has) is chosen, not a
mistake, so it is said as a note with advice rather than a warning each post would repeat
and a final post would have to clear. Apart from :mod:`docgen.clauses.library` so its words
have one home the clause book's import shares, and the library stays under its size bound.
"""

from __future__ import annotations

from pathlib import Path

from docgen._records import record

#: what a clause of one's own is and what to do about it, in one wording: the clause book's
#: import says it as it writes the clause (bookimport), a build given its clause folder as
#: a note (:func:`added_note`); ``{documents}``: the documents it is in
OWN_CLAUSE = ("a clause of your own, which the standard library does not have; have it "
              "approved with the rest of the {documents}")


def added_note(path: Path | str, cid: str) -> str:
    """The note of a clause of the folders' own (an id no standard clause has): chosen, not a
    mistake (a mistyped id is refused by the library), so information rather than a warning
    that each post would repeat and a final post would have to clear. A build given the
    clause's folder says each note once, after its posts, whether or not their documents
    include the clause (``Notice`` ``own-clause``)."""
    return f"{path}: clause '{cid}' is " + OWN_CLAUSE.format(documents="documents that use it")


@record(frozen=True)
class OwnClause:
    """A clause of one's own found in the clause folders given: kept as the file and the id,
    so a build can name the file to a program (``Notice.path``) and record it in a post's
    manifest, and the words are made in one place (:func:`added_note`)."""

    file: Path  # as the library names it (the folder as given, then the file)
    clause: str

    @property
    def message(self) -> str:
        return added_note(self.file, self.clause)
