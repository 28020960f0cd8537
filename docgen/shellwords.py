"""Shell words: a path, or the command to make a folder, as the user's shell takes them, for
the commands docgen's messages suggest (``docgen check my posts.xlsx`` unquoted names two
files, ``mkdir -p`` in cmd makes a folder called ``-p``).

Which shell is this computer's (:data:`WINDOWS`) unless a caller says: cmd and PowerShell
on Windows, a POSIX shell elsewhere. Nothing here runs a command; it only writes one.
"""

from __future__ import annotations

import os
import shlex

#: whether the commands are written for Windows (cmd, PowerShell) when a caller does not say
WINDOWS = os.name == "nt"
#: what makes cmd or PowerShell split or read a word other than as it is written
WINDOWS_SPECIAL = frozenset(" \t&()[]{}^=;!'+,`~%$@")


def _windows(windows: bool | None) -> bool:
    return WINDOWS if windows is None else windows


def shell_path(path: str | os.PathLike[str], windows: bool | None = None) -> str:
    """``path`` as one word the user's shell passes on unchanged, to paste into a suggested
    command. POSIX shells: :func:`shlex.quote`; Windows (cmd, PowerShell): double quotes
    when needed (they take no single quotes). A relative path starting with ``-`` is
    written from the current folder (``./-p``), so no command takes it for an option."""
    text = os.fspath(path)
    win = _windows(windows)
    if text.startswith("-"):
        text = (".\\" if win else "./") + text
    if not win:
        return shlex.quote(text)
    return f'"{text}"' if not text or any(c in WINDOWS_SPECIAL for c in text) else text


def make_folder_command(path: str | os.PathLike[str], windows: bool | None = None) -> str:
    """The command that makes ``path`` and the folders above it, for a message to suggest:
    ``mkdir -p`` on POSIX; cmd's own ``mkdir`` makes the parents (``-p`` would be a folder)."""
    win = _windows(windows)
    return f"{'mkdir' if win else 'mkdir -p'} {shell_path(path, win)}"


def shown(path: str | os.PathLike[str]) -> str:
    """``path`` relative to the current folder when that is no longer, as people type it
    (the one home of this rule: messages about profiles, the employer's policy and the
    warnings a manifest records all name files so)."""
    whole = os.fspath(path)
    try:
        relative = os.path.relpath(whole)
    except ValueError:  # another drive (Windows)
        return whole
    return relative if len(relative) <= len(whole) else whole

