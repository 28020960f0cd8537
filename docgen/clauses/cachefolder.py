"""Where the command line keeps compiled clause text between runs, chosen before anything
is compiled.

A light module (no Jinja): the command line records the choice before it parses its
arguments, without loading the clause engine (so ``docgen --version`` answers at once);
the engine takes it up when it makes its environment
(:func:`docgen.clauses.engine.environment`).
"""

from __future__ import annotations

import os
from pathlib import Path

_CHOSEN: list[Path] = []  # the folder the command line chose, if it did


def default_cache_dir() -> Path:
    """Where the command line keeps compiled clause bytecode between runs."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "docgen" / "jinja"


def choose_cache_folder(root: Path) -> bool:
    """Use ``root`` for compiled clauses from now on, if it can be made and written (a
    folder that cannot is no cache, never an error); True when it is used."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    if not os.access(root, os.W_OK):
        return False
    _CHOSEN[:] = [root]
    return True


def chosen_cache_folder() -> Path | None:
    return _CHOSEN[0] if _CHOSEN else None
