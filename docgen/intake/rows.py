"""A workbook on disk → its posts, each checked in memory with its base file merged, and
each row's problems said as every door says them.

The shell between the pure mapping and everything that reads files: the workbook
(bounded), each row completed as an answer file is (:mod:`docgen.intake.completed`: the
base files named in "Base file", kept inside the workbook's folder, and the organisation
profiles of its workspace, the workbook's folder when it holds ``organisations/``, as an
answer file's own folder is its project), then checked (:func:`check_rows`). Paths
written in a row (a base file, a party's ``house_style``) are relative to the workbook.

Then three re-checks, so ``check``, ``build`` and ``intake read`` give a row one answer
(:func:`checked_rows`; a build's failed rows through :func:`as_check_says`):

- A build checks each row from the file it keeps (``run._staged``): its parties written
  out in full, so the checker no longer knows they came from organisation profiles. The
  checker leaves out the "missing" errors an employer's policy would answer while the
  employer names no party (``answers.employer_policy``), and adds profile hints to
  others; read from the kept file, a half-filled row would fail with more errors under
  ``build`` than under ``check``. So a row whose build failed is checked again as
  ``check`` checks it, from the answers the intake read (profiles and base file merged).
- A row whose Partners cell is empty (and whose base file names none) takes no profile:
  its employer's profile gives its standing policy only to a post that names the
  employer among its partners. Checked as it stands, such a row was told to write what
  that policy answers once the partners are named (the notice months, the
  confidentiality, the conflicts of interest), beside the Partners cell it must fill in.
  So the answers of each section the employer's policy gives are said as they will be
  (:func:`as_named`): what the policy leaves to the row (the Reverts to cell), never what
  it gives.
- A row whose Base file cell is empty while other rows name one is told so at that cell
  (:func:`with_slip`), when its errors are answers that base would give.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.answers.profiles import Profile, apply_profiles, list_organisations
from docgen.answers.yamlfile import Located
from docgen.errors import MISSING, AnswerFileError, DocgenError, Problem
from docgen.facts.formatting import join_words
from docgen.intake.book import MISSING_COLUMN, Book, cell_problem, said_once
from docgen.intake.cells import run_on
from docgen.intake.completed import BaseFileError, complete, workspace_of
from docgen.intake.left_blank import blank_named
from docgen.intake.notes import NO_BASE_FILE
from docgen.intake.organisations import Organisations
from docgen.intake.reading import PostRow, at_cell, read_book
from docgen.intake.table import POSTS, load_table
from docgen.intake.unread_cells import follows_on, other_errors, problems_of, unread_answers
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
    #: read and the keys it could not give, so it is said as the others are (as_named)
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
        post.problems = blank_named(intake, post, post.problems)
    intake.problems += said_once(book.name, [(p.row.number, p.problems) for p in posts])
    return intake


def as_check_says(intake: Intake, post: PostRow) -> list[Problem] | None:
    """The row's problems as ``docgen check`` says them (at its cells), when that check
    finds an error; None when it finds none (the build failed for another reason, which
    the build's own problems say)."""
    located = intake.located.get(post.row.number)
    if located is None:
        return None
    problems = problems_of(located)
    if not any(p.severity == "error" for p in problems):
        return None
    return as_named(intake, post, blank_named(intake, post, [
        at_cell(intake.book.name, post, p, lines=located.lines) for p in problems]))


def _policy_given(intake: Intake, located: Located) -> Located | None:
    """The row's answers with its employer's profile's policy in place, as they will be
    once the partners are named (the partners still unnamed), or None: the row names its
    partners, or its employer has no profile (or one that cannot be read)."""
    employer = located.data.get("employer")
    if located.data.get("parties") or not isinstance(employer, str) or \
            employer not in located.policies:
        return None  # no profile's policy will reach the row: none, or the Organisations
        #              sheet writes the employer in full (completed.complete records which)
    data = {**located.data, "parties": [employer]}
    stand_in = Located(data=data, path=located.path, lines=dict(located.lines),
                       sources=list(located.sources))
    try:
        apply_profiles(stand_in, (intake.path.parent,), workspace_of(intake.path),
                       intake.profiles)
    except (AnswerFileError, DocgenError, OSError):
        return None
    if employer not in stand_in.policies:
        return None
    del stand_in.data["parties"]  # still to be named: said at the Partners cell
    return stand_in


#: the codes of an answer the row does not give: its cell empty (or its sheet's rows, or
#: its Other answers row, missing), or its column missing from the Posts sheet
_NOT_GIVEN = (MISSING, MISSING_COLUMN)


def _section(problem: Problem) -> str:
    """The section of the answer a "missing" error asks for ("" for any other problem)."""
    return str(problem.path[0]) if problem.code in _NOT_GIVEN and problem.path else ""


def _sections(problems: Iterable[Problem], given: set[str]) -> dict[str, list[Problem]]:
    """The "missing" errors among ``problems`` in each section of ``given``."""
    found: dict[str, list[Problem]] = {}
    for p in problems:
        if _section(p) in given:
            found.setdefault(_section(p), []).append(p)
    return found


def as_named(intake: Intake, post: PostRow, problems: list[Problem]) -> list[Problem]:
    """``problems`` (a row's, at its cells) as they will be once the row names its
    partners: in each section its employer's profile gives policy for, the "missing"
    errors of the row checked with that policy in place (what the row must still give),
    in place of those of the row as it stands (which ask for what the policy gives). A row
    that names its partners, or whose employer has no profile, is said as it is. A row
    some of whose cells could not be read is checked so as its other errors are
    (:func:`~docgen.intake.unread_cells.other_errors`: none that follow from those cells)."""
    located, unread = intake.located.get(post.row.number), None
    if located is None and post.row.number in intake.unread:
        located, unread = intake.unread[post.row.number]
    if located is None or not any(_section(p) for p in problems):
        return problems
    stand_in = _policy_given(intake, located)
    if stand_in is None:
        return problems
    given = {str(path[0]) for path in stand_in.policies[stand_in.data["employer"]]}
    found = problems_of(stand_in) if unread is None else other_errors(stand_in, unread)
    named = _sections((at_cell(intake.book.name, post, p, lines=stand_in.lines)
                       for p in found), given)
    said: list[Problem] = []
    for p in problems:
        if _section(p) not in given:
            said.append(p)
        else:  # where the section was asked for, what it still needs (once)
            said += named.pop(_section(p), [])
    return [*said, *(p for rest in named.values() for p in rest)]


#: the base file other rows' answers were merged with, and how many rows (None: none)
Shared = tuple[str, int] | None


def shared_base(intake: Intake) -> Shared:
    """The base file most rows' answers were merged with, and how many rows; None when
    no row's was (none named, or each named one could not be read)."""
    used = Counter(p.data["extends"] for p in intake.posts
                   if isinstance(p.data.get("extends"), str)
                   and p.row.number in intake.located)
    return used.most_common(1)[0] if used else None


def with_slip(intake: Intake, post: PostRow, problems: list[Problem],
              shared: Shared) -> list[Problem]:
    """``problems`` (the row's, checked) led by the warning at its empty Base file cell
    when ``shared`` names a base and the row lacks answers it would give (a cell left
    empty when the row was copied: its twenty "required" errors would not say why); else
    as given. Said once the row is checked, and only then: a complete row naming no base
    is no slip (a warning it could never clear), and an empty or missing base file (that
    row's own error) gives no standing answers to point at."""
    if shared is None or "extends" in post.data or any(p.rule == NO_BASE_FILE
                                                       for p in problems) or not any(
            p.severity == "error" and p.code in _NOT_GIVEN for p in problems):
        return problems
    base, count = shared
    heading = next(c.heading for c in load_table().posts if c.path == ("extends",))
    others = f"{count} other row{'s' if count != 1 else ''}"
    return [cell_problem(
        intake.book.name, (POSTS, post.row.ref(heading), heading),
        f"the Base file is empty, while {others} name{'s' if count == 1 else ''} {base}; "
        "give it here if this post shares their standing answers (without it, every answer "
        f"must come from {_without_base(intake, post)})", post.reference, ("extends",),
        severity="warning", rule=NO_BASE_FILE), *problems]


def _without_base(intake: Intake, post: PostRow) -> str:
    """Where a row naming no Base file takes its answers from: the row, the Other answers
    sheet and the organisation profiles its parties are completed from (the employer's
    giving its standing policy; when no partner is named yet, once they are)."""
    number = post.row.number
    located = intake.located.get(number) or (intake.unread[number][0]
                                             if number in intake.unread else None)
    named = list(located.profiles) if located is not None else []
    if named:
        return f"this row, the Other answers sheet and the organisation " \
               f"profile{'s' if len(named) > 1 else ''} of {join_words(named)}"
    employer = located.data.get("employer") if located is not None else None
    if isinstance(employer, str) and located is not None and employer in located.policies:
        return f"this row, the Other answers sheet and, once its partners are named, " \
               f"{employer}'s organisation profile"
    return "this row and the Other answers sheet"


def checked_rows(path: Path) -> Intake:
    """Every row of the workbook read and checked (:func:`check_rows`),
    each said as :func:`as_named` says it: ``check`` and ``intake read`` say a row as its
    build does."""
    intake = check_rows(path)
    changed, shared = False, shared_base(intake)
    for post in intake.posts:
        said = with_slip(intake, post, as_named(intake, post, post.problems), shared)
        changed |= said != post.problems
        post.problems = said
    if changed:  # the columns the Posts sheet lacks, said once for the rows that now need them
        intake.problems = [*(p for p in intake.problems if p.code != MISSING_COLUMN),
                           *said_once(intake.book.name, [(p.row.number, p.problems)
                                                         for p in intake.posts])]
    return intake
