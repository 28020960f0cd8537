"""A row the build failed on its answers, said in ``docgen check``'s words; and a row that
names no partners, said as it will be once they are named.

A build checks each row from the file it keeps (``run._staged``): its parties written out
in full, so the checker no longer knows they came from organisation profiles. The checker
leaves out the "missing" errors an employer's policy would answer while the employer
names no party (``answers.employer_policy``), and adds profile hints to others; read from
the kept file, a half-filled row would fail with more errors under ``build`` than under
``check``. Every door gives the same answer, so a row whose build failed is checked again
as ``check`` checks it, from the answers the intake read (profiles and base file merged).

A row whose Partners cell is empty (and whose base file names none) takes no profile:
its employer's profile gives its standing policy only to a post that names the employer
among its partners. Checked as it stands, such a row was told to write what that policy
answers once the partners are named (the notice months, the confidentiality, the
conflicts of interest), beside the Partners cell it must fill in. So the answers of each
section the employer's policy gives are said as they will be (:func:`as_named`): what the
policy leaves to the row (the Reverts to cell), never what it gives. ``check``, ``build``
and ``intake read`` all say a row's problems through it (:func:`checked_rows`, and a
build's failed rows through :func:`as_check_says`).

A row whose Base file cell is empty while other rows name one is told so at that cell
(:func:`with_slip`), when its errors are answers that base would give.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from docgen.answers.profiles import apply_profiles
from docgen.answers.yamlfile import Located
from docgen.errors import MISSING, AnswerFileError, DocgenError, Problem
from docgen.intake.book import MISSING_COLUMN, cell_problem, said_once
from docgen.intake.completed import workspace_of
from docgen.intake.notes import NO_BASE_FILE
from docgen.intake.reading import PostRow, at_cell
from docgen.intake.rows import Intake, check_rows
from docgen.intake.table import POSTS, load_table
from docgen.intake.unread_cells import other_errors, problems_of


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
    return as_named(intake, post, [at_cell(intake.book.name, post, p, lines=located.lines)
                                   for p in problems])


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
        "must come from this row and the Other answers sheet)", post.reference, ("extends",),
        severity="warning", rule=NO_BASE_FILE), *problems]


def checked_rows(path: Path) -> Intake:
    """Every row of the workbook read and checked (:func:`~docgen.intake.rows.check_rows`),
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
