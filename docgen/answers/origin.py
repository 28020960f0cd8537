"""Where a model from :func:`docgen.load` was read, kept with it (issue 24 point 4).

A loaded model has its parties written out in full, so no organisation profile is read
again when it is checked or rendered: without a record of what loading found on disk,
the clause folders and house styles its employer's profile named would be silently left
out of its documents. So ``load`` gives the model an :class:`Origin` (a private attribute,
never dumped nor compared: :class:`~docgen.answers.fields.Kept`) and :func:`located_for`
reads the model back as the file was read. Nothing is looked for again: the folders used
are those loading resolved (and confined), and a conflict is an error, never a guess:

- unchanged (its answers are those loaded): read as its file was, with the file's lines,
  its profiles' clause folders and house styles, and the warnings found as it was read;
- changed (a ``model_copy(update=...)``): the same folders and profiles; the keys it
  changed have no line, and the paths they name are read as if written in the folder it
  was read in (confined inside it); the warnings found as it was read are kept, but
  not those about a key it changed, nor a profile's when it changed a key the profile is
  compared with; its employer changed from the one whose profile named clause folders:
  an error;
- ``workspace=`` naming another folder than those it was read in, a profile clause
  folder gone since, or (for a file named by a relative path) another current folder
  than the one it was loaded from: an error.

A model built by hand (``AnswerFile.model_validate``) carries no origin.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docgen.answers.fields import Kept
from docgen.answers.model import AnswerFile
from docgen.answers.yamlfile import Located, in_folder
from docgen.errors import AnswerFileError, KeyLines, Problem

OTHER_WORKSPACE = (
    "these answers were loaded from {path}, and a model keeps the folders it was read in "
    "({folders}); workspace={given} names another: leave workspace= out, or load the "
    "answers again with the workspace you mean")
OTHER_EMPLOYER = (
    "these answers were loaded from {path} with {old} as the employer, whose organisation "
    "profile names clause folders ({folders}); the employer is now {new}, whose profile "
    "was not read: make the change in the answer file and load it again")
OTHER_CWD = (
    "these answers were loaded from {path}, relative to the folder {cwd}, and the current "
    "folder is now {now}: load them again from here, or by the file's full path")
#: what a profile's warnings compare with the post (profiles._disagreements)
PROFILE_COMPARES = frozenset({"jurisdiction", "legal_basis", "parties"})
FOLDER_GONE = (
    "the clause folder {folder}, named by the employer's organisation profile, is gone "
    "since these answers were loaded from {path}; restore it, or load the answers again")


@dataclass(frozen=True)
class Origin:
    """What loading read from disk for one model: enough to read it back the same way."""

    path: Path  # the answer file (or the name of answers in memory)
    data: dict[str, Any]  # the answers as loaded (the model dumped), to tell a changed copy
    lines: KeyLines = field(default_factory=dict)
    warnings: tuple[Problem, ...] = ()  # found as it was read (profiles, characters)
    sources: tuple[Path, ...] = ()
    raw: tuple[bytes, ...] = ()
    profiles: dict[str, tuple[Path, bytes]] = field(default_factory=dict)
    profile_clauses: tuple[Path, ...] = ()
    house_styles: dict[str, Path] = field(default_factory=dict)
    workspace: Path | None = None
    base: Path | None = None
    cwd: Path | None = None  # where a relative path was read from: the paths above need it

    @property
    def folder(self) -> Path:
        """The folder its own paths (``clauses``, ``house_style``) are relative to."""
        return self.base if self.base is not None else self.path.parent

    def folders(self) -> list[Path]:
        """The folders it was read in, the only ones ``workspace=`` may name."""
        return list(dict.fromkeys(f.resolve() for f in (self.folder, self.workspace) if f))


def dumped(answers: AnswerFile) -> dict[str, Any]:
    """The answers as data read again (a loaded model has its bases merged in already)."""
    data = answers.model_dump(mode="json", exclude_unset=True)
    data.pop("extends", None)
    return data


def origin_of(answers: AnswerFile) -> Origin | None:
    """The origin ``answers`` carry, or None (built by hand, or read from nothing on disk)."""
    value = answers._origin.value
    return value if isinstance(value, Origin) else None


def keep_origin(answers: AnswerFile, located: Located, read: int) -> AnswerFile:
    """``answers`` (validated from ``located``), carrying where they were read when it was
    from disk (a file, or answers in memory with a workspace). ``read``: how many of
    ``located.warnings`` were found before validation; of those added by it, only the
    characters converted (``INPUT``) are no longer found in the model's own answers."""
    if not located.sources and located.base is None and located.workspace is None:
        return answers
    warnings = (*located.warnings[:read],
                *(w for w in located.warnings[read:] if w.rule == "INPUT"))
    relative = bool(located.sources) and not located.path.is_absolute()
    answers._origin = Kept(Origin(
        located.path, dumped(answers), dict(located.lines), warnings,
        tuple(located.sources), tuple(located.raw), dict(located.profiles),
        tuple(located.profile_clauses), dict(located.house_styles), located.workspace,
        located.base, Path.cwd() if relative else None))
    return answers


def _error(message: str, key: tuple[str, ...] = ()) -> AnswerFileError:
    return AnswerFileError([Problem(message, path=key)])


def _still_said(warning: Problem, changed: set[str]) -> bool:
    """Whether a warning found as the file was read holds for a copy that changed the keys
    ``changed``: not about one of them, nor a profile's comparing one of them."""
    compares = PROFILE_COMPARES if warning.rule == "PROFILE" else frozenset()
    return not ({*warning.path[:1], *compares} & changed)


def located_for(answers: AnswerFile, origin: Origin, workspace: Path | None) -> Located:
    """``answers`` read back as loading read them (see the module's rules)."""
    if origin.cwd is not None and Path.cwd() != origin.cwd:
        raise _error(OTHER_CWD.format(path=origin.path, cwd=origin.cwd, now=Path.cwd()))
    if workspace is not None and workspace.resolve() not in origin.folders():
        raise _error(OTHER_WORKSPACE.format(path=origin.path, given=workspace, folders=", ".join(
            map(str, origin.folders()))))
    data = dumped(answers)
    changed = {k for k in {*data, *origin.data} if data.get(k) != origin.data.get(k)}
    employer = origin.data.get("employer")
    if origin.profile_clauses and answers.employer != employer:
        raise _error(OTHER_EMPLOYER.format(
            path=origin.path, old=employer, new=answers.employer,
            folders=", ".join(map(str, origin.profile_clauses))), ("employer",))
    # the paths a copy changed, read as if written in its folder, must stay inside it
    in_folder(Located(data={k: data[k] for k in changed & {"clauses", "parties"}
                            if k in data}, path=origin.path), origin.folder)
    located = Located(data=data, path=origin.path, sources=list(origin.sources),
                      lines={k: v for k, v in origin.lines.items() if not (k and k[0] in changed)},
                      warnings=[w for w in origin.warnings if _still_said(w, changed)],
                      raw=list(origin.raw), base=origin.base)
    located.profiles = dict(origin.profiles)
    located.profile_clauses = list(origin.profile_clauses)
    located.house_styles = dict(origin.house_styles)
    located.workspace = origin.workspace
    for folder in origin.profile_clauses:
        if not folder.is_dir():
            raise _error(FOLDER_GONE.format(folder=folder, path=origin.path), ("employer",))
    return located


__all__ = ["Origin", "keep_origin", "located_for", "origin_of"]
