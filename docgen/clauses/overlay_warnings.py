"""The clause library's warning: an overlay written for an older version of a standard
clause (its ``replaces_version`` below the clause's version now).

Kept as data (the file, the clause id and the documents that clause is in) beside its
words, so the one check every door runs can stamp the warning with the documents it
concerns, and a ``status: final`` post is refused only when it asks for one of them. Apart
from :mod:`docgen.clauses.library` so the words have one home and the library stays under
its size bound.
"""

from __future__ import annotations

from pathlib import Path

from docgen._records import record


@record(frozen=True)
class OverlayWarning:
    """An overlay of the standard clause ``clause`` that replaces an older version of it.
    It cannot be acknowledged: the way out is in its words (review the overlay, then give
    the version it now replaces)."""

    file: Path  # the overlay's file, as the library names it
    clause: str
    replaces: int  # the version the overlay says it replaces
    current: int  # the standard clause's version now
    documents: tuple[str, ...]  # the documents the overlay's clause is in

    @property
    def message(self) -> str:
        return f"{self._what}; {self._way_out}"

    @property
    def unused_message(self) -> str:
        """The words for a post none of whose documents takes the clause (its ``when`` is
        false for each): still said, for the folder's keeper, with the same way out (the
        message's hint), but saying it asks nothing of this post."""
        return (f"{self._what}, but its condition (when) leaves the clause out of this "
                f"post's documents, so it does not stop this post being final; "
                f"{self._way_out}")

    @property
    def _what(self) -> str:
        return (f"{self.file}: overlay '{self.clause}' replaces version {self.replaces} of "
                f"the standard clause, which is now at version {self.current}")

    @property
    def _way_out(self) -> str:
        return ("review the overlay against the new standard wording, then set its "
                f"replaces_version to {self.current}")

    def __str__(self) -> str:
        return self.message
