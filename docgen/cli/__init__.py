"""The ``docgen`` command: thin click commands over the library.

Exit codes: 0 success; 1 when any answer file has errors (or a build failed);
2 for usage errors (unknown option, missing path). Each command group lives in
its own module; this one assembles them.
"""

from __future__ import annotations

import signal
import sys

import click

from docgen._version import __version__
from docgen.clauses.render import default_cache_dir, use_bytecode_cache
from docgen.cli.build import build_cmd, check_cmd
from docgen.cli.clauses import clauses_group
from docgen.cli.intake import intake_group
from docgen.cli.new import new_cmd
from docgen.cli.review import compare_cmd, verify_cmd
from docgen.cli.rules import rules_cmd
from docgen.cli.schema import schema_cmd
from docgen.cli.serve import serve_cmd
from docgen.errors import DocgenError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="docgen")
def cli() -> None:
    """Write the agreement, contract and joint job specification for a shared post.

    An answer file (YAML; `docgen new` starts one, `docgen schema --markdown` explains
    every key) describes one post shared between public bodies; docgen validates it,
    checks it against good practice for joint appointments and writes three Word
    documents for legal review.
    """




for _command in (build_cmd, check_cmd, clauses_group, rules_cmd, compare_cmd, verify_cmd,
                 schema_cmd, new_cmd, serve_cmd, intake_group):
    cli.add_command(_command)


def main() -> None:
    signal.signal(signal.SIGINT, signal.default_int_handler)  # started: click's "Aborted!"
    use_bytecode_cache(default_cache_dir())  # faster repeat runs; the library never writes it
    try:
        cli.main(prog_name="docgen")
    except DocgenError as exc:  # a library or template problem: no traceback
        click.echo(click.style(f"error: {exc}", fg="red"), err=True)
        sys.exit(1)
    except OSError as exc:  # a folder that is missing or a file, no permission, disk full
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(click.style(f"error: {where}{exc.strerror or exc}", fg="red"), err=True)
        sys.exit(1)
