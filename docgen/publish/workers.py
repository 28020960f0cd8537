"""A batch's worker processes: forked after the templates and the clause library are
loaded (so they share them), each building its share of the posts; every post's failure
its own, and the workers ending when the batch's process does, even when it is killed.
:mod:`docgen.publish.batch` finds the posts, decides which to build and writes the register.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from docgen._startup import INTERRUPTED
from docgen.answers.kinds import BY_KIND
from docgen.clauses.engine import compile_library
from docgen.clauses.library import cached_library
from docgen.errors import DocgenError
from docgen.publish.duplicates import Task
from docgen.publish.lock import describe_build_error, die_with_parent, parent_alive
from docgen.publish.post import BuildOptions, build_post
from docgen.publish.stage import Folders
from docgen.results import PostResult
from docgen.word.fill import load_template
from docgen.word.names import FILE_SUFFIX


@dataclass(frozen=True)
class Run:
    """One batch, as :func:`build` was asked for it: the same for every post (and
    picklable: a spawned worker is given a copy)."""

    out: Path
    options: BuildOptions  # each post's, with claims (and publishing left to the batch
    #                        when PDFs or review copies are to join the set)
    parent: int  # the batch's process: a worker whose parent has gone writes nothing more
    #: ``out`` listed once, under the lock (:func:`~docgen.publish.stage.list_folders`): each
    #: post's folder is found in it, not in a listing of its own. Given to a worker once,
    #: with the run (inherited when forked), never with each post's task. None: each lists
    folders: Folders | None = None


_WORKER: dict[str, Run] = {}  # in a worker process: its batch's run
#: the cycle collector's thresholds for a process that keeps much for its whole life (a
#: worker, the tests' processes): Python's are (700, 10, 10)
COLLECT_EVERY = (10_000, 20, 10)


def warm_up(options: BuildOptions) -> None:
    """Templates read, library loaded (as the batch found it) and compiled before forking."""
    for kind in FILE_SUFFIX:
        path = (options.template_dir / BY_KIND[kind].template).resolve()
        if path.is_file():
            load_template(path)
    overlays = list(options.overlays)
    compile_library(cached_library(overlays, signature=options.signature(overlays)))


def guarded_build(path: Path, hint: str | None, run: Run) -> PostResult:
    """One post of a batch; an unexpected failure fails that post, never the batch."""
    try:
        return build_post(path, run.out, run.options, reference_hint=hint,
                          folders=run.folders)
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
    result = guarded_build(*args, run)
    result.facts = None  # keep what crosses the process boundary small
    return result


def _worker_chunk(tasks: list[Task]) -> list[PostResult]:
    return [_worker_build(task) for task in tasks]


def _init_worker(run: Run) -> None:
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
    gc.set_threshold(*COLLECT_EVERY)
    gc.enable()  # a spawned worker (Windows) started as the command, with it off
    die_with_parent(run.parent)
    _WORKER["run"] = run


def chunks(tasks: list[Task], jobs: int) -> list[list[Task]]:
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


#: posts each worker is given at least, by default: forking a worker, warming it up and
#: taking its results back cost about what building two or three posts here costs. On 2
#: cores, 5 posts took 0.58-0.79 s wall (0.7-1.0 s CPU) with 3 workers and 0.59-0.63 s
#: (0.6 s) in one process; 8 posts about 0.5 s either way; 24 posts 1.1-1.2 s against 1.5 s
POSTS_A_WORKER = 3
#: posts each LibreOffice process converting a batch's PDFs is given at least (converting a
#: post takes seconds: a second process pays from two posts)
POSTS_TO_CONVERT = 1


def worker_count(jobs: int | None, tasks: int, posts_a_worker: int = POSTS_A_WORKER) -> int:
    """Worker processes: as asked (default one per core and one more, each with at least
    ``posts_a_worker`` posts), at most 4 per core and one per post. The one more has a
    core while another worker waits for the disk (each post's set is synced before it is
    published): on 2 cores, 1.95 cores kept busy, not 1.88. One worker is this process (a
    build of the few posts of a project, and any build on one core)."""
    cores = os.cpu_count() or 1
    if jobs is None:
        wanted = min(cores + 1 if cores > 1 else 1, tasks // posts_a_worker)
    else:
        wanted = max(1, jobs)
    return max(1, min(wanted, 4 * cores, tasks))


def parallel(tasks: list[Task], run: Run, jobs: int,
              progress: Callable[[PostResult], None] | None) -> list[PostResult]:
    """Run posts across processes (claims keep duplicate references apart); the workers
    end when this process does, even when it is killed. (The process pool is imported
    here: a build of one post, the command line's commonest, never starts one.)"""
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    warm_up(run.options)
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
            futures += [pool.submit(_worker_chunk, chunk) for chunk in chunks(tasks, jobs)]
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
