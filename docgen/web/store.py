"""The drafts being edited in the browser: kept on disk so they survive a restart, and saved
into the folder through a cross-process lock with a compare-and-swap on the file's hash.

Drafts and everything else the interview writes live in ``<folder>/.docgen-drafts/``: a
dot folder, which ``docgen build`` (and every folder discovery) skips by design, so a
draft is never built. Each draft is one JSON file written atomically. Saving takes a
``filelock`` lock per file name (shared by every ``docgen serve`` on the folder), then
compares the file's current hash with the one the draft was opened from: two servers
saving the same post at once cannot both win; the loser gets :class:`Conflict`.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

import docgen
from docgen.api.interview import atomic_write, content_hash, read_answer_bytes
from docgen.errors import AnswerFileError, DocgenError
from docgen.web.draft_record import record_of, restore
from docgen.web.drafts import (
    COPIED,
    EXAMPLES,
    OPENED,
    Conflict,
    Draft,
    Missing,
    examples,
    free_reference,
    older_notice,
    read_base,
    safe_path,
    unsaved_notice,
)
from docgen.web.orgs import profiles
from docgen.web.tasks import carry, marked, settle
from docgen.web.yamltext import parse

DRAFTS_DIR = ".docgen-drafts"
MAX_DRAFTS = 200
MAX_DRAFT_BYTES = 2_000_000
ID_RE = re.compile(r"^[A-Za-z0-9_-]{8,40}$")
LOCK_SECONDS = 10
class DraftStore:
    """The drafts of one folder: in memory while open, on disk while they hold unsaved work."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.home = folder / DRAFTS_DIR
        self._drafts: dict[str, Draft] = {}
        #: drafts an open found with no changes, opened from an older version of their file:
        #: never reused nor listed, so not written out again on every open (see ``_set_aside``)
        self._aside: dict[str, Draft] = {}
        #: the suggestion marks (``"~<slug>"``) of drafts deleted here, by file name: a new
        #: draft of the file ("start again from the saved file") carries them (``carry``)
        self._dropped: dict[str, set[str]] = {}
        self._lock = threading.Lock()
        self._clean_start()

    # -- on disk -------------------------------------------------------------------------
    def _clean_start(self) -> None:
        """Remove what an earlier server left behind: check copies beside the posts (older
        versions wrote them there) and half-written files in the drafts folder."""
        for stale in self.folder.glob(".docgen-draft-*.yaml"):
            stale.unlink(missing_ok=True)
        if self.home.is_dir():
            for part in self.home.glob(".*.part"):
                part.unlink(missing_ok=True)

    def _file(self, draft_id: str) -> Path:
        return self.home / f"{draft_id}.json"

    def persist(self, draft: Draft) -> None:
        """Write the draft to disk (atomically) if it holds work; remove it once saved and
        no section is marked to check again or holds suggestions not confirmed yet (the
        marks, kept, survive a restart: ``Draft.rechecking``; a section whose answers are
        no longer docgen's suggestions is no longer marked: ``tasks.settle``)."""
        settle(draft)
        text = draft.text  # written out once, for the test below and the record
        if not draft.unsaved_as(text) and not draft.rechecking or (
                draft.name is None and len(draft.doc) <= 1 and not draft.begun):
            self._file(draft.id).unlink(missing_ok=True)
            return
        record = record_of(draft, text, MAX_DRAFT_BYTES // 4)
        self.home.mkdir(exist_ok=True)
        atomic_write(self._file(draft.id), json.dumps(record).encode("utf-8"))

    def _read(self, draft_id: str) -> Draft | None:
        """A draft from disk, or None (missing, damaged or over the size limit)."""
        path = self._file(draft_id)
        try:
            if not path.is_file() or path.is_symlink() or path.stat().st_size > MAX_DRAFT_BYTES:
                return None
            record = json.loads(path.read_text(encoding="utf-8"))
            doc = parse(record["text"], keep=False)  # unsaved words stay on disk alone
        except (OSError, ValueError, KeyError, TypeError, DocgenError):
            return None
        name = record.get("name")
        if name is not None:
            try:
                safe_path(self.folder, name)
            except DocgenError:
                return None
        draft = Draft(draft_id, doc, name, record.get("base_hash"), profiles=self.profiles())
        restore(draft, record)
        if name:
            draft.base = read_base(self.folder, self.folder / name, doc)
        return draft

    def saved_drafts(self) -> list[dict[str, Any]]:
        """The drafts on disk with changes not saved, newest first, with what the start
        page shows of each (not one kept only for its sections to check again)."""
        return [d for d in self._on_disk() if d["draft"].unsaved]

    def _on_disk(self) -> list[dict[str, Any]]:
        """Every draft on disk, newest first, with when it was last changed."""
        out: list[dict[str, Any]] = []
        if not self.home.is_dir():
            return out
        for path in sorted(self.home.glob("*.json")):
            if not ID_RE.match(path.stem):
                continue
            with self._lock:  # one set aside stays aside (a tab showing it takes it back)
                draft = self._aside.get(path.stem)
            draft = draft or self.get(path.stem)
            if draft is None or self._orphan(draft):
                continue
            try:
                updated = json.loads(path.read_text(encoding="utf-8")).get("updated", "")
            except (OSError, ValueError):
                updated = ""
            out.append({"draft": draft, "updated": updated})
        return sorted(out, key=lambda d: d["updated"], reverse=True)[:MAX_DRAFTS]

    def _orphan(self, draft: Draft) -> bool:
        """Remove (True) a record kept only for its marks whose file is gone: not listed
        (no unsaved changes), so nothing could delete it, and read on every open."""
        if not draft.name or (self.folder / draft.name).exists() or draft.unsaved:
            return False
        self._forget(draft.id)
        return True

    def _forget(self, draft_id: str) -> list[Draft]:
        """Close the draft here and remove its record; the drafts closed."""
        with self._lock:
            gone = [self._drafts.pop(draft_id, None), self._aside.pop(draft_id, None)]
        if ID_RE.match(draft_id):
            self._file(draft_id).unlink(missing_ok=True)
        return [d for d in gone if d is not None]

    def delete(self, draft_id: str) -> None:
        """Delete the draft; its suggestion marks are kept for the next new draft of its
        file (``_dropped``), as starting again from the file does not confirm them."""
        self.get(draft_id)  # after a restart too
        for draft in self._forget(draft_id):
            if draft.name and marked(draft.visited):
                self._dropped.setdefault(draft.name, set()).update(draft.visited)

    def profiles(self) -> dict[str, dict[str, Any]]:
        """The folder's organisation profiles, read now (a profile edited since shows)."""
        return profiles(self.folder)

    # -- in memory -----------------------------------------------------------------------
    def _add(self, doc: Any, name: str | None, base_hash: str | None) -> Draft:
        draft = Draft(secrets.token_urlsafe(12), doc, name, base_hash, profiles=self.profiles())
        with self._lock:
            if len(self._drafts) + len(self._aside) >= MAX_DRAFTS:
                self._make_room()
            self._drafts[draft.id] = draft
        return draft

    def _make_room(self) -> None:
        """Close a draft set aside, else the least recently used draft: one without unsaved
        changes, else one that is safe on disk; never drop edits."""
        for held in (self._aside, self._drafts):
            for draft_id, draft in held.items():  # oldest use first
                if not draft.unsaved or self._file(draft_id).is_file():
                    del held[draft_id]
                    return
        raise DocgenError(f"{MAX_DRAFTS} drafts with unsaved changes are open, so no more "
                          "can be opened without losing one. Save or delete some of them "
                          "first")

    def get(self, draft_id: str) -> Draft | None:
        """The open draft, else the one kept on disk (after a restart), else None."""
        with self._lock:  # one set aside is taken back: whoever asks may change it
            draft = self._drafts.pop(draft_id, None) or self._aside.pop(draft_id, None)
            if draft is not None:
                self._drafts[draft_id] = draft  # most recently used last
                return draft
        if not ID_RE.match(draft_id or ""):
            return None
        found = self._read(draft_id)
        if found is None:
            return None
        with self._lock:
            if len(self._drafts) + len(self._aside) >= MAX_DRAFTS:
                self._make_room()
            return self._drafts.setdefault(draft_id, found)

    def _drafts_of(self, name: str) -> list[tuple[Draft, str, bool]]:
        """The drafts of the file ``name``, each with when it was last changed (if kept on
        disk) and whether it holds changes not saved: those kept on disk (after a restart
        too), newest first, then those open here only, most recently used first, but not
        those set aside here (see :meth:`_set_aside`). Each is written out once (10 ms)."""
        kept = [(d["draft"], d["updated"]) for d in self._on_disk() if d["draft"].name == name]
        ids = {d.id for d, _ in kept}
        with self._lock:
            here = [d for d in reversed(self._drafts.values())
                    if d.name == name and d.id not in ids]
        return [(d, when, d.unsaved) for d, when in [*kept, *((d, "") for d in here)]]

    def _set_aside(self, drafts: list[Draft]) -> set[str]:
        """Stop looking at these drafts on each open of their file: each has no changes
        and was opened from an older version of the file, so it can never be reused
        (:meth:`open` takes only a draft of the file as it is now) nor is it listed. Every
        open after the file changed made one, and each was written out again on every
        later open (0.05 s an open at first, 0.18 s after 11 turns of two servers). A tab
        showing one still has it (:meth:`get` takes it back, since it may then change); a
        change a request holding it made meanwhile is kept on disk by that request, where
        the start page and every open still see it (:meth:`_on_disk`). Its record, kept
        only for its marks, is removed (else kept for ever, read on every open): the
        marks returned, for the new draft of the file to carry."""
        marks: set[str] = set()
        with self._lock:
            for draft in drafts:
                if self._drafts.get(draft.id) is draft:
                    self._aside[draft.id] = self._drafts.pop(draft.id)
        for draft in drafts:
            with draft.lock:  # a change a tab made meanwhile stays on disk
                if not draft.unsaved:
                    marks.update(draft.visited)
                    self._file(draft.id).unlink(missing_ok=True)
        return marks

    def _reusable(self, name: str, file_hash: str, found: list[tuple[Draft, str, bool]],
                  ) -> Draft | None:
        """An open draft of this file, as it is on disk, with no unsaved changes; else one
        kept on disk for its sections to check again (after a restart). ``found``: the
        drafts of the file from :meth:`_drafts_of`, whose changes are known already."""
        changed = {d.id: unsaved for d, _, unsaved in found}
        with self._lock:
            same = [d for d in self._drafts.values()
                    if d.name == name and d.base_hash == file_hash]
        return next((d for d in same if not changed.get(d.id, d.unsaved)), None) or next(
            (d for d, _, unsaved in found if d.base_hash == file_hash and not unsaved), None)

    def open(self, name: str) -> Draft:
        """The post ``name`` to edit: the officer's draft of it with changes not saved yet,
        if there is one opened from the file as it is now (they are taken back to their
        changes, told so, and offered to start again from the file by deleting it; a
        second copy, saved first, made the draft's own save refuse, as "changed by someone
        else"); else an open draft of it with no changes; else a new draft of the file."""
        path = safe_path(self.folder, name)
        if not path.exists():
            raise Missing(f"There is no post called {name} in the folder any more; go back "
                          "to the start page, which lists the posts there now.")
        try:  # the command line's limit, checked before the file is read
            raw = read_answer_bytes(path)
        except AnswerFileError as exc:
            raise DocgenError(f"{name} cannot be opened: {exc.problems[0].message}") from None
        current = content_hash(raw)
        found = self._drafts_of(name)
        unsaved = [(d, when) for d, when, changed in found if changed]
        marks = self._set_aside(
            [d for d, _, changed in found if not changed and d.base_hash != current])
        fresh = [(d, when) for d, when in unsaved if d.base_hash == current]
        if fresh:  # the officer's changes, not a second copy that would undo them on saving
            draft, when = fresh[0]
            draft.notice = unsaved_notice(draft, when, len(unsaved) - 1)
            return draft
        reuse = self._reusable(name, current, found)
        if reuse is not None:  # told of older drafts each open, as a new draft is
            draft = self.get(reuse.id) or reuse
            if unsaved:
                draft.notice = older_notice(name, unsaved[0][0], len(unsaved))
            return draft
        try:
            doc = parse(raw.decode("utf-8", errors="replace"))
        except DocgenError:
            problems = docgen.check(path).errors
            detail = "; ".join(f"line {p.line}" for p in problems[:3] if p.line)
            raise DocgenError(f"{name} cannot be opened here: it is not written in the form "
                              f"docgen reads{f' ({detail})' if detail else ''}. Ask whoever "
                              "edits the files by hand to correct it, then open it "
                              "again") from None
        draft = self._add(doc, name, current)
        draft.written = raw.decode("utf-8", errors="replace")  # its lines kept (Draft.text)
        draft.base = read_base(self.folder, path, doc)
        draft.visited.update([OPENED])
        if carry(draft, marks | self._dropped.pop(name, set())):
            self.persist(draft)  # kept on disk, as the draft they came from was
        if unsaved:  # drafts opened before the file last changed: said, and linked
            draft.notice = older_notice(name, unsaved[0][0], len(unsaved))
        return draft

    def new(self, example: str | None, doc: Any = None) -> Draft:
        if example:
            if example not in examples():
                raise DocgenError(f"there is no example called '{example}'")
            doc = parse((EXAMPLES / example).read_text(encoding="utf-8"))
            if isinstance(doc.get("reference"), str):  # one no post in the folder has
                doc["reference"] = free_reference(self.folder, doc["reference"])
            draft = self._add(doc, None, None)
            draft.visited.update([OPENED, COPIED])
            self.persist(draft)
            return draft
        if doc is None:
            doc = parse("docgen: 1\n")
        draft = self._add(doc, None, None)
        self.persist(draft)
        return draft

    # -- saving into the folder ----------------------------------------------------------
    def lock_for(self, name: str) -> FileLock:
        """The lock every docgen serve on this folder takes to save ``name``."""
        locks = self.home / "locks"
        locks.mkdir(parents=True, exist_ok=True)
        return FileLock(str(locks / f"{name.lower()}.lock"), timeout=LOCK_SECONDS)

    def save(self, draft: Draft, name: str) -> Path:
        """Write the draft atomically; :class:`Conflict` if that would lose someone's edits.

        Under the file's lock: the file's hash now must be the one the draft was opened
        from (or the file must not exist, for a new name); only then is it replaced.
        """
        path = safe_path(self.folder, name)
        data = draft.text.encode("utf-8")
        if path.exists() and not path.is_file():
            raise DocgenError(f"{name} is a folder, not a file; choose another name")
        try:
            with draft.lock, self.lock_for(name):
                self._compare(path, name, draft)
                try:
                    atomic_write(path, data)
                except OSError as exc:
                    raise DocgenError(f"cannot save {name}: {exc.strerror}. Nothing was "
                                      "written; check the folder can be written to, or "
                                      "save under another name") from None
                draft.name, draft.base_hash = name, content_hash(data)
                draft.written = data.decode("utf-8")
        except Timeout:
            raise Conflict(f"{name} is being saved by someone else right now. Nothing was "
                           "written; try again in a moment") from None
        self.persist(draft)
        return path

    @staticmethod
    def _compare(path: Path, name: str, draft: Draft) -> None:
        if not path.exists():
            return
        current = content_hash(path.read_bytes())
        if name != draft.name:
            raise Conflict(f"{name} already exists in the folder; choose another name, or "
                           "open that post to change it")
        if current != draft.base_hash:
            raise Conflict(f"{name} was changed by someone else since you opened it, so "
                           "saving would overwrite their changes. Nothing was written, and "
                           "your draft is kept. Open the post again and redo your changes, "
                           "or give this post its own reference and save it under another name")
