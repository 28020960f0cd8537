"""A row the build failed on its answers, said in ``docgen check``'s words.

A build checks each row from the file it keeps (``run._staged``): its parties written out
in full, so the checker no longer knows they came from organisation profiles. The checker
leaves out the "missing" errors an employer's policy would answer while the employer
names no party (``answers.employer_policy``), and adds profile hints to others; read from
the kept file, a half-filled row would fail with more errors under ``build`` than under
``check``. Every door gives the same answer, so a row whose build failed is checked again
as ``check`` checks it, from the answers the intake read (profiles and base file merged).
"""

from __future__ import annotations

from docgen.errors import AnswerFileError, DocgenError, Problem
from docgen.intake.reading import PostRow, at_cell
from docgen.intake.rows import Intake
from docgen.pipeline import check_located


def as_check_says(intake: Intake, post: PostRow) -> list[Problem] | None:
    """The row's problems as ``docgen check`` says them (at its cells), when that check
    finds an error; None when it finds none (the build failed for another reason, which
    the build's own problems say)."""
    located = intake.located.get(post.row.number)
    if located is None:
        return None
    try:
        problems = check_located(located).problems
    except AnswerFileError as exc:
        problems = exc.problems
    except DocgenError as exc:
        problems = [Problem(str(exc))]
    if not any(p.severity == "error" for p in problems):
        return None
    return [at_cell(intake.book.name, post, p, lines=located.lines) for p in problems]
