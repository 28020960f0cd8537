"""The ``docgen`` command: thin click commands over the library.

Exit codes: 0 success; 1 when any answer file has errors (or a build failed);
2 for usage errors (unknown option, missing path, a file not overwritten, a missing
extra). Each command group lives in its own module; this one assembles them.
"""

from __future__ import annotations

import importlib
import sys

import click

from docgen import _startup
from docgen._version import __version__
from docgen.errors import DocgenError

#: command name → (its module under docgen.cli, the click command's name there)
COMMANDS = {
    "build": ("build", "build_cmd"), "check": ("build", "check_cmd"),
    "clauses": ("clauses", "clauses_group"), "rules": ("rules", "rules_cmd"),
    "compare": ("review", "compare_cmd"), "verify": ("review", "verify_cmd"),
    "schema": ("schema", "schema_cmd"), "new": ("new", "new_cmd"),
    "serve": ("serve", "serve_cmd"), "intake": ("intake", "intake_group"),
}


class Refused(click.ClickException):
    """A command refused before anything is written, for what was asked (a path that does
    not exist, a file not replaced without --force) or what this computer lacks (an extra):
    a usage error, exit 2 as the README's table says, in one line without the usage text."""

    exit_code = 2


class Commands(click.Group):
    """The commands, each module imported when its command runs (or help lists it): a
    build need not load the interview's, the clause tools' or the server's modules."""

    #: the ``docgen`` command keeps what it prepares between runs (compiled clause text,
    #: prepared templates) in a cache folder, chosen as a command starts
    #: (:func:`docgen.api.keep_prepared`); a program that invokes :data:`cli`
    #: itself, as the tests do, keeps nothing
    keep_prepared = False

    def invoke(self, ctx: click.Context) -> object:
        if self.keep_prepared:  # not before: `docgen --version` loads no docgen.api
            importlib.import_module("docgen.api").keep_prepared()
        return super().invoke(ctx)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, name = COMMANDS[cmd_name]
            command = getattr(importlib.import_module(f"docgen.cli.{module}"), name)
            self.add_command(command, cmd_name)
            _startup.loaded()  # the command's modules are in: Ctrl-C is click's, gc on
        return self.commands.get(cmd_name)


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="docgen")
def cli() -> None:
    """Write the agreement, contract and joint job specification for a shared post.

    An answer file (YAML; `docgen new` starts one, `docgen schema --markdown` explains
    every key) describes one post shared between public bodies; docgen validates it,
    checks it against good practice for joint appointments and writes three Word
    documents for legal review.
    """


def main() -> None:
    """The ``docgen`` command; ends by raising SystemExit (or, where nothing runs after
    it, by ending the process at once: :func:`docgen._startup.end`)."""
    try:
        _command()
    except SystemExit as done:
        _startup.end(done.code)
        raise


def _command() -> None:
    cli.keep_prepared = True  # faster repeat runs; the library never writes it
    try:
        cli.main(prog_name="docgen")
    except DocgenError as exc:  # a library or template problem: no traceback
        click.echo(click.style(f"error: {exc}", fg="red"), err=True)
        sys.exit(1)
    except OSError as exc:  # a folder that is missing or a file, no permission, disk full
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(click.style(f"error: {where}{exc.strerror or exc}", fg="red"), err=True)
        sys.exit(1)
    finally:
        _startup.finished()
