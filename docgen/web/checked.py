"""``docgen.check`` of the answers in memory (and the start page's list of posts, checked
from their files), kept a few seconds for the same answers.

A page of the interview checks the post's answers several times (the answers as given, then
with docgen's stand-ins beneath them: :mod:`docgen.web.checking`), and the page that follows
a Continue (Post/Redirect/Get), a live check sent on leaving a box and the task list check
the same answers again: in the test suite's requests, 59% of the checks repeated one made
before. A check is kept for :data:`KEPT_SECONDS` for exactly the same answers (as pickled:
every key and value with its type, in order) and the same organisation profiles (each
file's name, size and time, and its bytes' hash while it was written in the last two
seconds), and given to each caller as a copy of its own. What a check
reads beyond those (a clause folder, a house style) is read again once the few seconds are
up: a change there shows on the next page after that.
"""

from __future__ import annotations

import copy
import hashlib
import pickle
import stat
import time
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

import docgen
from docgen.api.interview import PROFILE_FOLDER
from docgen.kept import Kept

#: how long a check is kept; a few seconds covers a page's own checks and the next page's
KEPT_SECONDS = 5.0
#: checks kept at once (a draft's page makes up to five; a server has few officers)
KEPT = 64
#: answers larger than this (pickled) are checked each time, never kept
KEPT_MAX_BYTES = 400_000

_KEPT: Kept[tuple[Hashable, str, tuple[Any, ...]], tuple[float, Any]] = Kept(KEPT)
T = TypeVar("T")


def _profiles_state(workspace: Path | None) -> tuple[Any, ...]:
    """Each profile file's name, size and time (nothing when the folder has none)."""
    if workspace is None:
        return ()
    try:
        entries = sorted((workspace / PROFILE_FOLDER).iterdir())
    except OSError:
        return ()
    return files_state(entries)


#: a file written this recently may be written again within one tick of the clock that
#: times it (some milliseconds), keeping its time and perhaps its size: its state holds
#: its bytes' hash too (up to :data:`HASHED_BYTES`; a larger file is no profile or post)
RECENT_SECONDS = 2.0
HASHED_BYTES = 1_000_000


def files_state(paths: list[Path]) -> tuple[Any, ...]:
    """Each file's name, size and time, and for a file written in the last
    :data:`RECENT_SECONDS` its bytes' hash (a file gone: its name alone). A file older than
    that cannot change within its time's tick without its time changing."""
    state: list[Any] = []
    now = time.time_ns()
    for path in paths:
        try:
            st = path.stat()
            entry: tuple[Any, ...] = (path.name, st.st_size, st.st_mtime_ns)
            if (now - st.st_mtime_ns < RECENT_SECONDS * 1e9 and st.st_size <= HASHED_BYTES
                    and stat.S_ISREG(st.st_mode)):  # (never a pipe: reading it would wait)
                entry += (hashlib.sha256(path.read_bytes()).digest(),)
            state.append(entry)
        except OSError:
            state.append((path.name,))
    return tuple(state)


def kept(key: Hashable, workspace: Path | None, make: Callable[[], T]) -> T:
    """``make()``, or what it made for ``key`` in the same workspace (its profiles as they
    are) in the last few seconds. The caller hands out copies: the value is shared."""
    whole = (key, str(workspace), _profiles_state(workspace))
    now = time.monotonic()
    held = _KEPT.get(whole)
    if held is None or now - held[0] > KEPT_SECONDS:
        held = (now, make())
        _KEPT.put(whole, held)
    value: T = held[1]
    return value


def check(plain: dict[str, Any], workspace: Path | None = None) -> docgen.CheckReport:
    """``docgen.check(plain, workspace=workspace)``, the same answers' report if checked in
    the last few seconds (a copy: callers may change theirs)."""
    try:  # (JSON would not do: it writes the keys 1 and "1" alike)
        pickled = pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return docgen.check(plain, workspace=workspace)  # not plain data: nothing to key by
    if len(pickled) > KEPT_MAX_BYTES:
        return docgen.check(plain, workspace=workspace)
    report = kept(("check", hashlib.sha256(pickled).digest()), workspace,
                  lambda: docgen.check(plain, workspace=workspace))
    return docgen.CheckReport(reference=report.reference, problems=list(report.problems),
                              facts=copy.deepcopy(report.facts))
