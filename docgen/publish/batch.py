"""Batches: find the answer files, build them in parallel processes, write the register.

Worker processes are forked after the templates and the clause library are
loaded, so they share them. One bad file never stops the others; files that
declare a reference an earlier file already has wait for it (the first wins:
:mod:`docgen.publish.duplicates`).
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import shutil
import signal
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import docgen.publish
from docgen._startup import INTERRUPTED
from docgen.answers.folder_names import CLAUSES_MARKER as CLAUSES_MARKER  # the batch API's
from docgen.answers.folder_names import STATE
from docgen.answers.kinds import BY_KIND
from docgen.clauses.engine import compile_library
from docgen.clauses.library import cached_library
from docgen.errors import DocgenError
from docgen.publish.discover import find_answer_files as find_answer_files  # finds files too
from docgen.publish.duplicates import (
    Task,
    declared_reference,
    hold_back_duplicates,
    same_reference,
    settle_held,
)
from docgen.publish.files import (
    UNREADABLE_JSON,
    atomic_write,
    read_manifest,
    sha256,
    write_manifest,
)
from docgen.publish.lock import (
    describe_build_error,
    describe_write_error,
    die_with_parent,
    output_lock,
    parent_alive,
    prepare_out,
)
from docgen.publish.post import BuildOptions, batch_signatures, build_post, check_post
from docgen.publish.register import write_register
from docgen.publish.register_files import orphan_notices, post_manifests
from docgen.publish.register_rows import failed_references, failed_rows
from docgen.publish.stage import claims_dir, commit, recover, remove_stage_root
from docgen.results import BuildReport, NotAPost, PostResult
from docgen.word.fill import TEMPLATE_DIR, load_template
from docgen.word.names import FILE_SUFFIX

if TYPE_CHECKING:  # PDFs and review copies load when asked for (docgen.publish.__getattr__)
    import docgen.publish.convert
    import docgen.publish.review

#: the register's rows for a run's failures, from its results (``build(failed_register_rows=)``)
FailedRows = Callable[[list[PostResult]], list[dict[str, Any]]]


@dataclass(frozen=True)
class _Run:
    """One batch, as :func:`build` was asked for it: the same for every post (and
    picklable: a spawned worker is given a copy)."""

    out: Path
    options: BuildOptions  # each post's, with claims (and publishing left to the batch
    #                        when PDFs or review copies are to join the set)
    parent: int  # the batch's process: a worker whose parent has gone writes nothing more


_WORKER: dict[str, _Run] = {}  # in a worker process: its batch's run


def _warm_up(options: BuildOptions) -> None:
    """Templates read, library loaded (as the batch found it) and compiled before forking."""
    for kind in FILE_SUFFIX:
        path = (options.template_dir / BY_KIND[kind].template).resolve()
        if path.is_file():
            load_template(path)
    overlays = list(options.overlays)
    compile_library(cached_library(overlays, signature=options.signature(overlays)))


def _guarded_build(path: Path, hint: str | None, run: _Run) -> PostResult:
    """One post of a batch; an unexpected failure fails that post, never the batch."""
    try:
        return build_post(path, run.out, run.options, reference_hint=hint)
    except OSError as exc:  # a read of an input, or a write into --out: said as which
        return PostResult(source=path, status="failed",
                          message=describe_build_error(exc, run.out),
                          summary={"reference": "", "build": "failed", "source": str(path)})
    except MemoryError:
        return PostResult(source=path, status="failed",
                          message="ran out of memory building this post; nothing of it was "
                                  "written. Build it alone (--jobs 1), and look for a very "
                                  "long list or text in its answer file or clause folders",
                          summary={"reference": "", "build": "failed", "source": str(path)})
    except Exception as exc:  # noqa: BLE001 - reported per post, with its type
        return PostResult(source=path, status="failed",
                          message=f"unexpected error ({type(exc).__name__}: {exc}); please "
                                  "report it with the answer file",
                          summary={"reference": "", "build": "failed", "source": str(path)})


def _worker_build(args: Task) -> PostResult:
    run = _WORKER["run"]
    if not parent_alive(run.parent):
        os._exit(1)  # the build was killed: write nothing more
    result = _guarded_build(*args, run)
    result.facts = None  # keep what crosses the process boundary small
    return result


def _worker_chunk(tasks: list[Task]) -> list[PostResult]:
    return [_worker_build(task) for task in tasks]


def _init_worker(run: _Run) -> None:
    # Ctrl-C reaches every process of the terminal's group: a worker ends at once and
    # quietly (as a kill would: a half-published set is put back by the next run); the
    # parent reports the interruption once. The worker was forked with SIGINT blocked
    # (see _parallel), so one sent while it starts waits for this handler
    signal.signal(signal.SIGINT, lambda *_: os._exit(INTERRUPTED))
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    # what the worker inherited (templates, library, compiled clauses) lives as long as it
    # does: out of the collections' sight (two thirds of their time), and they run less
    # (Python's 700: 0.28 ms of CPU a document, timed by gc.callbacks; 10,000: 0.05 ms)
    gc.freeze()
    gc.set_threshold(10_000, 20, 10)
    gc.enable()  # a spawned worker (Windows) started as the command, with it off
    die_with_parent(run.parent)
    _WORKER["run"] = run


def _chunks(tasks: list[Task], jobs: int) -> list[list[Task]]:
    """Posts in chunks of up to 8 (fewer messages between the processes), the last few
    one by one, so that no worker waits idle while another finishes a long chunk."""
    size = max(1, min(8, len(tasks) // (jobs * 4)))
    head = max(0, len(tasks) - 2 * jobs * size)
    return ([tasks[i:min(i + size, head)] for i in range(0, head, size)]
            + [[task] for task in tasks[head:]])


def _hold_ctrl_c() -> bool:
    """Block SIGINT in this thread (POSIX); True when it was not blocked before."""
    if not hasattr(signal, "pthread_sigmask"):
        return False
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    return signal.SIGINT not in before


def _release_ctrl_c(held: bool) -> None:
    """Unblock what :func:`_hold_ctrl_c` blocked: a Ctrl-C pressed meanwhile arrives now."""
    if held:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _state_file(out: Path) -> Path:
    return out / STATE


def project_roots(paths: Sequence[str | Path]) -> tuple[Path, ...]:
    """Folders named on the command line: project roots, for ``extends``, ``clauses`` and
    the search for ``organisations/`` (files among ``paths`` are not roots)."""
    return tuple(Path(p).resolve() for p in paths if Path(p).is_dir())


def worker_count(jobs: int | None, tasks: int) -> int:
    """Worker processes: as asked (default one per core and one more), at most 4 per core and
    one per post. The one more has a core while another worker waits for the disk (each
    post's set is synced before it is published): on 2 cores, 1.95 cores kept busy, not 1.88.
    One core builds in its own process, as before (a pool there was never measured)."""
    cores = os.cpu_count() or 1
    wanted = (cores + 1 if cores > 1 else 1) if jobs is None else max(1, jobs)
    return max(1, min(wanted, 4 * cores, tasks))


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
    folders = project_roots(paths if roots is None else roots)
    prepare_out(out)
    with output_lock(out, wait):
        try:  # the clause folders looked at once this run holds out/ (--wait may be long)
            run = _Run(out, BuildOptions(
                overlays=tuple(overlays), force=force, template_dir=template_dir,
                incremental=incremental, verify=verify, formats=formats, claims=True,
                roots=folders, publish=not set(formats) - {"docx"},
                signatures=batch_signatures(overlays)), os.getpid())
            recover(out)  # what an interrupted run left: old sets back, the rest removed
            report = _build_locked(files, run, jobs, progress, register, failed_register_rows)
            report.not_posts = [NotAPost(path, reason) for path, reason in left_out]
            return report
        except OSError as exc:
            raise DocgenError(describe_write_error(exc, out)) from None
        finally:
            shutil.rmtree(claims_dir(out), ignore_errors=True)
            recover(out)  # sets staged but not published (a failed review copy, Ctrl-C)
            remove_stage_root(out)


def _build_locked(files: list[Path], run: _Run, jobs: int | None,
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
    jobs = worker_count(jobs, len(tasks))
    report = BuildReport()
    tasks, held = hold_back_duplicates(tasks)
    if jobs == 1 or len(files) < 4:
        for path, hint in tasks:
            result = _guarded_build(path, hint, run)
            report.posts.append(result)
            if progress:
                progress(result)
    else:
        report.posts = _parallel(tasks, run, jobs, progress)
    for post in settle_held(held, report.posts,
                            lambda path: _guarded_build(path, None, run)):
        report.posts.append(post)
        if progress:
            progress(post)
    order = {f: i for i, f in enumerate(files)}
    report.posts.sort(key=lambda p: order.get(p.source, 0))
    if set(formats) - {"docx"}:
        _review_outputs(report, out, formats, jobs)
    for post in report.posts:
        if post.reference and post.status in ("built", "skipped"):
            state[str(post.source.resolve())] = post.reference
    if report.posts:
        atomic_write(state_path, json.dumps(state, indent=0, sort_keys=True).encode())
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
    return report


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
    for post in built:
        stage = post.outputs[0].parent
        manifest = read_manifest(stage) or {}
        mine = sorted(x for x in extra if x.parent == stage)
        manifest["extra"] = [{"file": x.name, "sha256": sha256(x.read_bytes())} for x in mine]
        write_manifest(stage, manifest)
        try:
            folder = commit(out, post.reference, stage)
        except DocgenError as exc:
            post.status, post.message, post.outputs = "failed", str(exc), []
            continue
        post.outputs = [folder / x.name for x in [*post.outputs, *mine]]


def _parallel(tasks: list[Task], run: _Run, jobs: int,
              progress: Callable[[PostResult], None] | None) -> list[PostResult]:
    """Run posts across processes (claims keep duplicate references apart); the workers
    end when this process does, even when it is killed. (The process pool is imported
    here: a build of one post, the command line's commonest, never starts one.)"""
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    _warm_up(run.options)
    ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    results: list[PostResult] = []
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker,
                             initargs=(run,)) as pool:
        # submitted by hand, not pool.map: map cancels its futures on Ctrl-C, and CPython
        # 3.11's pool manager then fails setting BrokenProcessPool on a cancelled future
        # (InvalidStateError: a traceback from its thread; fixed in 3.12)
        # the workers are forked here, inheriting Ctrl-C held back (until their handler
        # is set); this process takes it again below, where an interruption is handled
        held = _hold_ctrl_c()
        futures: list[Future[list[PostResult]]] = []
        try:
            futures += [pool.submit(_worker_chunk, chunk) for chunk in _chunks(tasks, jobs)]
            _release_ctrl_c(held)
            held = False
            for future in futures:
                for result in future.result():
                    results.append(result)
                    if progress:
                        progress(result)
        except KeyboardInterrupt:  # the workers end too (they may not have had the signal)
            for worker in multiprocessing.active_children():
                with contextlib.suppress(OSError):
                    if worker.pid is not None:  # an active child has been started
                        os.kill(worker.pid, signal.SIGINT)
            raise
        except BrokenProcessPool:
            raise DocgenError("a worker process ended before its post was built (Ctrl-C, or "
                              "killed: out of memory?); the post folders keep complete sets; "
                              "run the build again, or with --jobs 1") from None
        except BaseException:
            for future in futures:  # the pool is whole: what has not started never will
                future.cancel()
            raise
        finally:
            _release_ctrl_c(held)  # still held only if starting the workers failed
    return results


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
