"""What a check or build reports, per answer file: plain data the CLI, the web app and
other programs read the same way."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from docgen.errors import EDITED_RULE as EDITED_RULE  # kept here for their readers
from docgen.errors import OVERLAY_RULE as OVERLAY_RULE
from docgen.errors import REMOVED_RULE as REMOVED_RULE
from docgen.errors import HasProblems, Problem
from docgen.facts.derive import Facts

Status = Literal["built", "skipped", "failed", "checked"]


@dataclass
class PostResult(HasProblems):
    """What happened to one answer file."""

    source: Path
    status: Status
    reference: str = ""
    problems: list[Problem] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    message: str = ""
    facts: Facts | None = None
    summary: dict[str, Any] = field(default_factory=dict)  # the programme register's row
    # where each value came from (``docgen check -v``): key path → file, line, organisation
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: errors in the answer file (it could not be read or validated) kept the good-practice
    #: rules from running: its warnings are not known yet, rather than none. Set where the
    #: pipeline stops (:mod:`docgen.publish.post`); False for any other failure (a profile
    #: or a workbook named, a file that could not be written)
    rules_pending: bool = False
    #: what the clause library of a built or skipped post says for information, not as
    #: warnings: each clause of one's own in the clause folders given (a ``Notice``
    #: ``own-clause``, ``path`` its file: clauses.notes.added_note), whether or not the
    #: post's documents include it; the batch says each once for the run
    notes: list[Notice] = field(default_factory=list)


@dataclass
class NotAPost:
    """A YAML file found in a folder or by a glob that is not an answer file: left out, not
    built, and reported (with ``reason``) so nobody wonders why a post is missing."""

    source: Path
    reason: str


NoticeKind = Literal["register-edited", "answer-file-gone", "reference-changed", "row-removed",
                     "posts-taken-over", "own-clause"]


@dataclass
class Notice:
    """What a build did or found beside the posts that a person should know, for a program
    to read as well as a person: ``register-edited`` (a register file someone edited was
    kept aside as ``path``), ``answer-file-gone`` and ``reference-changed`` (the post folder
    ``path`` of ``reference`` is kept, though its answer file ``source`` is gone or now has
    another reference), ``row-removed`` (a workbook's row is gone; its folder ``path`` is
    kept), ``posts-taken-over`` (a workbook built posts another workbook built before:
    ``source`` that workbook), ``own-clause`` (a clause of one's own in the clause folders
    given, its file ``path``: a note with advice, once for the run however many posts
    were built with those folders).
    ``message`` is what the command line prints."""

    kind: NoticeKind
    message: str
    reference: str = ""
    path: Path | None = None
    source: Path | None = None

    def __str__(self) -> str:
        return self.message


@dataclass
class BuildReport:
    """Every answer file of one run, in the order they were named, and the files found in
    folders or globs but left out because they are not answer files (``not_posts``: YAML
    that is no post, a post saved as ``.json``), and
    what the build says about the output folder as a whole (``notices``: an edited register
    kept aside, posts whose answer file is gone)."""

    posts: list[PostResult] = field(default_factory=list)
    not_posts: list[NotAPost] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(p.status != "failed" for p in self.posts)

    def count(self, status: Status) -> int:
        return sum(1 for p in self.posts if p.status == status)


Report = BuildReport  # its earlier name, kept so existing callers keep working
