"""The ``docgen`` command: a thin layer over :mod:`docgen.build`.

Exit codes: 0 success; 1 when any answer file has errors (or a build failed);
2 for usage errors (unknown option, missing path).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .build import PostResult, Report, build, check, expand_paths
from .errors import DocgenError, Problem

PATHS_HELP = "Answer files, folders of answer files, or globs. Default: inputs/"


def _paths(paths: tuple[str, ...]) -> list[str]:
    return list(paths) or ["inputs"]


def _problem_line(p: Problem) -> str:
    if p.severity == "error":
        return click.style(str(p), fg="red")
    tag = " (acknowledged: " + p.acknowledged + ")" if p.acknowledged else ""
    label = f"[{p.rule}] " if p.rule else ""
    return click.style(f"{p.location}: warning {label}{p.key}: {p.message}{tag}", fg="yellow")


def _print_post(post: PostResult, verb: str) -> None:
    name = post.reference or str(post.source)
    if post.status in ("built", "checked"):
        click.echo(f"{verb} {name} ({post.source})")
        for out in post.outputs:
            click.echo(f"  wrote {out}")
    elif post.status == "skipped":
        click.echo(f"skipped {name}: {post.message}")
    else:
        where = f" ({post.source})" if post.reference else ""
        click.echo(click.style(f"FAILED {name}{where}", fg="red", bold=True), err=True)
    for p in post.problems:
        click.echo("  " + _problem_line(p), err=p.severity == "error")
    if post.status == "failed" and post.message:
        click.echo("  " + click.style(post.message, fg="red"), err=True)


def _print_report(report: Report, verb: str) -> None:
    for post in report.posts:
        _print_post(post, verb)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="docgen")
def cli() -> None:
    """Write the agreement, contract and joint job specification for a shared post.

    An answer file (YAML, see SPEC.md) describes one post shared between public
    bodies; docgen validates it, checks it against good practice for joint
    appointments and writes three Word documents for legal review.
    """


@cli.command("build")
@click.argument("paths", nargs=-1)
@click.option("--out", "out", default="build", show_default=True, type=click.Path(),
              help="Output folder; each post gets <out>/<reference>/.")
@click.option("--clauses", "overlays", multiple=True, type=click.Path(file_okay=False),
              help="A folder of your own clause files laid over the standard library "
                   "(repeatable).")
@click.option("--force", is_flag=True,
              help="Rebuild every post, and overwrite documents even if edited by hand.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for a batch. Default: the number of cores.")
@click.option("--format", "formats", default="docx", show_default=True,
              help="Comma-separated outputs: docx, pdf (LibreOffice), md, html (review "
                   "copies with clause numbers).")
@click.option("--verify/--no-verify", default=True, show_default=True,
              help="Read each document back and check it against the answer file before "
                   "writing it.")
def build_cmd(paths: tuple[str, ...], out: str, overlays: tuple[str, ...], force: bool,
              jobs: int | None, formats: str, verify: bool) -> None:
    """Build the documents for answer files (PATHS; default: inputs/).

    Writes <out>/<reference>/<reference>-agreement.docx, -contract.docx and
    -job-spec.docx (those listed in `documents`) and a manifest.json, and
    <out>/register.csv and register.xlsx for the whole programme. Posts whose
    answer file, clauses and templates are unchanged since the last build are
    skipped (--force rebuilds them).
    """
    try:
        files = expand_paths(_paths(paths))
    except DocgenError as exc:
        raise click.UsageError(str(exc)) from None
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in formats.split(",") if f.strip()))
    unknown = set(chosen) - {"docx", "pdf", "md", "html"}
    if unknown or not chosen:
        raise click.BadParameter(f"unknown format(s) {', '.join(sorted(unknown)) or '(none)'}; "
                                 "choose from docx, pdf, md, html", param_hint="--format")
    tty = sys.stdout.isatty()
    kwargs = dict(overlays=[Path(o) for o in overlays], force=force, jobs=jobs,
                  formats=chosen, verify=verify)
    if tty and len(files) > 1:
        with click.progressbar(length=len(files), label="Building", file=sys.stderr) as bar:
            report = build(files, out, progress=lambda _: bar.update(1), **kwargs)
        _print_report(report, "built")
    else:
        report = build(files, out, progress=lambda post: _print_post(post, "built"), **kwargs)
    built, failed = report.count("built"), report.count("failed")
    click.echo(f"{built} built, {report.count('skipped')} skipped, {failed} failed")
    for post in report.posts:
        if post.status == "failed":
            reason = post.message or (str(post.errors[0]) if post.errors else "")
            click.echo(click.style(f"  failed: {post.source}: {reason}", fg="red"), err=True)
    sys.exit(0 if report.ok else 1)


@cli.command("check")
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="A readable table, or JSON for tools.")
def check_cmd(paths: tuple[str, ...], fmt: str) -> None:
    """Validate answer files and run the good-practice rules; write nothing.

    Exit 1 when any file has errors (warnings alone exit 0); `docgen rules`
    lists the rules.
    """
    from .commands_rules import format_json, format_table

    try:
        report = check(_paths(paths))
    except DocgenError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(format_json(report) if fmt == "json" else format_table(report))
    sys.exit(0 if report.ok else 1)


@cli.group("clauses")
def clauses_group() -> None:
    """Inspect and check the clause library (built-in wording plus your overlays)."""


OVERLAY_OPTION = click.option(
    "--clauses", "overlays", multiple=True, type=click.Path(file_okay=False, exists=True),
    help="Overlay folder of your own clause files (repeatable).")


@clauses_group.command("list")
@OVERLAY_OPTION
def clauses_list(overlays: tuple[str, ...]) -> None:
    """List every clause: id, version, documents, condition and title."""
    from .clauses import load_library

    lib = load_library([Path(o) for o in overlays])
    rows = sorted(lib.clauses.values(), key=lambda c: (c.documents[0], c.order, c.id))
    width = max(len(c.id) for c in rows)
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
    from .clauses import load_library

    lib = load_library([Path(o) for o in overlays])
    c = lib.clauses.get(clause_id)
    if c is None:
        d = lib.definitions.get(clause_id)
        if d is None:
            import difflib

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
    from .clause_lint import lint
    from .clauses import BUILTIN_DIR

    files = [Path(e) for e in examples] or sorted((BUILTIN_DIR.parent / "inputs").glob("*.yaml"))
    issues = lint([Path(o) for o in overlays], files)
    for issue in issues:
        click.echo(click.style(str(issue), fg="red"))
    click.echo(f"{len(issues)} problem(s)" if issues else "clause library OK")
    sys.exit(1 if issues else 0)


def _register_commands() -> None:
    """Commands that live beside the feature they drive (rules, review outputs)."""
    from . import commands_review, commands_rules

    commands_rules.register(cli)
    commands_review.register(cli)


_register_commands()


def main() -> None:
    try:
        cli.main(prog_name="docgen")
    except DocgenError as exc:  # a library or template problem: no traceback
        click.echo(click.style(f"error: {exc}", fg="red"), err=True)
        sys.exit(1)
