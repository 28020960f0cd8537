"""``docgen build`` and ``docgen check``."""

from __future__ import annotations

import glob
import importlib
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import click

from docgen.api import (
    answer_files,
    build,
    check_files,
    is_workbook,
    named_clause_files,
    require_clauses,
    sheet_text_problem,
)
from docgen.cli import Refused
from docgen.cli.output import (
    NORMAL,
    QUIET,
    VERBOSE,
    _paths,
    grouped_warnings,
    is_terminal,
    live_printer,
    named_folder,
    print_not_posts,
    print_notices,
    print_post,
    problem_line,
    report_json,
    sources_lines,
    summary_line,
)
from docgen.errors import DocgenError
from docgen.results import BuildReport, NotAPost, PostResult
from docgen.shellwords import shell_path


def _require_tools(formats: tuple[str, ...]) -> None:
    """Refuse at once when a format asked for cannot be made here (pandoc for md and html,
    LibreOffice for pdf): found only after every post was rendered, it failed them all."""
    if not set(formats) - {"docx"}:
        return  # Word alone needs nothing more (and loads nothing more)
    missing: list[str] = importlib.import_module("docgen.api.files").missing_tools(formats)
    if missing:
        asked = ",".join(f for f in formats if f != "docx")
        raise Refused("\n".join([f"--format {asked}: nothing was built, as this computer "
                                 "cannot make every format asked for:",
                                 *(f"  {why}" for why in missing)]))


def _find(paths: tuple[str, ...], command: str) -> tuple[list[Path], list[NotAPost]]:
    for raw in _paths(paths):  # said here, so the example names the command that was run
        if is_workbook(raw) or Path(raw).exists() or Path(raw).is_symlink():
            continue  # a workbook missing is said by _workbook, which runs first
        if not glob.glob(raw, recursive=True):  # the words are discover's (one home)
            raise click.UsageError(importlib.import_module("docgen.api.files")
                                   .no_answer_path(raw, command))
    try:
        files, left_out = answer_files(_paths(paths))
    except DocgenError as exc:  # a folder with no answer files: a data problem, not usage,
        raise click.ClickException(str(exc)) from None  # so exit 1, no Usage banner
    return files, [NotAPost(path, reason) for path, reason in left_out]


def _workbook(paths: tuple[str, ...]) -> Path | None:
    """The programme workbook named instead of answer files, if any (one, alone)."""
    books = [p for p in paths if is_workbook(p)]
    sheets = [(p, why) for p in books if (why := sheet_text_problem(p)) is not None]
    if sheets and len(paths) > 1:  # not "name one workbook alone": it is no workbook
        raise click.ClickException(f"{Path(sheets[0][0]).name}: {sheets[0][1]}")
    if books and len(paths) > 1:
        raise click.UsageError("name one workbook alone (docgen build posts.xlsx), or answer "
                               "files and folders")
    if books and not (Path(books[0]).exists() or Path(books[0]).is_symlink()):
        # a missing path is a usage error (exit 2), as for answer files and folders
        raise click.UsageError(f"no workbook at '{books[0]}'")
    return Path(books[0]) if books else None


def _report_tables() -> ModuleType:
    """The module that prints a check's report (:mod:`docgen.cli.rules`), loaded when a
    check prints one: a build never does."""
    return importlib.import_module("docgen.cli.rules")


def _intake() -> ModuleType:
    """The workbook commands' module, loaded as the command group loads each command's
    (:class:`docgen.cli.Commands`): a build of answer files never loads the intake."""
    return importlib.import_module("docgen.cli.intake")


def _roots(paths: tuple[str, ...], project: str | None, files: list[Path]) -> list[str]:
    """The project folders: those named, and ``--project`` (which must hold every post)."""
    if project is None:
        return _paths(paths)
    if any(is_workbook(p) for p in paths):
        raise click.UsageError("--project is for answer files; a workbook's project is its "
                               "own folder")
    top = Path(project).resolve()
    for file in files:
        if not file.resolve().is_relative_to(top):
            raise click.BadParameter(
                f"{project} does not hold {file}; name a folder that holds the posts and "
                f"their organisations/ folder, e.g. --project {shell_path(file.parent)}",
                param_hint="--project")
    return [*_paths(paths), project]


def project_help(command: str) -> str:
    return (f"The project folder of the posts named, when it is above them (docgen {command} "
            "--project . hr/post.yaml): its organisations/ profiles are used, and extends "
            "and clauses may reach it.")


def _verbosity(quiet: bool, verbose: bool) -> int:
    if quiet and verbose:
        raise click.UsageError("choose one of -q/--quiet and -v/--verbose")
    return QUIET if quiet else VERBOSE if verbose else NORMAL


@click.command("build")
@click.argument("paths", nargs=-1)
@click.option("--out", "out", default="build", show_default=True, type=click.Path(),
              callback=named_folder, help="Output folder; each post gets <out>/<reference>/.")
@click.option("--clauses", "overlays", multiple=True,
              type=click.Path(exists=True, file_okay=False),
              help="A folder of your own clause files laid over the standard library "
                   "(repeatable).")
@click.option("--project", type=click.Path(exists=True, file_okay=False),
              help=project_help("build"))
@click.option("--force", is_flag=True,
              help="Rebuild every post, and overwrite documents even if edited by hand.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for a batch. Default: the number of cores, plus one, "
                   "each with three posts or more (fewer than six posts: built in one process).")
@click.option("--format", "formats", default="docx", show_default=True,
              help="Comma-separated outputs: docx, pdf (LibreOffice), md, html (review "
                   "copies with clause numbers).")
@click.option("--verify/--no-verify", default=True, show_default=True,
              help="Read each document back and check it against the answer file before "
                   "writing it.")
@click.option("--wait", "wait", type=click.FloatRange(min=0), default=0, show_default=True,
              help="Seconds to wait for another build writing to the same --out.")
@click.option("--quiet", "-q", is_flag=True,
              help="Print only posts that failed, open warnings, and the summary.")
@click.option("--verbose", "-v", is_flag=True,
              help="Print every post, every file written and every warning in full.")
@click.option("--json", "as_json", is_flag=True,
              help="Print one JSON record per post (source, reference, status, outputs, "
                   "problems) instead of text.")
def build_cmd(paths: tuple[str, ...], out: str, overlays: tuple[str, ...],
              project: str | None, force: bool, jobs: int | None, formats: str, verify: bool,
              wait: float, quiet: bool, verbose: bool, as_json: bool) -> None:
    """Build the documents for answer files (PATHS; default: inputs/), or for every row
    of a programme workbook (`docgen build posts.xlsx`).

    Writes <out>/<reference>/<reference>-agreement.docx, -contract.docx and
    -job-spec.docx (those listed in `documents`) and a manifest.json, and
    <out>/register.csv and register.xlsx for the whole programme. Posts whose
    answer file, clauses and templates are unchanged since the last build are
    skipped (--force rebuilds them).

    On a terminal a batch shows a progress bar, then the posts that need
    attention and a one-line summary; in a log, one line per post.
    """
    verbosity = _verbosity(quiet, verbose)
    workbook = _workbook(paths)  # before _find: a workbook missing is said as check says it
    files, not_posts = _find(paths, "build")
    clause_files, not_posts = named_clause_files(_paths(paths), not_posts)
    roots = _roots(paths, project, files)
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in formats.split(",") if f.strip()))
    unknown = set(chosen) - {"docx", "pdf", "md", "html"}
    if unknown or not chosen:
        raise click.BadParameter(f"unknown format(s) {', '.join(sorted(unknown)) or '(none)'}; "
                                 "choose from docx, pdf, md, html", param_hint="--format")
    _require_tools(chosen)
    kwargs: dict[str, Any] = dict(overlays=[Path(o) for o in overlays], force=force, jobs=jobs,
                  formats=chosen, verify=verify, wait=wait)
    if workbook is not None:
        _intake().build_book(workbook, out, verbosity, as_json, **kwargs)
    kwargs["roots"] = roots  # the folders named are project roots, not their files
    started = time.monotonic()
    batch = len(files) > 1
    # a clause file named: nothing to build, but checked, as a profile named is (exit 1 on
    # errors), in check's words
    linted = _clauses().check_clause_files(clause_files) if clause_files else []
    clauses_ok = all(c.status == "checked" for c in linted)
    try:
        if as_json:
            report = build(files, out, **kwargs) if files else BuildReport()
            report.posts += linted
            click.echo(report_json(report, not_posts))
            sys.exit(0 if report.ok else 1)
        print_not_posts(not_posts)
        if linted:  # (the clause commands' module loaded only then: start-up)
            _clauses().print_clause_checks(linted)
        if batch and verbosity == NORMAL and is_terminal():
            report = _with_bar(files, out, kwargs)
            for post in report.posts:  # and a profile named, saying what it is
                if post.status in ("failed", "checked"):
                    print_post(post, verbosity, warnings=False)
        else:
            show, shown_failed = live_printer(verbosity, batch), set()
            said: dict[Path, int] = {}  # the problems each post had when it was shown

            def progress(post: PostResult) -> None:
                show(post)
                said[post.source] = len(post.problems)
                if post.status == "failed":
                    shown_failed.add(post.source)
            report = build(files, out, progress=progress, **kwargs) if files else BuildReport()
            # a post can fail after it was shown, when its PDF or review copy cannot be made
            for post in report.posts:
                if post.status == "failed" and post.source not in shown_failed:
                    print_post(post, verbosity, warnings=False)
                elif not batch or verbosity >= VERBOSE:  # (a batch's are grouped below)
                    _said_late(post, said.get(post.source, len(post.problems)))
    except DocgenError as exc:
        raise click.ClickException(str(exc)) from None
    if batch and verbosity < VERBOSE:
        for line in grouped_warnings(report):
            click.echo(line)
    print_notices(report)
    if files or not linted:  # (clause files alone: their own lines say it, as for check)
        click.echo(summary_line(report, time.monotonic() - started, not_posts, linted))
    sys.exit(0 if report.ok and clauses_ok else 1)


def _said_late(post: PostResult, shown: int) -> None:
    """The warnings the batch gave a post after it was shown, each in full: the copies an
    earlier build made in a format this one was not asked for, which its rebuild removed
    (known once every post's set is switched in)."""
    for p in post.problems[shown:]:
        if p.severity == "warning" and not p.acknowledged:
            click.echo("  " + problem_line(p))


def _with_bar(files: list[Path], out: str, kwargs: dict[str, Any]) -> BuildReport:
    """Build with one progress bar on standard error (labelled with the post just done)."""
    def label(post: PostResult | None) -> str:
        return post.reference or post.source.name if post else ""

    with click.progressbar(length=len(files), label="Building", file=sys.stderr,
                           item_show_func=label, show_pos=True) as bar:
        def advance(post: PostResult) -> None:
            bar.current_item = post
            bar.update(1)
        return build(files, out, progress=advance, **kwargs)


@click.command("check")
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="A readable table, or JSON for tools (same as --json).")
@click.option("--json", "as_json", is_flag=True,
              help="One JSON record per answer file (source, reference, status, problems).")
@click.option("--project", type=click.Path(exists=True, file_okay=False),
              help=project_help("check"))
@click.option("--verbose", "-v", is_flag=True,
              help="Also say where each value came from: the answer file, an extends base "
                   "or an organisation profile (file and line).")
def check_cmd(paths: tuple[str, ...], fmt: str, as_json: bool, project: str | None,
              verbose: bool) -> None:
    """Validate answer files (or a programme workbook's rows) and run the good-practice
    rules; write nothing.

    Exit 1 when any file has errors (warnings alone exit 0); `docgen rules`
    lists the rules.
    """
    require_clauses()  # a check that passes without the clauses would promise too much
    workbook = _workbook(paths)
    if workbook is not None:
        _roots(paths, project, [])  # --project with a workbook is refused, as by build
        _intake().check_book(workbook, as_json or fmt == "json")
    files, not_posts = _find(paths, "check")
    clause_files, not_posts = named_clause_files(_paths(paths), not_posts)
    report = check_files(files, roots=_roots(paths, project, files)) if files else BuildReport()
    linted = _clauses().check_clause_files(clause_files) if clause_files else []
    if as_json or fmt == "json":
        report.posts += linted  # a record each, as a profile named has
        click.echo(_report_tables().format_json(report, not_posts))
    else:
        print_not_posts(not_posts)
        if linted:
            _clauses().print_clause_checks(linted)
        table = _report_tables().format_table(report, more=sources_lines if verbose else None,
                                              clauses=linted, profiles=_profiles(report),
                                              not_posts=len(not_posts))
        if table or not linted:
            click.echo(table)
    sys.exit(0 if report.ok and all(c.status == "checked" for c in linted) else 1)


def _profiles(report: BuildReport) -> set[Path]:
    """The organisation profiles among the files checked, counted in the summary as
    profiles (:func:`docgen.api.files.is_profile`; its module loaded only when a file
    checked has no reference, so never for a check of posts that could be read)."""
    maybe = [post for post in report.posts if not post.reference and not post.rules_pending]
    if not maybe:
        return set()
    is_profile = importlib.import_module("docgen.api.files").is_profile
    return {post.source for post in maybe if is_profile(post)}


def _clauses() -> ModuleType:
    """The clause commands' module (:mod:`docgen.cli.clauses`), loaded when a clause file
    is named to check: a check of answer files never loads the clause lint."""
    return importlib.import_module("docgen.cli.clauses")
