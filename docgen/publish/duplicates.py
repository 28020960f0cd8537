"""Two answer files with one reference in a batch: the first wins, in ``build`` and in
``check`` alike, whichever worker gets there first, except that in ``build`` the file whose
documents the post's folder holds goes first, however the files were named (``build .``
names them sorted): a copy named before it must not take or block its post. A cheap look
at each file's text holds a later file back until the earlier one is done;
:func:`docgen.publish.claims.taken` says why it failed."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from docgen.answers.bounded import read_bounded
from docgen.answers.folder_names import reference_problem
from docgen.errors import AnswerFileError, DocgenError
from docgen.publish.claims import built_from, taken
from docgen.publish.stage import Folders, check_post_folder
from docgen.results import PostResult

Task = tuple[Path, str | None]  # an answer file, and the reference it had last time


REFERENCE_LINE = re.compile(r"""^reference:[ \t]*["']?([^"'\s#]+)""", re.MULTILINE)


def declared_reference(path: Path) -> str | None:
    """The ``reference:`` an answer file's text states, read without parsing it (so a file
    that cannot be loaded still names its post), or ``None``. Read as every answer file is,
    bounded: ``check /dev/zero`` must never read without end."""
    return _declared(path)[0]


def _declared(path: Path) -> tuple[str | None, int | None]:
    """:func:`declared_reference` and the line it is written on."""
    try:
        text = read_bounded(path).decode("utf-8", errors="replace")
    except (OSError, AnswerFileError):
        return None, None
    m = REFERENCE_LINE.search(text)
    return (m.group(1), text.count("\n", 0, m.start()) + 1) if m else (None, None)


def reference_place(path: Path) -> str:
    """``FILE:LINE`` of the ``reference`` key in ``path``'s own text (the file alone when
    the reference comes from a base it ``extends``): where a duplicate is to be changed."""
    line = _declared(path)[1]
    return f"{path}:{line}" if line else str(path)


def owns_folder(out: Path, reference: str, path: Path, folders: Folders | None) -> bool:
    """Whether ``path`` built the folder of ``reference`` in ``out`` (its manifest says so)."""
    if reference_problem(reference) is not None:
        return False
    try:
        return built_from(check_post_folder(out, reference, folders), path)
    except DocgenError:
        return False


def hold_back_duplicates(tasks: list[Task], owns: Callable[[str, Path], bool] | None = None
                         ) -> tuple[list[Task], list[tuple[Path, Path]]]:
    """Files declaring a reference already declared by an earlier file wait for it.

    A cheap look at the text makes the outcome independent of which worker gets
    there first; the claims in ``build_post`` catch what this misses (a reference
    set by ``extends``). ``owns(reference, file)``: whether the file built the post's
    folder; such a file goes first among those with its reference, so the outcome does not
    depend on the order the files were named in. Returns the tasks to run now and (held
    file, earlier file).
    """
    declared = [(task, declared_reference(task[0])) for task in tasks]
    if owns is not None:
        keys = [ref.casefold() for _, ref in declared if ref]
        twice = {key for key in keys if keys.count(key) > 1}
        declared.sort(key=lambda d: not (d[1] is not None and d[1].casefold() in twice
                                         and owns(d[1], d[0][0])))
    seen: dict[str, Path] = {}
    now, held = [], []
    for (path, hint), ref in declared:
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
    """The first file with a reference wins; when it failed, a later one is built by
    ``build``, whose claim on the reference decides (a file that failed before claiming it,
    unreadable or refused as another file's post, never blocks the file that owns it)."""
    results = {p.source: p for p in done}
    out = []
    for path, first in held:
        winner = results.get(first)
        if winner is not None and winner.status == "failed":
            result = build(path)
        else:
            ref = declared_reference(path)
            result = PostResult(source=path, status="failed", reference=ref or "",
                                message=taken(str(ref), first, reference_place(path)))
        results[path] = result
        out.append(result)
    return out


def same_reference(posts: list[PostResult]) -> None:
    """A file whose reference an earlier one already has fails in a check, in the words
    ``build`` uses (and that, seeing no output folder, it cannot tell which one built the
    post: build keeps that one, :func:`hold_back_duplicates`): references are compared
    case-blind, as the folders they name are on Windows and macOS."""
    first: dict[str, PostResult] = {}
    for post in posts:
        if not post.reference:
            continue
        other = first.setdefault(post.reference.casefold(), post)
        if other is not post:
            post.status = "failed"
            post.message = taken(post.reference, other.source, reference_place(post.source),
                                 checked=True)
