"""Where one post's answers come from, for :func:`docgen.load`, :func:`docgen.check` and
:func:`docgen.render`: a path, YAML or JSON text or bytes, a mapping, or a model (one
that :func:`docgen.load` returned is read back as its file was), each read as if written
in a ``workspace`` folder when one is given. The rules of what is a path and what is text
(nothing guessed) and when answers in memory may name clause folders live here, apart
from the public functions of :mod:`docgen.api` that share them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docgen.answers.model import AnswerFile
from docgen.answers.origin import dumped, located_for, origin_of
from docgen.answers.profiles import apply_profiles, load_post
from docgen.answers.yamlfile import Located, load_answer_data, load_answer_text, parse_yaml
from docgen.errors import AnswerFileError, Problem
from docgen.intake.lockfiles import answer_lock_problem

Source = str | os.PathLike[str] | bytes | Mapping[str, Any] | AnswerFile
Folder = str | os.PathLike[str]
MODEL_CLAUSES = (
    "these answers name clause folders ({}), whose folder a model not made by docgen.load "
    "does not carry; pass the answer file's path (or what docgen.load returns for it), the "
    "folder they are named from (workspace=FOLDER), or the folders as render(clauses=[...])")
TEXT_NOT_PATH = (
    "there is no answer file named '{}'; it looks like YAML or JSON text, which load, check "
    "and render read only when it has a line break: pass it to docgen.loads(text), or as "
    "bytes")


def _is_text(source: str) -> bool:
    """A line break (no path has one): ``{hr}.yaml`` is a path; one-line text,
    :func:`docgen.loads`."""
    return "\n" in source


def locate(source: Source, workspace: Folder | None = None,
           given_clauses: bool = False) -> Located:
    """Answers from a model, a mapping, YAML/JSON bytes, text with a line break, or a path.

    Nothing is guessed: ``bytes`` are text; a ``str`` is text when it holds a line break
    and otherwise a path (``PathLike`` always). For one-line text use
    :func:`docgen.loads`. A model from :func:`docgen.load` is read as its file was
    (:mod:`docgen.answers.origin`). Other answers in memory (a model, a mapping, text)
    have no folder unless ``workspace`` is given: then they are read as if written there
    (profiles from its ``organisations/``; the ``house_style`` files and ``clauses``
    folders they name relative to it and confined inside it). Without one, those naming
    ``clauses`` folders are refused, unless the caller gives the folders
    (``given_clauses``), which then stand in for the names.
    """
    folder = workspace_folder(workspace)
    if isinstance(source, AnswerFile):
        if (origin := origin_of(source)) is not None:
            return located_for(source, origin, folder)
        if source.clauses and folder is None and not given_clauses:
            raise AnswerFileError([Problem(MODEL_CLAUSES.format(", ".join(source.clauses)),
                                           path=("clauses",))])
        source = dumped(source)
    if isinstance(source, Mapping):
        data = dict(source)
        if folder is None and given_clauses:
            data.pop("clauses", None)  # the folders given stand in for those it names
        located = load_answer_data(data, name="<answers>", base=folder)
    elif isinstance(source, bytes) or (isinstance(source, str) and _is_text(source)):
        located = _text(source, folder, given_clauses)
    elif isinstance(source, str) and (": " in source or source.lstrip().startswith("{")) \
            and not Path(source).exists():
        raise AnswerFileError([Problem(TEXT_NOT_PATH.format(source[:60]))])
    elif (lock := answer_lock_problem(Path(source))) is not None:  # never "rename it .yaml"
        raise AnswerFileError([Problem(lock, file=Path(source))])
    else:
        return load_post(Path(source), (Path(workspace),) if workspace else None)
    return apply_profiles(located, (folder,) if folder else (), folder)


def _text(text: str | bytes, folder: Path | None, given_clauses: bool) -> Located:
    """YAML or JSON text read as if written in ``folder``; without one, the ``clauses`` it
    names give way to those the caller gave (``given_clauses``), as for a mapping."""
    if folder is not None or not given_clauses:
        return load_answer_text(text, base=folder)
    name, notes = Path("<answer text>"), list[Problem]()
    data, lines = parse_yaml(text.encode("utf-8") if isinstance(text, str) else text, name,
                             notes)
    if "clauses" not in data or "extends" in data:
        return load_answer_text(text)  # as ever, refusing what it must
    data.pop("clauses")
    return Located(data=data, path=name, lines=lines, sources=[], warnings=notes)


def workspace_folder(workspace: Folder | None) -> Path | None:
    """The folder answers in memory are read as if written in, absolute (None: none)."""
    return Path(workspace).resolve() if workspace is not None else None
