"""Batches: find the answer files, build them in parallel processes, write the register.

Worker processes are forked after the templates and the clause library are
loaded, so they share them. One bad file never stops the others; files that
declare a reference another file already has wait for it: the file that built the post's
folder goes first, else the first named (:mod:`docgen.publish.duplicates`).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docgen.publish
from docgen.answers.folder_names import CLAUSES_MARKER as CLAUSES_MARKER  # the batch API's
from docgen.answers.folder_names import STATE
from docgen.errors import DocgenError
from docgen.publish.discover import find_answer_files as find_answer_files  # finds files too
from docgen.publish.discover import named_profiles
from docgen.publish.duplicates import (
    declared_reference,
    hold_back_duplicates,
    owns_folder,
    same_reference,
    settle_held,
)
from docgen.publish.files import (
    UNREADABLE_JSON,
    read_manifest,
    sha256,
    write_if_changed,
    write_manifest,
)
from docgen.publish.incremental import copies_removed
from docgen.publish.lock import describe_write_error, output_lock, prepare_out
from docgen.publish.post import BuildOptions, batch_signatures, check_post
from docgen.publish.register import write_register
from docgen.publish.register_files import orphan_notices, post_manifests
from docgen.publish.register_rows import failed_references, failed_rows
from docgen.publish.stage import (
    check_post_folder,
    claims_dir,
    commit,
    list_folders,
    recover,
    remove_stage_root,
)
from docgen.publish.workers import (
    POSTS_TO_CONVERT,
    Run,
    guarded_build,
    parallel,
    worker_count,
)
from docgen.results import BuildReport, NotAPost, Notice, PostResult
from docgen.word.fill import TEMPLATE_DIR

if TYPE_CHECKING:  # PDFs and review copies load when asked for (docgen.publish.__getattr__)
    import docgen.publish.convert
    import docgen.publish.review

#: the register's rows for a run's failures, from its results (``build(failed_register_rows=)``)
FailedRows = Callable[[list[PostResult]], list[dict[str, Any]]]


def _state_file(out: Path) -> Path:
    return out / STATE


def project_roots(paths: Sequence[str | Path]) -> tuple[Path, ...]:
    """Folders named on the command line: project roots, for ``extends``, ``clauses`` and
    the search for ``organisations/`` (files among ``paths`` are not roots)."""
    return tuple(Path(p).resolve() for p in paths if Path(p).is_dir())


def build(paths: Sequence[str | Path], out: str | Path = "build", *,
          overlays: list[Path] | None = None, force: bool = False, jobs: int | None = 1,
          incremental: bool = True, template_dir: Path = TEMPLATE_DIR,
          progress: Callable[[PostResult], None] | None = None,
          register: bool = True, verify: bool = True,
          formats: tuple[str, ...] = ("docx",), wait: float = 0,
          roots: Sequence[str | Path] | None = None,
          failed_register_rows: FailedRows | None = None) -> BuildReport:
    """Build every answer file found in ``paths``; one bad file never stops the others.

    ``jobs``: worker processes (``None`` = one per core and one more; capped at 4 per core and
    one per post). Posts whose inputs are unchanged since the last build are
    skipped unless ``force``. Writes ``register.csv`` and ``register.xlsx`` in
    ``out`` when ``register``. ``formats`` may add ``pdf`` (LibreOffice, one
    process per worker for the whole batch), ``md`` and ``html`` (review copies)
    beside each document. Each post's set is published whole or not at all, and
    one run at a time holds ``out``: another waits ``wait`` seconds, then fails.
    YAML found in a folder or glob that is not an answer file is not built; it is
    listed, with why, in the report's ``not_posts``. ``roots``: the folders the user
    named (default: the folders among ``paths``); each is a project root, so a post in
    ``inputs/hr/`` finds ``inputs/organisations/`` and may ``extends: ../_base.yaml``. A
    caller that found the files itself passes the folders it searched here.
    ``failed_register_rows``: the register's rows for this run's failures, made from its
    results inside the same hold of the lock as the documents (default: each failed post's
    row, :func:`~docgen.publish.register_rows.failed_rows`); a caller that made the answer
    files from other input (the workbook intake) gives rows that name that input, with
    rows for what never became an answer file, and the register is written once.
    """
    out = Path(out)
    overlays = overlays or []
    files, left_out = find_answer_files(paths)
    not_posts = [NotAPost(path, reason) for path, reason in left_out]
    profiles = named_profiles(files, paths)  # checked as profiles: nothing to build
    if profiles:
        order = {f: i for i, f in enumerate(files)}
        files = [f for f in files if f not in profiles]
        for result in profiles.values():
            if progress:
                progress(result)
    if not files and failed_register_rows is None:  # nothing to build (profiles, clause
        # files or other YAML named): out/ is not touched
        return BuildReport(posts=list(profiles.values()), not_posts=not_posts)
    folders = project_roots(paths if roots is None else roots)
    prepare_out(out)
    with output_lock(out, wait):
        try:  # the clause folders looked at once this run holds out/ (--wait may be long)
            recover(out)  # what an interrupted run left: old sets back, the rest removed
            # out/ listed once, after recover, for this build alone: a folder made later is
            # one of this batch's posts (claims keep their references apart, casefolded)
            run = Run(out, BuildOptions(
                overlays=tuple(overlays), force=force, template_dir=template_dir,
                incremental=incremental, verify=verify, formats=formats, claims=True,
                roots=folders, publish=not set(formats) - {"docx"},
                signatures=batch_signatures(overlays)), os.getpid(), list_folders(out))
            report = _build_locked(files, run, jobs, progress, register, failed_register_rows)
            report.not_posts = not_posts
            if profiles:
                report.posts += profiles.values()
                report.posts.sort(key=lambda p: order.get(p.source, 0))
            return report
        except OSError as exc:
            raise DocgenError(describe_write_error(exc, out)) from None
        finally:
            shutil.rmtree(claims_dir(out), ignore_errors=True)
            recover(out)  # sets staged but not published (a failed review copy, Ctrl-C)
            remove_stage_root(out)


def _build_locked(files: list[Path], run: Run, jobs: int | None,
                  progress: Callable[[PostResult], None] | None, register: bool,
                  failed_register_rows: FailedRows | None) -> BuildReport:
    out, formats, roots = run.out, run.options.formats, run.options.roots
    state_path = _state_file(out)
    try:  # read even when not incremental: the other answer files' entries are kept
        state: dict[str, str] = json.loads(state_path.read_text())
    except UNREADABLE_JSON:
        state = {}
    if not isinstance(state, dict):
        state = {}
    tasks = [(f, state.get(str(f.resolve())) if run.options.incremental else None)
             for f in files]
    # LibreOffice's processes for the PDFs: as many as the posts' workers would be without
    # the posts each worker must have (converting is slow: two processes pay from 2 posts)
    converters = worker_count(jobs, len(tasks), POSTS_TO_CONVERT)
    jobs = worker_count(jobs, len(tasks))
    report = BuildReport()
    # the file whose documents a post's folder holds goes first among those with its
    # reference: a copy named before it (``build .`` sorts) must not block it
    tasks, held = hold_back_duplicates(
        tasks, lambda ref, path: owns_folder(out, ref, path, run.folders))
    if jobs == 1 or len(files) < 4:
        for path, hint in tasks:
            result = guarded_build(path, hint, run)
            report.posts.append(result)
            if progress:
                progress(result)
    else:
        report.posts = parallel(tasks, run, jobs, progress)
    for post in settle_held(held, report.posts,
                            lambda path: guarded_build(path, None, run)):
        report.posts.append(post)
        if progress:
            progress(post)
    order = {f: i for i, f in enumerate(files)}
    report.posts.sort(key=lambda p: order.get(p.source, 0))
    if set(formats) - {"docx"}:
        _review_outputs(report, out, formats, converters)
    for post in report.posts:
        if post.reference and post.status in ("built", "skipped"):
            state[str(post.source.resolve())] = post.reference
    if report.posts:  # a rebuild recording what it already records writes nothing (a sync
        # and a rename on the disk of every one-post build)
        write_if_changed(state_path, json.dumps(state, indent=0, sort_keys=True).encode())
    # the post folders' manifests, read once for the register and the notices below
    manifests = post_manifests(out) if report.posts or (
        register and failed_register_rows is not None) else []
    if register and (report.posts or failed_register_rows is not None):
        # the failed posts' rows, made from the results: a post can fail after its row was
        # made "built" (its PDF or review copy could not be made, so nothing was
        # published), and one failing its first build has the reference its answer file
        # states; a workbook gives its own rows, its rows with errors among them
        rows = (failed_rows(report.posts, roots) if failed_register_rows is None
                else failed_register_rows(report.posts))
        if report.posts or rows:
            write_register(out, rows, notices=report.notices, manifests=manifests)
    if report.posts:  # for a program as for a person: posts whose answer file is gone
        report.notices += orphan_notices(out, failed_references(report.posts), manifests)
    report.notices += _clause_notes(report.posts)
    return report


def _clause_notes(posts: list[PostResult]) -> list[Notice]:
    """The clause libraries' notes (a clause of one's own in the clause folders given) of the
    posts built or skipped as unchanged, each clause file once however many posts were built
    with it: information, so not a warning on each. Each is told apart by its clause file
    (``incremental.own_clause_notices`` always names it); ``Notice.path`` may be None for
    other kinds of notice, so one without a file is told apart by its words (a real branch,
    not an assert, which ``python -O`` would drop)."""
    said: dict[tuple[str, str], Notice] = {}  # by (kind, value): words never a file
    for note in (n for p in posts if p.status in ("built", "skipped") for n in p.notes):
        # the file as a build names it (as given) or a manifest records it (resolved)
        key = ("file", os.path.abspath(note.path)) if note.path is not None \
            else ("words", note.message)
        said.setdefault(key, note)
    return list(said.values())


def _review_outputs(report: BuildReport, out: Path, formats: tuple[str, ...], jobs: int) -> None:
    """PDFs (one LibreOffice run for the whole batch) and review copies for built posts,
    made inside each post's staged set and recorded in its manifest (so the edited-file
    guard covers them too); then each set is published. When they cannot be made, no
    set is published: the post folders keep their previous documents, and a post that
    failed lists no ``outputs`` (the staged files it named are removed)."""
    built = [p for p in report.posts if p.status == "built"]
    docs = [o for p in built for o in p.outputs]
    if not docs:
        return
    try:
        extra = docgen.publish.convert.to_pdf(docs, jobs=min(jobs, 2)) if "pdf" in formats \
            else []
        if wanted := [f for f in formats if f in ("md", "html")]:
            extra += docgen.publish.review.write_review_copies(docs, wanted)
    except DocgenError as exc:
        for post in built:
            post.status, post.outputs = "failed", []
            post.message = f"nothing published (the previous documents stay): {exc}"
        return
    folders = list_folders(out)  # once, not for each post; each commit is of its own name
    for post in built:
        stage = post.outputs[0].parent
        manifest = read_manifest(stage) or {}
        mine = sorted(x for x in extra if x.parent == stage)
        manifest["extra"] = [{"file": x.name, "sha256": sha256(x.read_bytes())} for x in mine]
        write_manifest(stage, manifest)
        dropped: list[str] = []
        try:
            folder = commit(out, post.reference, stage,
                            check_post_folder(out, post.reference, folders), dropped)
        except DocgenError as exc:
            post.status, post.message, post.outputs = "failed", str(exc), []
            continue
        if dropped:  # copies an earlier build made in a format not asked for this time
            post.problems.append(copies_removed(dropped, folder, formats, post.source))
        post.outputs = [folder / x.name for x in [*post.outputs, *mine]]


def check(paths: Sequence[str | Path], *,
          roots: Sequence[str | Path] | None = None) -> BuildReport:
    """Validate every answer file found in ``paths`` without writing anything (YAML
    that is not an answer file is listed in the report's ``not_posts``). ``roots``: the
    folders the user named, project roots as for :func:`build` (default: those in ``paths``)."""
    posts = []
    folders = project_roots(paths if roots is None else roots)
    files, left_out = find_answer_files(paths)
    for path in files:
        try:
            result = check_post(path, folders)
            if result.status == "failed" and not result.reference:
                # the reference its text states: ``--json`` and the summary can then say
                # which post failed (never ``result.reference``: no claim was checked)
                result.summary.setdefault("reference", declared_reference(path) or "")
            posts.append(result)
        except Exception as exc:  # noqa: BLE001 - one file's failure never stops the others
            posts.append(PostResult(source=path, status="failed",
                                    message=f"unexpected error ({type(exc).__name__}: {exc}); "
                                            "please report it with the answer file"))
    same_reference(posts)
    return BuildReport(posts=posts, not_posts=[NotAPost(path, reason) for path, reason in left_out])
