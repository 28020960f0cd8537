"""``docgen clauses list|show|lint``: inspect and check the clause library."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

import click

from docgen.clauses.library import load_library
from docgen.clauses.lint import lint
from docgen.resources import BUILTIN_EXAMPLES


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
    lib = load_library([Path(o) for o in overlays])
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
    lib = load_library([Path(o) for o in overlays])
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
    files = [Path(e) for e in examples] or sorted(BUILTIN_EXAMPLES.glob("*.yaml"))
    issues = lint([Path(o) for o in overlays], files)
    for issue in issues:
        click.echo(click.style(str(issue), fg="red"))
    click.echo(f"{len(issues)} problem(s)" if issues else "clause library OK")
    sys.exit(1 if issues else 0)


