"""Publish a post's documents as one set: stage the whole set, then switch it in.

A post folder ``<out>/<reference>/`` must never hold the agreement of one build
and the contract of another, nor documents without their manifest. So every
file of a set (documents, manifest, review copies) is first written and synced
in a fresh folder under ``<out>/.docgen-staging/``, on the same file system,
and the finished folder then takes the post folder's place:

* on Linux with ``renameat2(RENAME_EXCHANGE)`` the two folders are swapped in
  one atomic step (no moment without a post folder);
* elsewhere the old folder is renamed aside (``<ref>~<random>.old``) and the new
  one renamed into place; a crash between the two renames leaves the complete
  old set aside, which :func:`recover` puts back.

Whatever is left under the staging folder after a crash is cleaned up (or put
back) by the next run, under the output folder's lock, without ``--force``.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os
import shutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from docgen.answers.folder_names import MANIFEST, STAGING
from docgen.errors import DocgenError
from docgen.publish.files import file_sha256, read_manifest, unique_name
from docgen.publish.syncs import sync_together

CLAIMS = "claims"  # inside STAGING: lives only for one locked run
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@functools.lru_cache(maxsize=1)
def _libc_renameat2() -> Callable[..., int] | None:
    """glibc's renameat2 (2.28 and later), or None where there is none (found on first use)."""
    if not hasattr(os, "fsync") or os.name != "posix":
        return None
    # The process's own symbols first: ctypes.util.find_library("c") runs ldconfig in a
    # subprocess (2 ms and a fork, on every command-line build)
    fn = None
    for name in (None, "libc.so.6"):
        with contextlib.suppress(OSError, AttributeError):
            fn = ctypes.CDLL(name, use_errno=True).renameat2
            break
    if fn is None:
        return None
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    return fn



def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where directories cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_synced(folder: Path, files: Mapping[str, bytes]) -> None:
    """Write the files of a staged set, then sync them and the folder's entries for them
    together (:func:`sync_together`; the set is renamed as a whole later)."""
    with contextlib.ExitStack() as opened:
        written = []
        for name, data in files.items():
            fh = opened.enter_context(open(folder / name, "xb"))
            fh.write(data)
            fh.flush()
            written.append(fh.fileno())
        entries = None
        with contextlib.suppress(OSError):  # as fsync_dir: where folders cannot be opened
            entries = os.open(folder, os.O_RDONLY)
            opened.callback(os.close, entries)
        sync_together(written, entries)


def staging_root(out: Path) -> Path:
    return out / STAGING


def claims_dir(out: Path) -> Path:
    return staging_root(out) / CLAIMS


def new_stage(out: Path, reference: str) -> Path:
    """A fresh, empty folder to stage one post's set in."""
    root = staging_root(out)
    root.mkdir(parents=True, exist_ok=True)
    for _ in range(100):
        stage = unique_name(root, f"{reference}~", ".new")
        try:
            stage.mkdir(0o777)  # the umask applies (mkdtemp's 0700 would keep colleagues out)
        except FileExistsError:
            continue
        return stage
    raise FileExistsError(f"no free staging name in {root}")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically; False where the system cannot."""
    renameat2 = _libc_renameat2()
    if renameat2 is None:
        return False
    rc = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _as_written(path: Path, digest: object) -> bool:
    """Whether ``path`` is there as docgen wrote it (its recorded ``digest``): not edited
    since, so its removal is docgen's to say (an edited one is refused, or kept aside)."""
    try:
        return path.is_file() and file_sha256(path) == digest
    except OSError:
        return False


def _carry_over(target: Path, stage: Path) -> list[str]:
    """Bring a person's own files (not docgen's, not in the new set) into the new folder;
    returns the copies an earlier build made (the old manifest's ``extra``: PDF, Markdown,
    HTML) that the new set leaves out, unedited, so the build can say it removed them.

    Files the old manifest records are docgen's: the new set replaces them (a
    document no longer asked for disappears). ``.part`` leftovers are dropped.
    """
    old = read_manifest(target) or {}
    docs = old.get("documents")
    recorded = {d.get("file") for d in docs.values()} if isinstance(docs, dict) else set()
    extra = old.get("extra")
    copies = {e.get("file"): e.get("sha256") for e in extra if isinstance(e, dict)} \
        if isinstance(extra, list) else {}
    recorded |= set(copies)
    dropped = sorted(name for name, digest in copies.items() if isinstance(name, str)
                     and not (stage / name).exists() and _as_written(target / name, digest))
    for entry in target.iterdir():
        name = entry.name
        if name in recorded or name == MANIFEST or name.endswith(".part") or (
                stage / name).exists():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, stage / name, symlinks=True, copy_function=_link_or_copy)
        elif entry.is_symlink():
            os.symlink(os.readlink(entry), stage / name)
        else:
            _link_or_copy(str(entry), str(stage / name))
    return dropped


#: a batch's listing of ``out``, taken once: each casefolded name → the names with it
Folders = Mapping[str, tuple[str, ...]]


def list_folders(out: Path) -> dict[str, tuple[str, ...]] | None:
    """``out``'s names by casefolded name (:data:`Folders`), or None when it cannot be read.
    A batch takes it once, under the lock, after :func:`recover`: a folder made later is
    the batch's own post's, whose reference no other post of the batch has, casefolded
    (claims are casefolded), so :func:`post_folder` need not list ``out`` for each post
    (0.5 ms a listing of 1,000 folders, twice a post)."""
    try:
        names = os.listdir(out)
    except OSError:
        return None
    found: dict[str, list[str]] = {}
    for name in names:
        found.setdefault(name.casefold(), []).append(name)
    return {key: tuple(same) for key, same in found.items()}


def post_folder(out: Path, reference: str, folders: Folders | None = None) -> Path:
    """The folder of post ``reference``: ``<out>/<reference>`` or, when no folder has that
    name, the one whose name differs from it only in case (references are compared
    casefolded, as folders are on Windows and macOS: the same post, not a second folder).
    ``folders``: the batch's listing of ``out`` (:func:`list_folders`); without it ``out``
    is listed now."""
    exact = out / reference
    if folders is not None:
        names: Sequence[str] = folders.get(reference.casefold(), ())
    else:
        try:
            names = os.listdir(out)
        except OSError:
            return exact
    if reference in names:
        return exact
    other = sorted(n for n in names if n.casefold() == reference.casefold())
    if len(other) > 1:
        raise DocgenError(f"{out} holds {' and '.join(other)}, one post's folder under two "
                          "spellings (one folder on Windows and macOS); keep one of them, "
                          "then build again")
    return out / other[0] if other else exact


def check_post_folder(out: Path, reference: str, folders: Folders | None = None) -> Path:
    """The post's folder (:func:`post_folder`, ``folders`` as there), refused when it is a
    link (documents would land elsewhere) or a file."""
    return real_folder(post_folder(out, reference, folders))


def real_folder(target: Path) -> Path:
    """``target``, refused when it is a link or a file (checked again at the switch: a
    person may have put one there since the post's folder was decided)."""
    if target.is_symlink():
        raise DocgenError(f"{target} is a symbolic link; docgen writes only into real folders "
                          "inside --out. Remove the link (or build with another --out)")
    if target.exists() and not target.is_dir():
        raise DocgenError(f"{target} is a file, not a post folder; move it away")
    return target


def commit(out: Path, reference: str, stage: Path, folder: Path | None = None,
           dropped: list[str] | None = None) -> Path:
    """Switch the staged set in as ``<out>/<reference>``; returns that folder. A post folder
    named in another case first takes this spelling, its old set whole, and the new set is
    then switched in as ever: a kill between leaves one complete set, which the next build
    replaces (not skipped: that set's manifest records the answers with the old spelling).
    ``folder``: the post's folder as its build decided it (:func:`check_post_folder`),
    found again when not given. ``dropped``, if given, gets the names of the copies an
    earlier build made that the new set leaves out (:func:`_carry_over`)."""
    target = out / reference
    folder = check_post_folder(out, reference) if folder is None else real_folder(folder)
    fsync_dir(stage)
    if not folder.exists():
        os.rename(stage, target)
        fsync_dir(out)
        return target
    gone = _carry_over(folder, stage)
    if dropped is not None:
        dropped += gone
    fsync_dir(stage)
    if folder != target:  # the reference's case changed: one folder, under the new spelling
        os.rename(folder, target)
        fsync_dir(out)
    if _exchange(stage, target):  # stage now holds the old set
        fsync_dir(out)
        shutil.rmtree(stage, ignore_errors=True)
        return target
    aside = stage.with_name(stage.name.removesuffix(".new") + ".old")
    os.rename(target, aside)
    os.rename(stage, target)
    fsync_dir(out)
    fsync_dir(staging_root(out))
    shutil.rmtree(aside, ignore_errors=True)
    return target


def recover(out: Path) -> list[str]:
    """Clean up what an interrupted run left (call with the output folder's lock held).

    A set renamed aside whose post folder is missing is put back (the complete
    old set); every other leftover (unfinished new sets, claims) is removed.
    Returns what was put back, for the log.
    """
    root = staging_root(out)
    restored: list[str] = []
    if not root.is_dir():
        return restored
    for entry in sorted(root.iterdir()):
        if entry.name.endswith(".old") and "~" in entry.name:
            target = out / entry.name.split("~", 1)[0]
            if not target.exists() and not target.is_symlink():
                os.rename(entry, target)
                restored.append(target.name)
                continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    for part in out.glob("*/.*.part"):  # left by docgen versions that wrote in place
        part.unlink(missing_ok=True)
    for part in out.glob(".*.part"):
        part.unlink(missing_ok=True)
    if restored:
        fsync_dir(out)
    return restored


def remove_stage_root(out: Path) -> None:
    """Remove the (empty) staging folder at the end of a run."""
    with contextlib.suppress(OSError):
        staging_root(out).rmdir()


def hand_edited(folder: Path, names: list[str]) -> list[str]:
    """Files in ``folder`` that docgen would replace or drop but did not write as they are.

    ``names`` is the new set; files the old manifest records but the new set no
    longer has are checked too (they would be dropped). A name is compared casefolded
    with those recorded, once per file: where names are case-blind (Windows, macOS) the
    documents of a reference respelt in another case are the recorded files themselves.
    """
    manifest = read_manifest(folder) or {}
    docs = manifest.get("documents")
    recorded = {d.get("file"): d.get("sha256")
                for d in (docs.values() if isinstance(docs, dict) else [])
                if isinstance(d, dict)}
    extra = manifest.get("extra")
    recorded.update({o.get("file"): o.get("sha256")
                     for o in (extra if isinstance(extra, list) else []) if isinstance(o, dict)})
    folded = {n.casefold(): sha for n, sha in recorded.items() if isinstance(n, str)}
    edited = []
    checked: dict[str, Path] = {}  # by casefolded name
    own = (n for n in recorded if isinstance(n, str) and n and Path(n).name == n)
    for name in dict.fromkeys([*names, *own]):
        path, key = folder / name, name.casefold()
        if not path.is_file() or (key in checked and os.path.samefile(checked[key], path)):
            continue
        checked[key] = path
        sha = recorded[name] if name in recorded else folded.get(key)
        if sha != file_sha256(path):
            edited.append(name)
    return edited
