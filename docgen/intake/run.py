"""``docgen check posts.xlsx`` and ``docgen build posts.xlsx``: the workbook taken directly.

Nothing is written beside the workbook. Each row is checked in memory; rows without
errors are built by the ordinary batch build (the same documents, register and
edited-document guard) from answer files docgen keeps in the output folder
(``<out>/.docgen-intake/<workbook>/<reference>.yaml``, base file merged in), so an
unchanged row is skipped next time and ``docgen verify`` finds what a post was built
from; every problem is reported at the cell it came from. Every row the team asked for
has its line in the register, a row with errors too (failed, with its reference where
the Reference cell gives a usable one, and why, at its cells).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from docgen.answers.folder_names import reference_problem
from docgen.errors import AnswerFileError, DocgenError, Problem
from docgen.intake.book import said_once
from docgen.intake.notes import NO_BASE_FILE
from docgen.intake.reading import PostRow, at_cell
from docgen.intake.renamed import gone_notices, renamed_rows, respelled_rows, to_record
from docgen.intake.rows import (
    Intake,
    Shared,
    as_check_says,
    as_named,
    check_rows,
    checked_rows,
    shared_base,
    with_slip,
)
from docgen.intake.table import POSTS
from docgen.intake.writing import plain
from docgen.ooxml.bounds import read_docx_bytes
from docgen.publish.batch import build
from docgen.publish.claims import (
    Taken,
    builder,
    built_by_another,
    held_alike,
    held_for,
    owner_of,
    still_held,
    taken_from,
    took_over,
)
from docgen.publish.register_rows import ELSEWHERE, WORKBOOK_ROW, why_failed
from docgen.publish.rows_record import HELD, ROWS, Seen, read_record
from docgen.publish.sources import SOURCES_DIR, keep_sources, removed_posts
from docgen.results import Notice, PostResult, Report, Status
from docgen.shellwords import shell_path

INTAKE_DIR = SOURCES_DIR
#: the last line of every failed row with errors, whether the intake or the build found them
ROW_ERRORS = "the row has errors; no document was written"
#: libyaml's emitter when PyYAML has it (about ten times faster for 1,000 rows)
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def row_source(intake: Intake, post: PostRow) -> Path:
    """How a post of the workbook is named where a file would be: ``posts.xlsx row 7``."""
    return Path(f"{intake.path.name} row {post.row.number}")


def _result(intake: Intake, post: PostRow, status: Status) -> PostResult:
    """A row's result; a failed row the rules never ran on (its cells could not be read,
    merged or validated: only rows that validate are in ``intake.checked``) has them pending."""
    return PostResult(source=row_source(intake, post), status=status,
                      reference=post.reference, problems=list(post.problems),
                      summary={"reference": post.reference, "build": status,
                               "source": str(row_source(intake, post))},
                      rules_pending=status == "failed"
                      and post.row.number not in intake.checked)


def check_workbook(path: Path) -> tuple[Intake, Report]:
    """Every row checked (shape, rules); nothing written. Each row is said as its build
    says it (:func:`~docgen.intake.rows.checked_rows`)."""
    intake = checked_rows(path)
    posts = [_result(intake, p, "checked" if p.ok else "failed") for p in intake.posts]
    return intake, Report(posts=posts)


def _yaml(data: dict[str, Any]) -> bytes:
    data = plain({k: v for k, v in data.items() if k != "extends"})  # the base merged in
    return yaml.dump(data, Dumper=DUMPER, sort_keys=False, allow_unicode=True).encode("utf-8")


def _style_path(intake: Intake, post: PostRow, index: int, party: dict[str, Any]) -> Path | None:
    """The house style file of one party: its profile's, or one the row or its base file
    names (relative to the file that names it; the row's to the workbook)."""
    located = intake.located[post.row.number]
    key = ("parties", index, "house_style")
    if isinstance(style := party.get("house_style"), str):
        named_in = located.lines[key][0].parent if key in located.lines else intake.path.parent
        return named_in / style
    return located.house_styles.get(str(party.get("id")))


def _staged(intake: Intake, post: PostRow, files: dict[str, bytes]) -> bytes:
    """The row's answers as the file to build, each house style copied into ``files``."""
    located = intake.located[post.row.number]
    if located.profile_clauses:
        folders = ", ".join(str(f) for f in located.profile_clauses)
        raise DocgenError(f"the employer's organisation profile names clause folders ({folders}), "
                          "which a build from the workbook cannot use yet; write the answer "
                          f"files (docgen intake read {shell_path(intake.path)}) and "
                          "build those")
    data = plain(intake.merged[post.row.number])
    if data.get("clauses"):
        raise AnswerFileError([Problem(
            "the post names its own clause folders (clauses), which a build from the workbook "
            "cannot use yet; write the answer files (docgen intake read "
            f"{shell_path(intake.path)}) and build those", path=("clauses",))])
    for i, party in enumerate(data.get("parties") or []):
        path = _style_path(intake, post, i, party) if isinstance(party, dict) else None
        if path is None:
            continue
        raw = read_docx_bytes(path)
        name = f"styles/{hashlib.sha256(raw).hexdigest()[:32]}{path.suffix.lower()}"
        files[name] = raw
        party["house_style"] = name
    return _yaml(data)


def stage_rows(intake: Intake, ready: list[PostRow], out: Path) -> dict[Path, PostRow]:
    """Each row's answers (base file and profiles merged in) as a file docgen keeps inside
    ``out``; a row whose house style cannot be read is left out, the problem at its cell;
    and the record of the rows they were read from (:func:`_keep_record`)."""
    files = _stage(intake, ready, out)
    _keep_record(intake, out, files.values())
    return files


def _stage(intake: Intake, ready: list[PostRow], out: Path) -> dict[Path, PostRow]:
    """:func:`stage_rows`' answer files alone: a build records the rows once, with the
    posts another workbook keeps for this one, known only once these are kept."""
    files: dict[str, bytes] = {}
    by_name: dict[str, PostRow] = {}
    for post in ready:
        name = f"{post.reference}.yaml"
        try:
            files[name] = _staged(intake, post, files)
        except AnswerFileError as exc:
            post.problems += [at_cell(intake.book.name, post, p) for p in exc.problems]
            continue
        except DocgenError as exc:
            post.problems.append(at_cell(intake.book.name, post, Problem(
                str(exc), path=("parties",))))
            continue
        by_name[name] = post
    paths = keep_sources(out, intake.path.stem, files, owner=intake.path)
    return {paths[name]: post for name, post in by_name.items()}


def _keep_record(intake: Intake, out: Path, posts: Iterable[PostRow],
                 held: dict[str, str] | None = None,
                 known: Mapping[str, str | None] | None = None
                 ) -> tuple[dict[str, str], dict[int, str]]:
    """Write ``.rows``, read and written once a build: the Posts row each staged reference
    was read from, added to the record of earlier builds (a row with errors now keeps the
    row its documents were built from), so a refusal can say which row built a post
    (:func:`docgen.publish.rows_record.kept_row`); and the posts another workbook keeps for this
    one: ``held`` (this build's) and those recorded that still hold
    (:func:`~docgen.publish.claims.still_held`, told the hashes of the manifests already
    read, ``known``), returned. A stale mark is dropped. Returned too: the rows given a new
    reference since the previous build, with the old (:func:`renamed_rows`, told that
    build's rows; this build's are recorded for the next: :func:`to_record`), and those
    whose reference only changed case, with its earlier spelling (:func:`respelled_rows`)."""
    folder = out / INTAKE_DIR / intake.path.stem
    kept = read_record(folder)
    rows, marks, renamed = kept.rows, kept.held, renamed_rows(intake, out, kept)
    respelled = respelled_rows(intake, out, rows)
    rows.update({post.reference: post.row.number for post in posts})
    references = {p.reference.casefold() for p in intake.posts
                  if p.reference and reference_problem(p.reference) is None}
    marks = {**still_held(out, folder, marks, references, known), **(held or {})}
    record: dict[str, Any] = {"sheet": POSTS, "rows": dict(sorted(rows.items())),
                              **to_record(intake, renamed)}
    if marks:
        record[HELD] = dict(sorted(marks.items()))
    keep_sources(out, intake.path.stem, {ROWS: json.dumps(record, indent=1).encode("utf-8")},
                 owner=intake.path)
    return marks, {**respelled, **renamed}


def failed_row(intake: Intake, post: PostRow, result: PostResult, out: Path,
               seen: Seen | None = None, held: dict[str, str] | None = None,
               renamed: Mapping[int, str] | None = None) -> dict[str, Any]:
    """A failed row's line in the register: what the build knew of the post (its summary),
    the row's reference when the Reference cell gives one that can name a post, its job
    title and status as typed, and why it failed, at its cells. ``source`` is the file the
    row is kept as in ``out``, so the line replaces the post's older one; of a post another
    workbook built, only when that workbook is gone, or keeps the post for this one (the
    same answers: the row is the post's, as an answer file's failed rebuild is; ``held``:
    this workbook's marks, :func:`_keep_record`'s) and the row failed on its own
    errors, not refused as it now differs. A row given a new reference (``renamed``, from
    :func:`_keep_record`) names its old post's kept answers, as an answer file given a new
    reference does, so the register says that post's documents stand, their row failed
    (in the workbook's words: :data:`WORKBOOK_ROW`); one whose reference only changed case
    is that post's line under its earlier spelling (one line for one post). Who built the
    post's folder is read once (``seen``: the workbook folders read for earlier rows)."""
    row: dict[str, Any] = {**result.summary, "build": "failed", "why": why_failed(result)}
    refused = post.ok and not result.summary  # the build left the post's folder to another
    if refused:  # file's post: the register keeps that post's row, not a second one
        row[ELSEWHERE] = True
    typed = post.data.get("post")
    title = row.get("title") or (typed.get("title") if isinstance(typed, dict) else None)
    where = str(row_source(intake, post))
    if post.reference and reference_problem(post.reference) is None:
        row["reference"] = post.reference
        row["source"] = str(out / INTAKE_DIR / intake.path.stem / f"{post.reference}.yaml")
        mine = Path(row["source"])
        was = builder(out / post.reference, mine, seen)
        took = took_over(was, mine)
        mark = (held or {}).get(post.reference)
        if took is not None and not refused and held_for(was, took, mark):
            # the workbook in use keeps the post for this one (the same answers as this
            # row's last kept) and the row failed on its own errors: the post's row,
            # failed, as an answer file's rebuild fails. Refused as it now differs, the row
            # leaves the old workbook's, as one that never held the post does (else the
            # register would follow whichever workbook was built last)
            row["source"] = str(took.answers)
        elif owner_of(was, post.reference) is not None:
            row[ELSEWHERE] = True  # another file's post (a workbook's), in use: its row only
        elif took is not None:
            # that workbook is gone: this row fails the post it built,
            row["source"] = str(took.answers)  # whose documents stand (one row, failed)
        elif (old := (renamed or {}).get(post.row.number)) is not None:
            row["source"] = str(mine.with_name(f"{old}.yaml"))  # the old post's answers
            if old.casefold() == post.reference.casefold():  # only its case changed: the
                row["reference"] = old  # same post, whose line is marked failed
            else:
                row[WORKBOOK_ROW] = f"row {post.row.number} of {intake.path.name}"
        row["title"] = str(title or where)
    else:
        row["reference"], row["source"] = "", where
        row["title"] = f"{where} ({title}; reference not known)" if title else \
            f"{where} (reference not known)"
    if not row.get("status") and isinstance(post.data.get("status"), str):
        row["status"] = post.data["status"]
    return row


def _at_cells(intake: Intake, post: PostRow, built: PostResult, shared: Shared) -> None:
    """The build's result of a row, said as the row's: its problems at the row's cells
    (a key the base file gave, where that file wrote it), its reference the row's, led by
    the warning at an empty Base file cell that its errors follow from (``shared``)."""
    built.reference = built.reference or post.reference  # the row's, as check says
    lines = intake.located[post.row.number].lines  # where the base file wrote each key
    again = as_check_says(intake, post) if built.status == "failed" else None
    built.problems = with_slip(intake, post, [*post.problems, *(again if again is not None else (
        at_cell(intake.book.name, post, p, own=built.source, lines=lines)
        for p in built.problems))], shared)
    post.problems = built.problems  # so the summary names the rows that failed
    if built.status == "failed" and any(p.severity == "error" for p in built.problems):
        built.message = ROW_ERRORS  # as a row with errors of its own ends, whoever found them
    slip = [p for p in built.problems if p.rule == NO_BASE_FILE]
    if built.status == "failed" and slip:  # what the errors come from, said with them
        built.message = str(slip[0])


def _still_ours(out: Path, stem: str, reference: str) -> bool:
    """Whether the documents of ``reference`` are still those this workbook's kept answers
    built (not another workbook's, or an answer file's, that took the post over since)."""
    return built_by_another(out / reference, out / INTAKE_DIR / stem / f"{reference}.yaml") is None


def _other_workbooks(intake: Intake, out: Path, files: dict[Path, PostRow]
                     ) -> dict[Path, Taken]:
    """The staged posts whose folders another workbook built (:func:`taken_from`), read
    only when the output folder keeps another workbook's answers."""
    kept = out / INTAKE_DIR
    if not kept.is_dir() or not any(p.name != intake.path.stem for p in kept.iterdir()
                                    if p.is_dir()):
        return {}
    seen: Seen = {}  # each workbook's folder read once for all the posts
    found = {path: taken_from(out / post.reference, path, seen) for path, post in files.items()}
    return {path: was for path, was in found.items() if was is not None}


def _taken_over(intake: Intake, out: Path, before: dict[Path, Taken],
                built: list[PostResult]) -> list[Notice]:
    """A notice per workbook whose posts this one built (a copy saved under a new name):
    that they are this workbook's now, and why (that workbook gone, or ``--force``)."""
    by_workbook: dict[Path, list[str]] = {}
    for result in built:
        if result.status == "built" and result.source in before:
            was = before[result.source]
            by_workbook.setdefault(was.row.workbook, []).append(result.reference or "")
    notices = []
    for old, refs in by_workbook.items():
        n = len(refs)
        what = f"{n} post{'s' if n != 1 else ''} built from {old.name} ({', '.join(refs)})"
        # (while it is in its folder, only --force lets this workbook build its posts:
        # claims.other_owner refuses them)
        why = f"{old.name} is no longer in {old.parent}" if not old.is_file() else \
            "replaced with --force"
        notices.append(Notice("posts-taken-over", f"{intake.path.name} has taken over "
                              f"{what}: {why}", refs[0] if n == 1 else "", out, old))
    return notices


def _held(intake: Intake, before: dict[Path, Taken], files: dict[Path, PostRow],
          marks: dict[str, str]) -> tuple[dict[Path, PostRow], dict[Path, str]]:
    """The staged posts, each whose folder another workbook in use built from the same
    answers (:func:`held_alike`) named by that workbook's kept answers instead: the build
    finds it unchanged and the post stays that workbook's (two workbooks alike would
    otherwise take it back and forth on every build), and what its row's result says;
    each such post's mark is added to ``marks`` (to record: :func:`_keep_record`): the
    sha256 of the answers its documents were built from, as its manifest records them."""
    named: dict[Path, PostRow] = {}
    notes: dict[Path, str] = {}
    for path, post in files.items():
        was = before.get(path)
        if was is not None and held_alike(was):
            if was.sha256 is not None:
                marks[post.reference] = was.sha256
            old = was.row.workbook
            notes[was.answers] = (f"{old.name} gives the same answers and keeps the post "
                                  f"(move it out of {old.parent}, or build "
                                  f"{intake.path.name} once with --force, to hand it over)")
            path = was.answers
        named[path] = post
    return named, notes


def build_workbook(path: Path, out: Path, progress: Callable[[PostResult], None] | None = None,
                   **kwargs: Any) -> tuple[Intake, Report]:
    """Build the documents of every row without errors; the others are reported failed,
    each with its line in the register. The register is written once, by the build,
    inside its one hold of the output lock (no other build can take the folder between
    the documents and the register)."""
    intake = check_rows(path, validate=False)  # each post is checked by the build itself
    if not intake.posts:  # nothing to build: the output folder is left as it was
        return intake, Report()
    files = _stage(intake, [p for p in intake.posts if p.ok], out)
    # after staging (the folder is this workbook's): removed rows whose documents are kept
    intake.gone = [ref for ref in removed_posts(out, path.stem, {p.reference.casefold()
                                                                for p in intake.posts})
                   if _still_ours(out, path.stem, ref)]
    results: dict[int, PostResult] = {}
    notices: list[Notice] = []
    shared = shared_base(intake)
    for post in intake.posts:
        if not post.ok:
            post.problems = with_slip(intake, post, as_named(intake, post, post.problems),
                                      shared)
            results[post.row.number] = failed = _result(intake, post, "failed")
            failed.message = next((str(p) for p in post.problems if p.rule == NO_BASE_FILE),
                                  ROW_ERRORS)
            if progress:
                progress(failed)
    by_row = {post.row.number: post for post in intake.posts}

    def at_cells(built: list[PostResult]) -> None:
        """The posts the build failed, each said at its row's cells, once."""
        for result in built:
            post = files.get(result.source)
            if post is not None and post.row.number not in results:
                _at_cells(intake, post, result, shared)
                results[post.row.number] = result

    def failures(built: list[PostResult]) -> list[dict[str, Any]]:
        """Every failed row's register line: the rows with errors of their own and the
        posts the build failed, at their cells (called by the build, inside its lock)."""
        at_cells(built)
        seen: Seen = {}  # each workbook's folder read once for all the rows
        return [failed_row(intake, by_row[n], result, out, seen, recorded, renamed)
                for n, result in sorted(results.items()) if result.status == "failed"]

    if intake.posts:  # every row failing still gives a register naming each one
        before = _other_workbooks(intake, out, files)
        known = {files[path].reference: was.sha256 for path, was in before.items()}
        marks: dict[str, str] = {}
        files, held = _held(intake, {} if kwargs.get("force") else before, files, marks)
        # recorded before the build, whose failed rows are said by them
        recorded, renamed = _keep_record(intake, out, files.values(), marks, known)
        report = build(list(files), out, failed_register_rows=failures, **kwargs)
        notices += report.notices  # an edited register kept aside, posts with no answers
        notices += _taken_over(intake, out, before, report.posts)
        at_cells(report.posts)  # each row said at its cells, even where no register was written
        failing = {n for n, result in results.items() if result.status == "failed"}
        notices = [*gone_notices(intake, out, renamed, failing), *notices]
        intake.problems += said_once(intake.book.name, [(p.row.number, p.problems)
                                                        for p in intake.posts])
        for built in report.posts:
            if built.source in held:
                built.message = "; ".join(filter(None, [built.message, held[built.source]]))
            built.source = row_source(intake, files[built.source])
            if progress:
                progress(built)
    return intake, Report(posts=[results[n] for n in sorted(results)], notices=notices)
