"""Publish one post: run the pipeline, guard a person's edits, write the documents and
the manifest into ``<out>/<reference>/``.

The documents are made and verified in memory (:mod:`docgen.pipeline`) before
anything is written. Within a batch each reference is *claimed* for one answer
file (:mod:`docgen.publish.claims`), so two files with one reference cannot overwrite
each other's documents, and a post whose inputs are unchanged since its manifest was
written is skipped (:mod:`docgen.publish.incremental`).

``build_post`` runs four named steps: *decide* (may this post be written, and where),
*render* (the verified documents, in memory), *manifest* (what was built from what) and
*publish* (stage the whole set and switch it in at once).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docgen.publish
from docgen._version import __version__
from docgen.answers.folder_names import MANIFEST
from docgen.answers.profiles import (
    clause_folders,
    is_profile_file,
    load_post,
    provenance,
)
from docgen.answers.yamlfile import Located
from docgen.clauses.folder_files import Signature, library_signature
from docgen.clauses.library import BUILTIN_DIR, Library, cached_library
from docgen.errors import AnswerFileError, DocgenError, Problem
from docgen.facts.derive import Facts
from docgen.pipeline import Checked, Rendered, check_located, given_overlays, render_checked
from docgen.publish.claims import claim, release, taken
from docgen.publish.discover import profile_result
from docgen.publish.files import (
    file_sha256,
    keep_edits,
    manifest_text,
    manifest_unreadable,
    sha256,
)
from docgen.publish.incremental import (
    copies_removed,
    edited_refusal,
    extra_names,
    inputs_hash,
    notes_record,
    own_clause_notices,
    post_inputs,
    recorded_templates,
    skip_if_unchanged,
    warnings_record,
)
from docgen.publish.lock import describe_write_error
from docgen.publish.owned import refuse_failed_if_owned, refuse_if_owned
from docgen.publish.stage import (
    Folders,
    check_post_folder,
    commit,
    hand_edited,
    new_stage,
    write_synced,
)
from docgen.publish.versions import library_versions
from docgen.results import EDITED_RULE, PostResult, Status
from docgen.word.fill import TEMPLATE_DIR
from docgen.word.names import output_name
from docgen.word.wording import wording_file

if TYPE_CHECKING:  # the fonts check loads with a house style (docgen.publish.__getattr__)
    import docgen.publish.fonts


@dataclass(frozen=True)
class BuildOptions:
    """How to build posts: the same for every post of a batch (and picklable for workers).

    ``claims`` (a batch): each reference is claimed for one answer file. ``incremental``:
    a post whose inputs are unchanged is skipped. ``verify``: the documents are read back
    and checked against the answer file before anything is written. ``publish=False``
    leaves the set staged for the caller to add review copies and commit. ``roots``:
    folders besides the file's own that ``extends``/``clauses`` may use.
    """

    overlays: tuple[Path, ...] = ()
    force: bool = False
    template_dir: Path = TEMPLATE_DIR
    claims: bool = False
    incremental: bool = False
    verify: bool = True
    formats: tuple[str, ...] = ("docx",)
    publish: bool = True
    roots: tuple[Path, ...] = ()
    #: the clause folders' files, taken once for a batch (:func:`batch_signatures`): a post
    #: with those folders is built from, and recorded with, the library as the batch found
    #: it, not as 88 stats of its own found it
    signatures: Signatures = ()

    def signature(self, overlays: Sequence[Path]) -> Signature:
        """:func:`library_signature` of docgen's clauses and ``overlays``: the batch's."""
        key = _folders(overlays)
        taken = next((sig for named, sig in self.signatures if named == key), None)
        return library_signature(list(map(Path, key))) if taken is None else taken


#: the clause folders' signatures a batch took, by the folders (docgen's first) as text
Signatures = tuple[tuple[tuple[str, ...], Signature], ...]


def _folders(overlays: Sequence[Path]) -> tuple[str, ...]:
    """docgen's clause folder and ``overlays``, as :attr:`BuildOptions.signatures` keys them."""
    return (str(BUILTIN_DIR), *map(str, overlays))


def batch_signatures(overlays: Sequence[Path]) -> Signatures:
    """:attr:`BuildOptions.signatures` for a batch given ``overlays``, taken now."""
    key = _folders(overlays)
    return ((key, library_signature(list(map(Path, key)))),)


@dataclass
class _Decided:
    """What the decide step settled: the post may be written into ``folder``."""

    located: Located
    checked: Checked
    overlays: list[Path]  # the overlay folders of this post, in the order they apply
    library: Library
    signature: Signature  # the clause folders' files when the library was taken
    folder: Path
    names: dict[str, str]  # kind → file name
    edited: list[str]  # documents a person changed (only with --force)


def _font_warnings(checked: Checked) -> list[Problem]:
    """The fonts a chosen house style names that this computer lacks; without a house
    style there are none, and the fonts check (with ``subprocess``) is not loaded."""
    return docgen.publish.fonts.missing_font_warnings(checked) if checked.styles else []


def check_post(path: Path, roots: tuple[Path, ...] = ()) -> PostResult:
    """Validate one answer file (shape, references, good-practice rules); write nothing.

    ``roots``: folders besides the file's own that ``extends``/``clauses`` may use. An
    organisation profile named directly is checked as a profile.
    """
    if (profile := profile_result(path)) is not None:
        return profile
    try:
        checked = check_located(load_post(path, roots=roots))
    except AnswerFileError as exc:  # the rules run on a valid answer file only
        return PostResult(source=path, status="failed", problems=exc.problems,
                          rules_pending=True)
    except DocgenError as exc:  # docgen's own data unusable (a wording file edited wrongly)
        return PostResult(source=path, status="failed", message=str(exc))
    problems = [*checked.problems, *_font_warnings(checked)]
    status: Status = "failed" if any(p.severity == "error" for p in problems) else "checked"
    return PostResult(source=path, status=status, reference=checked.answers.reference,
                      problems=problems, facts=checked.facts,
                      sources=provenance(checked.located))


def register_row(facts: Facts, status: str, problems: list[Problem]) -> dict[str, Any]:
    """One post's line in the programme register (all figures from ``Facts``).

    Money and shares are exact decimal strings (``"99840.00"``), dates ISO, so the
    register can write real numbers and dates; ``acknowledged`` lists the warnings
    that fired and were accepted, with the reason given.
    """
    warnings = [p for p in problems if p.severity == "warning"]
    return {
        "reference": facts.reference, "title": facts.post["title"],
        "employer": facts.employer.name, "employer_id": facts.employer.id,
        "parties": [{"id": p.id, "name": p.name, "short_name": p.short_name,
                     "employer": p.is_employer, "time_percent": str(p.time_percent),
                     "time_text": p.time_text, "annual": str(p.annual),
                     "per_invoice": str(p.per_invoice) if p.invoiced else None}
                    for p in facts.parties],
        "split": "; ".join(f"{p.short_name} {p.time_text}" for p in facts.parties),
        "cost_base": str(facts.money.cost_base),
        "start_date": facts.answers.post.start_date.isoformat(),
        "next_review": facts.review.first.isoformat() if facts.review.first else "",
        "status": facts.answers.status, "build": status, "warnings": len(warnings),
        "acknowledged": [{"rule": p.rule, "reason": p.acknowledged}
                         for p in warnings if p.acknowledged],
    }


def _write_stage(out: Path, reference: str, files: dict[str, bytes]) -> Path:
    """Stage a post's whole set (documents and manifest); removed again on any failure."""
    stage = new_stage(out, reference)
    try:
        write_synced(stage, files)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return stage


def build_post(path: Path, out: Path, options: BuildOptions = BuildOptions(), *,
               reference_hint: str | None = None, folders: Folders | None = None
               ) -> PostResult:
    """Build the documents of one answer file into ``out/<reference>/``.

    The whole set (documents and manifest) is staged and switched in at once
    (:mod:`docgen.publish.stage`); with ``publish=False`` it is left staged,
    ``outputs`` naming the staged files, for the caller to add review copies and
    :func:`~docgen.publish.stage.commit`. Callers that may run concurrently
    hold the output folder's lock (``batch.build`` does). ``reference_hint``: the
    reference this file had last time (a batch's state), for claims and skipping.
    ``folders``: the batch's listing of ``out`` (:func:`~docgen.publish.stage.list_folders`).
    """
    if options.incremental and not options.force and reference_hint and not (
            options.claims and claim(out, reference_hint, path)):
        skipped = skip_if_unchanged(path, out, list(options.overlays), options.template_dir,
                                    reference_hint, options.formats, options.roots,
                                    options.signature)
        if skipped:
            return skipped
    try:
        located = load_post(path, roots=options.roots)
        checked = check_located(located)
    except AnswerFileError as exc:
        # the reference the file had last time: its "failed" row replaces the post's
        # older row in the register, rather than standing beside it as a second post
        failed = PostResult(source=path, status="failed", problems=exc.problems,
                            summary={"reference": reference_hint or "", "build": "failed",
                                     "source": str(path)},
                            rules_pending=not is_profile_file(path))  # a profile has no rules
        refuse_failed_if_owned(path, out, reference_hint, folders, failed)
        return failed
    except DocgenError as exc:  # docgen's own data unusable (a wording file edited wrongly)
        return PostResult(source=path, status="failed", message=str(exc),
                          summary={"reference": reference_hint or "", "build": "failed",
                                   "source": str(path)})
    result = PostResult(source=path, status="failed", reference=checked.answers.reference,
                        facts=checked.facts, problems=[*checked.problems,
                                                       *_font_warnings(checked)])
    try:
        decided = _decide(path, out, options, reference_hint, located, checked, result,
                          folders)
        if decided is None:
            return result
        # hashed before rendering: a clause file saved during the render makes the
        # next build differ, never hides behind the hash of the newer file
        inputs = _inputs_sha256(decided, options)
        rendered = render_checked(checked, decided.library, options.template_dir,
                                  verify=options.verify)
    except DocgenError as exc:
        result.message = str(exc)
        return result
    # _decide's row with the build's outcome (register_row of the same facts and problems)
    result.summary = {**result.summary, "build": "built"}
    files = {decided.names[kind]: data for kind, data in rendered.documents.items()}
    files[MANIFEST] = manifest_text({**_manifest(path, decided, rendered, inputs, options,
                                                 result.summary),
                                     "warnings": warnings_record(result.problems)})
    return _publish(path, out, decided, files, rendered, options, result)


def _decide(path: Path, out: Path, options: BuildOptions, hint: str | None,
            located: Located, checked: Checked, result: PostResult,
            folders: Folders | None = None) -> _Decided | None:
    """May this post be written, and where (once: the switch takes that folder)? ``None``
    (``result.message`` says why) when another file owns the reference, the file has errors
    or a person edited a document. The owner is asked first, and only a file not refused so
    claims the reference: a refused file must not block the file whose post it is.
    ``folders``: the batch's listing of ``out``."""
    reference = checked.answers.reference
    if options.claims and hint and hint != reference:
        release(out, hint, path)  # the file's reference changed since last time
    overlays = clause_folders(located, checked.answers.clauses, list(options.overlays))
    signature = options.signature(overlays)  # once: the library and the hash
    library = cached_library(overlays, signature=signature)
    # an overlay written for an older standard clause: the check's warning for the post's
    # own folders; added here for those only the build is given (--clauses), so the register
    # row, the manifest's record and a skipped rebuild say it (a final post is not refused)
    result.problems += given_overlays(result.problems, library, path)
    result.summary = register_row(checked.facts, "failed", result.problems)
    folder = check_post_folder(out, reference, folders)
    if (not options.force or result.errors) and refuse_if_owned(folder, path, reference,
                                                                result):
        return None  # with --force a file takes the post over, if it has no errors
    other = claim(out, reference, path) if options.claims else None
    if other is not None:
        file, line = located.where(("reference",))
        result.summary = {}  # the register keeps the row of the file that claimed it
        result.message = taken(reference, other, f"{file}:{line}" if line else file)
        return None
    if result.errors:
        result.message = "the answer file has errors; no document was written"
        return None
    names: dict[str, str] = {kind: output_name(reference, kind)
                             for kind in checked.answers.documents}
    wanted = list(names.values())
    wanted += [x for n in names.values() for x in extra_names(n, options.formats)]
    edited = hand_edited(folder, wanted) if folder.is_dir() else []
    unreadable = manifest_unreadable(folder) if edited else None
    if not options.force and unreadable:
        result.message = (f"{folder / MANIFEST} cannot be read ({unreadable}), so docgen "
                          "cannot tell whether the documents there were edited; not "
                          "overwritten. Make it readable, or use --force")
        return None
    if not options.force and edited:
        result.message = edited_refusal(edited, folder)
        return None
    return _Decided(located, checked, overlays, library, signature, folder, names, edited)


def _styles(decided: _Decided) -> list[tuple[str, str]]:
    """(path, sha256) of each house style the documents take, sorted by path."""
    return sorted({str(c.path.resolve()): c.style.sha256
                   for c in decided.checked.styles.values()}.items())


def _inputs_sha256(decided: _Decided, options: BuildOptions) -> str:
    sources, raws = post_inputs(decided.located)
    return inputs_hash(sources, decided.overlays, options.template_dir, raws,
                       [sha for _, sha in _styles(decided)], decided.signature)


def _manifest(path: Path, decided: _Decided, rendered: Rendered, inputs: str,
              options: BuildOptions, register: dict[str, Any]) -> dict[str, Any]:
    """What was built from what: the record beside the documents (``docgen verify``,
    incremental builds and the guard against overwriting a person's edits read it)."""
    located, styles = decided.located, _styles(decided)
    sources, _ = post_inputs(located)
    return {
        "docgen_version": __version__, "reference": decided.checked.answers.reference,
        "libraries": library_versions(),
        "answer_file": {"path": path.name, "resolved": str(path.resolve()),
                        "sha256": sha256(located.raw[0]),
                        "extends": [{"path": s.name, "sha256": sha256(raw)}
                                    for s, raw in zip(located.sources[1:], located.raw[1:],
                                                      strict=True)]},
        "sources": [str(s.resolve()) for s in sources],
        "profiles": [{"id": pid, "path": str(p.resolve()), "sha256": sha256(raw)}
                     for pid, (p, raw) in sorted(located.profiles.items())],
        "inputs_sha256": inputs,
        "overlays": [str(o.resolve()) for o in decided.overlays],
        "overlays_given": [str(o.resolve()) for o in options.overlays],  # by the caller
        **({"house_styles": [p for p, _ in styles]} if styles else {}),
        **_templates(options.template_dir),
        "library_notes": notes_record(decided.library.own),  # said again when skipped
        "documents": {kind: {"file": decided.names[kind], **record}
                      for kind, record in rendered.records.items()},
        "register": register,
        "extra": [],  # review copies are added to the staged set by the batch
    }


def _templates(folder: Path) -> dict[str, Any]:
    """The templates folder the documents were filled from, unless docgen's own: as given
    and resolved, with the hash of the schedules' words used (``docgen verify`` reads them)."""
    resolved = recorded_templates(folder)
    if resolved is None:
        return {}
    return {"templates": {"path": str(folder), "resolved": resolved,
                          "schedules_sha256": file_sha256(wording_file(folder))}}


def _publish(path: Path, out: Path, decided: _Decided, files: dict[str, bytes],
             rendered: Rendered, options: BuildOptions, result: PostResult) -> PostResult:
    """Stage the whole set (keeping a person's edited copies) and switch it in at once."""
    reference = decided.checked.answers.reference
    for old, new in keep_edits(decided.folder, decided.edited, files).items():
        made = {n.casefold() for name in files if name.endswith(".docx")
                for n in (name, *extra_names(name, options.formats))}  # (or to be made)
        done = "replaced it" if old.casefold() in made else \
            "left it out of the new set (not asked for this time)"
        result.problems.append(Problem(f"{old} in {out / reference} had been edited by hand; "
                                       f"--force {done} and kept the edited copy as {new}",
                                       severity="warning", rule=EDITED_RULE, file=path))
    try:
        stage = _write_stage(out, reference, files)
        dropped: list[str] = []
        target = commit(out, reference, stage, decided.folder, dropped) if options.publish \
            else stage
    except DocgenError as exc:
        result.message = str(exc)
        return result
    except OSError as exc:
        result.message = describe_write_error(exc, out)
        return result
    result.status = "built"
    if dropped:  # copies an earlier build made in a format not asked for this time
        result.problems.append(copies_removed(dropped, target, options.formats, path))
    result.outputs = [target / decided.names[kind] for kind in rendered.documents]
    result.notes = own_clause_notices(decided.library.own)  # said once for the batch
    return result
