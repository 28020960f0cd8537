"""``docgen build`` and ``docgen check``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from docgen.clauses.library import require_library
from docgen.cli.output import _paths, _print_post, _print_report
from docgen.cli.rules import format_json, format_table
from docgen.errors import DocgenError
from docgen.publish.batch import build, check, expand_paths


@click.command("build")
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
@click.option("--wait", "wait", type=click.FloatRange(min=0), default=0, show_default=True,
              help="Seconds to wait for another build writing to the same --out.")
def build_cmd(paths: tuple[str, ...], out: str, overlays: tuple[str, ...], force: bool,
              jobs: int | None, formats: str, verify: bool, wait: float) -> None:
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
                  formats=chosen, verify=verify, wait=wait)
    try:
        if tty and len(files) > 1:
            with click.progressbar(length=len(files), label="Building", file=sys.stderr) as bar:
                report = build(files, out, progress=lambda _: bar.update(1), **kwargs)
            _print_report(report, "built")
        else:
            report = build(files, out, progress=lambda post: _print_post(post, "built"),
                           **kwargs)
    except DocgenError as exc:
        raise click.ClickException(str(exc)) from None
    built, failed = report.count("built"), report.count("failed")
    click.echo(f"{built} built, {report.count('skipped')} skipped, {failed} failed")
    for post in report.posts:
        if post.status == "failed":
            reason = post.message or (str(post.errors[0]) if post.errors else "")
            click.echo(click.style(f"  failed: {post.source}: {reason}", fg="red"), err=True)
    sys.exit(0 if report.ok else 1)


@click.command("check")
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="A readable table, or JSON for tools.")
def check_cmd(paths: tuple[str, ...], fmt: str) -> None:
    """Validate answer files and run the good-practice rules; write nothing.

    Exit 1 when any file has errors (warnings alone exit 0); `docgen rules`
    lists the rules.
    """
    require_library()  # a check that passes without the clauses would promise too much
    try:
        report = check(_paths(paths))
    except DocgenError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(format_json(report) if fmt == "json" else format_table(report))
    sys.exit(0 if report.ok else 1)


