"""``docgen clauses list|show|lint|export|import``: inspect and check the clause library,
and edit its wording in Word (the clause book); the work is :mod:`docgen.api.clauses`."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from docgen.api.clause_files import check_clause_files as check_clause_files  # (check's)
from docgen.api.clauses import (
    DOCUMENT_KINDS,
    DOCUMENT_NAMES,
    clause_library,
    export_clause_book,
    import_clause_book,
    lint_clauses,
    save_clause_overlays,
)
from docgen.api.files import save
from docgen.errors import DocgenError
from docgen.results import PostResult
from docgen.shellwords import shell_path


@click.group("clauses")
def clauses_group() -> None:
    """Inspect and check the clause library (built-in wording plus your overlays)."""


OVERLAY_OPTION = click.option(
    "--clauses", "overlays", multiple=True, type=click.Path(file_okay=False, exists=True),
    help="Overlay folder of your own clause files (repeatable).")


@clauses_group.command("list")
@OVERLAY_OPTION
def clauses_list(overlays: tuple[str, ...]) -> None:
    """List every clause: id, version, documents, condition and title."""
    lib = clause_library(overlays)
    rows = sorted(lib.clauses.values(), key=lambda c: (c.documents[0], c.order, c.id))
    width = max((len(c.id) for c in rows), default=2)
    click.echo(f"{'id':<{width}}  ver  {'documents':<27}  condition / title")
    for c in rows:
        mark = " (overlay)" if c.overlay else ""
        click.echo(f"{c.id:<{width}}  {c.version:>3}  {','.join(c.documents):<27}  "
                   f"{c.title}{mark}" + (f"  [when: {c.when}]" if c.when else ""))
    click.echo(f"{len(rows)} clauses, {len(lib.definitions)} defined terms")


@clauses_group.command("show")
@click.argument("clause_id")
@OVERLAY_OPTION
def clauses_show(clause_id: str, overlays: tuple[str, ...]) -> None:
    """Show one clause (or defined term): its metadata, source file and wording."""
    lib = clause_library(overlays)
    c = lib.clauses.get(clause_id)
    if c is None:
        d = lib.definitions.get(clause_id)
        if d is None:
            close = difflib.get_close_matches(clause_id, list(lib.clauses), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise click.UsageError(f"no clause or defined term '{clause_id}'{hint}")
        click.echo(f"term:      {d.term}\nversion:   {d.version}\n"
                   f"documents: {', '.join(d.documents)}\nfile:      {d.source}\n\n{d.text}")
        return
    click.echo(f"id:        {c.id}\ntitle:     {c.title}\nversion:   {c.version}\n"
               f"documents: {', '.join(c.documents)}\norder:     {c.order}\n"
               f"condition: {c.when or 'always'}\nfile:      {c.source}\n"
               f"sha256:    {c.content_hash}\n\n{c.text}")


@clauses_group.command("lint")
@OVERLAY_OPTION
@click.option("--examples", multiple=True, type=click.Path(exists=True),
              help="Answer files to render every document with (default: inputs/*.yaml).")
def clauses_lint(overlays: tuple[str, ...], examples: tuple[str, ...]) -> None:
    """Check the library: undefined or unused terms, broken references, unknown variables,
    bad conditions, duplicate ids, and rendering against example answer files."""
    found = lint_clauses(overlays, examples or None)
    issues = print_lint([(str(i), i.warning) for i in found])
    click.echo(f"{issues} problem(s)" if issues else "clause library OK")
    sys.exit(1 if issues else 0)


def print_lint(found: Sequence[tuple[str, bool]]) -> int:
    """What a lint found, as ``clauses lint`` prints it (each problem in red, then each
    warning in yellow), and how many problems (warnings never fail it)."""
    issues = [text for text, warning in found if not warning]
    for text in issues:
        click.echo(click.style(text, fg="red"))
    for text, warning in found:
        if warning:  # ordinary English may use the words: shown, never a failure
            click.echo(click.style(f"warning: {text}", fg="yellow"))
    return len(issues)


@clauses_group.command("export")
@click.argument("book", type=click.Path(dir_okay=False))
@click.option("--document", "kind", type=click.Choice(DOCUMENT_KINDS), default="agreement",
              show_default=True, help="Which document's clauses the book holds.")
@OVERLAY_OPTION
@click.option("--force", is_flag=True, help="Replace BOOK if it exists (it may hold edits).")
def clauses_export(book: str, kind: str, overlays: tuple[str, ...], force: bool) -> None:
    """Write a clause book: one Word document with every clause of a document, for
    lawyers to edit in Word (fields and conditions shown as highlighted markers)."""
    path = Path(book)
    if path.suffix.lower() != ".docx":
        raise click.UsageError(f"{book}: a clause book is a Word document; name it "
                               "something.docx")
    if path.exists() and not force:
        raise click.ClickException(f"{book} already exists and may hold a lawyer's edits; "
                                   "choose another name, or add --force to replace it")
    try:
        data = export_clause_book(kind, overlays)
    except DocgenError as exc:
        raise click.ClickException(str(exc)) from None
    if not path.parent.is_dir():
        raise click.ClickException(f"{book}: the folder {path.parent} does not exist; make it "
                                   "first, or write the book somewhere else")
    save(path, data)
    click.echo(f"wrote {book}: the {DOCUMENT_NAMES[kind]}'s clauses; after editing, "
               f"read it back with: docgen clauses import {shell_path(book)} --into FOLDER")


@clauses_group.command("import")
@click.argument("book", type=click.Path(dir_okay=False, exists=True))
@click.option("--into", "into", required=True, type=click.Path(file_okay=False),
              help="Overlay folder to write the changed clauses to (made if missing).")
@OVERLAY_OPTION
@click.option("--force", is_flag=True,
              help="Replace clauses whose files were changed since the book was exported "
                   "and which the book changes too (refused otherwise).")
def clauses_import(book: str, into: str, overlays: tuple[str, ...], force: bool) -> None:
    """Read an edited clause book and write an overlay file for each clause whose wording
    changed (version raised, with a note); nothing is written if anything is wrong. A clause
    file changed since the book was exported is never overwritten without --force."""
    try:
        plan = import_clause_book(book, into, overlays, force=force)
    except DocgenError as exc:
        raise click.ClickException(f"{exc}\nnothing was written") from None
    result = plan.found
    changed = result.overlays
    for kept in result.kept:
        click.echo(kept)
    for typed in result.warnings:
        click.echo(click.style(f"warning: {typed}", fg="yellow"))
    if not changed:
        if result.already:
            click.echo(f"{book}: its changes ({', '.join(result.already)}) are already "
                       "in the clause folders; nothing written")
        else:
            click.echo(f"{book}: no clause changed; nothing written")
        return
    if plan.problem is not None:
        raise click.ClickException(f"{plan.problem}\nnothing was written")
    save_clause_overlays(plan)
    for o in changed:
        click.echo(f"{o.id}: version {o.data['version']} ({o.note})")
    for warning in plan.lost:
        click.echo(click.style(f"warning: {warning}; a build with these clauses will stop "
                               "here", fg="yellow"))
    folder = shell_path(into)
    click.echo(f"wrote {len(plan.files)} clause file(s) to {into}; build with: docgen build "
               f"--clauses {folder} …, and check with: docgen clauses lint --clauses {folder}")


# --- a clause file named to docgen check (linted by docgen.api.clause_files) ---------------


def print_clause_checks(results: Sequence[PostResult]) -> None:
    """Each clause file ``docgen check`` linted: its findings as ``clauses lint`` prints
    them, then a line saying it was checked as a clause file, and what it is."""
    for result in results:
        issues = print_lint([(p.message, p.severity == "warning") for p in result.problems])
        said = f"{issues} problem(s)" if issues else "no problems"
        click.echo(f"{result.source}: {said}; {result.message}")
