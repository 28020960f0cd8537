"""``docgen clauses list|show|lint|export|import``: inspect and check the clause library,
and edit its wording in Word (the clause book)."""

from __future__ import annotations

import difflib
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import click
import yaml

from docgen.answers.folder_names import CLAUSES_MARKER
from docgen.answers.kinds import DOCUMENT_KINDS
from docgen.api import export_book, import_book_file
from docgen.clauses.book import DOCUMENT_NAMES
from docgen.clauses.bookimport import Overlay
from docgen.clauses.bookwords import load_words
from docgen.clauses.figures import FIGURES, Dropped, dropped
from docgen.clauses.library import load_library
from docgen.clauses.lint import ANCHOR_LINE, lint
from docgen.errors import DocgenError
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
        data = export_book(load_library([Path(o) for o in overlays]), kind)
    except DocgenError as exc:
        raise click.ClickException(str(exc)) from None
    if not path.parent.is_dir():
        raise click.ClickException(f"{book}: the folder {path.parent} does not exist; make it "
                                   "first, or write the book somewhere else")
    _write_atomic(path, data)
    click.echo(f"wrote {book}: the {DOCUMENT_NAMES[kind]}'s clauses; after editing, "
               f"read it back with: docgen clauses import {book} --into FOLDER")


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
    folder = Path(into)
    dirs = [Path(o) for o in overlays]
    if folder.is_dir() and folder.resolve() not in [d.resolve() for d in dirs]:
        dirs.append(folder)
    try:
        result = import_book_file(Path(book), load_library(dirs), force=force)
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
        files = _overlay_files(folder, changed)
        try:
            warnings = _check_result(dirs, folder, files, changed)
        except DocgenError as exc:
            raise DocgenError(f"{book}: {exc}") from None
    except DocgenError as exc:
        raise click.ClickException(f"{exc}\nnothing was written") from None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CLAUSES_MARKER).touch()  # never taken for answer files inside an inputs folder
    for target, text in files.items():
        _write_atomic(target, text.encode("utf-8"))
    for o in changed:
        click.echo(f"{o.id}: version {o.data['version']} ({o.note})")
    for warning in warnings:
        click.echo(click.style(f"warning: {warning}; a build with these clauses will stop "
                               "here", fg="yellow"))
    click.echo(f"wrote {len(files)} clause file(s) to {into}; build with: docgen build "
               f"--clauses {into} …, and check with: docgen clauses lint --clauses {into}")


class _Literal(yaml.SafeDumper):
    """Multi-line text as a YAML block (``text: |``), as the library's own files are."""


_Literal.add_representer(str, lambda d, s: d.represent_scalar(
    "tag:yaml.org,2002:str", s, style="|" if "\n" in s else None))


def _overlay_files(folder: Path, changed: list[Overlay]) -> dict[Path, str]:
    """Each overlay's file: the folder's existing file for that id, else ``<id>.yaml``."""
    existing: dict[str, Path] = {}
    if folder.is_dir():
        lib = load_library([folder], strict=False)
        existing = {c.id: c.source for c in lib.clauses.values() if c.overlay}
    return {existing.get(o.id, folder / f"{o.id}.yaml"):
            yaml.dump(o.data, Dumper=_Literal, sort_keys=False, allow_unicode=True, width=100)
            for o in changed}


def _check_result(dirs: list[Path], folder: Path, files: dict[Path, str],
                  changed: list[Overlay]) -> list[str]:
    """Load and lint the library as it would be, in a scratch copy of the folder: a book
    that would break a build or the lint is refused before anything is written. Returns
    the figures the new wording no longer prints (builds report them as errors)."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "clauses"
        if folder.is_dir():
            shutil.copytree(folder, scratch, symlinks=False)
        scratch.mkdir(exist_ok=True)
        for target, text in files.items():
            (scratch / target.relative_to(folder)).write_text(text, encoding="utf-8")
        trial = [d for d in dirs if d.resolve() != folder.resolve()] + [scratch]
        try:
            trial_library = load_library(trial)
        except DocgenError as exc:  # named as the file it would be, not the scratch copy
            raise DocgenError(str(exc).replace(str(scratch), str(folder))) from None
        by_kind = {kind: dropped(trial_library, kind) for kind in DOCUMENT_KINDS}
        figures = {"; ".join(map(str, found)) for found in by_kind.values() if found}
        # an issue naming a changed clause or one of its labels (id.label): not its file,
        # nor another clause whose id starts with it (agreement.exit.notice)
        names = {o.id for o in changed}
        for cid in list(names):
            clause = trial_library.clauses.get(cid)
            names |= {f"{cid}.{label}" for label in ANCHOR_LINE.findall(clause.text)
                      } if clause is not None else set()
        mentions = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, sorted(names))) +
                              r")(?![\w-]|\.\w)")
        issues = [i for i in lint(trial, sorted(BUILTIN_EXAMPLES.glob("*.yaml")))
                  if i.message not in figures and mentions.search(str(i))]
        lost = [_figure_in_words(d) for found in by_kind.values() for d in found]
    if issues:
        raise DocgenError("the edited clauses have problems; correct them in the book and "
                          "import it again:\n  " +
                          "\n  ".join(_in_words(str(i).replace(str(scratch), str(folder)),
                                                changed, folder) for i in issues))
    return lost


def _figure_in_words(d: Dropped) -> str:
    """A figure the new wording no longer prints, as the book names it: «salary»."""
    name = load_words().fields.get(d.expression)
    shown = f"«{name}»" if name else FIGURES[d.expression]
    return (f"clause '{d.clause}' no longer shows {shown}, which the "
            f"{DOCUMENT_NAMES[d.kind]} must show (docgen checks it in every document it "
            f"builds): put {shown} back in that clause in the book and import it again")


UNDEFINED = re.compile(r"^(?P<id>[\w.]+) \([^)]*\): '(?P<word>[^']+)' is capitalised but not "
                       r"a defined term; .*$")


def _in_words(issue: str, changed: list[Overlay], folder: Path) -> str:
    """A capitalised-term issue as a Word user can act on it: the paragraph it is in (the
    first line of the new wording that has it) and what to do, not which YAML file to edit."""
    m = UNDEFINED.match(issue)
    if not m:
        return issue
    word, cid = m.group("word"), m.group("id")
    text = next((str(o.data.get("text", "")) for o in changed if o.id == cid), "")
    line = next((ln for ln in text.splitlines() if re.search(rf"\b{re.escape(word)}\b", ln)),
                "")
    shown = " ".join(re.sub(r"<[^>]+>|\{\{.*?\}\}|\{%.*?%\}", " ", line).split()[:8])
    where = f"clause '{cid}'" + (f", paragraph “{shown} …”" if shown else "")
    return (f"{where}: '{word}' is capitalised but is not a defined term. Write it in lower "
            "case if it is an ordinary word; if it is a name or a word in another language "
            f"(Welsh, Gaelic), ask whoever runs docgen to add it to proper_nouns in "
            f"{folder / 'lint.yaml'} and import again")


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
