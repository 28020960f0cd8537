"""A programme workbook's row given a new reference: which rows were, against the
previous build alone.

A row built as EWK-0001 and then given EWK-0009 with a bad value fails; the documents of
EWK-0001 stand, and the register must not show them built as if the row were fine. The
row is then as an answer file given a new reference (:mod:`docgen.publish.register_rows`):
its failed line names the old post's kept answers, so the old post's line is marked
failed and the new reference's says where the documents stand.

Row numbers move when rows are deleted or added, so a row counts as renamed only when
its number gave another reference at the previous build (``.rows``' :data:`GIVEN`, each
build's own map: a record over all builds would match a row with a post deleted or
renamed builds ago), its new reference was given by no row then, and the old one is given
by no row now; references compared casefolded, as post folders are. A new reference
whose folder already stands (built before) is that post's, as before. A row the previous
build counted renamed (:data:`RENAMED`) whose new reference did not build still stands
for its old post, so building the same workbook again finds the same rename.

Row numbers alone cannot tell a rename from one edit that deletes a row and adds another
(or renames a row that moved up) at the same number, so the row must also look like the
same post: its job title, employer and partners as the old reference's kept answers give
them (:func:`same_post`). A row whose title or partners changed too is not counted
renamed: the old post then shows built, as before, and nothing is overwritten.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docgen.answers.bounded import read_bounded
from docgen.answers.folder_names import reference_problem
from docgen.answers.yamlfile import parse_yaml
from docgen.errors import AnswerFileError, DocgenError
from docgen.intake.rows import Intake
from docgen.publish.claims import built_from
from docgen.publish.rows_record import GIVEN, RENAMED, Record
from docgen.publish.sources import SOURCES_DIR
from docgen.results import Notice


def given(intake: Intake) -> dict[int, str]:
    """This build's rows: each row number → the reference its Reference cell gives, where
    that can name a post (a row with errors too)."""
    return {p.row.number: p.reference for p in intake.posts
            if p.reference and reference_problem(p.reference) is None}


def _marks(data: Mapping[str, Any]) -> dict[str, object]:
    """What tells one post from another in a row's answers: its job title, its employer and
    its partners' ids (casefolded, spaces closed up), each where the answers give it."""
    post = data.get("post")
    title = post.get("title") if isinstance(post, dict) else None
    parties = data.get("parties")
    ids = sorted(str(p.get("id")).casefold() for p in parties if isinstance(p, dict)) \
        if isinstance(parties, list) else None
    employer = data.get("employer")
    found: dict[str, object] = {
        "title": " ".join(title.casefold().split()) if isinstance(title, str) else None,
        "employer": employer.casefold() if isinstance(employer, str) else None,
        "parties": ids or None}
    return {k: v for k, v in found.items() if v is not None}


def same_post(row: Mapping[str, Any], kept: Path) -> bool:
    """Whether a row's answers look like the post whose kept answers are ``kept``: the same
    job title (both must give one), and the same employer and partners where both give
    them. A row deleted and another added at its number, in one edit, is another post."""
    try:
        old, _ = parse_yaml(read_bounded(kept), kept)
    except (AnswerFileError, DocgenError, OSError, ValueError):
        return False
    new, was = _marks(row), _marks(old)
    if "title" not in new or "title" not in was:
        return False
    return all(new[k] == was[k] for k in new.keys() & was.keys())


def _previous(record: Record, out: Path, folder: Path) -> dict[str, str]:
    """The previous build's rows as this one compares with them: each row's reference, or
    the old one of a row it counted renamed whose new reference's documents are not this
    workbook's (that build failed): the row still stands for its old post."""
    rows = dict(record.given)
    for number, old in record.renamed.items():
        new = rows.get(number)
        if new is not None and not built_from(out / new, folder / f"{new}.yaml"):
            rows[number] = old
    return rows


def renamed_rows(intake: Intake, out: Path, record: Record) -> dict[int, str]:
    """Each row given a new reference since the previous build (``record``: this
    workbook's ``.rows``), with the old reference, whose documents in ``out`` this
    workbook's kept answers built (else there is no old post to speak for) and which the
    row's answers (its base file merged in, where it could be) look like."""
    folder = out / SOURCES_DIR / intake.path.stem
    previous = _previous(record, out, folder)
    now = given(intake)
    before = {ref.casefold() for ref in previous.values()}
    giving = {ref.casefold() for ref in now.values()}
    by_row = {post.row.number: post for post in intake.posts}
    renamed = {}
    for number, new in now.items():
        old = previous.get(str(number))
        if old is None or old.casefold() in giving or new.casefold() in before \
                or reference_problem(old) is not None or (out / new).exists():
            continue
        kept = folder / f"{old}.yaml"
        answers = intake.merged.get(number, by_row[number].data)
        if built_from(out / old, kept) and same_post(answers, kept):
            renamed[number] = old
    return renamed


def respelled_rows(intake: Intake, out: Path, rows: Mapping[str, Any]) -> dict[int, str]:
    """Each row whose reference differs only in case from one this workbook built before
    (``rows``: every reference its builds staged, :data:`~docgen.publish.rows_record.ROWS`'s)
    and has no folder of its own spelling, with that earlier spelling, whose documents
    this workbook's kept answers built: the same post (references are compared
    casefolded), so a failed row is that post's line, not a second one."""
    folder = out / SOURCES_DIR / intake.path.stem
    spellings: dict[str, list[str]] = {}
    for ref in rows:
        spellings.setdefault(ref.casefold(), []).append(ref)
    found = {}
    for number, new in given(intake).items():
        earlier = [old for old in spellings.get(new.casefold(), []) if old != new]
        if not earlier or (out / new).exists():
            continue
        old = next((o for o in earlier if built_from(out / o, folder / f"{o}.yaml")), None)
        if old is not None:
            found[number] = old
    return found


def to_record(intake: Intake, renamed: dict[int, str]) -> dict[str, dict[str, str]]:
    """This build's rows and its renamed rows, as ``.rows`` keeps them for the next build
    (:data:`GIVEN`, :data:`RENAMED`)."""
    rows = given(intake)
    kept = {GIVEN: {str(n): rows[n] for n in sorted(rows)}}
    if renamed:
        kept[RENAMED] = {str(n): renamed[n] for n in sorted(renamed)}
    return kept


#: added to a gone row's notice when some row failed: it may be the same post's row
#: under a new reference, whose only documents are in the folder the notice names
KEEP_IF_RENAMED = "; if a row was given a new reference, keep this folder until that row builds"


def gone_notices(intake: Intake, out: Path, renamed: Mapping[int, str],
                 failed: set[int]) -> list[Notice]:
    """A notice per post whose row is gone (``intake.gone``): its documents are kept, and
    deleting the folder drops the post. A renamed row (``renamed``) whose new reference
    failed (``failed``: row numbers) is not gone: its documents are the only ones of the
    post, so the notice says the row now has the new reference and where they stay. A row
    given a new reference and a new title is not matched to its old one, so while any row
    failed the other notices ask for the folder to be kept until that row builds."""
    name = intake.path.name
    by_old = {old.casefold(): n for n, old in renamed.items() if n in failed}
    now = {post.row.number: post.reference for post in intake.posts}
    said = []
    for ref in intake.gone:
        number = by_old.get(ref.casefold())
        if number is not None:
            said.append(Notice("reference-changed", f"row {number} of {name} now has "
                               f"reference {now[number]}, which could not be built; the "
                               f"documents last built from this row stay in folder {ref} "
                               f"({out / ref})", ref, out / ref, intake.path))
        else:
            said.append(Notice("row-removed", f"{ref} is no longer in {name}; its documents "
                               f"in {out / ref} are kept, and so is its line in the register "
                               "(which lists the whole output folder); delete that folder to "
                               f"drop the post{KEEP_IF_RENAMED if failed else ''}", ref,
                               out / ref, intake.path))
    return said
