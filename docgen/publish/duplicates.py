"""Two answer files with one reference in a batch: the first wins, in ``build`` and in
``check`` alike, whichever worker gets there first. A cheap look at each file's text holds
a later file back until the earlier one is done; :func:`docgen.publish.claims.taken` says
why it failed."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from docgen.answers.bounded import read_bounded
from docgen.errors import AnswerFileError
from docgen.publish.claims import taken
from docgen.results import PostResult

Task = tuple[Path, str | None]  # an answer file, and the reference it had last time


REFERENCE_LINE = re.compile(r"""^reference:[ \t]*["']?([^"'\s#]+)""", re.MULTILINE)


def declared_reference(path: Path) -> str | None:
    """The ``reference:`` an answer file's text states, read without parsing it (so a file
    that cannot be loaded still names its post), or ``None``. Read as every answer file is,
    bounded: ``check /dev/zero`` must never read without end."""
    try:
        text = read_bounded(path).decode("utf-8", errors="replace")
    except (OSError, AnswerFileError):
        return None
    m = REFERENCE_LINE.search(text)
    return m.group(1) if m else None


def hold_back_duplicates(tasks: list[Task]
                         ) -> tuple[list[Task], list[tuple[Path, Path]]]:
    """Files declaring a reference already declared by an earlier file wait for it.

    A cheap look at the text makes the outcome independent of which worker gets
    there first; the claims in ``build_post`` catch what this misses (a reference
    set by ``extends``). Returns the tasks to run now and (held file, earlier file).
    """
    seen: dict[str, Path] = {}
    now, held = [], []
    for path, hint in tasks:
        ref = declared_reference(path)
        key = ref.casefold() if ref else None
        if key and key in seen:
            held.append((path, seen[key]))
            continue
        if key:
            seen[key] = path
        now.append((path, hint))
    return now, held


def settle_held(held: list[tuple[Path, Path]], done: list[PostResult],
                build: Callable[[Path], PostResult]) -> list[PostResult]:
    """The first file with a reference wins; a later one is built only if every earlier
    file with that reference could not even be read (so its reference never counted);
    ``build`` builds such a file."""
    results = {p.source: p for p in done}
    out = []
    for path, first in held:
        winner = results.get(first)
        if winner is not None and winner.status == "failed" and not winner.reference:
            result = build(path)
        else:
            ref = declared_reference(path)
            result = PostResult(source=path, status="failed", reference=ref or "",
                                message=taken(str(ref), first))
        results[path] = result
        out.append(result)
    return out


def same_reference(posts: list[PostResult]) -> None:
    """A file whose reference an earlier one already has fails, as ``build`` fails it (its
    claim on the post folder is refused, with these words): references are compared
    case-blind, as the folders they name are on Windows and macOS."""
    first: dict[str, PostResult] = {}
    for post in posts:
        if not post.reference:
            continue
        other = first.setdefault(post.reference.casefold(), post)
        if other is not post:
            post.status = "failed"
            post.message = taken(post.reference, other.source)
