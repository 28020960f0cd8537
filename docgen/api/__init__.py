"""The public API: one post in memory (``load``, ``check``, ``render``), batches on disk
(``build``, ``check_files``), the rule catalogue and the programme register.

The command line's other needs are modules of their own, loaded only when imported (a
build needs none): :mod:`~docgen.api.clauses`, :mod:`~docgen.api.workbooks`,
:mod:`~docgen.api.starters`, :mod:`~docgen.api.files`; the interview's is
:mod:`~docgen.api.interview`. What ``load``, ``check`` and ``render`` accept, and how each
is read, is :mod:`~docgen.api.locating`. All are safe to call from many threads: the only
shared state is content-keyed caches (clause text, templates, libraries).
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docgen.answers
import docgen.facts
import docgen.publish
from docgen._records import record
from docgen.answers.kinds import DOCUMENT_KINDS
from docgen.answers.model import AnswerFile
from docgen.answers.origin import keep_origin
from docgen.answers.prepared import use_cache
from docgen.answers.profiles import apply_profiles, clause_folders, list_organisations, provenance
from docgen.answers.yamlfile import Located, load_answer_text

# what a post's answers may be given as, and how each is read (docgen/api/locating.py)
from docgen.api.locating import MODEL_CLAUSES as MODEL_CLAUSES
from docgen.api.locating import TEXT_NOT_PATH as TEXT_NOT_PATH
from docgen.api.locating import Folder as Folder
from docgen.api.locating import Source as Source
from docgen.api.locating import locate as _locate
from docgen.api.locating import workspace_folder as _folder
from docgen.clauses.cachefolder import (
    choose_cache_folder,
    chosen_cache_folder,
    default_cache_dir,
    read_entry,
    write_entry,
)
from docgen.clauses.library import cached_library, require_library
from docgen.errors import AnswerFileError, DocgenError, HasProblems, Problem

# whether a path names a programme workbook (or a sheet saved as .csv), and why such a
# sheet is none: asked of every path a command names, so answered without loading the
# intake (docgen.api.workbooks loads it, to read or build a workbook)
from docgen.intake import is_workbook as is_workbook
from docgen.intake import not_answers_problem
from docgen.intake import sheet_text_problem as sheet_text_problem
from docgen.intake.lockfiles import answer_lock_problem, compared_lock_problem
from docgen.pipeline import Checked, check_located, given_overlays, render_checked
from docgen.publish import batch as _batch

# a clause file named to check or build: what it is, and the folder it is linted as
from docgen.publish.discover import NamedClause as NamedClause
from docgen.publish.discover import named_clause as named_clause
from docgen.publish.discover import named_clause_files as named_clause_files
from docgen.results import BuildReport, PostResult
from docgen.rulebook.engine import RULES
from docgen.shellwords import shell_path
from docgen.word.fill import TEMPLATE_DIR
from docgen.word.names import output_name

if TYPE_CHECKING:  # what type checkers see: loaded when first asked for (__getattr__)
    import docgen.answers.reference
    import docgen.answers.schema
    import docgen.facts.export
    import docgen.publish.redline
    import docgen.publish.register_read
    import docgen.publish.verify_folder
    from docgen.word.clausebook import export_book as export_book
    from docgen.word.clausebook import import_book_file as import_book_file
    from docgen.word.clausebook import read_book_file as read_book_file

    COMPARE_AUTHOR = docgen.publish.redline.AUTHOR

# the answer file's validator is kept where the command line keeps its other entries (if it
# chose a folder: docgen used as a library writes nothing)
use_cache(chosen_cache_folder, read_entry, write_entry)


def problem_dict(p: Problem) -> dict[str, Any]:
    """One problem as plain data: what the CLI prints, split into fields, the document
    kinds it concerns (``documents``, [] for every document or none known), so a programme
    team can sort warnings by the document whose approver must see them, and its ``code``
    (None for none), so a program tells an OVERLAY warning that does not stop the post
    being final (``not_used``) from one that does without reading its words."""
    return {"severity": p.severity, "rule": p.rule or None, "key": p.key,
            "path": list(p.path), "file": str(p.file) if p.file else None, "line": p.line,
            "message": p.message, "hint": p.hint, "acknowledged": p.acknowledged,
            "documents": list(p.documents), "code": p.code or None}


@record
class CheckReport(HasProblems):
    """What ``check`` found in one post; ``to_dict()`` is plain JSON-able data."""

    reference: str | None
    problems: list[Problem] = field(default_factory=list)
    facts: dict[str, Any] | None = None

    @property
    def ok(self) -> bool:
        """No errors (warnings may remain)."""
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        return {"reference": self.reference, "ok": self.ok,
                "errors": [problem_dict(p) for p in self.errors],
                "warnings": [problem_dict(p) for p in self.warnings]}


@record
class RenderResult:
    """A post's documents in memory."""

    documents: dict[str, bytes]  # kind ("agreement", "contract", "job_spec") → .docx bytes
    report: CheckReport
    facts: dict[str, Any]  # the derived money, dates and shares (plain JSON-able data)
    manifest: dict[str, Any]  # per document: clause ids, versions and hashes used

    @property
    def files(self) -> dict[str, bytes]:
        """The documents under the names ``build`` gives them (``EWK-01-job-spec.docx``)."""
        reference = self.report.reference or "post"
        return {output_name(reference, kind): data for kind, data in self.documents.items()}


def load(source: Source, *, workspace: Folder | None = None) -> AnswerFile:
    """The validated answers of one post, from a path (``str`` or ``Path``), a mapping or a
    model; :func:`check` and :func:`render` accept what it returns.

    Nothing is guessed: a one-line ``str`` is always a path (``{hr}.yaml`` too); a
    ``str`` with a line break, or ``bytes``, is YAML or JSON text (or use :func:`loads`).
    ``workspace``: the folder answers in memory are read as if written in; a file finds
    its own. The model keeps what was read from disk (lines, its profiles' clause folders
    and house styles: :mod:`docgen.answers.origin`), so it renders as its file does.
    Raises :class:`AnswerFileError`: its ``problems`` name the key, line and the fix.
    """
    return _loaded(_locate(source, workspace))


def loads(text: str | bytes, *, workspace: Folder | None = None) -> AnswerFile:
    """The validated answers of one post from YAML or JSON text (never a path)."""
    folder = _folder(workspace)
    return _loaded(apply_profiles(load_answer_text(text, base=folder),
                                  (folder,) if folder else (), folder))


def _loaded(located: Located) -> AnswerFile:
    """The model of ``located``, carrying where it was read (and what it said then)."""
    read = len(located.warnings)  # validation's own warnings are found again
    return keep_origin(check_located(located).answers, located, read)


def sources(source: Source, *, workspace: Folder | None = None) -> dict[str, dict[str, Any]]:
    """Where each value of a post came from: key path (``parties[0].name``) → ``file``,
    ``line`` and ``organisation`` (the profile's id when the value came from one).

    Raises :class:`AnswerFileError` when the answers cannot be read.
    """
    return provenance(_checked(source, workspace).located)


def organisations(folder: Folder) -> list[dict[str, Any]]:
    """The organisation profiles of a workspace (``folder/organisations/*.yaml``): id,
    name, short_name, kind, file, and ``problems`` (empty when the profile is valid); a
    valid profile also gives ``party`` (the party keys it supplies), ``policy`` and
    ``jurisdiction`` (the law it states; None when it states none)."""
    return list_organisations(Path(folder))


def _checked(source: Source, workspace: Folder | None = None,
             given_clauses: bool = False) -> Checked:
    return check_located(_locate(source, workspace, given_clauses))


def check(source: Source, *, workspace: Folder | None = None) -> CheckReport:
    """Validate one post and run the good-practice rules; never raises for bad answers.
    ``source`` is what :func:`load` accepts (what it returns included)."""
    try:
        checked = _checked(source, workspace)
    except AnswerFileError as exc:
        return CheckReport(reference=None, problems=exc.problems)
    return CheckReport(reference=checked.answers.reference, problems=checked.problems,
                       facts=docgen.facts.export.facts_to_dict(checked.facts))


def render(source: Source, *, documents: list[str] | None = None,
           clauses: list[str | os.PathLike[str]] | None = None,
           verify: bool = True, workspace: Folder | None = None) -> RenderResult:
    """The post's Word documents as bytes, verified by reading them back; writes nothing.

    ``source`` is what :func:`load` accepts (what it returns included). ``documents``
    narrows the kinds (default: the answer file's ``documents``); ``clauses`` adds overlay
    folders of your own wording; for answers in memory with no folder (no ``workspace``,
    not loaded from a file), they stand in for the ``clauses`` folders the answers name.
    Raises :class:`AnswerFileError` for errors in the answers (rule errors included) and
    :class:`DocgenError` when a document cannot be made or fails verification.
    """
    checked = _checked(source, workspace, bool(clauses))
    if checked.errors:
        raise AnswerFileError(checked.errors)
    overlays = clause_folders(checked.located, checked.answers.clauses,
                              [Path(c) for c in clauses or []])
    library = cached_library(overlays)
    kinds: list[str] = list(checked.answers.documents if documents is None else documents)
    unknown = [k for k in kinds if k not in DOCUMENT_KINDS]
    if unknown or not kinds:
        raise ValueError(f"documents must name one or more of {', '.join(DOCUMENT_KINDS)} "
                         f"(got {', '.join(map(repr, unknown)) or 'none'})")
    rendered = render_checked(checked, library, TEMPLATE_DIR, kinds, verify=verify)
    problems = [*checked.problems,  # and the folders given here alone (as build's --clauses)
                *given_overlays(checked.problems, library, checked.located.path)]
    report = CheckReport(reference=checked.answers.reference, problems=problems,
                         facts=docgen.facts.export.facts_to_dict(checked.facts))
    return RenderResult(documents=rendered.documents, report=report, facts=report.facts or {},
                        manifest=rendered.records)


def rules() -> list[dict[str, Any]]:
    """Every good-practice rule: id, severity, key, summary, source, the clauses and the
    documents its drafting note concerns."""
    return [{"id": r.id, "severity": r.severity, "key": r.key, "summary": r.summary,
             "source": r.source, "clauses": list(r.clauses),
             "documents": list(r.documents)}
            for r in sorted(RULES, key=lambda r: (r.severity != "error", r.id))]


def read_register(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The programme register (``register.csv`` or ``register.xlsx``) as rows."""
    return docgen.publish.register_read.read_register(Path(path))


# --- files on disk: what the command line (and other programs) do with answer files -----

def answer_files(paths: Sequence[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The answer files in ``paths`` (files, folders, globs), and the YAML files found but
    left out (``extends`` bases, clause folders, other YAML), each with why."""
    return _batch.find_answer_files(paths)


def check_files(paths: Sequence[str | Path], *,
                roots: Sequence[str | Path] | None = None) -> BuildReport:
    """``check`` for every answer file in ``paths``, as ``build`` would find them; writes
    nothing. Each folder named in ``paths`` (or in ``roots``, when the caller found the
    files itself: the folders the user named) is a project root: ``extends`` and
    ``clauses`` may reach it, and ``organisations/`` is looked for up to it. A .csv
    named (or a workbook) is a failed post saying what it is (never an answer file's YAML
    or encoding error); an organisation profile named is checked as a profile, and a
    clause file named (or matched by a glob named) is linted as ``docgen clauses lint
    --clauses <its folder>`` lints it (:mod:`docgen.api.clause_files`), its result
    ``checked`` or ``failed``, as ``docgen check`` says it."""
    named, others = _answers_and_others(paths)
    report = _batch.check(named, roots=roots) if named or not others else BuildReport()
    report.posts[:0] = others
    _lint_named_clauses(report, named)
    return report


def _lint_named_clauses(report: BuildReport, named: Sequence[str | Path]) -> None:
    """The clause files ``named`` (or matched by a glob there) that the run left out, each
    linted (:mod:`docgen.api.clause_files`) and given a result of its own: nothing to
    build, but checked, as a profile named is."""
    clauses, report.not_posts = named_clause_files(named, report.not_posts)
    if clauses:  # (the lint's module loaded only then: a check of posts never loads it)
        report.posts += importlib.import_module("docgen.api.clause_files"
                                                ).check_clause_files(clauses)


def _answers_and_others(paths: Sequence[str | Path], command: str = "check"
                        ) -> tuple[list[str | Path], list[PostResult]]:
    """The paths to read as answer files, and a failed post for each workbook or sheet
    saved as text among them (or lock file), saying what to do with it: name the file
    itself, e.g. to ``docgen <command>``."""
    named: list[str | Path] = []
    others: list[PostResult] = []
    for p in paths:
        why = answer_lock_problem(p, lambda post: f"e.g. docgen {command} {post}") \
            or not_answers_problem(p)  # .~lock.post.yaml# too
        if why is None:
            named.append(p)
        else:
            others.append(PostResult(source=Path(p), status="failed",
                                     problems=[Problem(message=why, file=Path(p))]))
    return named, others


def build(paths: Sequence[str | Path], out: str | Path = "build", **options: Any
          ) -> BuildReport:
    """Build every answer file found in ``paths`` into ``<out>/<reference>/``: the options
    and behaviour of :func:`docgen.publish.batch.build`. A workbook or a .csv named is a
    failed post saying what to do with it (the command line builds a workbook's rows); an
    organisation profile named is checked as one and said to be read by the posts naming
    it (nothing built, ``out`` untouched), a clause file named is linted as ``check_files``
    lints it (nothing built)."""
    named, others = _answers_and_others(paths, "build")
    if others and not named:
        return BuildReport(posts=others)
    report = _batch.build(named, out, **options)
    report.posts[:0] = others
    _lint_named_clauses(report, named)
    return report


def keep_prepared(folder: Folder | None = None) -> bool:
    """Keep what docgen prepares (compiled clauses, parsed clause files, templates, the
    validator) in ``folder`` (default ``$XDG_CACHE_HOME/docgen/jinja``) for faster repeat
    runs; True when used (a folder others could write to is not). The ``docgen`` command
    calls this as each command starts; a library keeps nothing unless asked."""
    return choose_cache_folder(Path(folder) if folder is not None else default_cache_dir())


def require_clauses() -> None:
    """Raise :class:`DocgenError` when docgen's standard clauses are missing (an incomplete
    install): a check that passes without them would promise more than a build keeps."""
    require_library()


def verify(folder: str | os.PathLike[str], answers: str | os.PathLike[str] | None = None,
           *, project: Folder | None = None, template_dir: Folder | None = None) -> list[str]:
    """What differs between a built post folder and its answer file (default: the manifest's),
    read in ``project`` (default: here), filled from ``template_dir`` (default: as recorded)."""
    if answers is not None and (lock := answer_lock_problem(
            answers, lambda post: f"e.g. docgen verify {shell_path(folder)} --answers {post}")):
        raise DocgenError(f"{answers}: {lock}")  # never "rename it .yaml", nor read as YAML
    return docgen.publish.verify_folder.verify_folder(
        Path(folder), None if answers is None else Path(answers), _folder(project), template_dir)


def compare(old: str | os.PathLike[str], new: str | os.PathLike[str],
            out: str | os.PathLike[str], notes: list[str] | None = None, *,
            author: str | None = None, date: Any = None, force: bool = False) -> list[Path]:
    """Word redlines of OLD against NEW (two answer files or two .docx) written into
    ``out``; needs the ``redline`` extra. Warnings are appended to ``notes``. Each change
    is by ``author`` (default :data:`COMPARE_AUTHOR`, "docgen"). A redline in ``out``
    edited since docgen wrote it is replaced only with ``force``."""
    if (lock := compared_lock_problem(old, new)) is not None:  # never "compare two …"
        raise DocgenError(lock)
    redline = docgen.publish.redline
    return redline.compare(Path(old), Path(new), Path(out), notes,
                           author=redline.AUTHOR if author is None else author, date=date,
                           force=force)


#: names loaded when first asked for (their module, their name there): the clause book's
#: tools (the CLI's ``docgen clauses book``; their modules took 4-6 ms of every command's
#: start) and the name on a redline's changes (``docgen compare``). A build needs none of
#: them, nor the modules behind ``verify``, ``compare``, ``read_register``, ``schema`` and a
#: report's ``facts``: those load when they run (their packages' ``__getattr__``)
_ON_FIRST_USE = {"export_book": ("docgen.word.clausebook", "export_book"),
                 "import_book_file": ("docgen.word.clausebook", "import_book_file"),
                 "read_book_file": ("docgen.word.clausebook", "read_book_file"),
                 "COMPARE_AUTHOR": ("docgen.publish.redline", "AUTHOR")}


def __getattr__(name: str) -> Any:
    if name in _ON_FIRST_USE:
        module, attribute = _ON_FIRST_USE[name]
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module 'docgen.api' has no attribute {name!r}")


def schema(markdown: bool = False) -> dict[str, Any] | str:
    """The answer file's JSON Schema (2020-12), or its reference as Markdown text."""
    if markdown:
        return docgen.answers.reference.answer_file_markdown()
    return docgen.answers.schema.answer_file_schema()
