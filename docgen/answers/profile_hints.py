"""Where a missing organisation profile probably is, for the "no profile" messages of
:mod:`docgen.answers.profiles`: a farther ``organisations/`` folder hidden by a nearer one,
one above the project folder named, or the profile file left beside the posts; and what
to do about it (the command to run, in the user's shell's words).

Apart from the merging because it only ever reads folders for a hint, never a profile the
post uses: a link is not followed, and nothing outside the folders the user works in is
looked at.
"""

from __future__ import annotations

from pathlib import Path

from docgen.answers.organisation import PROFILE_FOLDER
from docgen.answers.profile_files import PROFILE_SUFFIXES, is_profile_file
from docgen.shellwords import shell_path, shown

#: folders above the project searched for an organisations/ folder (a hint only), and
#: only those inside the current folder: nothing outside the folders the user works in is
#: looked at, even for a hint
ABOVE = 4


def project_top(folder: Path, roots: tuple[Path, ...]) -> Path:
    """The outermost project folder holding ``folder`` (where the search stops)."""
    start = folder.resolve()
    containing = [r for r in (*(r.resolve() for r in roots), start)
                  if start == r or start.is_relative_to(r)]
    return min(containing, key=lambda r: len(r.parts))


def _profile_in(folder: Path, pid: str) -> Path | None:
    """``pid``'s profile file in ``folder``, for a hint; a link is not followed (it may
    lead outside the project)."""
    return next((c for c in (folder / f"{pid}{s}" for s in PROFILE_SUFFIXES)
                 if c.is_file() and not c.is_symlink()), None)


def _stray(pid: str, folders: list[Path]) -> Path | None:
    """A profile of ``pid`` left in one of ``folders`` rather than in organisations/."""
    for folder in folders:
        found = _profile_in(folder, pid)
        if found is not None and is_profile_file(found):
            return found
    return None


def _above(top: Path) -> list[Path]:
    """The folders above the project folder ``top`` a hint may look in: at most ``ABOVE``,
    and only within the current folder (where docgen was run, which holds ``top``)."""
    here = Path.cwd().resolve()
    return [f for f in list(top.parents)[:ABOVE] if f == here or f.is_relative_to(here)]


def no_folder_hint(pid: str, post: Path, roots: tuple[Path, ...]) -> str:
    """Why no organisations/ folder was found for the post ``post``, and what to do."""
    here = post.parent
    top = project_top(here, roots)
    folders = [here.resolve(), *(p for p in here.resolve().parents if p.is_relative_to(top))]
    stray = _stray(pid, folders)
    if stray is not None:
        return (f"; {stray.name} in {shown(stray.parent)} looks like its profile: move it "
                f"into a new {shown(stray.parent / PROFILE_FOLDER)}/ folder")
    for folder in _above(top):
        if (folder / PROFILE_FOLDER).is_dir():
            return f"; {_above_hint(folder, top, post)}"
    return ""


def _above_hint(folder: Path, top: Path, post: Path) -> str:
    """An organisations/ folder above the project folder: not looked at; how to use it."""
    words = shell_path(shown(folder))
    return (f"{shown(folder / PROFILE_FOLDER)}/ (above {shown(top)}, the project folder) is "
            f"not looked at: name the folder holding it as the project, e.g. docgen build "
            f"--project {words} {shell_path(shown(post))} (or docgen check --project ...), or "
            f"build all its posts with docgen build {words}")


def missing_profile_hint(pid: str, workspace: Path, post: Path,
                         roots: tuple[Path, ...]) -> str:
    """Where the profile of ``pid``, missing from ``workspace``'s organisations/, is."""
    here = post.parent
    nearer = shown(workspace / PROFILE_FOLDER)
    top = project_top(here, roots)
    start = workspace.resolve()
    inside = [f for f in start.parents if f.is_relative_to(top)]
    for folder in inside:
        found = _profile_in(folder / PROFILE_FOLDER, pid)
        if found is not None:
            return (f"; {shown(found)} exists, but the nearer {nearer}/ is used (a post "
                    f"takes all its profiles from its nearest {PROFILE_FOLDER}/ folder): "
                    f"move or copy {found.name} into {nearer}/")
    stray = _stray(pid, list(dict.fromkeys([start, here.resolve()])))
    if stray is not None:
        return (f"; {stray.name} in {shown(stray.parent)} looks like its profile; move it "
                f"into {nearer}/")
    for folder in _above(top):
        found = _profile_in(folder / PROFILE_FOLDER, pid)
        if found is not None:
            return f"; {shown(found)} exists, but {_above_hint(folder, top, post)}"
    return ""
