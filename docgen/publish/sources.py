"""Answer files docgen keeps inside an output folder for posts that came from elsewhere
(a programme workbook's rows): ``<out>/.docgen-intake/<name>/<reference>.yaml``.

A post's manifest then names a file that stays, so an unchanged post is skipped on
the next build and ``docgen verify`` finds what it was built from. Only this module
writes there; files are rewritten only when their bytes change. A post whose row was
removed keeps its documents in the output folder (and its line in the register, which
lists the whole folder), so ``docgen verify`` must still find what they were built from:
its answers are kept while its post folder is there. Once that folder is deleted, its
answers are deleted too (only if their bytes are still those docgen wrote, recorded in
``.written``), and so is each house style copy that no kept answers and no post's
manifest names (only if its bytes still match its name, a hash). A folder belongs to one
workbook (``.from`` names it): another workbook of the same file name is refused rather
than mixing the two.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from docgen.errors import DocgenError
from docgen.publish.files import UNREADABLE_JSON, atomic_write
from docgen.publish.lock import prepare_out

SOURCES_DIR = ".docgen-intake"


OWNER = ".from"
WRITTEN = ".written"  # file name → sha256 of the bytes docgen wrote there
STYLE = re.compile(r"styles/([0-9a-f]{32})\.")
#: a house style copy's own name (compiled as the module loads: docgen._codecache)
_COPY = re.compile(r"[0-9a-f]{32}\.\w+")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _written(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / WRITTEN).read_text(encoding="utf-8"))
    except UNREADABLE_JSON:
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} \
        if isinstance(data, dict) else {}


def _record(folder: Path, record: dict[str, str]) -> None:
    text = json.dumps(dict(sorted(record.items())), indent=1).encode("utf-8")
    mark = folder / WRITTEN
    if not mark.is_file() or mark.read_bytes() != text:
        atomic_write(mark, text)


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
    record = _written(folder)
    for file_name, data in files.items():
        path = folder / file_name  # a name may hold a folder: styles/<sha256>.docx
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            atomic_write(path, data)
        paths[file_name] = path
        record[file_name] = _sha(data)
    _record(folder, record)
    return paths


def kept_references(out: Path, name: str) -> list[str]:
    """The references whose answers are kept for workbook ``name`` (from any run)."""
    return sorted(p.stem for p in (out / SOURCES_DIR / name).glob("*.yaml"))


def removed_posts(out: Path, name: str, current: set[str]) -> list[str]:
    """The references kept for workbook ``name`` that are not in ``current`` (casefolded)
    and whose post folder still holds its documents (``out/<ref>/manifest.json``). The
    kept answers of one whose post folder is gone are deleted, with the house style copies
    nothing names any more; a file a person changed since docgen wrote it is left alone."""
    folder = out / SOURCES_DIR / name
    record = _written(folder)
    kept = []
    for ref in kept_references(out, name):
        if ref.casefold() in current:
            continue
        if (out / ref / "manifest.json").is_file():
            kept.append(ref)
            continue
        answers = folder / f"{ref}.yaml"
        if (out / ref).exists() or answers.is_symlink() or not answers.is_file():
            continue  # its folder still holds something: not ours to judge
        if record.get(answers.name) == _sha(answers.read_bytes()):
            answers.unlink()
            record.pop(answers.name)
    if folder.is_dir():
        _record(folder, record)
    _forget_styles(out, folder, record)
    return kept


def _forget_styles(out: Path, folder: Path, record: dict[str, str]) -> None:
    """Delete each house style copy (``styles/<hash>.docx``) that no kept answer file and no
    post's manifest in ``out`` names, and whose bytes still match its name. The manifests
    are read only while a copy is left that no kept answer file names (most builds: none)."""
    styles = folder / "styles"
    if not styles.is_dir():
        return
    copies = {p.name.split(".")[0]: p for p in styles.iterdir()
              if not p.is_symlink() and p.is_file() and _COPY.fullmatch(p.name)}
    for text_file in (*folder.glob("*.yaml"), *out.glob("*/manifest.json")):
        if not copies:
            return
        try:
            named = STYLE.findall(text_file.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            return  # cannot tell what is named: delete nothing
        for stem in named:
            copies.pop(stem, None)
    for stem, style in copies.items():
        if _sha(style.read_bytes())[:32] != stem:
            continue  # changed since docgen wrote it: not ours to delete
        style.unlink()
        if record.pop(f"styles/{style.name}", None) is not None:
            _record(folder, record)
