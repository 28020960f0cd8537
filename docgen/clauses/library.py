"""Stage 3a: load the clause library (the built-in one and a user's overlay folders).

Clause wording is data (``docgen/data/clauses/**/*.yaml``, see its README):
lawyers edit YAML, never Python. Overlay folders replace built-in clauses by id.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import sys
from dataclasses import field
from pathlib import Path
from typing import Any

import yaml

from docgen._records import record
from docgen.answers import key_lines, safeyaml, yamlfile
from docgen.answers.bounded import read_bounded
from docgen.answers.kinds import DOCUMENT_KINDS
from docgen.answers.yamlfile import parse_yaml
from docgen.clauses.cachefolder import chosen_cache_folder, code_hash, read_entry, write_entry
from docgen.clauses.folder_files import Signature, library_signature, missing_keys
from docgen.clauses.notes import OwnClause
from docgen.clauses.overlay_warnings import OverlayWarning
from docgen.errors import AnswerFileError, DocgenError, FolderError, FolderErrors, closest
from docgen.kept import Kept
from docgen.resources import BUILTIN_CLAUSES

BUILTIN_DIR = BUILTIN_CLAUSES
CLAUSE_KEYS = {"id", "title", "version", "documents", "order", "when", "text", "kind",
               "replaces_version", "notes"}
DEFINITION_KEYS = {"term", "text", "documents", "version", "replaces_version"}
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_-]*)*$")
LINT_CONFIG = "lint.yaml"
MAX_CLAUSE_FILE_BYTES = 200_000  # proper nouns the linter should not take for undefined terms


@functools.lru_cache(maxsize=1024)  # a library's clauses and definitions, and overlays'
def _wording_hash(*parts: str | None) -> str:
    """The short hash of a clause's or definition's wording (its parts, one a line), as
    manifests and clause books record it: kept for the same parts, since every manifest
    records each clause's (the texts are the library's own, so looking one up is cheap)."""
    return hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()[:16]


@record
class Clause:
    id: str
    title: str
    version: int
    documents: list[str]
    order: int
    text: str
    source: Path
    when: str | None = None
    kind: str = "clause"  # or "definitions"
    replaces_version: int | None = None
    overlay: bool = False

    @property
    def content_hash(self) -> str:
        return _wording_hash(self.title, self.when, self.kind, self.text)


@record
class Definition:
    term: str
    text: str
    documents: list[str]
    version: int
    source: Path
    overlay: bool = False

    @property
    def content_hash(self) -> str:
        return _wording_hash(self.term, self.text)


@record
class Library:
    clauses: dict[str, Clause] = field(default_factory=dict)
    definitions: dict[str, Definition] = field(default_factory=dict)
    #: the overlays used (the last laid on each clause) written for an older standard clause
    warnings: list[OverlayWarning] = field(default_factory=list)
    #: ids or terms given twice in one folder, an overlay id near a standard one, two
    #: clauses on one topic: each with the files or folders it concerns (none: docgen's
    #: standard clauses), so whose folder it is in is told without reading its message
    duplicates: list[FolderError] = field(default_factory=list)
    dirs: list[Path] = field(default_factory=list)
    own: list[OwnClause] = field(default_factory=list)  # ids no standard clause has

    def for_document(self, kind: str) -> list[Clause]:
        return sorted((c for c in self.clauses.values() if kind in c.documents),
                      key=lambda c: (c.order, c.id))


def _raw(path: Path, kind: str = "clause file") -> bytes:
    """One clause file's bytes, read with the answer files' bound on size."""
    try:
        return read_bounded(path, MAX_CLAUSE_FILE_BYTES)
    except AnswerFileError as exc:
        raise _not_valid(path, exc, kind) from None


def _parse(path: Path, raw: bytes, kind: str = "clause file",
           keys: str = "id, title, text …") -> dict[str, Any]:
    """One clause file's mapping, parsed with the answer files' bounds (aliases, nesting)."""
    try:
        if not raw.strip() or raw.lstrip()[:1] in (b"[", b"-"):
            raise DocgenError(f"{path}: a {kind} must be a mapping ({keys})")
        data, _ = parse_yaml(raw, path)
    except AnswerFileError as exc:
        raise _not_valid(path, exc, kind) from None
    return data


def read_lint_config(path: Path) -> dict[str, Any]:
    """A clause folder's ``lint.yaml``, read and parsed with the clause files' bounds (it is
    a user's file too); DocgenError names the file and line."""
    raw = _raw(path, "lint.yaml file")
    if all(not line.strip() or line.lstrip().startswith(b"#") for line in raw.splitlines()):
        return {}  # empty, or only comments: nothing to add
    return _parse(path, raw, "lint.yaml file", "proper_nouns: [...]")


def _not_valid(path: Path, exc: AnswerFileError, kind: str = "clause file") -> DocgenError:
    first = exc.problems[0]
    where = f"{path}" + (f":{first.line}" if first.line else "")
    message = first.message.replace("an answer file must be", f"a {kind} must be")
    message = message.replace(" (start with 'docgen: 1')", "")  # an answer file's first line
    message = message.replace("answer files are limited", f"{kind}s are limited")
    return DocgenError(f"{where}: not a valid {kind}: {message}")


#: the format of the cache entries :func:`_parsed` writes
PARSED_VERSION = "1"


#: the hash of the code that turns a clause file into its mapping (this module, the YAML
#: reading and its safe loader) and PyYAML's version, as loaded: a change to any of them
#: names new cache entries, so a parse the code no longer makes is never served
_PARSER = code_hash(sys.modules[__name__], yamlfile, key_lines, safeyaml,
                    versions=(yaml.__version__,))


def _parsed(paths: list[Path]) -> list[dict[str, Any]]:
    """Each clause file's mapping, in order (every file is read before any is parsed: an
    unreadable or oversized file is reported before a badly written one).

    Parsing the YAML is most of loading the library (about 20 ms of every command-line
    run), so when the command line has chosen a cache folder the mappings are kept there
    as JSON, under the hash of the files' bytes: an edited file is a miss. A file whose
    mapping JSON cannot hold exactly (a date, a number as a key) is simply parsed each time.
    """
    raws = [_raw(p) for p in paths]
    entry = _parsed_entry(raws)
    body = read_entry(entry) if entry is not None else None
    with contextlib.suppress(ValueError):
        kept = json.loads(body) if body is not None else None
        if isinstance(kept, list) and len(kept) == len(paths) and all(
                isinstance(d, dict) for d in kept):
            return kept
    data = [_parse(p, raw) for p, raw in zip(paths, raws, strict=True)]
    if entry is not None:
        with contextlib.suppress(TypeError, ValueError):
            text = json.dumps(data, ensure_ascii=False)
            if json.loads(text) == data:
                write_entry(entry, text.encode("utf-8"))
    return data


def _parsed_entry(raws: list[bytes]) -> Path | None:
    """Where the mappings of files with these bytes are kept, or None: no cache folder
    chosen, or the parser's own source is not there to hash (a frozen install)."""
    folder = chosen_cache_folder()
    if folder is None or _PARSER is None:
        return None
    key = hashlib.sha256(PARSED_VERSION.encode() + _PARSER.encode("ascii") + b"".join(
        hashlib.sha256(raw).digest() for raw in raws)).hexdigest()
    return folder / f"__docgen_clauses_{PARSED_VERSION}_{key}.json"


def _whole_number(path: Path, data: dict[str, Any], key: str, default: int | None = None) -> int:
    """An integer key of a clause file (``version``, ``order``), or a clear error."""
    value = data.get(key, default)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value)
    raise DocgenError(f"{path}: {key}: '{value}' is not a whole number; write for example "
                      f"`{key}: {default or 1}`")


def _check_keys(path: Path, data: dict[str, Any], allowed: set[str], required: set[str]) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise DocgenError(f"{path}: unknown key(s) {', '.join(sorted(unknown))}; "
                          f"allowed: {', '.join(sorted(allowed))}")
    missing = required - set(data)
    if missing:
        raise DocgenError(missing_keys(path, missing, parse_yaml(_raw(path), path)[1]))
    docs = data.get("documents", [])
    if not isinstance(docs, list) or not set(docs) <= set(DOCUMENT_KINDS):
        raise DocgenError(f"{path}: documents must be a list of {', '.join(DOCUMENT_KINDS)}")


def _load_dir(root: Path, overlay: bool, lib: Library, seen: dict[str, Path],
              strict: bool = True, standard: dict[str, int] | None = None) -> None:
    """Lay ``root``'s files over ``lib``; ``standard``: the standard clauses' versions, which
    every overlay of one must name (over another folder's overlay too: only the last laid is
    compared, so one without it would hide an out-of-date overlay beneath)."""
    real_root = root.resolve()
    folder = (root,) if overlay else ()  # what each duplicate found here concerns
    paths = [p for p in sorted(root.rglob("*.yaml")) if p.name != LINT_CONFIG]
    # on POSIX rglob enters no linked folder, so only a linked file can lead out; Windows
    # has junctions, folders rglob enters that are not symbolic links: resolve every path
    for path in paths:
        if (os.name == "nt" or path.is_symlink()) and not path.resolve().is_relative_to(
                real_root):
            raise DocgenError(f"{path}: a link to a file outside the clause folder {root}; "
                              "copy the file into the folder instead")
    for path, data in zip(paths, _parsed(paths), strict=True):
        if "term" in data:
            _check_keys(path, data, DEFINITION_KEYS, {"term", "text", "documents"})
            d = Definition(term=str(data["term"]), text=str(data["text"]),
                           documents=list(data["documents"]),
                           version=_whole_number(path, data, "version", 1), source=path,
                           overlay=overlay)
            key = f"term:{d.term}"
            if key in seen:
                lib.duplicates.append((folder, f"{path}: the term '{d.term}' is defined "
                                               f"twice (also in {seen[key]})"))
            seen[key] = path
            lib.definitions[d.term] = d
            continue
        _check_keys(path, data, CLAUSE_KEYS, {"id", "title", "version", "documents", "order",
                                              "text"})
        cid = str(data["id"])
        if not ID_PATTERN.match(cid):
            raise DocgenError(f"{path}: clause id '{cid}' must be lower case words joined "
                              "by dots")
        clause = Clause(
            id=cid, title=str(data["title"]), version=_whole_number(path, data, "version"),
            documents=list(data["documents"]), order=_whole_number(path, data, "order"),
            text=str(data["text"]), source=path,
            when=None if data.get("when") is None else str(data["when"]),
            kind=str(data.get("kind", "clause")), overlay=overlay,
            replaces_version=(None if data.get("replaces_version") is None
                              else _whole_number(path, data, "replaces_version")),
        )
        if cid in seen:
            lib.duplicates.append((folder, f"{path}: duplicate clause id '{cid}' (also in "
                                           f"{seen[cid]})"))
        if overlay:
            base = lib.clauses.get(cid)
            if base is None:
                _new_clause(path, cid, lib, strict, folder)
            version = (standard or {}).get(cid)
            if version is not None and clause.replaces_version is None:
                raise DocgenError(_unversioned(path, cid, version))
        seen[cid] = path
        lib.clauses[cid] = clause


def _unversioned(path: Path, cid: str, version: int) -> str:
    """The error for an overlay of a standard clause that does not say which version of it
    it was written for: the file, the line to add and an example."""
    return (f"{path}: '{cid}' is docgen's standard clause in wording of your own, so the "
            "file must say which version of the standard clause it was written for, wherever "
            "it is laid (over docgen's clause or over another folder's wording of it): review "
            f"it against the standard wording, then add the line `replaces_version: {version}`"
            " to the file, for example below its `version:` line")


def _topic(cid: str) -> str:
    return cid.rsplit(".", 1)[-1]


def _new_clause(path: Path, cid: str, lib: Library, strict: bool,
                folder: tuple[Path, ...]) -> None:
    """An overlay id that replaces nothing: a mistyped id would add a second,
    contradictory clause, so an id close to a standard one is an error naming it (found
    in ``folder``, the overlay folder laid)."""
    standard = [c.id for c in lib.clauses.values() if not c.overlay]
    near = [c for c in standard if _topic(c) == _topic(cid)]
    near += [c for c in [closest(cid, standard, cutoff=0.8)] if c]
    if near:
        message = (f"{path}: overlay id '{cid}' matches no standard clause; the nearest is "
                   f"'{near[0]}'. To replace it write `id: {near[0]}` (with replaces_version); "
                   "to add a clause of your own, give it an id of your own (for example "
                   f"'ours.{_topic(cid)}_extra')")
        if strict:
            raise DocgenError(message)
        lib.duplicates.append((folder, message))
        return
    lib.own.append(OwnClause(path, cid))


def same_topic(lib: Library) -> list[FolderError]:
    """Two clauses on one topic (the last part of the id, or the title) in one document:
    almost always an overlay meant to replace a clause that now sits beside it. Each with
    both clauses' files (the message names one in full)."""
    found: list[FolderError] = []
    for kind in DOCUMENT_KINDS:
        seen: dict[str, Clause] = {}
        for c in lib.for_document(kind):
            for key in (f"id:{_topic(c.id)}", f"title:{c.title.strip().casefold()}"):
                other = seen.get(key)
                if other is not None and other.id != c.id:
                    found.append(((other.source, c.source), (
                        f"{c.source}: clauses '{other.id}' ({other.source.name}) and "
                        f"'{c.id}' are both about '{key.split(':', 1)[1]}' in the "
                        f"{kind}; keep one (an overlay replaces a clause by its id)")))
                    break
                seen.setdefault(key, c)
    return found


# a few overlay sets, newest last
LIBRARIES_KEPT = 8  # a server or batch alternating between posts' own overlay folders
_LIBRARIES: Kept[tuple[str, tuple[str, ...], Signature], Library] = Kept(LIBRARIES_KEPT)


def cached_library(overlays: list[Path] | None = None, builtin: Path = BUILTIN_DIR,
                   signature: Signature | None = None) -> Library:
    """The library, loaded once per process while its files are unchanged (batch builds,
    a long-running server); keyed on the files' names, sizes and times, so never stale.
    ``signature``: :func:`library_signature` of those folders, if the caller just took it."""
    if signature is None:
        signature = library_signature([builtin, *(overlays or [])])
    key = (str(builtin), tuple(map(str, overlays or [])), signature)
    library = _LIBRARIES.get(key)
    if library is None:
        library = load_library(overlays, builtin)
        _LIBRARIES.put(key, library)
    return library


def require_library(builtin: Path = BUILTIN_DIR) -> None:
    """Refuse to go on without the standard clauses: an incomplete install must not look fine."""
    if not builtin.is_dir() or next(builtin.rglob("*.yaml"), None) is None:
        raise DocgenError(f"the standard clause library is missing or empty (looked in "
                          f"{builtin}); docgen is not installed completely: reinstall it from "
                          "its clone, pip install --force-reinstall -e ., or from its wheel, "
                          'pip install --force-reinstall "path/to/docgen-<version>-py3-none-'
                          'any.whl" (a plain pip install docgen fetches another project)')


def load_library(overlays: list[Path] | None = None, builtin: Path = BUILTIN_DIR,
                 strict: bool = True) -> Library:
    """The built-in library with each overlay folder laid over it by clause id, in order.

    ``strict`` makes duplicate ids or terms within one folder an error (building);
    ``docgen clauses lint`` loads leniently and reports them with everything else.
    """
    require_library(builtin)
    lib = Library(dirs=[builtin, *(overlays or [])])
    seen: dict[str, Path] = {}
    _load_dir(builtin, False, lib, seen)
    standard = {cid: c.version for cid, c in lib.clauses.items()}
    for folder in overlays or []:
        if not folder.is_dir():
            raise FolderErrors([((folder,), f"clause overlay folder {folder} does not exist")])
        try:  # with its folder: the caller tells whose folder it is by it
            _load_dir(folder, True, lib, {}, strict, standard)
        except DocgenError as exc:
            raise FolderErrors([((folder,), str(exc))]) from None
    # the overlay the documents use (the last laid on a clause) against the standard clause:
    # not the first, which a later folder's overlay of the same clause replaces
    lib.warnings = [OverlayWarning(c.source, c.id, c.replaces_version, standard[c.id],
                                   tuple(c.documents)) for c in lib.clauses.values()
                    if c.overlay and c.id in standard and c.replaces_version is not None
                    and c.replaces_version < standard[c.id]]  # None: refused on loading
    lib.duplicates += same_topic(lib)
    if strict and lib.duplicates:
        raise FolderErrors(list(lib.duplicates))
    return lib
