"""Public API, the clause library: read it (:func:`clause_library`), check it
(:func:`lint_clauses`), and edit its wording in Word through a clause book
(:func:`export_clause_book`, :func:`import_clause_book`, :func:`save_clause_overlays`).

``docgen clauses list|show|lint|export|import`` are these calls and their printing. An
import is checked whole before anything is written: the library as it would be, in a
scratch copy of the overlay folder, must load, and lint clean for the clauses it changes,
so a book that would break a build is refused with what to correct, in Word's terms.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import docgen.api
from docgen.answers.folder_names import CLAUSES_MARKER
from docgen.answers.kinds import DOCUMENT_KINDS as DOCUMENT_KINDS
from docgen.api.files import save
from docgen.clauses.book import DOCUMENT_NAMES as DOCUMENT_NAMES
from docgen.clauses.bookimport import BookImport as BookImport
from docgen.clauses.bookimport import Overlay as Overlay
from docgen.clauses.bookwords import load_words
from docgen.clauses.figures import FIGURES, Dropped, dropped
from docgen.clauses.library import LINT_CONFIG, load_library
from docgen.clauses.library import Library as Library
from docgen.clauses.lint import ANCHOR_LINE, lint
from docgen.clauses.lint import LintIssue as LintIssue
from docgen.clauses.lint_terms import shown
from docgen.errors import DocgenError
from docgen.resources import BUILTIN_EXAMPLES

Folders = Sequence[str | os.PathLike[str]]


def clause_library(folders: Folders = (), *, strict: bool = True) -> Library:
    """The built-in clauses with each overlay folder in ``folders`` laid over them by
    clause id, in order. ``strict`` makes a clause id or term given twice in one folder an
    error (as a build does); :func:`lint_clauses` reads leniently and reports them."""
    return load_library([Path(f) for f in folders], strict=strict)


def lint_clauses(folders: Folders = (), examples: Folders | None = None) -> list[LintIssue]:
    """Every problem in the library with ``folders`` laid over it: undefined or unused
    terms, broken references, unknown variables, bad conditions, duplicate ids, and each
    document rendered with the answer files ``examples`` (default: docgen's own
    examples). Empty when the library is clean."""
    files = [Path(e) for e in examples or ()] or sorted(BUILTIN_EXAMPLES.glob("*.yaml"))
    return lint([Path(f) for f in folders], files)


def export_clause_book(kind: str = "agreement", folders: Folders = ()) -> bytes:
    """The clause book of one document (``agreement``, ``contract``, ``job_spec``) as
    .docx bytes: every clause, with fields and conditions shown as highlighted markers,
    for lawyers to edit in Word. Raises :class:`DocgenError` if it cannot be made."""
    return docgen.api.export_book(clause_library(folders), kind)


@dataclass
class ClauseBookImport:
    """What an edited clause book asks for, checked, before anything is written."""

    book: Path
    into: Path  # the overlay folder the changed clauses are written to
    found: BookImport  # the overlays, and the clauses left alone (kept, already, warnings)
    files: dict[Path, str] = field(default_factory=dict)  # each overlay file and its text
    #: figures the new wording no longer prints (a build with these clauses stops there)
    lost: list[str] = field(default_factory=list)
    #: why nothing may be written (the edited clauses' problems, in the book's terms)
    problem: str | None = None


def import_clause_book(book: str | os.PathLike[str], into: str | os.PathLike[str],
                       folders: Folders = (), *, force: bool = False) -> ClauseBookImport:
    """Read an edited clause book against the library with ``folders`` (and ``into``, when
    it exists) laid over it, and check the overlay files it would write into ``into``;
    writes nothing (:func:`save_clause_overlays` does). A clause whose file changed since
    the export, and which the book changes too, is left alone unless ``force``.

    Raises :class:`DocgenError` when the book cannot be read; problems of the wording it
    would write are its ``problem``.
    """
    path, folder = Path(book), Path(into)
    dirs = [Path(f) for f in folders]
    if folder.is_dir() and folder.resolve() not in [d.resolve() for d in dirs]:
        dirs.append(folder)
    found = docgen.api.import_book_file(path, load_library(dirs), force=force)
    plan = ClauseBookImport(book=path, into=folder, found=found)
    if not found.overlays:
        return plan
    try:
        plan.files = _overlay_files(folder, found.overlays)
    except DocgenError as exc:
        plan.problem = str(exc)
        return plan
    try:
        plan.lost, warned = _check_result(dirs, folder, plan.files, found.overlays)
        found.warnings += warned  # shown with the book's own warnings; nothing refused
    except DocgenError as exc:
        plan.problem = f"{book}: {exc}"
    return plan


def save_clause_overlays(plan: ClauseBookImport) -> list[Path]:
    """Write the overlay files of a checked import (made the folder if missing, and marked
    as a clause folder, never taken for answer files); the files written."""
    if plan.problem is not None:
        raise DocgenError(plan.problem)
    plan.into.mkdir(parents=True, exist_ok=True)
    (plan.into / CLAUSES_MARKER).touch()
    for target, text in plan.files.items():
        save(target, text)
    return list(plan.files)


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
                  changed: list[Overlay]) -> tuple[list[str], list[str]]:
    """Load and lint the library as it would be, in a scratch copy of the folder: a book
    that would break a build or the lint is refused before anything is written. Returns
    the figures the new wording no longer prints (builds report them as errors), and the
    lint's warnings (a defined term written in lower case), in the book's terms."""
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
        linted = [i for i in lint(trial, sorted(BUILTIN_EXAMPLES.glob("*.yaml")), naming=names)
                  if i.message not in figures and mentions.search(str(i))]
        lost = [_figure_in_words(d) for found in by_kind.values() for d in found]
    issues = [i for i in linted if not i.warning]
    if issues:
        raise DocgenError("the edited clauses have problems; correct them in the book and "
                          "import it again:\n  " +
                          "\n  ".join(dict.fromkeys(_in_words(i, str(scratch), folder)
                                                     for i in issues)))
    return lost, [_in_words(i, str(scratch), folder) for i in linted if i.warning]


def _name_of(word: str, paragraph: str) -> str | None:
    """The name ``word`` looks part of, as lint.yaml would list it whole: 'Microsoft Teams'
    for 'Microsoft' (a run of capitalised words, the first not starting a sentence), or the
    word itself in curly quotes (a term defined there); None for an ordinary word."""
    w = re.escape(word)
    cap = r"[A-Z][\w'’-]*"
    run = re.search(rf"(?<![\w'’-])(?:{cap}\s+)*{w}(?:\s+{cap})*(?![\w'’-])", paragraph)
    if run and " " in run.group():
        words = run.group().split()
        start = paragraph[:run.start()].rstrip()
        if (not start or start[-1] in ".;:!?([“\"") and words[0] != word:
            words = words[1:]  # "The Microsoft Teams": not 'The'
        if len(words) > 1:
            return " ".join(words)
    return word if re.search(rf"“[^”]*\b{w}\b[^”]*”", paragraph) else None


def _figure_in_words(d: Dropped) -> str:
    """A figure the new wording no longer prints, as the book names it: «salary»."""
    name = load_words().fields.get(d.expression)
    shown = f"«{name}»" if name else FIGURES[d.expression]
    return (f"clause '{d.clause}' no longer shows {shown}, which the "
            f"{DOCUMENT_NAMES[d.kind]} must show (docgen checks it in every document it "
            f"builds): put {shown} back in that clause in the book and import it again")


def _in_words(issue: LintIssue, scratch: str, folder: Path) -> str:
    """A lint issue as a Word user can act on it. A capitalised word: the paragraph it is in
    and what to do, in words a solicitor can pass on, not which YAML file to edit; a word
    that looks like a name ('Microsoft Teams') is not told to be written in lower case."""
    text = str(issue).replace(scratch, str(folder))
    f = issue.finding
    if f is None:
        return text
    cid = issue.where.split(" (")[0]
    where = f"clause '{cid}', paragraph “{shown(f.paragraph)}”"
    if issue.warning:
        said = ("is a defined term written in lower case" if f.word.lower() == f.term.lower()
                else "looks like a defined term mistyped")
        return (f"{where}: '{f.word}' {said}: if the term is meant, write ‘{f.term}’ in the "
                "book and import again (the words were imported as written: ordinary English "
                "may use them)")
    if f.term:
        return (f"{where}: '{f.word}' is capitalised but is not a defined term: did you mean "
                f"‘{f.term}’? Write it as the definition does and import again")
    config = folder / LINT_CONFIG
    name = _name_of(f.word, f.paragraph)
    listed = name or f.word
    new = " (a new file)" if not config.is_file() else ""
    ask = (f"ask whoever runs docgen to add ‘{listed}’ to the list of proper nouns in "
           f"{config}{new} and import again (for them: "
           + (f"create {config} with proper_nouns: [{listed}]" if new else
              f"add {listed} to proper_nouns in {config}") + ")")
    if name is None:
        return (f"{where}: '{f.word}' is capitalised but is not a defined term. Write it in "
                f"lower case (‘{f.word.lower()}’) if it is an ordinary word; if it is a name "
                f"here (of a team, a product, a place), {ask}")
    return (f"{where}: '{name}' is capitalised but is not a defined term. It looks like a "
            f"name (of a team, a product, a place, or a word in Welsh or Gaelic): {ask}")
