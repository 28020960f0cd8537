"""``docgen intake read`` and ``docgen intake write``: a workbook ↔ a folder of answer files.

Reading again after editing one row changes one file. A file is rewritten only when
it still has the bytes docgen wrote (a hash in ``.docgen-intake.json`` in the folder):
one edited by hand is kept, and with ``force`` set aside as
``_<name>.edited-1.yaml`` (the ``_`` keeps it out of builds of the folder) before
the new one is written. A post whose row was removed keeps its file (reported).
"""

from __future__ import annotations

import copy
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from docgen.answers.bounded import NAME_ITS_FOLDER
from docgen.answers.organisation import PROFILE_FOLDER, REQUIRED_PARTY_KEYS
from docgen.answers.profiles import find_workspace
from docgen.answers.schema import SCHEMA_FILE, answer_file_schema
from docgen.answers.starter import starter_text
from docgen.answers.yamlfile import load_answer_file, read_yaml
from docgen.errors import AnswerFileError, DocgenError, Problem, format_path
from docgen.facts.formatting import join_words
from docgen.intake.completed import workspace_of
from docgen.intake.reading import PostRow
from docgen.intake.rows import Intake, checked_rows, profile_ids
from docgen.intake.sheets import workbook_bytes
from docgen.intake.writing import write_posts
from docgen.publish.discover import find_answer_files
from docgen.publish.files import atomic_write, sha256
from docgen.shellwords import shell_path

MANIFEST = ".docgen-intake.json"


@dataclass
class ReadResult:
    """What ``intake read`` did, file by file."""

    intake: Intake
    written: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[tuple[Path, str]] = field(default_factory=list)  # not overwritten, why
    #: kept files whose row the workbook has changed since docgen wrote them: its new
    #: values are not in any file (``intake read`` then exits 1)
    not_applied: list[Path] = field(default_factory=list)
    set_aside: list[tuple[Path, Path]] = field(default_factory=list)  # --force: old → copy
    removed: list[tuple[str, Path]] = field(default_factory=list)  # row gone, file kept
    failed: list[PostRow] = field(default_factory=list)
    #: a failed row's answer file from an earlier read, kept with the values read then
    stale: dict[int, Path] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # what to know to build the files


def _manifest(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"files": {}}
    return data if isinstance(data, dict) and isinstance(data.get("files"), dict) \
        else {"files": {}}


def rebase(value: str, was: Path, now: Path) -> str:
    """A path written relative to folder ``was``, written relative to folder ``now``."""
    return Path(os.path.relpath((was / value).resolve(), now.resolve())).as_posix()


def _paths(data: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """The paths an answer file's own keys hold (each relative to that file): its base
    file, its clause folders and each party's house style."""
    found: list[tuple[tuple[str | int, ...], str]] = []
    if isinstance(data.get("extends"), str):
        found.append((("extends",), data["extends"]))
    for i, folder in enumerate(data.get("clauses") or [] if isinstance(
            data.get("clauses"), list) else []):
        if isinstance(folder, str):
            found.append((("clauses", i), folder))
    for i, party in enumerate(data.get("parties") or [] if isinstance(
            data.get("parties"), list) else []):
        if isinstance(party, dict) and isinstance(party.get("house_style"), str):
            found.append((("parties", i, "house_style"), party["house_style"]))
    return found


def _set_path(data: dict[str, Any], key: tuple[str | int, ...], value: str) -> None:
    node: Any = data
    for part in key[:-1]:
        node = node[part]
    node[key[-1]] = value


def rebased(data: dict[str, Any], was: Path, now: Path) -> dict[str, Any]:
    """``data`` (a copy) with every path it holds written relative to ``now``."""
    data = copy.deepcopy(data)
    for key, value in _paths(data):
        _set_path(data, key, rebase(value, was, now))
    return data


def _text(post: PostRow, workbook: Path, folder: Path) -> str:
    # paths in a row are relative to the workbook: now to the answer file
    data = rebased(dict(post.data), workbook.parent, folder)
    header = [f"Written from {workbook.name} ({post.row.sheet} row {post.row.number}) by "
              "docgen intake read.",
              "Edit the workbook and read it again; once this file is edited by hand, docgen "
              "no longer overwrites it."]
    return starter_text(data, header)


def _aside(target: Path) -> Path:
    n = 1
    while (copy := target.with_name(f"_{target.stem}.edited-{n}{target.suffix}")).exists():
        n += 1
    return copy


def read_into(workbook: Path, folder: Path, force: bool = False) -> ReadResult:
    """Write or update one answer file per row that has no errors. A ``folder`` not there
    yet (whose parent is) is made once the workbook has been read and a row can be written:
    a workbook refused, or every row failing, leaves no empty folder behind."""
    intake = checked_rows(workbook)  # each row said as check and build say it
    if (empty := intake.no_posts()) is not None:
        raise DocgenError(empty)
    if not folder.exists() and folder.parent.is_dir() and any(p.ok for p in intake.posts):
        folder.mkdir()
    result = ReadResult(intake)
    manifest = _manifest(folder)
    records: dict[str, dict[str, Any]] = manifest["files"]
    seen: set[str] = set()
    for post in intake.posts:
        if not post.ok:
            result.failed.append(post)
            earlier = f"{post.reference}.yaml"
            if earlier in records and (folder / earlier).exists():
                seen.add(earlier)  # its row is there, with errors: never "removed"
                result.stale[post.row.number] = folder / earlier
            continue
        name = f"{post.reference}.yaml"
        seen.add(name)
        target = folder / name
        text = _text(post, workbook, folder).encode("utf-8")
        record = records.get(name, {})
        if target.exists():
            current = target.read_bytes()
            if record.get("sha256") != sha256(current):
                why = ("was edited by hand since docgen wrote it" if record else
                       "was not written from this workbook")
                if not force:
                    result.kept.append((target, why))
                    if record.get("sha256") != sha256(text):
                        result.not_applied.append(target)
                    continue
                copy = _aside(target)
                atomic_write(copy, current)
                result.set_aside.append((target, copy))
            elif current == text:
                result.unchanged.append(target)
                continue
            else:
                result.updated.append(target)
        else:
            result.written.append(target)
        atomic_write(target, text)
        records[name] = {"sha256": sha256(text), "reference": post.reference,
                         "workbook": workbook.name, "row": post.row.number}
    for name, record in sorted(records.items()):
        if name not in seen and (folder / name).exists() and \
                record.get("workbook") == workbook.name:
            result.removed.append((str(record.get("reference", name)), folder / name))
    if folder.resolve() != workbook.parent.resolve():
        result.notes += _outside_notes(intake, workbook, folder)
    if result.written or result.updated or result.set_aside:
        manifest["files"] = records
        atomic_write(folder / MANIFEST, (json.dumps(manifest, indent=1, sort_keys=True)
                                         + "\n").encode())
        schema = folder / SCHEMA_FILE
        if not schema.exists():
            atomic_write(schema, (json.dumps(answer_file_schema(), indent=2) + "\n").encode())
    return result


_WHAT = {"extends": ("the Base file", "the Base files"),
         "clauses": ("the clause folder", "the clause folders"),
         "parties": ("the house style", "the house styles")}


def _outside_notes(intake: Intake, workbook: Path, folder: Path) -> list[str]:
    """What the files written into ``folder`` use from outside it (a Base file, a house
    style, a clause folder, organisation profiles), each named, with the build command
    that reaches it: a build of ``folder`` alone cannot (its project is that folder), and
    one of the workbook's folder would build the posts there twice over (the answer files
    beside the workbook and these), so the command names that folder as the project. A
    project must hold its posts: for ``folder`` outside the workbook's folder, the note
    says to read the workbook into a folder inside it instead."""
    by_causes: dict[tuple[str, ...], list[str]] = {}
    for post in (p for p in intake.posts if p.ok):
        outside: dict[str, list[str]] = {}
        for key, value in _paths(post.data):
            if rebase(value, workbook.parent, folder).startswith("../"):
                outside.setdefault(str(key[0]), []).append(value)
        causes = [f"{_WHAT[kind][len(values) > 1]} {join_words(values)}"
                  for kind, values in outside.items()]
        if _by_id(post.data) and workspace_of(workbook) is not None:
            causes.append(f"the organisation profiles in {workbook.parent / PROFILE_FOLDER}")
        if causes:
            by_causes.setdefault(tuple(causes), []).append(post.reference)
    notes = []
    for cause_list, refs in sorted(by_causes.items()):
        names = ", ".join(refs[:5]) + (f" and {len(refs) - 5} more" if len(refs) > 5 else "")
        files = "its answer file uses" if len(refs) == 1 else "their answer files use"
        said = f"{names}: {files} {join_words(list(cause_list))}, outside {folder}, which " \
               f"docgen build {shell_path(folder)} alone cannot reach; "
        if folder.resolve().is_relative_to(workbook.parent.resolve()):
            notes.append(f"{said}build with the workbook's folder as the project: docgen "
                         f"build --project {shell_path(workbook.parent)} {shell_path(folder)}")
        else:  # --project must hold the posts: the workbook's folder does not hold these
            inside = workbook.parent / folder.name
            notes.append(f"{said}read the workbook into a folder inside its own folder and "
                         f"build that: docgen intake read {shell_path(workbook)} --into "
                         f"{shell_path(inside)}, then docgen build --project "
                         f"{shell_path(workbook.parent)} {shell_path(inside)}")
    return notes


def _by_id(data: dict[str, Any]) -> list[str]:
    """The ids of the parties an organisation profile completes (given by id)."""
    parties = data.get("parties")
    return [str(e if isinstance(e, str) else e.get("id")) for e in parties
            if isinstance(e, str) or (isinstance(e, dict) and any(
                k not in e for k in REQUIRED_PARTY_KEYS))] if isinstance(parties, list) else []


def _unreachable(path: Path, data: dict[str, Any], workbook: Path,
                 roots: tuple[Path, ...]) -> list[str]:
    """Why the workbook could not give this post back as it is: a path that would
    lead outside the workbook's folder, or parties given by id whose profiles a
    workbook there would not find (it uses the organisations/ folder beside it)."""
    why = [f"{format_path(key)}: '{value}' would lead outside the workbook's folder"
           for key, value in _paths(data)
           if rebase(value, path.parent, workbook.parent).startswith("../")]
    by_id = _by_id(data)
    if by_id:
        mine, theirs = find_workspace(path.parent, roots), workspace_of(workbook)
        if mine is None or theirs is None or mine.resolve() != theirs.resolve():
            where = f"{mine / PROFILE_FOLDER}" if mine else "no organisations/ folder"
            why.append(f"parties {', '.join(map(str, by_id))} are given by id (profiles in "
                       f"{where}), which a workbook in {workbook.parent} would not find")
    return why


def write_from(folder: Path, workbook: Path) -> tuple[int, list[Problem]]:
    """Every answer file in ``folder`` as one workbook (``extends`` kept as Base file);
    returns the number of posts (and no problems: a file that cannot be read would lose
    its post, so it stops the write, nothing written, as a post the workbook could not
    give back does).

    Paths stay relative to the workbook and parties given by id stay ids; a post the
    workbook could not give back as it is (see :func:`_unreachable`) stops the whole
    write (nothing written), with what to do."""
    files, _ = find_answer_files([folder])
    posts, problems, refused = [], [], []
    for path in files:
        try:
            located = load_answer_file(path, roots=(folder,))
        except AnswerFileError as exc:
            problems += [_for_write(p, folder) for p in exc.problems]
            continue
        data = dict(located.data) if not located.data.get("extends") else \
            _own(path)
        why = _unreachable(path, data, workbook, (folder,))
        if why:
            refused.append(f"  {path}: " + "; ".join(why))
        posts.append(rebased(data, path.parent, workbook.parent))
    if problems:  # a workbook without them would lose their posts: nothing is written
        lost = len({p.file for p in problems}) or len(problems)
        raise DocgenError(
            f"{workbook} was not written: {lost} answer file{'s' if lost != 1 else ''} in "
            f"{folder} could not be read, and a workbook without "
            f"{'them' if lost != 1 else 'it'} would lose "
            f"{'their posts' if lost != 1 else 'its post'}:\n"
            + "\n".join(f"  {p}" for p in problems)
            + f"\nFix {'them' if lost != 1 else 'it'}, then write the workbook again: "
            f"docgen intake write {shell_path(folder)} {shell_path(workbook)}")
    if refused:
        raise DocgenError(
            f"{workbook} would not give these posts back as they are, so it was not "
            "written:\n" + "\n".join(refused) + f"\nWrite the workbook into {folder} (the "
            f"folder holding the posts and their organisations/), e.g. docgen intake write "
            f"{shell_path(folder)} {shell_path(folder / workbook.name)}")
    posts.sort(key=lambda d: str(d.get("reference", "")))
    profiles = profile_ids(workbook)
    atomic_write(workbook, workbook_bytes(write_posts(posts), profiles))
    return len(posts), problems


def _for_write(problem: Problem, folder: Path) -> Problem:
    """A file's problem with advice ``intake write`` can follow: it reads only the folder
    it is given (no folder can be added, as a build's command line can)."""
    if NAME_ITS_FOLDER not in problem.message:
        return problem
    return replace(problem, message=problem.message.replace(
        f"keep it in that folder, {NAME_ITS_FOLDER}",
        f"copy the file into {folder} and give its path from there, or write the workbook "
        "from a folder that holds both the posts and that file"))


def _own(path: Path) -> dict[str, Any]:
    """A file's own keys, without its base file's (those stay in the base)."""
    return read_yaml(path)[0]
