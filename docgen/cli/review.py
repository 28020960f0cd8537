"""CLI commands for review outputs (``docgen compare``, ``docgen verify``).

Both are thin: they call :func:`docgen.api.compare` and :func:`docgen.api.verify`.
Library errors become ``click.ClickException`` (exit 1, one clear line) so the
commands behave the same from the console script and from ``CliRunner``; the redline
extra missing is a usage error (exit 2), as a ``--format`` this computer cannot make is.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
from pathlib import Path
from typing import Any

import click

from docgen.api import COMPARE_AUTHOR as AUTHOR
from docgen.api import compare, verify
from docgen.api.files import install_hint
from docgen.cli import Refused
from docgen.errors import DocgenError


class _DateOption(click.DateTime):
    """click's DateTime, said in words: its own error lists strptime formats
    ('%Y-%m-%d', ...), which mean nothing to the person typing the date."""

    name = "date"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(f"'{value}' is not a date docgen can read; write a date as YYYY-MM-DD, "
                      "for example 2027-03-01 (a time in UTC may follow: 2027-03-01T14:30:00)",
                      param, ctx)


@click.command("compare")
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out", default=str(Path("build") / "compare"), show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the redline documents.")
@click.option("--author", default=AUTHOR, show_default=True,
              help="The author Word shows for every change.")
@click.option("--date", "date", default=None,
              type=_DateOption(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]),
              help="Date (and time, UTC) of the changes, e.g. 2027-03-01. Default: now.")
@click.option("--force", is_flag=True,
              help="Replace redlines in --out that were edited since docgen wrote them "
                   "(each edited copy is kept as <name>.edited-1.docx).")
def compare_cmd(old: Path, new: Path, out: Path, author: str, date: dt.datetime | None,
                force: bool) -> None:
    """Redline OLD against NEW as Word tracked changes.

    OLD and NEW are two answer files (each is built afresh and every document
    both produce is compared) or two .docx files. Writes
    <reference>-agreement-redline.docx etc. into --out (two documents of
    different kinds: <old>-vs-<new>-redline.docx, so a real redline is never
    replaced). Two inputs that read the same are still written, with a note
    "no differences" (exit 0). Each change is
    dated with the time of the comparison (or --date) and by --author. A
    redline edited since docgen wrote it is not replaced without --force.
    """
    _require_redlines()
    if date is not None:
        date = date.replace(tzinfo=dt.UTC)
    notes: list[str] = []
    try:
        written = compare(old, new, out, notes, author=author, date=date, force=force)
    except DocgenError as exc:
        raise click.ClickException(str(exc)) from None
    for note in notes:
        click.echo(click.style(note, fg="yellow"), err=True)
    for path in written:
        click.echo(f"wrote {path}")


def _require_redlines() -> None:
    """Refuse before either input is read when the redline extra is not installed: what
    this computer cannot do, as ``build --format md`` without pandoc is refused (exit 2)."""
    try:
        importlib.import_module("python_redlines")  # the optional extra's package
    except ImportError:
        raise Refused("comparing documents needs python-redlines (the redline extra): "
                      f"{install_hint('redline')}") from None


@click.command("verify")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--answers", "answers", default=None,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The answer file the documents were built from (default: found from "
                   "manifest.json in ./inputs/ or the recorded path).")
@click.option("--project", "project", default=None,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="The project folder the post was built in (docgen build --project), "
                   "when it is not the current folder: its organisations/ profiles are used.")
@click.option("--templates", "templates", default=None,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="The templates folder the documents were filled from (the API's "
                   "template_dir), when manifest.json's is gone or moved: its "
                   "schedules.yaml gives the schedule tables' words (default: the folder "
                   "manifest.json records, else docgen's own).")
def verify_cmd(folder: Path, answers: Path | None, project: Path | None,
               templates: Path | None) -> None:
    """Check a built post folder (<out>/<reference>) against its answer file.

    Reads the documents back and checks names, time split, money, dates, notice,
    cross-references and (for final documents) left-over placeholders. Exit 1 if
    anything differs. The post is read in the current folder as its project, or in the
    one --project names (as docgen build --project read it).
    """
    try:
        problems = verify(folder, answers, project=project, template_dir=templates)
    except DocgenError as exc:
        raise click.ClickException(str(exc)) from None
    if problems:
        for line in problems:
            click.echo(click.style(line, fg="red"), err=True)
        click.echo(f"{len(problems)} problem(s) in {folder}", err=True)
        sys.exit(1)
    click.echo(f"ok: the documents in {folder} agree with the answer file")
