"""The pure pipeline for one post: answers in, checked facts and .docx bytes out.

No file is written and nothing is read but the library and templates handed in:
the batch publisher, the CLI, the web app and :func:`docgen.render` all run
these same steps, so a document previewed is the document published.

    located → validate → derive → rules → (clauses → notes → fill) per document → verify

The check also loads the post's own clause folders: an overlay written for an older
standard clause is its OVERLAY warning, counted at final only where a document the post
makes takes the clause, so the check evaluates that clause's condition (``when``) on the
derived facts (:func:`taken_by`), as rendering would.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.answers.kinds import BY_KIND
from docgen.answers.model import AnswerFile
from docgen.answers.profiles import clause_folders
from docgen.answers.validation import validate
from docgen.answers.yamlfile import Located
from docgen.clauses.engine import clause_context, condition_holds, uncompilable, with_globals
from docgen.clauses.library import Clause, Library, cached_library
from docgen.clauses.overlay_warnings import OverlayWarning
from docgen.clauses.render import RenderedDocument, render_document
from docgen.errors import (
    CLAUSE_FOLDER,
    OVERLAY_RULE,
    PROFILE_CLAUSE_FOLDER,
    DocgenError,
    FolderError,
    FolderErrors,
    HasProblems,
    KeyPath,
    Problem,
)
from docgen.facts.derive import Facts, derive
from docgen.facts.people import placeholders as gaps_of
from docgen.final_open import FINAL_OPEN, GAP_FINAL, NOT_USED, open_at_final
from docgen.rulebook.engine import run_rules
from docgen.rulebook.registry import Told, told, way
from docgen.word.fill import fill_document
from docgen.word.housestyle import StyleChoice, choose_styles
from docgen.word.notes import annotate
from docgen.word.verify import verify_documents

#: which check made a post's recorded findings: raised by one whenever what the check
#: reports changes without docgen's version changing (a new warning or refusal, a finding's
#: documents), since a rebuild skipped as unchanged says its manifest's warnings again and
#: is not checked. Part of every post's inputs hash (publish/incremental.py), so each post
#: is built, and checked, once more by the new check. 2: OVERLAY is the check's (bde790e),
#: refuses a final post, and is recorded with its documents. 3: an OVERLAY whose clause's
#: condition (``when``) leaves it out of the post is said as such (code NOT_USED) and does
#: not refuse it; one whose condition leaves it out of some documents names the others.
CHECK_GENERATION = 3


@dataclass
class Checked(HasProblems):
    """A valid answer file, its derived facts, and every rule finding (errors included)."""

    answers: AnswerFile
    facts: Facts
    problems: list[Problem]
    located: Located
    styles: dict[str, StyleChoice] = field(default_factory=dict)  # kind → its house style

    def final_blocker(self) -> Told | None:
        """Why a ``status: final`` post cannot be built yet (how many warnings are open and
        placeholders left, and the instruction as data: keep it a draft), or None. A clause
        overlay's warning (OVERLAY) is counted apart: it cannot be acknowledged, so its way
        out is its own (give the overlay the version it now replaces)."""
        if self.answers.status != "final":
            return None
        placeholders = self.facts.placeholders
        open_warnings = open_at_final(self.problems, self.answers.documents,
                                      [path for _, path in gaps_of(self.answers)])
        if not open_warnings and not placeholders:
            return None
        overlays = [p for p in open_warnings if p.rule == OVERLAY_RULE]
        n_rules, n_gaps = len(open_warnings) - len(overlays), len(placeholders)
        open_ = [(_count(n_rules, "unacknowledged warning"),
                  f"resolve or acknowledge the warning{'' if n_rules == 1 else 's'}"),
                 (_count(len(overlays), "clause overlay warning"), _overlay_todo(overlays)),
                 (_count(n_gaps, "placeholder"),
                  f"fill in the placeholder{'' if n_gaps == 1 else 's'}")]
        said = _listed([n for n, _ in open_ if n])
        # an overlay's step has its own "then": each step apart, so "fill in" is not read
        # as part of it
        todo = "; ".join(t for n, t in open_ if n) if overlays else \
            _listed([t for n, t in open_ if n])
        lists = "docgen check lists them" + (
            "; an overlay's warning cannot be acknowledged" if overlays else "")
        return told(f"the documents are marked final but {said} "
                    f"{'is' if said.startswith('1 ') and ' and ' not in said else 'are'} "
                    f"still open; {todo} ({lists}), or ", "set status: draft",
                    way("status=draft"), code=FINAL_OPEN)


def _overlay_todo(overlays: list[Problem]) -> str:
    """The way out of open overlay warnings: one's own words (review it, then give the
    version it replaces), or the same for each."""
    if len(overlays) == 1 and overlays[0].hint:
        return overlays[0].hint
    return ("review each overlay against the new standard wording, then set its "
            "replaces_version as its warning says")


def _listed(parts: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return " and ".join(p for p in [", ".join(parts[:-1]), *parts[-1:]] if p)


def final_gaps(checked: Checked) -> list[Problem]:
    """The gaps a ``status: final`` post still shows (``facts.people.placeholders``,
    docgen's one list of them), each an error at the question that fills it (the key path
    given with its words, never found from them); none for a draft."""
    if checked.answers.status != "final":
        return []
    return [checked.located.problem(
        path, f"{gap} must be given before the documents are final; "
        "give it, or set status: draft", rule="TBC", code=GAP_FINAL)
        for gap, path in gaps_of(checked.answers)]  # each at the question that fills it


def _count(n: int, what: str) -> str:
    """"1 placeholder", "2 placeholders"; "" for none."""
    return f"{n} {what}{'' if n == 1 else 's'}" if n else ""


@dataclass
class Rendered:
    """A post's documents in memory, and what each was built from (for the manifest)."""

    documents: dict[str, bytes] = field(default_factory=dict)  # kind → .docx bytes
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # kind → clauses, hashes


def check_located(located: Located) -> Checked:
    """Validate, derive and run the rules; raises :class:`AnswerFileError` on shape errors."""
    answers = validate(located)
    facts = derive(answers)
    overlaid = overlay_problems(answers, located, facts)
    # an overlay written for an older standard clause is the post's warning from the one
    # check every door runs (check, render, the web app and build), counted at final
    checked = Checked(answers, facts, [*run_rules(answers, facts, located), *(
        p for p in overlaid if p.severity == "warning")], located)
    blocker = checked.final_blocker()
    if blocker:  # an error for every caller: check, render, the web app and build alike
        checked.problems.append(located.problem(("status",), blocker.message, rule="FINAL",
                                                code=blocker.code, fix=blocker.fix))
        checked.problems += final_gaps(checked)
    # after the final check: a house style's warnings (a field kept as text) are advice
    checked.styles, found = choose_styles(answers, located)
    checked.problems += found + [p for p in overlaid if p.severity == "error"]
    return checked


def overlay_problems(answers: AnswerFile, located: Located, facts: Facts) -> list[Problem]:
    """The post's own clause folders (its ``clauses`` and its employer's profile's), loaded
    as a build loads them: a folder that is missing, or wording that cannot be used, is an
    error from ``check`` too, never first found by ``build``; an overlay written for an
    older standard clause is a warning (:func:`older_overlays`, which reads ``facts`` for
    the clauses' conditions)."""
    folders = clause_folders(located, answers.clauses)
    if not folders:
        return []
    own = folders[len(folders) - len(answers.clauses):]  # the answer file's, last
    for i, (name, folder) in enumerate(zip(answers.clauses, own, strict=True)):
        if not folder.is_dir():
            return [located.problem(("clauses", i), f"the clause folder {name} does not "
                                    f"exist (looked for {folder}); give a folder of clause "
                                    "files, relative to this answer file, or remove it",
                                    code=CLAUSE_FOLDER)]
    library: Library | None = None
    try:
        loaded = cached_library(folders)
        found: list[FolderError] = [((file,), m) for file, m in uncompilable(loaded)]
        library = loaded
    except FolderErrors as exc:
        found = exc.found
    except DocgenError as exc:  # docgen's own standard clauses: no folder of the post's
        found = [((), str(exc))]
    mine = [folder.resolve() for folder in own]
    codes = [folder_code(files, mine, len(folders) > len(own)) for files, _ in found]
    problems = [located.problem(("employer",) if code == PROFILE_CLAUSE_FOLDER else
                                ("clauses",), m, code=code)
                for (_, m), code in zip(found, codes, strict=True)]
    return problems if library is None else \
        [*problems, *older_overlays(library, located, own, facts)]


def folder_code(files: tuple[Path, ...], own: list[Path], profiled: bool) -> str:
    """Whose clause folder an error is in, as its code: the post's own (said at
    ``clauses``) when any file it concerns is in one of its folders (``own``, resolved:
    a relative and an absolute answer file give one answer), else the employer's profile's
    (said at ``employer``, as its overlay's warning is). An error concerning no file (docgen's
    standard clauses missing) is no folder's: it is said as the post's own if it has folders
    of its own, where the post's keeper sees it first, else as the profile's (the only
    folder there is). The interview says whose wording cannot be used, never the file."""
    if not profiled or any(f.resolve().is_relative_to(o) for f in files for o in own):
        return CLAUSE_FOLDER
    return CLAUSE_FOLDER if not files and own else PROFILE_CLAUSE_FOLDER


def older_overlays(library: Library, located: Located, own: list[Path],
                   facts: Facts) -> list[Problem]:
    """The library's OVERLAY warnings, each at what the user changes: the answer file's
    ``clauses`` for an overlay in one of its folders (``own``), else its ``employer``
    (the overlay is in that organisation profile's clause folder); stamped with the
    documents that take the clause for this post (:func:`taken_by`), so only a post asking
    for one of them counts it at final, and one no document takes is said but not counted."""
    found = []
    for w in library.warnings:
        key: KeyPath = ("clauses",) if any(w.file.is_relative_to(f) for f in own) \
            else ("employer",)
        found.append(overlay_warning(w, key, *located.where(key),
                                     taken=taken_by(library.clauses[w.clause], facts)))
    return found


def taken_by(clause: Clause, facts: Facts) -> tuple[str, ...]:
    """The documents that take ``clause`` for this post: each it is in whose condition
    (``when``) holds for it, evaluated as rendering evaluates it (the same names, bounded
    the same way; compiled once a process). Only the overlays warned of are evaluated, so a
    post without one pays nothing. A condition that cannot be evaluated counts as taking it:
    rendering reports the error, and the warning is not let off on the strength of one."""
    if not clause.when:
        return tuple(clause.documents)
    taken = []
    for kind in clause.documents:
        try:
            holds = condition_holds(clause, with_globals(clause_context(facts, kind)))
        except DocgenError:
            holds = True
        if holds:
            taken.append(kind)
    return tuple(taken)


def given_overlays(problems: list[Problem], library: Library, file: Path) -> list[Problem]:
    """The OVERLAY warnings of ``library`` not among ``problems`` (the check's, for the
    post's own folders): those of folders only the caller was given (``build --clauses``,
    ``render(clauses=...)``), said after the check, so a final post is not refused for them.
    Told apart by clause id (the library warns once a clause), never by message: the
    message starts with the file as its folder was spelt, and one folder reached as
    ``overlay`` and as ``/abs/overlay`` is the same warning."""
    said = {c for p in problems if p.rule == OVERLAY_RULE for c in p.clauses}
    return [overlay_warning(w, (), file) for w in library.warnings if w.clause not in said]


def overlay_warning(warning: OverlayWarning, key: KeyPath, file: Path | None,
                    line: int | None = None, taken: tuple[str, ...] | None = None) -> Problem:
    """``warning`` as the post's OVERLAY warning, at ``key`` of ``file`` (its ``line``),
    with its clause id (:func:`given_overlays` tells warnings apart by it; no drafting note
    is made of it) and the documents that take the clause for this post (``taken``; None:
    not evaluated, every document the clause is in). When none takes it (its ``when`` is
    false for each), it says so and is marked :data:`NOT_USED`: the folder's keeper is
    still told, but no final post is refused for it; its documents stay the clause's."""
    if taken is not None and not taken:
        return Problem(warning.unused_message, key, file, line, severity="warning",
                       rule=OVERLAY_RULE, documents=warning.documents,
                       clauses=(warning.clause,), code=NOT_USED)
    return Problem(warning.message, key, file, line, severity="warning", rule=OVERLAY_RULE,
                   documents=taken or warning.documents, clauses=(warning.clause,))


def _record(kind: str, data: bytes, template_hash: str, rendered: RenderedDocument,
            style: StyleChoice | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {
        "sha256": hashlib.sha256(data).hexdigest(),
        "template": BY_KIND[kind].template, "template_sha256": template_hash,
        "clauses": [{"id": rc.clause.id, "version": rc.clause.version,
                     "sha256": rc.clause.content_hash, "number": rc.number,
                     "source": "overlay" if rc.clause.overlay else "standard",
                     "file": (rc.clause.source.as_posix().split("/clauses/")[-1]
                              if not rc.clause.overlay else rc.clause.source.as_posix())}
                    for rc in rendered.clauses],
        "definitions": [{"term": d.term, "version": d.version, "sha256": d.content_hash}
                        for d in rendered.definitions],
    }
    if style is not None:
        record["house_style"] = {"party": style.party, "file": str(style.path),
                                 "sha256": style.style.sha256}
    return record


def render_checked(checked: Checked, library: Library, template_dir: Path,
                   kinds: list[str] | None = None, verify: bool = True) -> Rendered:
    """Every document of the post, verified by reading it back; nothing touches disk.

    Raises :class:`DocgenError` when a document cannot be made or does not agree
    with the answer file.
    """
    facts = checked.facts
    out = Rendered()
    parsed = {}  # what verification reads: the parts as fill parsed them, not the zip again
    for kind in kinds or checked.answers.documents:
        rendered = render_document(library, kind, facts)
        notes = annotate(rendered, checked.problems, facts) if facts.is_draft else []
        style = checked.styles.get(kind)
        filled = fill_document(facts, kind, rendered, notes, template_dir,
                               style.style if style else None)
        out.documents[kind] = filled.data
        out.records[kind] = _record(kind, filled.data, filled.template_sha256, rendered, style)
        if filled.parts is not None:
            parsed[kind] = filled.parts
    if verify:
        mismatches = verify_documents(facts, out.documents, parsed, template_dir)
        if mismatches:
            raise DocgenError("the generated documents do not agree with the answer file "
                              "(nothing was written): " + "; ".join(mismatches))
    return out
