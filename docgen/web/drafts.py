"""Answer files in the served folder, and the drafts being edited in the browser.

A draft is the answer file as a ruamel.yaml round-trip document, so keys,
order, quoting and comments survive an edit; it lives in memory until "Save"
writes it back atomically. Saving refuses to overwrite a file whose bytes
changed on disk since it was opened (compared by hash), and file names are
confined to the folder: no paths, no dot files, no symlinks.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets
import threading
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

import docgen
from docgen.answers.bounded import read_bounded
from docgen.answers.yamlfile import load_answer_file, merge_extends
from docgen.errors import AnswerFileError, DocgenError
from docgen.publish.files import atomic_write, sha256

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,80}\.ya?ml$")
EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "examples"
MAX_DRAFTS = 200


class Missing(DocgenError):
    """The file asked for is not in the folder (a 404, not bad input)."""


class Conflict(DocgenError):
    """The file on disk changed since it was opened, or a new file's name is taken."""


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def parse(text: str) -> CommentedMap:
    """A round-trip document; a clear :class:`DocgenError` when it is not a YAML mapping."""
    try:
        doc = _yaml().load(text)
    except YAMLError as exc:
        raise DocgenError(f"this file is not valid YAML ({exc}); fix it in a text editor "
                          "or run `docgen check` on it") from None
    if doc is None:
        return CommentedMap()
    if not isinstance(doc, CommentedMap):
        raise DocgenError("this file does not hold an answer file (a mapping of keys)")
    return doc


def dump(doc: CommentedMap) -> str:
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def to_plain(node: Any) -> Any:
    """Plain dicts, lists and scalars (what docgen.check takes), from a round-trip document."""
    if isinstance(node, dict):
        return {str(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, dt.datetime | dt.date):
        return node
    return str(node)


def safe_path(folder: Path, name: str) -> Path:
    """``folder/name`` when ``name`` is a plain answer-file name inside the folder, else raise."""
    if not NAME_RE.match(name or ""):
        raise DocgenError(f"'{name}' is not an answer-file name docgen will use; use letters, "
                          "digits, '.', '_' and '-', ending .yaml (for example "
                          "shared-head-of-legal.yaml)")
    path = folder / name
    if path.is_symlink() or (path.exists() and path.resolve().parent != folder.resolve()):
        raise DocgenError(f"'{name}' is a link to somewhere outside the folder; docgen "
                          "will not follow it")
    return path


def list_files(folder: Path) -> list[Path]:
    """The answer files in the folder (bases, whose names start with '_', left out)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if NAME_RE.match(p.name) and not p.is_symlink()
                  and p.is_file() and not p.name.startswith("_"))


def examples() -> list[str]:
    return sorted(p.name for p in EXAMPLES.glob("*.yaml"))


@dataclass
class Draft:
    """One answer file being edited: the document, where it came from, and its hash then."""

    id: str
    doc: CommentedMap
    name: str | None = None  # file name in the folder (None until first saved)
    base_hash: str | None = None  # sha256 of the file's bytes when opened or last saved
    base: dict[str, Any] | None = None  # what ``extends`` brings in (read only)
    visited: set[str] = field(default_factory=set)  # steps submitted at least once
    blank: dict[str, int] = field(default_factory=dict)  # rows added, not filled in yet
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def text(self) -> str:
        return dump(self.doc)

    @property
    def unsaved(self) -> bool:
        """True when closing this draft would lose something (a new draft is never saved)."""
        return self.base_hash is None or sha256(self.text.encode("utf-8")) != self.base_hash

    def view(self) -> Any:
        """The answers as the interview shows them: the file over what it extends."""
        return merge_extends(self.base, to_plain(self.doc)) if self.base else self.doc

    def keep_base(self, before: dict[str, Any]) -> None:
        """Drop answers that only repeat the base and were not in the file before."""
        if self.base:
            _prune(self.doc, self.base, before)


def _prune(node: CommentedMap, base: dict[str, Any], before: dict[str, Any]) -> None:
    for key in list(node):
        if key not in base:
            continue
        was = before.get(key) if isinstance(before, dict) else None
        if key not in before and to_plain(node[key]) == base[key]:
            del node[key]
        elif isinstance(node[key], CommentedMap) and isinstance(base[key], dict):
            _prune(node[key], base[key], was if isinstance(was, dict) else {})
            if not node[key] and key not in before:
                del node[key]


def read_base(folder: Path, path: Path, doc: CommentedMap) -> dict[str, Any] | None:
    """The merged answers of the file ``doc`` extends (kept inside the folder), or None."""
    ext = doc.get("extends")
    if not isinstance(ext, str):
        return None
    base_path = (path.parent / ext).resolve()
    if not base_path.is_relative_to(folder.resolve()) or not base_path.is_file():
        return None
    try:
        data = load_answer_file(base_path).data
    except AnswerFileError:
        return None
    return {k: _as_written(v) for k, v in data.items() if k != "extends"}


def _as_written(value: Any) -> Any:
    """The base's numbers as the round-trip YAML of the file reads them (docgen's loader
    keeps ``19.8`` exact as a Decimal; ruamel gives a float), so equal values compare equal."""
    if isinstance(value, dict):
        return {k: _as_written(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_written(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and "." not in str(value) \
            else float(value)
    return value


class DraftStore:
    """The drafts open in this server (in memory: a restart loses unsaved changes)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._drafts: dict[str, Draft] = {}
        self._lock = threading.Lock()

    def _add(self, doc: CommentedMap, name: str | None, base_hash: str | None) -> Draft:
        draft = Draft(secrets.token_urlsafe(12), doc, name, base_hash)
        with self._lock:
            if len(self._drafts) >= MAX_DRAFTS:
                self._make_room()
            self._drafts[draft.id] = draft
        return draft

    def _make_room(self) -> None:
        """Close the least recently used draft that has no unsaved changes; never drop edits."""
        for draft_id, draft in self._drafts.items():  # oldest use first
            if not draft.unsaved:
                del self._drafts[draft_id]
                return
        raise DocgenError(f"{MAX_DRAFTS} drafts with unsaved changes are open, so no more "
                          "can be opened without losing one. Save or finish some of them "
                          "first (or restart docgen serve, which discards unsaved drafts)")

    def get(self, draft_id: str) -> Draft | None:
        with self._lock:
            draft = self._drafts.pop(draft_id, None)
            if draft is not None:
                self._drafts[draft_id] = draft  # most recently used last
        return draft

    def _reusable(self, name: str, file_hash: str) -> Draft | None:
        """An open draft of this file, as it is on disk, with no unsaved changes."""
        with self._lock:
            same = [d for d in self._drafts.values()
                    if d.name == name and d.base_hash == file_hash]
        return next((d for d in same if not d.unsaved), None)

    def open(self, name: str) -> Draft:
        path = safe_path(self.folder, name)
        if not path.exists():
            raise Missing(f"There is no file called {name} in the folder any more; go back "
                          "to the start page, which lists the files there now.")
        try:  # the command line's limit and words, checked before the file is read
            raw = read_bounded(path)
        except AnswerFileError as exc:
            raise DocgenError(f"{name} cannot be opened: {exc.problems[0].message}") from None
        reuse = self._reusable(name, sha256(raw))
        if reuse is not None:
            return self.get(reuse.id) or reuse
        try:
            doc = parse(raw.decode("utf-8", errors="replace"))
        except DocgenError:
            problems = docgen.check(path).errors  # the command line's words, with the line
            detail = "; ".join(f"line {p.line}: {p.message}" if p.line else p.message
                               for p in problems[:3]) or "it is not valid YAML"
            raise DocgenError(f"{name} cannot be opened in the interview ({detail}). Fix it "
                              "in a text editor, then open it again") from None
        draft = self._add(doc, name, sha256(raw))
        draft.base = read_base(self.folder, path, doc)
        draft.visited.update(["*"])
        return draft

    def new(self, example: str | None) -> Draft:
        if example:
            if example not in examples():
                raise DocgenError(f"there is no example called '{example}'")
            doc = parse((EXAMPLES / example).read_text(encoding="utf-8"))
            draft = self._add(doc, None, None)
            draft.visited.update(["*"])
            return draft
        doc = CommentedMap()
        doc["docgen"] = 1
        return self._add(doc, None, None)

    def save(self, draft: Draft, name: str) -> Path:
        """Write the draft atomically; :class:`Conflict` if that would lose someone's edits."""
        path = safe_path(self.folder, name)
        data = draft.text.encode("utf-8")
        if path.exists() and not path.is_file():
            raise DocgenError(f"{name} is a folder, not a file; choose another name")
        with draft.lock:
            exists = path.exists()
            current = sha256(path.read_bytes()) if exists else None
            if exists and (name != draft.name or current != draft.base_hash):
                if name != draft.name:
                    raise Conflict(f"{name} already exists in the folder; choose another "
                                   "name, or open that file to change it")
                raise Conflict(f"{name} was changed on disk since you opened it, so saving "
                               "would overwrite those changes. Nothing was written. Save "
                               "under another name, or open the file again and redo "
                               "your changes")
            try:
                atomic_write(path, data)
            except OSError as exc:
                raise DocgenError(f"cannot save {name}: {exc.strerror}. Nothing was "
                                  "written; check the folder can be written to, or save "
                                  "under another name") from None
            draft.name, draft.base_hash = name, sha256(data)
        return path
