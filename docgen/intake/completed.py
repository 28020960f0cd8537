"""A workbook row completed as an answer file is: its Base file merged in (read from the
workbook's folder, never outside it), then the parties it gives by id completed from the
workspace's organisation profiles (the Organisations sheet first, for a Base file's ids).

Apart from :mod:`docgen.intake.rows`, which checks each row completed here and says its
problems: this module says where a row's answers come from, that one how they are judged.
:mod:`docgen.intake.left_blank` completes a row again without one answer, to say what a
cell left blank would take.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from docgen.answers.answer_names import is_answer_name
from docgen.answers.bounded import NAME_ITS_FOLDER, confined
from docgen.answers.profiles import Profile, apply_profiles, find_workspace
from docgen.answers.yamlfile import Located, load_answer_file, merge_extends
from docgen.errors import AnswerFileError, Problem
from docgen.intake.book import Book
from docgen.intake.organisations import Organisations, from_the_sheet
from docgen.intake.reading import PostRow
from docgen.intake.table import ordered


class Reading(Protocol):
    """What completing a row needs of the workbook being read (``rows.Intake``): its path
    and cells, the base files and profiles read so far (each read once for every row) and
    its Organisations sheet."""

    path: Path
    book: Book
    bases: dict[Path, Located]
    profiles: dict[Path, Profile]
    organisations: Organisations


def workspace_of(workbook: Path) -> Path | None:
    """The workbook's workspace: its own folder when that holds ``organisations/``; named
    from where the command runs when the workbook was (messages name a profile as
    ``organisations/eastwick.yaml:26``, as they do for an answer file, not by its whole
    path from the root: ``answers.profiles.apply_profiles`` does the same)."""
    found = find_workspace(workbook.parent)
    if found is not None and not workbook.is_absolute():
        with contextlib.suppress(ValueError):  # another drive (Windows): kept whole
            found = Path(os.path.relpath(found))
    return found


def in_the_workbook_folder(raw: str) -> str:
    """What to do with a file a row names outside the workbook's folder (a workbook is
    named alone on the command line, so no other folder can be added)."""
    name = Path(raw.replace("\\", "/")).name or "_partners.yaml"
    return (f"the workbook's folder: copy the file there and give just its name in the cell, "
            f"e.g. {name}")


class BaseFileError(AnswerFileError):
    """A base file the row names cannot be read: its problems stand at the base file's own
    lines (the row's Base file cell names a file that is there)."""


def _in_base(problem: Problem, book: Path, folder: Path) -> Problem:
    """A problem of a file a base file names (its ``extends``, a party's ``house_style``),
    with advice a workbook user can follow: a workbook is named alone, so its folder is
    the only one a base may reach."""
    message, extends = problem.message, problem.path == ("extends",)
    if problem.file is None or not (extends or NAME_ITS_FOLDER in message):
        return problem
    key = next((str(k) for k in reversed(problem.path) if isinstance(k, str)), "extends")
    raw = message.split("'")[1].replace("\\", "/") if message.count("'") >= 2 else ""
    if extends:
        name = Path(raw).name if is_answer_name(raw) else "_partners.yaml"
        what = "extend only a .yaml file"
    else:
        name, what = Path(raw).name or "eastwick.docx", "name only files"
    advice = (f"a base file used by {book.name} may {what} in the workbook's folder "
              f"({folder.resolve()}): put the file there and write just its name in "
              f"{problem.file.name}, e.g. {key}: {name}, or remove the {key} line")
    if NAME_ITS_FOLDER in message:  # no folder can be named with a workbook
        message = message.replace(f"keep it in that folder, {NAME_ITS_FOLDER}", advice)
    elif "absolute path" in message or "does not exist" in message:
        message = f"{message}; {advice}"
    return replace(problem, message=message)


def _house_styles(located: Located, folder: Path, book: Path) -> None:
    """A party's ``house_style`` written in the row: relative to the workbook, inside its
    folder (one written in a base file was checked when the base was read)."""
    for i, party in enumerate(located.data.get("parties") or []):
        key = ("parties", i, "house_style")
        if isinstance(party, dict) and isinstance(party.get("house_style"), str) and \
                key not in located.lines:
            confined(folder, party["house_style"], key, {}, book, (folder.resolve(),),
                     "a house style file", in_the_workbook_folder(party["house_style"]))


def complete(intake: Reading, post: PostRow) -> Located:
    """The row's answers as an answer file would give them: its base file merged in,
    then the parties given by id completed from the workspace's profiles."""
    folder = intake.path.parent
    data, lines = dict(post.data), {}
    base = data.get("extends")
    sources: list[Path] = []
    if isinstance(base, str):
        if not is_answer_name(base):  # the workbook itself, a .docx, ...
            raise AnswerFileError([Problem(f"the base file must be a .yaml answer file (found "
                                           f"'{base}'); give one in {folder}, e.g. "
                                           "_partners.yaml", path=("extends",))])
        target = confined(folder, base, ("extends",), {}, intake.path,
                          (folder.resolve(),), "the base file", in_the_workbook_folder(base))
        if not target.is_file():
            raise AnswerFileError([Problem(f"the base file '{base}' does not exist (looked "
                                           f"for {target}); give a file in {folder}",
                                           path=("extends",))])
        key = target.resolve()
        if key not in intake.bases:
            try:
                intake.bases[key] = load_answer_file(target, roots=(folder,))
            except AnswerFileError as exc:
                raise BaseFileError([_in_base(p, intake.path, folder)
                                     for p in exc.problems]) from None
        located = intake.bases[key]
        below = dict(located.data)
        below.pop("extends", None)
        _base_parties(intake, post, below, data)
        data = merge_extends(below, data)
        lines, sources = dict(located.lines), located.sources
    row = Located(data=data, path=intake.path, lines=lines, sources=[intake.path, *sources])
    _house_styles(row, folder, intake.path)
    located = apply_profiles(row, (folder,), workspace_of(intake.path), intake.profiles)
    employer = data.get("employer")
    if "parties" not in data and isinstance(employer, str) and \
            from_the_sheet([employer], intake.organisations) is not None:
        # the Organisations sheet writes the employer out in full: once the partners are
        # named it is read from there, and no profile's policy will apply to the row
        located.policies.pop(employer, None)
    return located


def _base_parties(intake: Reading, post: PostRow, below: dict[str, Any],
                  data: dict[str, Any]) -> None:
    """The parties a Base file names by id, completed from the Organisations sheet as the
    Partners cell's ids are (the sheet wins over a profile): given in the row's answers
    (``data``, and the post's, so ``intake read`` writes them), each key at its cell."""
    parties = below.get("parties")
    if "parties" in data or not isinstance(parties, list):
        return
    found = from_the_sheet(parties, intake.organisations)
    if found is not None:
        data["parties"] = found[0]
        post.data = ordered({**post.data, "parties": found[0]})
        post.cells.update(found[1])
