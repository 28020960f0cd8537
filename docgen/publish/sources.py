"""Answer files docgen keeps inside an output folder for posts that came from elsewhere
(a programme workbook's rows): ``<out>/.docgen-intake/<name>/<reference>.yaml``.

A post's manifest then names a file that stays, so an unchanged post is skipped on
the next build and ``docgen verify`` finds what it was built from. Only this module
writes there; files are rewritten only when their bytes change.
"""

from __future__ import annotations

from pathlib import Path

from docgen.errors import DocgenError
from docgen.publish.files import atomic_write
from docgen.publish.lock import prepare_out

SOURCES_DIR = ".docgen-intake"


def keep_sources(out: Path, name: str, files: dict[str, bytes]) -> dict[str, Path]:
    """Write ``files`` (file name → bytes) under ``out``; the paths by file name. Files of
    an earlier run that are not in ``files`` (rows since removed) are deleted."""
    folder = out / SOURCES_DIR / name
    inside, kept = folder.resolve(), (out / SOURCES_DIR).resolve()
    escapes = [f for f in files if not (folder / f).resolve().is_relative_to(inside)]
    if inside.parent != kept or escapes:  # a caller's rule broken: write nothing, not outside
        raise DocgenError(f"'{name}/{(escapes or [''])[0]}' would be written outside "
                          f"{kept}; nothing was written")
    prepare_out(out)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for file_name, data in files.items():
        path = folder / file_name  # a name may hold a folder: styles/<sha256>.docx
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            atomic_write(path, data)
        paths[file_name] = path
    for old in [*folder.glob("*.yaml"), *folder.glob("*/*")]:
        if old.is_file() and old.relative_to(folder).as_posix() not in files:
            old.unlink()
    return paths
