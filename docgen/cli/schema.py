"""``docgen schema``: the answer file's JSON Schema, or its reference as Markdown."""

from __future__ import annotations

import json
from pathlib import Path

import click

from docgen.api import schema
from docgen.api.starters import ORGANISATION_SCHEMA_FILE, SCHEMA_FILE, organisation_schema
from docgen.cli import Refused
from docgen.shellwords import make_folder_command


@click.command("schema")
@click.option("--markdown", is_flag=True,
              help="Print the answer-file reference (docs/answer-file.md) instead.")
@click.option("--organisation", is_flag=True,
              help="The JSON Schema of an organisation profile (organisations/<id>.yaml) "
                   f"instead, e.g. --out {ORGANISATION_SCHEMA_FILE}.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=f"Write to this file (e.g. {SCHEMA_FILE}) instead of printing.")
@click.option("--force", is_flag=True,
              help="Replace --out even if it holds something else (another version of the "
                   "schema, or a file of your own).")
def schema_cmd(markdown: bool, organisation: bool, out: Path | None, force: bool) -> None:
    """Print the answer file's JSON Schema (2020-12): every key's meaning, allowed values
    and an example.

    Editors use it for completion and hover help: save it with
    `docgen schema --out answer-file.schema.json` and put
    `# yaml-language-server: $schema=answer-file.schema.json` as the answer file's first
    line (VS Code: the YAML extension by Red Hat).
    """
    if markdown and organisation:
        raise click.UsageError("choose one of --markdown (the answer file's keys) and "
                               "--organisation (an organisation profile's keys)")
    found = organisation_schema() if organisation else schema(markdown)
    text = found if isinstance(found, str) else json.dumps(found, indent=2,
                                                            ensure_ascii=False) + "\n"
    if out is None:
        click.echo(text, nl=False)
        return
    if not out.parent.is_dir():  # never a folder the user did not name: as docgen new
        what = ("is a file, not a folder; name another --out" if out.parent.exists() else
                f"does not exist; create it first ({make_folder_command(out.parent)}), or "
                "name another --out")
        raise Refused(f"{out.parent} {what}, for example --out {out.name} (in this folder)")
    if not force and _holds_other(out, text):
        raise Refused(  # a usage error, as docgen new on a file that exists
            f"{out} already exists and is not the schema docgen writes; choose another "
            "--out, or add --force to replace it")
    out.write_text(text, encoding="utf-8")
    click.echo(f"wrote {out}", err=True)


def _holds_other(out: Path, text: str) -> bool:
    """``out`` exists and holds something other than ``text`` (line endings aside): a
    file of the user's, or a schema of another version, which is replaced only with --force."""
    if not out.exists():
        return False
    if not out.is_file() or out.stat().st_size > 4 * len(text.encode("utf-8")) + 4096:
        return True
    found = out.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
    return found != text
