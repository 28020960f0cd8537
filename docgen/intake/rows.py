"""A workbook on disk → its posts, each checked in memory with its base file merged.

The shell between the pure mapping and everything that reads files: the workbook
(bounded), each row completed as an answer file is (:mod:`docgen.intake.completed`: the
base files named in "Base file", kept inside the workbook's folder, and the organisation
profiles of its workspace, the workbook's folder when it holds ``organisations/``, as an
answer file's own folder is its project), then checked. Paths written in a row (a base
file, a party's ``house_style``) are relative to the workbook.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.answers.profiles import Profile, list_organisations
from docgen.answers.yamlfile import Located
from docgen.errors import AnswerFileError, DocgenError, Problem
from docgen.intake.book import Book, cell_problem, said_once
from docgen.intake.cells import run_on
from docgen.intake.completed import BaseFileError, complete, workspace_of
from docgen.intake.organisations import Organisations
from docgen.intake.reading import PostRow, at_cell, read_book
from docgen.intake.table import POSTS, load_table
from docgen.intake.unread_cells import follows_on, other_errors, unread_answers
from docgen.intake.workbook_file import load_workbook_file
from docgen.pipeline import Checked, check_located
from docgen.shellwords import shell_path


def profile_ids(workbook: Path) -> dict[str, str]:
    """The organisation profiles a workbook's posts may name by id: id → what the
    profile is, for people (``London Borough of Eastwick, organisations/eastwick.yaml``)."""
    workspace = workspace_of(workbook)
    listed = list_organisations(workspace) if workspace else []
    return {o["id"]: ", ".join(str(x) for x in (
        o["name"], Path(o["file"]).relative_to(workspace).as_posix() if workspace else None)
        if x) for o in listed}


def profile_names(workbook: Path) -> dict[str, tuple[str, ...]]:
    """The organisation profiles beside a workbook: id → its names (legal, short), so an
    organisation's name typed where its id goes is told the id."""
    workspace = workspace_of(workbook)
    return {o["id"]: tuple(str(o[k]) for k in ("name", "short_name") if o.get(k))
            for o in (list_organisations(workspace) if workspace else [])}


@dataclass
class Intake:
    """A workbook read: its posts (each with its problems) and the book's own problems."""

    path: Path
    book: Book
    posts: list[PostRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    checked: dict[int, Checked] = field(default_factory=dict)  # by Posts row number
    merged: dict[int, dict[str, Any]] = field(default_factory=dict)  # base, profiles merged
    located: dict[int, Located] = field(default_factory=dict)  # by Posts row number
    #: a row some of whose cells could not be read (never built from): its answers as
    #: read and the keys it could not give, so it is said as the others are (checked_again)
    unread: dict[int, tuple[Located, list[tuple[Any, ...]]]] = field(default_factory=dict)
    bases: dict[Path, Located] = field(default_factory=dict)  # each base file read once
    profiles: dict[Path, Profile] = field(default_factory=dict)  # each profile read once
    #: posts built from this workbook before whose rows are gone (their documents stay)
    gone: list[str] = field(default_factory=list)
    #: the Organisations sheet: a Base file's parties given by id are completed from it
    organisations: Organisations = field(default_factory=Organisations)

    @property
    def ok(self) -> bool:
        return all(p.ok for p in self.posts) and not any(
            p.severity == "error" for p in self.problems)

    def no_posts(self) -> str | None:
        """Why a workbook with no posts (and no error of its own) gives nothing to read,
        check or build: said as an error, exit 1, by each command (a run that did nothing
        and exited 0 looks like one that worked); None when it has posts."""
        if self.posts or any(p.severity == "error" for p in self.problems):
            return None
        return (f"the workbook has no posts: fill in a row of the {POSTS} sheet (one post "
                f"per row, from row 2), then docgen check {shell_path(self.path)}")


def _run_on(book: Book, post: PostRow, data: dict[str, Any]) -> list[Problem]:
    """The row's per-partner cells (Line managers, Places of work, ...) that run one
    partner's entry on into the next with a comma: read as they are, the second partner's
    text would be printed as the first's, so each is refused at its cell. The post's
    partners are known only now, wherever they came from (Partners, Other answers, the
    Base file)."""
    ids = [p.get("id") if isinstance(p, dict) else p for p in data.get("parties") or []]
    said: list[Problem] = []
    for col in load_table().posts:
        ref, raw = post.cells.get(col.path), post.row.value(col.heading)
        if col.kind not in ("party_map", "party_records") or ref is None or \
                ref[0] != POSTS or not isinstance(raw, str):
            continue
        if (why := run_on(raw, [i for i in ids if isinstance(i, str)])) is not None:
            said.append(cell_problem(book.name, ref, why, post.reference, col.path))
    return said


def _check_post(intake: Intake, post: PostRow, validate: bool) -> None:
    """One row merged with its base file and checked; a row with errors of its own
    (``unread``) is checked too, for its other errors, but never built from."""
    book = intake.book
    unread = unread_answers(post) if not post.ok else []
    if unread is None:
        return
    try:
        located = complete(intake, post)
    except BaseFileError as exc:  # the base file's own: at its file and line
        post.problems += exc.problems
        return
    except AnswerFileError as exc:
        post.problems += [at_cell(book.name, post, p) for p in exc.problems
                          if not unread or not follows_on(p, unread)]
        return
    except DocgenError as exc:
        post.problems += [] if unread else [at_cell(book.name, post, Problem(str(exc)))]
        return
    if run_together := _run_on(book, post, located.data):
        post.problems += run_together
        return
    if not unread:
        intake.located[post.row.number] = located
        if not validate:
            intake.merged[post.row.number] = located.data
            return
    if unread:  # the row's other errors, beside the cells that could not be read
        intake.unread[post.row.number] = (located, unread)
        post.problems += [at_cell(book.name, post, p, lines=located.lines)
                          for p in other_errors(located, unread)]
        return
    try:
        checked = check_located(located)
    except AnswerFileError as exc:
        post.problems += [at_cell(book.name, post, p, lines=located.lines)
                          for p in exc.problems]
        return
    except DocgenError as exc:
        post.problems.append(at_cell(book.name, post, Problem(str(exc))))
        return
    # the reference rules are the answer file's own (answers/folder_names.py)
    post.problems += [at_cell(book.name, post, p, lines=located.lines)
                      for p in checked.problems]
    intake.checked[post.row.number] = checked
    intake.merged[post.row.number] = located.data


def check_rows(path: Path, book: Book | None = None,
               problems: list[Problem] | None = None, validate: bool = True) -> Intake:
    """Read and check every post of the workbook; one row's errors never stop another's,
    nor its own other errors from being said.

    ``validate=False`` only reads the cells and merges each row's base file (a build
    checks each post itself, so checking here too would do it twice)."""
    if book is None:
        book, problems = load_workbook_file(path)
    posts, more, orgs = read_book(book, profile_names(path))
    intake = Intake(path, book, posts, [*(problems or []), *more], organisations=orgs)
    for post in posts:
        _check_post(intake, post, validate)
    intake.problems += said_once(book.name, [(p.row.number, p.problems) for p in posts])
    return intake
