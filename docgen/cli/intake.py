"""``docgen intake new|read|write``: a programme of posts in one workbook, and
``docgen build``/``check`` given a workbook (called from :mod:`docgen.cli.build`)."""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from docgen.api import problem_dict
from docgen.api.workbooks import (
    CELL_NOTES,
    Intake,
    build_workbook,
    check_workbook,
    lock_name_problem,
    new_workbook,
    read_workbook,
    row_source,
    write_workbook,
)
from docgen.cli.output import (
    grouped_warnings,
    live_printer,
    notice_record,
    post_record,
    print_notices,
    summary_line,
)
from docgen.errors import DocgenError, Problem
from docgen.results import BuildReport, PostResult
from docgen.shellwords import make_folder_command, shell_path


def _clear(func: Callable[..., None]) -> Callable[..., None]:
    """A workbook docgen cannot read is ``error: …`` and exit 1, never a traceback."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            func(*args, **kwargs)
        except DocgenError as exc:
            _err(f"error: {exc}")
            sys.exit(1)
    return wrapper


def _err(text: str) -> None:
    click.echo(click.style(text, fg="red"), err=True)


def _line(p: Problem) -> str:
    text = str(p)
    if p.acknowledged and "(acknowledged)" not in text:  # one from a profile or base file
        text = text.replace(f"{p.severity}: ", f"{p.severity} (acknowledged): ", 1)
    return click.style(text, fg="red" if p.severity == "error" else "yellow")


def _book_problems(intake: Intake) -> None:
    for p in intake.problems:
        click.echo(_line(p), err=p.severity == "error")


def _failed_rows(intake: Intake, report: BuildReport | None = None) -> str:
    """The summary's tail: the rows that failed, and the workbook's own errors (a row of
    another sheet for no post, ...). Those are printed first, on stderr; said here too, a
    summary of "10 posts, 0 with errors" before exit 1 would contradict it. ``report``: a
    build's results, whose failures include rows without errors of their own (a document
    edited by hand, a post that could not be published), counted in "N failed" too."""
    failed = {str(p.source) for p in (report.posts if report else []) if p.status == "failed"}
    bad = [p for p in intake.posts
           if not p.ok or str(row_source(intake, p)) in failed]
    errors = [p for p in intake.problems if p.severity == "error"]
    tail = ""
    if bad:
        named = ", ".join(f"row {p.row.number}" + (f" ({p.reference})" if p.reference else "")
                          for p in bad[:10])
        more = f" and {len(bad) - 10} more" if len(bad) > 10 else ""
        tail = f"; failed: {named}{more}"
    if errors:
        where = list(dict.fromkeys(p.location or intake.path.name for p in errors))
        cells = ", ".join(where[:3])  # each place once (a sheet's heading row may hold several)
        more = f" and {len(where) - 3} more" if len(where) > 3 else ""
        tail += (f"; {len(errors)} error{'s' if len(errors) != 1 else ''} in the workbook "
                 f"outside the posts' rows (listed first): {cells}{more}")
    return tail


def _no_posts(intake: Intake, path: Path) -> None:
    """A workbook with no posts (and no error of its own) is an error (a data problem, not
    a usage one), as ``intake read`` says: a check or build that did nothing and exited 0
    looks like one that worked."""
    if (empty := intake.no_posts()) is None:
        return
    _book_problems(intake)  # what it says of the workbook (warnings) still stands
    raise DocgenError(empty)


def _rows_read(intake: Intake) -> list[PostResult]:
    """The rows read without errors, as a check's results."""
    return [PostResult(source=row_source(intake, p), status="checked",
                       reference=p.reference, problems=p.problems)
            for p in intake.posts if p.ok]


def _warning_lines(posts: list[PostResult]) -> list[str]:
    """Open warnings of many rows: a note about one cell (a hidden row, a percent format)
    in full at its cell, the rules' warnings one line per rule (:func:`grouped_warnings`)."""
    notes = [_line(p) for post in posts if post.status != "failed" for p in post.problems
             if p.rule in CELL_NOTES]
    rest = [replace(post, problems=[p for p in post.problems if p.rule not in CELL_NOTES])
            for post in posts]
    return notes + grouped_warnings(BuildReport(posts=rest))


def _refuse_existing(path: Path, force: bool) -> None:
    if (lock := lock_name_problem(path)) is not None:  # before "exists": it may, as a lock
        _err(f"error: {lock}")
        sys.exit(1)
    if path.exists() and not force:
        _err(f"error: {path} already exists; docgen never overwrites a workbook. Choose "
             "another name, or use --force")
        sys.exit(1)
    if not path.parent.is_dir():
        _err(f"error: {path.parent} does not exist; create it first or name another folder")
        sys.exit(1)
    if path.suffix.lower() != ".xlsx":
        _err(f"error: {path}: give a name ending in .xlsx, e.g. posts.xlsx")
        sys.exit(1)


@click.group("intake")
def intake_group() -> None:
    """A programme of posts in one workbook: one row per post.

    `docgen intake new posts.xlsx` writes an empty workbook with drop-downs and help
    on every column; `docgen intake read posts.xlsx` writes one answer file per row;
    `docgen intake write FOLDER posts.xlsx` puts existing answer files into a workbook.
    `docgen check posts.xlsx` and `docgen build posts.xlsx` take the workbook directly.
    """


@intake_group.command("new")
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace an existing workbook.")
@_clear
def new_cmd(workbook: Path, force: bool) -> None:
    """Write an empty programme workbook (WORKBOOK, .xlsx)."""
    _refuse_existing(workbook, force)
    new_workbook(workbook)
    click.echo(f"wrote {workbook}; fill in one row per post, then: docgen check "
               f"{shell_path(workbook)}")


@intake_group.command("read")
@click.argument("workbook", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--into", "into", type=click.Path(file_okay=False, path_type=Path),
              default=None, help="Folder for the answer files (default: the workbook's).")
@click.option("--force", is_flag=True, help="Replace answer files edited by hand (each "
              "edited copy is kept as _<name>.edited-1.yaml).")
@_clear
def read_cmd(workbook: Path, into: Path | None, force: bool) -> None:
    """Write or update one answer file per row of WORKBOOK."""
    folder = into if into is not None else workbook.parent
    # the folder named with --into (intake read posts.xlsx --into posts/) is made by the
    # read once the workbook has been read: a workbook refused leaves nothing behind
    to_make = into is not None and not into.exists() and into.parent.is_dir()
    if not to_make and not folder.is_dir():
        _err(f"error: {folder} does not exist; create it first "
             f"({make_folder_command(folder)})")
        sys.exit(1)
    result = read_workbook(workbook, folder, force)
    _book_problems(result.intake)
    for post in result.failed:
        name = post.reference or "no reference"
        kept = result.stale.get(post.row.number)
        still = f"; {kept} still holds the values read before" if kept else ""
        click.echo(click.style(f"FAILED row {post.row.number} ({name}): not written{still}",
                               fg="red", bold=True), err=True)
        for p in post.problems:
            click.echo("  " + _line(p), err=True)
    for line in _warning_lines(_rows_read(result.intake)):
        click.echo(line)
    for verb, files in (("wrote", result.written), ("updated", result.updated)):
        for f in files:
            click.echo(f"{verb} {f}")
    for old, copy in result.set_aside:
        click.echo(click.style(f"{old} had been edited by hand; kept it as {copy} and wrote "
                               "the workbook's version", fg="yellow"))
    for f, why in result.kept:
        click.echo(click.style(f"kept {f}: it {why}; not overwritten (use --force to write "
                               "the workbook's version and keep this one aside)", fg="yellow"))
    for note in result.notes:
        click.echo(click.style(f"note: {note}", fg="yellow"))
    for ref, f in result.removed:
        click.echo(click.style(f"{f}: post {ref} is no longer in {workbook.name}; the file is "
                               "kept (delete it if the post is dropped)", fg="yellow"))
    replaced = (f"{len(result.set_aside)} replaced (the edited copy kept aside), "
                if result.set_aside else "")  # --force: each row counted once, these too
    click.echo(f"{len(result.written)} written, {len(result.updated)} updated, {replaced}"
               f"{len(result.unchanged)} unchanged, {len(result.kept)} kept (edited by hand), "
               f"{len(result.failed)} failed{_failed_rows(result.intake)}")
    if result.not_applied:  # a script's `intake read && docgen build` must not build old values
        names = ", ".join(str(f) for f in result.not_applied)
        _err(f"error: the workbook's changes to {names} were not written (edited by hand); "
             "merge them by hand, or use --force")
    sys.exit(0 if result.intake.ok and not result.not_applied else 1)


@intake_group.command("write")
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.argument("workbook", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace an existing workbook.")
@_clear
def write_cmd(folder: Path, workbook: Path, force: bool) -> None:
    """Write the answer files in FOLDER into one workbook (WORKBOOK, .xlsx)."""
    _refuse_existing(workbook, force)
    count, problems = write_workbook(folder, workbook)
    for p in problems:
        _err(str(p))
    click.echo(f"wrote {workbook}: {count} post{'s' if count != 1 else ''}"
               + (f"; {len(problems)} problem(s) left files out" if problems else ""))
    sys.exit(1 if problems else 0)


def _json(intake: Intake, report: BuildReport, workbook: Path) -> str:
    """The run as JSON, one record per row; each problem also names its cell. What the
    workbook as a whole says (a column docgen does not read, a hidden column) is one more
    record of the documented shape: status ``notice``, kind ``workbook`` (it was a bare
    ``{"workbook": [...]}`` with no source or status, which readers of the list broke on)."""
    records = []
    for post in report.posts:
        record = post_record(post)
        for data, p in zip(record["problems"], post.problems, strict=True):
            data["cell"] = getattr(p, "cell", None) or data["file"]
        records.append(record)
    records += [notice_record(n) for n in report.notices]
    if intake.problems:
        problems = []
        for p in intake.problems:
            data = problem_dict(p)
            data["cell"] = getattr(p, "cell", None) or data["file"]
            problems.append(data)
        errors = sum(p.severity == "error" for p in intake.problems)
        records.append({"source": str(workbook), "reference": None, "status": "notice",
                        "kind": "workbook", "path": None, "outputs": [], "problems": problems,
                        "message": f"the workbook as a whole: {len(problems)} problem"
                                   f"{'s' if len(problems) != 1 else ''}, {errors} "
                                   f"error{'s' if errors != 1 else ''}"})
    return json.dumps(records, indent=2, ensure_ascii=False)


@_clear
def check_book(path: Path, as_json: bool = False) -> None:
    """``docgen check posts.xlsx``: every row's problems at their cells."""
    intake, report = check_workbook(path)
    _no_posts(intake, path)
    if as_json:
        click.echo(_json(intake, report, path))
        sys.exit(0 if intake.ok else 1)
    _book_problems(intake)
    for post in report.posts:
        head = (f"{'FAILED' if post.status == 'failed' else 'checked'} {post.reference} "
                f"({post.source})" if post.reference else
                f"{'FAILED' if post.status == 'failed' else 'checked'} (no reference) "
                f"{post.source}")
        click.echo(click.style(head, fg="red", bold=True) if post.status == "failed" else head)
        for p in post.problems:
            click.echo("  " + _line(p))
    failed = report.count("failed")
    click.echo(f"{len(report.posts)} post{'s' if len(report.posts) != 1 else ''}, {failed} with "
               f"errors{_failed_rows(intake)}")
    sys.exit(0 if intake.ok else 1)


@_clear
def build_book(path: Path, out: str, verbosity: int, as_json: bool = False,
               **kwargs: object) -> None:
    """``docgen build posts.xlsx``: the documents of every row without errors."""
    started = time.monotonic()
    show = None if as_json else live_printer(verbosity, True)
    intake, report = build_workbook(path, out, progress=show, **kwargs)
    _no_posts(intake, path)
    if as_json:
        click.echo(_json(intake, report, path))
        sys.exit(0 if report.ok and intake.ok else 1)
    _book_problems(intake)
    for line in _warning_lines(report.posts):
        click.echo(line)
    print_notices(report)  # rows removed, an edited register kept, posts with no answers
    click.echo(summary_line(report, time.monotonic() - started, [])
               + _failed_rows(intake, report))
    sys.exit(0 if report.ok and intake.ok else 1)


__all__ = ["build_book", "check_book", "intake_group"]
