"""Finding the answer files of a run: named, in folders, or by glob.

A YAML file found in a folder is read only as far as needed to tell whether it is an
answer file (a bounded prefix); one that cannot be read is taken as a post, so that
loading it fails the run naming the file and the reason; so is one that is plainly an
answer file without its ``docgen: 1`` line (see :func:`lost_its_first_line`).
"""

from __future__ import annotations

import codecs
import glob
import itertools
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from docgen.answers.answer_names import ANSWER_ENDINGS, is_answer_name, not_an_answer_name
from docgen.answers.bounded import (
    LOOP_NAMED_FIX,
    LOOP_NOT_AN_ANSWER_FILE,
    MAX_FILE_BYTES,
    LinkLoop,
    looped,
    real_path,
)
from docgen.answers.folder_names import CLAUSES_MARKER, MANIFEST
from docgen.answers.lock_names import answer_locked, lock_found
from docgen.answers.model import AnswerFile
from docgen.answers.organisation import FORMAT_KEY, PROFILE_FOLDER
from docgen.answers.profile_files import check_profile, is_profile_file, profile_named
from docgen.errors import DocgenError
from docgen.regular_files import NotARegularFile, read_regular
from docgen.results import NotAPost, PostResult
from docgen.shellwords import shell_path

ANSWER_KEY = re.compile(r"""^\ufeff?(\{[ \t]*)?["']?(docgen|extends)["']?[ \t]*:""", re.MULTILINE)
JSON_KEY = re.compile(r"""^\ufeff?\s*\{.*?["'](docgen|extends)["']\s*:""", re.DOTALL)
#: a file not named as an answer file is, that is said when it looks like one (a post saved
#: as JSON): left out with how to rename it, rather than silently
SAID_WHEN_LIKE = (".json",)
CLAUSE_KEYS = re.compile(r"^(id|text|documents)[ \t]*:", re.MULTILINE)
PROFILE_KEY = re.compile(rf"^\ufeff?{FORMAT_KEY}[ \t]*:", re.MULTILINE)
#: the keys of a clause file (``docgen clauses import`` writes them): a named file holding
#: ``id`` or ``text`` and another of them at its top level is one, not a post
CLAUSE_FILE_KEYS = frozenset({"id", "version", "documents", "text", "order"})
CLAUSE_ID = re.compile(r"""^id[ \t]*:[ \t]*["']?([\w.-]+)""", re.MULTILINE)
TOP_KEY = re.compile(r"""^\ufeff?["']?([A-Za-z_][\w-]*)["']?[ \t]*:""", re.MULTILINE)
#: the top-level sections every answer file must give, from the model (never a hand list):
#: a file holding most of them is an answer file, whatever else it lacks
REQUIRED_SECTIONS = frozenset(name for name, field in AnswerFile.model_fields.items()
                              if field.is_required()) - {"docgen"}


#: how much of a YAML file found in a folder is read to tell whether it is an answer file
#: (an answer file is at most this size: a larger one is taken, and refused when loaded)
PREFIX_BYTES = MAX_FILE_BYTES + 1


def _prefix(path: Path) -> str | None:
    """The first :data:`PREFIX_BYTES` of a file as text, or None when it cannot be read
    as UTF-8 text (unreadable, not a regular file, another encoding): such a file is
    built, so that loading it fails the run naming the file and the reason, rather than
    being left out while the run succeeds. Opened without waiting
    (:func:`docgen.regular_files.read_regular`): a pipe named ``x.yaml`` in a folder hung
    the scan, and so ``check`` and ``build``, for ever."""
    try:
        data = read_regular(path, PREFIX_BYTES - 1)
    except (OSError, NotARegularFile):
        return None
    try:  # a character cut at the end of the prefix is not an error
        return codecs.getincrementaldecoder("utf-8-sig")().decode(data, final=False)
    except UnicodeDecodeError:
        return None


def _json_keys(text: str) -> set[str] | None:
    """The top-level keys of ``text`` read as one JSON object, or None when it is not one
    (not JSON, another value, or cut short by the bounded prefix)."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return set(value) if isinstance(value, dict) else None


def looks_like_answer_file(text: str) -> bool:
    """``docgen:`` or ``extends:`` at the top level: a YAML line, or a key of the JSON
    object the text is (never one nested, as in a build's ``manifest.json``). JSON that
    does not parse is judged by its first key, so a broken post is taken and fails
    saying why."""
    if ANSWER_KEY.search(text):
        return True
    keys = _json_keys(text)
    if keys is not None:
        return bool(keys & {"docgen", "extends"})
    return bool(JSON_KEY.match(text[:4096]))


def saved_as_json(path: Path, text: str | None) -> bool:
    """Whether a file not named as an answer file is one saved under another name, and
    so worth a word on how to rename it: JSON (read bounded) whose top-level keys give the
    format's ``docgen`` marker, or other text that starts like an answer file; never a
    file in a post folder docgen built (one holding its ``manifest.json``)."""
    if not text or (path.parent / MANIFEST).is_file():
        return False
    if path.suffix.lower() in SAID_WHEN_LIKE:  # parsed only when the key is written at all
        return '"docgen"' in text and "docgen" in (_json_keys(text) or set())
    return looks_like_answer_file(text)


def lost_its_first_line(text: str) -> bool:
    """Whether YAML without ``docgen:`` is plainly an answer file that lost that line: it
    gives at least half the sections every answer file must give (the shipped and test
    answer files give 12 or more of 16; a notes file's ``title``, ``version``, ``date`` and
    ``status`` give one). Such a file is built, so that it fails naming what to add,
    rather than being left out while the run succeeds."""
    keys = REQUIRED_SECTIONS.intersection(TOP_KEY.findall(text))
    return 2 * len(keys) >= len(REQUIRED_SECTIONS)


def _not_answer_file(path: Path) -> str | None:
    """Why a file found in a folder is not a post, or None if it is one (or may be:
    a YAML file that cannot be read is built, and fails with why).

    An answer file has ``docgen: 1`` (or ``extends:``) at its top level; anything
    else is reported rather than built (it would fail) or silently ignored. Only a
    bounded prefix is read: a 5 GB file is not read whole; a lock file, not at all.
    """
    if (lock := lock_found(path)) is not None:
        return lock
    text = _prefix(path)
    if not is_answer_name(path.name):  # post.json: said only when it is a post
        return not_an_answer_name(path) if saved_as_json(path, text) else ""
    if text is None or looks_like_answer_file(text):
        return None
    if PROFILE_KEY.search(text):
        return (f"an organisation profile (docgen_organisation: 1), not an answer file; "
                f"left out: posts read profiles only from an {PROFILE_FOLDER}/ folder, so "
                f"move it into {PROFILE_FOLDER}/ beside the posts that use it")
    if len(CLAUSE_KEYS.findall(text)) >= 2:
        return (f"looks like a clause file, not an answer file; put a file named "
                f"{CLAUSES_MARKER} in its folder so docgen treats the folder as clause "
                "wording")
    if lost_its_first_line(text):
        return None  # a post without `docgen: 1`: loading it fails, saying to add it
    return ("not an answer file (an answer file starts with `docgen: 1`, or `extends:` a "
            "base); left out")


def _clause_folder(path: Path) -> Path | None:
    """The clause folder (one holding :data:`CLAUSES_MARKER`, as ``docgen clauses import``
    leaves) that ``path`` is in, as the user would name it from here; None when none."""
    for parent in path.absolute().parents:
        if (parent / CLAUSES_MARKER).is_file():
            return parent.relative_to(Path.cwd()) if parent.is_relative_to(Path.cwd()) \
                else parent
    return None


class NamedClause(NamedTuple):
    """A clause file named to ``check`` or ``build``: its clause's id when it gives one,
    the clause folder it is used from and linted as (``docgen clauses lint --clauses
    FOLDER``): the marked folder it is in, else its own; None for one beside the posts
    (unmarked, in the folder docgen runs in, which holds the posts: it is told to keep it
    in a folder of its own), and how a post's documents use it (``use``)."""

    clause: str | None
    folder: Path | None
    use: str

    @property
    def said(self) -> str:
        """What it is, how a post uses it and what checks its wording, in a sentence."""
        where = shell_path(self.folder) if self.folder is not None else "our-clauses"
        return (f"a clause file{f' (clause {self.clause})' if self.clause else ''}, not an "
                f"answer file, so there is nothing to build: {self.use}; docgen clauses lint "
                f"--clauses {where} checks its wording")


#: the files of a clause file's folder looked at for a post beside it, at most
FOLDER_LOOK = 200


def _beside_posts(path: Path) -> bool:
    """Whether the unmarked folder of the clause file ``path`` holds posts (or is the folder
    docgen runs in): named as a clause folder, it would name them too, so the file is
    linted alone and told to move into a folder of its own."""
    folder = path.parent
    if folder.resolve() == Path.cwd().resolve():
        return True
    try:
        others = [f for f in itertools.islice(folder.iterdir(), FOLDER_LOOK)
                  if f.name != path.name and is_answer_name(f.name) and f.is_file()]
    except OSError:
        return False
    return any(_not_answer_file(f) is None for f in others)


def named_clause(path: Path) -> NamedClause | None:
    """What a file named to ``check`` or ``build`` is when it is a clause file (in a clause
    folder, or holding a clause's keys), and how a post uses it; None for any other file
    (one starting ``docgen: 1``, or plainly a post without it, is read as a post)."""
    text = _prefix(path) if path.is_file() else None
    if text is None or looks_like_answer_file(text) or PROFILE_KEY.search(text):
        return None
    folder = _clause_folder(path)
    keys = CLAUSE_FILE_KEYS.intersection(TOP_KEY.findall(text))
    if folder is None and (not keys & {"id", "text"} or len(keys) < 2
                           or lost_its_first_line(text)):
        return None
    named = folder or path.parent
    found = CLAUSE_ID.search(text)
    clause = found.group(1) if found else None
    if folder is None and _beside_posts(path):
        # beside the posts: naming this folder as a clause folder would name the posts too
        return NamedClause(clause, None, "keep it in a folder of its own (e.g. our-clauses/), "
                           "which a post's documents use when its answer file names it under "
                           "clauses: (clauses: [our-clauses]) or the build is given it (docgen "
                           "build --clauses our-clauses post.yaml)")
    return NamedClause(clause, named, f"a post's documents use it when its answer file names "
                       f"its folder under clauses: (clauses: [{named.as_posix()}], as the "
                       f"answer file reaches it) or when the build is given it (docgen build "
                       f"--clauses {shell_path(named)} post.yaml)")


def named_clause_files(paths: Sequence[str | Path], left_out: Sequence[NotAPost]
                       ) -> tuple[list[tuple[Path, NamedClause]], list[NotAPost]]:
    """The clause files among ``left_out`` (files found but not posts) that ``paths`` name
    or that a glob among them matches, each to be checked, as ``docgen clauses lint
    --clauses <its folder>`` checks it (a folder's scan leaves its clause files out
    unchecked); and the rest of ``left_out``."""
    named = {Path(p) for p in paths} | {
        Path(m) for p in paths if not Path(p).exists() for m in glob.glob(str(p), recursive=True)}
    clauses = [(n.source, found) for n in left_out
               if n.source in named and (found := named_clause(n.source))]
    linted = {path for path, _ in clauses}
    return clauses, [n for n in left_out if n.source not in linted]


def named_clause_file(path: Path) -> str | None:
    """What :func:`named_clause` says of ``path``; None when it is no clause file."""
    found = named_clause(path)
    return found.said if found is not None else None


def profile_result(path: Path) -> PostResult | None:
    """``path`` checked as the organisation profile it is (``checked`` when valid, else
    ``failed`` with the profile's own problems), saying what it is and that a post naming
    it reads it, by ``check`` and ``build`` alike (never an answer file's "add docgen: 1");
    None for any other file. A profile has no good-practice rules waiting on its errors."""
    if not is_profile_file(path):
        return None
    problems = check_profile(path)
    return PostResult(source=path, status="failed" if problems else "checked",
                      problems=problems, message=profile_named(path))


def named_profiles(files: Sequence[Path], paths: Sequence[str | Path]) -> dict[Path, PostResult]:
    """The organisation profiles among ``files`` named in ``paths`` or matched by a glob
    there (a folder's search leaves ``organisations/`` out), each checked as a profile:
    nothing to build."""
    named = {Path(p) for p in paths}
    results = {f: profile_result(f) for f in files
               if f in named or f.parent.name == PROFILE_FOLDER}
    return {f: r for f, r in results.items() if r is not None}


def _folder_files(folder: Path) -> list[Path]:
    """Answer files' names under ``folder`` (and those :data:`SAID_WHEN_LIKE`, and the
    lock files of answer files, each said to be one), leaving out folders marked as clause
    overlays."""
    found = []
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        if CLAUSES_MARKER in filenames:
            dirnames[:] = []
            continue
        # organisations/ holds profiles (and their clause folders), not posts
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                             and d != PROFILE_FOLDER)
        found += [here / f for f in filenames  # POST.YAML too
                  if is_answer_name(f) or f.lower().endswith(SAID_WHEN_LIKE)
                  or answer_locked(f)]
    return sorted(found)


def no_answer_path(raw: str, command: str = "build") -> str:
    """What is said of a path that names nothing: here, and by ``docgen build|check``
    (which name their own command in the example), in the same words."""
    return (f"no answer file or folder at '{raw}'; name an answer file or a folder of them "
            f"(docgen {command} post.yaml), or start one with docgen new post.yaml")


def find_answer_files(paths: Sequence[str | Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The answer files in ``paths``, and the YAML files found but left out, with why.

    A file named directly is taken as a post (if it is not one, loading it says so),
    unless it is a clause file (:func:`named_clause_file`: left out, saying how a post uses
    it); an organisation profile named is checked as one by the caller. In folders and
    globs: files whose names start with ``_`` are ``extends`` bases; folders holding a
    ``.docgen-clauses`` file are clause overlays (with the folders below them); other YAML
    without ``docgen:`` or ``extends:`` at the top level is left out and reported, unless
    it is plainly an answer file that lost that line: that is a post, and fails saying what
    to add; a link looping back to itself is left out (named, it is an error). A folder
    named with nothing to build or report (empty, or bases only) is an error: a run that
    did nothing without a word looks like one that worked.
    """
    found: list[Path] = []
    left_out: list[tuple[Path, str]] = []

    def consider(candidates: list[Path], globbed: bool = False) -> None:
        for f in candidates:
            if looped(f):
                left_out.append((f, f"{LOOP_NOT_AN_ANSWER_FILE}; left out"))
                continue
            if f.parent.name == PROFILE_FOLDER and is_profile_file(f):
                found.append(f)  # a glob's (a folder's search leaves organisations/ out):
                continue  # checked as a profile, as one named is (:func:`named_profiles`)
            if f.name.startswith("_") or f.parent.name == PROFILE_FOLDER or (
                    f.is_dir() and not is_answer_name(f.name)):
                continue  # a folder a glob matched; one named x.yaml fails when loaded
            if any((parent / CLAUSES_MARKER).is_file() for parent in f.parents):
                # a folder's clause folders are left out; a glob's clause file is said as
                # one named is ('own/*.yaml' checked nothing and said nothing)
                if globbed and (clause := named_clause_file(f)):
                    left_out.append((f, clause))
                continue
            reason = _not_answer_file(f)
            if reason:
                left_out.append((f, reason))
            elif reason is None:
                found.append(f)  # "": not an answer file's name, nor looking like a post

    for raw in paths:
        p = Path(raw)
        if p.is_dir() and not is_answer_name(p.name):  # a folder named x.yaml: not read
            before = len(found) + len(left_out)
            consider(_folder_files(p))
            if len(found) + len(left_out) == before:  # not a word would say why
                raise DocgenError(
                    f"no answer files in {p}: an answer file is a {ANSWER_ENDINGS} file that "
                    "starts with `docgen: 1` (`docgen new post.yaml` starts one)")
        elif p.exists() or p.is_symlink():
            if looped(p):
                raise DocgenError(f"{p}: {LOOP_NOT_AN_ANSWER_FILE}; {LOOP_NAMED_FIX}")
            if clause := named_clause_file(p):  # never "add docgen: 1" to a clause
                left_out.append((p, clause))
            else:
                found.append(p)
        else:
            matches = sorted(Path(m) for m in glob.glob(str(raw), recursive=True))
            if not matches:
                raise DocgenError(no_answer_path(str(raw)))
            consider(matches, globbed=True)
    unique: dict[Path, Path] = {}
    for f in found:
        unique.setdefault(_same_file(f), f)
    seen = set(unique)
    skipped = {key: (f, r) for f, r in left_out if (key := _same_file(f)) not in seen}
    return list(unique.values()), list(skipped.values())


def _same_file(path: Path) -> Path:
    """What tells one file found twice (named, and in its folder; through a link): its
    resolved path, or for a link that loops (``loop.yaml -> loop.yaml``), which has none,
    its own absolute path, so that loading it fails naming it rather than the scan
    stopping with a traceback."""
    try:
        return real_path(path)
    except (OSError, LinkLoop):
        return path.absolute()
