"""Answer files docgen keeps inside an output folder for posts that came from elsewhere
(a programme workbook's rows): ``<out>/.docgen-intake/<name>/<reference>.yaml``.

A post's manifest then names a file that stays, so an unchanged post is skipped on
the next build and ``docgen verify`` finds what it was built from. Only this module
writes there; files are rewritten only when their bytes change, and never deleted: a
post whose row was removed keeps its documents in the output folder (and its line in
the register, which lists the whole folder), so ``docgen verify`` must still find what
they were built from. A folder belongs to one workbook (``.from`` names it): another
workbook of the same file name is refused rather than mixing the two.
"""

from __future__ import annotations

from pathlib import Path

from docgen.errors import DocgenError
from docgen.publish.files import atomic_write
from docgen.publish.lock import prepare_out

SOURCES_DIR = ".docgen-intake"


OWNER = ".from"


def keep_sources(out: Path, name: str, files: dict[str, bytes],
                 owner: Path | None = None) -> dict[str, Path]:
    """Write ``files`` (file name → bytes) under ``out``; the paths by file name. ``owner``:
    the workbook the folder is for (refused while the folder is another's that exists)."""
    folder = out / SOURCES_DIR / name
    inside, kept = folder.resolve(), (out / SOURCES_DIR).resolve()
    escapes = [f for f in files if not (folder / f).resolve().is_relative_to(inside)]
    if inside.parent != kept or escapes:  # a caller's rule broken: write nothing, not outside
        raise DocgenError(f"'{name}/{(escapes or [''])[0]}' would be written outside "
                          f"{kept}; nothing was written")
    mark = folder / OWNER
    if owner is not None and mark.is_file():
        before = Path(mark.read_text(encoding="utf-8").strip())
        if before != owner.resolve() and before.is_file():
            raise DocgenError(f"{out} already holds the posts of another workbook named "
                              f"{owner.name} ({before}); build {owner} into another --out "
                              "folder, or give one of the two workbooks another name. Nothing "
                              "was written")
    prepare_out(out)
    folder.mkdir(parents=True, exist_ok=True)
    if owner is not None:
        text = f"{owner.resolve()}\n".encode()
        if not mark.is_file() or mark.read_bytes() != text:
            atomic_write(mark, text)
    paths = {}
    for file_name, data in files.items():
        path = folder / file_name  # a name may hold a folder: styles/<sha256>.docx
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            atomic_write(path, data)
        paths[file_name] = path
    return paths


def kept_references(out: Path, name: str) -> list[str]:
    """The references whose answers are kept for workbook ``name`` (from any run)."""
    return sorted(p.stem for p in (out / SOURCES_DIR / name).glob("*.yaml"))
