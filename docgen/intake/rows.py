"""A workbook on disk → its posts, each checked in memory with its base file merged.

The shell between the pure mapping and everything that reads files: the workbook
(bounded), the base files named in "Base file" (kept inside the workbook's folder)
and the organisation profiles of its workspace (the workbook's folder when it holds
``organisations/``, as an answer file's own folder is its project). Paths written in
a row (a base file, a party's ``house_style``) are relative to the workbook.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from docgen.answers.answer_names import is_answer_name
from docgen.answers.bounded import NAME_ITS_FOLDER, confined
from docgen.answers.profiles import (
    Profile,
    apply_profiles,
    find_workspace,
    list_organisations,
)
from docgen.answers.yamlfile import Located, load_answer_file, merge_extends
from docgen.errors import AnswerFileError, DocgenError, Problem
from docgen.intake.book import Book, cell_problem, said_once
from docgen.intake.cells import run_on
from docgen.intake.organisations import Organisations, from_the_sheet
from docgen.intake.reading import PostRow, at_cell, read_book
from docgen.intake.table import POSTS, load_table, ordered
from docgen.intake.unread_cells import follows_on, other_errors, unread_answers
from docgen.intake.workbook_file import load_workbook_file
from docgen.pipeline import Checked, check_located
from docgen.shellwords import shell_path


def workspace_of(workbook: Path) -> Path | None:
    """The workbook's workspace: its own folder when that holds ``organisations/``; named
    from where the command runs when the workbook was (messages name a profile as
    ``organisations/eastwick.yaml:26``, as they do for an answer file, not by its whole
    path from the root: ``answers.profiles.apply_profiles`` does the same)."""
    found = find_workspace(workbook.parent)
    if found is not None and not workbook.is_absolute():
        with contextlib.suppress(ValueError):  # another drive (Windows): kept whole
            found = Path(os.path.relpath(found))
    return found


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


def in_the_workbook_folder(raw: str) -> str:
    """What to do with a file a row names outside the workbook's folder (a workbook is
    named alone on the command line, so no other folder can be added)."""
    name = Path(raw.replace("\\", "/")).name or "_partners.yaml"
    return (f"the workbook's folder: copy the file there and give just its name in the cell, "
            f"e.g. {name}")


class BaseFileError(AnswerFileError):
    """A base file the row names cannot be read: its problems stand at the base file's own
    lines (the row's Base file cell names a file that is there)."""


def _in_base(problem: Problem, book: Path, folder: Path) -> Problem:
    """A problem of a file a base file names (its ``extends``, a party's ``house_style``),
    with advice a workbook user can follow: a workbook is named alone, so its folder is
    the only one a base may reach."""
    message, extends = problem.message, problem.path == ("extends",)
    if problem.file is None or not (extends or NAME_ITS_FOLDER in message):
        return problem
    key = next((str(k) for k in reversed(problem.path) if isinstance(k, str)), "extends")
    raw = message.split("'")[1].replace("\\", "/") if message.count("'") >= 2 else ""
    if extends:
        name = Path(raw).name if is_answer_name(raw) else "_partners.yaml"
        what = "extend only a .yaml file"
    else:
        name, what = Path(raw).name or "eastwick.docx", "name only files"
    advice = (f"a base file used by {book.name} may {what} in the workbook's folder "
              f"({folder.resolve()}): put the file there and write just its name in "
              f"{problem.file.name}, e.g. {key}: {name}, or remove the {key} line")
    if NAME_ITS_FOLDER in message:  # no folder can be named with a workbook
        message = message.replace(f"keep it in that folder, {NAME_ITS_FOLDER}", advice)
    elif "absolute path" in message or "does not exist" in message:
        message = f"{message}; {advice}"
    return replace(problem, message=message)


def _house_styles(located: Located, folder: Path, book: Path) -> None:
    """A party's ``house_style`` written in the row: relative to the workbook, inside its
    folder (one written in a base file was checked when the base was read)."""
    for i, party in enumerate(located.data.get("parties") or []):
        key = ("parties", i, "house_style")
        if isinstance(party, dict) and isinstance(party.get("house_style"), str) and \
                key not in located.lines:
            confined(folder, party["house_style"], key, {}, book, (folder.resolve(),),
                     "a house style file", in_the_workbook_folder(party["house_style"]))


def _located(intake: Intake, post: PostRow) -> Located:
    """The row's answers as an answer file would give them: its base file merged in,
    then the parties given by id completed from the workspace's profiles."""
    folder = intake.path.parent
    data, lines = dict(post.data), {}
    base = data.get("extends")
    sources: list[Path] = []
    if isinstance(base, str):
        if not is_answer_name(base):  # the workbook itself, a .docx, ...
            raise AnswerFileError([Problem(f"the base file must be a .yaml answer file (found "
                                           f"'{base}'); give one in {folder}, e.g. "
                                           "_partners.yaml", path=("extends",))])
        target = confined(folder, base, ("extends",), {}, intake.path,
                          (folder.resolve(),), "the base file", in_the_workbook_folder(base))
        if not target.is_file():
            raise AnswerFileError([Problem(f"the base file '{base}' does not exist (looked "
                                           f"for {target}); give a file in {folder}",
                                           path=("extends",))])
        key = target.resolve()
        if key not in intake.bases:
            try:
                intake.bases[key] = load_answer_file(target, roots=(folder,))
            except AnswerFileError as exc:
                raise BaseFileError([_in_base(p, intake.path, folder)
                                     for p in exc.problems]) from None
        located = intake.bases[key]
        below = dict(located.data)
        below.pop("extends", None)
        _base_parties(intake, post, below, data)
        data = merge_extends(below, data)
        lines, sources = dict(located.lines), located.sources
    row = Located(data=data, path=intake.path, lines=lines, sources=[intake.path, *sources])
    _house_styles(row, folder, intake.path)
    located = apply_profiles(row, (folder,), workspace_of(intake.path), intake.profiles)
    employer = data.get("employer")
    if "parties" not in data and isinstance(employer, str) and \
            from_the_sheet([employer], intake.organisations) is not None:
        # the Organisations sheet writes the employer out in full: once the partners are
        # named it is read from there, and no profile's policy will apply to the row
        located.policies.pop(employer, None)
    return located


def _base_parties(intake: Intake, post: PostRow, below: dict[str, Any],
                  data: dict[str, Any]) -> None:
    """The parties a Base file names by id, completed from the Organisations sheet as the
    Partners cell's ids are (the sheet wins over a profile): given in the row's answers
    (``data``, and the post's, so ``intake read`` writes them), each key at its cell."""
    parties = below.get("parties")
    if "parties" in data or not isinstance(parties, list):
        return
    found = from_the_sheet(parties, intake.organisations)
    if found is not None:
        data["parties"] = found[0]
        post.data = ordered({**post.data, "parties": found[0]})
        post.cells.update(found[1])


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
        located = _located(intake, post)
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
