"""The register's rows: one per post folder in the output folder (from its manifest), and
this run's failures, each with the reference its answer file gives.

A post that fails on its very first build has no manifest, and often no reference from
its checks (the answers did not pass them). Its row still carries the reference the
answer file states when the file can be read, so a programme manager can tell which
post failed; when it cannot be read, or states no usable reference, the row says so in
its Post column. Every failed row says why the post failed (its first errors where they
are, or what stopped the build), and the reference the row gives is the post's in the
build's report too (``--json``), so a program reading it can tell which post failed. A
failed row replaces the older row of the same post only: the row of that reference built
from the same answer file, never another file's post that shares the reference.

Publishing is all or nothing, so when a post that was built before fails, the documents
of its last successful build still stand in its folder. Its row then gives their figures
(from their manifest), not those of the answers that failed, which are in no document:
it is marked failed, says why, says that its documents stand, and carries ``standing``
so the Parties sheet and the Partners totals count the documents that stand
(:mod:`docgen.publish.register_partners`).

An answer file given a new reference whose build fails has its documents under the old
one: when no folder of the failed reference was built from that file, its documents are
found by the file alone. The old reference's row then gives their figures, marked failed
and counted (:func:`renamed_row`), and the failed row says where they stand and carries
``stands_under`` (:func:`stands_elsewhere`), so no note calls it a post with no documents.
A programme workbook's row given a new reference is said so in plain words for the
people who keep the workbook (its row, the folder its documents are in:
:data:`ROW_RENAMED_OLD`, :data:`ROW_RENAMED_NEW`), the error said once, on the new line.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docgen.answers.bounded import read_bounded
from docgen.answers.folder_names import reference_problem
from docgen.answers.yamlfile import load_answer_file, parse_yaml
from docgen.errors import AnswerFileError, DocgenError
from docgen.publish.register_files import Manifests, post_manifests
from docgen.results import PostResult


def _stated_reference(path: Path, roots: Sequence[Path]) -> tuple[str, str]:
    """The reference ``path`` states (its ``extends`` bases merged in, or else the file
    alone), or ``""`` and why none can be given, in words for the register."""
    data: Any = None
    try:
        data = load_answer_file(path, roots=tuple(roots)).data
    except (AnswerFileError, DocgenError, OSError, ValueError):
        try:  # the file alone: a broken base must not hide the file's own reference
            data, _ = parse_yaml(read_bounded(path), path)
        except AnswerFileError as exc:
            return "", f"the answer file cannot be read: {exc.problems[0].message}"
        except (DocgenError, OSError, ValueError) as exc:
            return "", f"the answer file cannot be read: {exc}"
    reference = data.get("reference") if isinstance(data, dict) else None
    if reference is None or (isinstance(reference, str) and not reference.strip()):
        return "", "the answer file gives no reference"
    if not isinstance(reference, str) or reference_problem(reference) is not None:
        return "", f"the answer file's reference {str(reference)[:60]!r} cannot name a post"
    return reference, ""


#: how many of a failed post's errors its register row names before "and N more"
NAMED_ERRORS = 3


def why_failed(post: PostResult) -> str:
    """What stopped a post, in the words the command line prints: its first errors, each
    where it is (file and line, or the workbook's cell), or else the build's message."""
    errors = [str(p) for p in post.errors]
    if not errors:
        return post.message or "the build failed; run it again with -v to see why"
    text = "; ".join(errors[:NAMED_ERRORS])
    more = len(errors) - NAMED_ERRORS
    return text + (f" (and {more} more error{'s' if more != 1 else ''})" if more > 0 else "")


#: a failed row whose reference is another file's post's: it is in the register only when
#: the documents of its own answer file's last successful build stand under another reference
ELSEWHERE = "only_if_standing_elsewhere"


def failed_rows(posts: Sequence[PostResult], roots: Sequence[Path] = ()) -> list[dict[str, Any]]:
    """The register rows of this run's failed posts, each naming its answer file
    (``source``) and why it failed, with the reference the file states when its checks
    gave none; that reference becomes the post's summary's too, so the build's report
    (``--json``) names the post the register names."""
    rows = []
    for post in posts:
        if post.status != "failed":
            continue
        if not post.summary:  # another file's post has the reference: the register keeps
            if post.reference:  # its row, and has this one only where its documents stand
                rows.append({"source": str(post.source), "reference": post.reference,
                             "build": "failed", "why": why_failed(post), ELSEWHERE: True})
            continue
        row = {"source": str(post.source), **post.summary, "build": "failed",
               "why": why_failed(post)}
        if not row.get("reference"):
            reference, why = _stated_reference(post.source, roots)
            if reference:
                row["reference"] = post.summary["reference"] = reference
            elif not row.get("title"):
                row["title"] = f"{post.source} (reference not known: {why})"
        rows.append(row)
    return rows


def failed_references(posts: Sequence[PostResult]) -> dict[str, str]:
    """The reference each failed post's answer file (resolved) gave, where it gave one."""
    said = {}
    for post in posts:
        reference = post.reference or (post.summary or {}).get("reference")
        if post.status == "failed" and isinstance(reference, str) and reference:
            try:
                said[str(post.source.resolve())] = reference
            except (OSError, RuntimeError):
                continue
    return said


def _resolved(source: Any) -> Path | None:
    """A failed row's answer file, resolved (None when it names none, or cannot be)."""
    if not isinstance(source, str) or not source:
        return None
    try:
        return Path(source).resolve()
    except (OSError, RuntimeError):
        return None


def _same_file(recorded: Any, source: Any, file: Path | None) -> bool:
    """Whether a manifest's answer file (``answer_file.resolved``) is a failed row's
    (``source``, resolved as ``file``)."""
    if not isinstance(recorded, str) or not isinstance(source, str):
        return True  # one of them names no file (an older manifest): by reference alone
    return _built_from(recorded, file)


def _built_from(recorded: Any, file: Path | None) -> bool:
    """Whether a manifest names the failed row's answer file (resolved) itself."""
    return isinstance(recorded, str) and file is not None and file == Path(recorded)


def collect_rows(out: Path, failed: list[dict[str, Any]] | None = None,
                 manifests: Manifests | None = None) -> list[dict[str, Any]]:
    """The register row of every post with a manifest in ``out``, plus this run's failures.
    ``manifests``: :func:`~docgen.publish.register_files.post_manifests` of ``out``, if
    already read."""
    rows: list[tuple[dict[str, Any], Any]] = []  # each row, and the answer file it came from
    for _, data in post_manifests(out) if manifests is None else manifests:
        row = data.get("register") if isinstance(data, dict) else None
        if row:
            answer = data.get("answer_file")
            rows.append((row, answer.get("resolved") if isinstance(answer, dict) else None))
    # this run's failures replace the older manifest rows of the same post, whose
    # documents still stand: the failed row then gives their figures
    failed = failed or []
    files = [_resolved(f.get("source")) for f in failed]  # once each, not once a manifest
    kept: list[dict[str, Any]] = []
    stood: dict[int, dict[str, Any]] = {}
    moved: dict[int, list[str]] = {}  # a failed row's answer file's references that stand
    # failed rows whose answer file built a folder of the reference it gives now: its last
    # successful build is there, and a folder of an earlier reference is only older
    built_now = {i for i, f in enumerate(failed) for row, recorded in rows
                 if f.get("reference") and row.get("reference") == f.get("reference")
                 and _built_from(recorded, files[i])}
    for row, recorded in rows:
        replaced = next((i for i, f in enumerate(failed) if f.get("reference")
                         and not f.get(ELSEWHERE) and row.get("reference") == f.get("reference")
                         and _same_file(recorded, f.get("source"), files[i])), None)
        if replaced is not None:
            stood[replaced] = row
            continue
        # the answer file of these documents failed under another reference (or none)
        renamed = next((i for i, f in enumerate(failed) if _built_from(recorded, files[i])
                        and row.get("reference") != f.get("reference")
                        and i not in built_now), None)
        if renamed is None:
            kept.append(row)
        else:
            kept.append(renamed_row(row, failed[renamed]))
            moved.setdefault(renamed, []).append(str(row.get("reference") or ""))
    kept += [standing_row(f, stood[i]) if i in stood else
             stands_elsewhere(f, moved[i]) if i in moved else f
             for i, f in enumerate(failed) if i in moved or not f.get(ELSEWHERE)]
    kept.sort(key=lambda r: (r.get("reference") or "~", r.get("source", "")))
    return kept


#: what a failed row whose post's earlier documents stand adds to its Why it failed
STANDING_WHY = ("; the documents of its last successful build stand, and the details on "
                "this line are theirs")


def standing_row(failed: dict[str, Any], standing: dict[str, Any]) -> dict[str, Any]:
    """The row of a post that failed while the documents of its last successful build
    stand: their figures (its manifest's row), marked failed with why, and ``standing``."""
    why = str(failed.get("why") or "the build failed")
    return {**standing, "source": failed.get("source", ""), "build": "failed",
            "why": why + STANDING_WHY, "standing": True}


def _new_reference(failed: dict[str, Any]) -> str:
    reference = failed.get("reference")
    return f"reference {reference}" if reference else "no reference docgen can use"


#: on a failed row of a programme workbook given a new reference: where the row is
#: ("row 2 of posts.xlsx"), so the register says it in the words of the workbook's users
#: (:data:`ROW_RENAMED_OLD`, :data:`ROW_RENAMED_NEW`)
WORKBOOK_ROW = "workbook_row"

#: a workbook row given a new reference that could not be built, on the line of the old
#: reference, whose documents stand (the error itself is on the new reference's line)
ROW_RENAMED_OLD = ("{where} now has reference {new} and could not be built (see the {new} "
                   "line). The documents in folder {folder} are unchanged from the last "
                   "successful build; the details on this line are theirs.")
#: the same row, on the new reference's line: the error, and where its documents are
ROW_RENAMED_NEW = ("Not built: {why}. No documents exist for {new} yet; the documents last "
                   "built from this row are in {folders}.")


def renamed_row(standing: dict[str, Any], failed: dict[str, Any]) -> dict[str, Any]:
    """The row of documents that stand whose answer file (or workbook row) now gives
    another reference (or none) and failed: their figures, marked failed (the file's last
    build did not succeed), saying so, and ``standing``: they are counted here, under
    their reference."""
    why = str(failed.get("why") or "the build failed")
    where = failed.get(WORKBOOK_ROW)
    if where:  # a workbook's row: said plainly, for the people who keep the workbook
        text = ROW_RENAMED_OLD.format(where=str(where)[:1].upper() + str(where)[1:],
                                      new=failed.get("reference"),
                                      folder=standing.get("reference"))
        return {**standing_row(failed, standing), "why": text}
    return {**standing_row(failed, standing),
            "why": f"its answer file now gives {_new_reference(failed)}, and that build "
                   f"failed: {why}; the documents of its last successful build stand under "
                   "this reference, and the details on this line are theirs"}


def stands_elsewhere(failed: dict[str, Any], references: list[str]) -> dict[str, Any]:
    """A failed row whose answer file's earlier documents stand under other references
    (``references``, whose rows give and count their figures): it says so, and carries
    ``stands_under`` so the notes do not call it a post with no documents."""
    under = ", ".join(references)
    one = len(references) == 1
    why = failed.get("why") or "the build failed"
    row = {**{k: v for k, v in failed.items() if k not in (ELSEWHERE, WORKBOOK_ROW)},
           "stands_under": under}
    if failed.get(WORKBOOK_ROW):
        return {**row, "why": ROW_RENAMED_NEW.format(
            why=why, new=failed.get("reference"),
            folders=f"folder{'' if one else 's'} {under}")}
    return {**row,
            "why": f"{why}; the documents of its last successful build stand under the "
                   f"earlier reference{'' if one else 's'} {under} (folder"
                   f"{'' if one else 's'} {under}), whose row{'' if one else 's'} "
                   f"give{'s' if one else ''} their figures"}
