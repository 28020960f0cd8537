"""Stage 1a, continued: one organisation profile's file, found, read and validated.

A profile is ``organisations/<id>.yaml`` (or ``.yml``: one of the two, never both) in a
*workspace* (see :mod:`docgen.answers.profiles`, which merges profiles into posts). This
module finds the workspace and the file an id names, reads and validates a profile, and
lists a workspace's profiles; its messages say what is wrong and how to fix it.
"""

from __future__ import annotations

import copy
import hashlib
import pickle
import re
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

import docgen.answers
from docgen._records import record
from docgen.answers.bounded import _inside, confined, read_bounded
from docgen.answers.characters import check_characters
from docgen.answers.forms import _model_in, as_yaml, found
from docgen.answers.organisation import (
    FORMAT_KEY,
    PARTY_KEYS,
    PROFILE_FOLDER,
    PROFILE_SUFFIXES,
    is_profile_name,
)
from docgen.answers.party_ids import ID_FORM, is_party_id
from docgen.answers.style_names import not_a_word_file
from docgen.answers.validation import _data_path, misspelt, plain_message
from docgen.answers.yamlfile import Located, parse_yaml
from docgen.errors import AnswerFileError, KeyLines, KeyPath, Problem, closest, format_path
from docgen.kept import Kept

if TYPE_CHECKING:  # loaded when first asked for (docgen.answers.__getattr__)
    import docgen.answers.organisation_model

ID = ID_FORM  # a profile's file name is its party id
MAX_PROFILES = 500  # listed in a workspace; more is not a workspace but a mistake


@record
class Profile:
    """One organisation profile, read and validated."""

    id: str
    path: Path
    raw: bytes
    data: dict[str, Any]
    lines: KeyLines
    clauses: list[Path] = field(default_factory=list)
    house_style: Path | None = None


def find_workspace(folder: Path, roots: tuple[Path, ...] = ()) -> Path | None:
    """``folder`` or its nearest ancestor holding ``organisations/``, within ``roots``.

    ``roots`` default to ``folder`` alone; the search never goes above the outermost
    root that contains ``folder``.
    """
    start = folder.resolve()
    containing = [r for r in (*(r.resolve() for r in roots), start)
                  if start == r or start.is_relative_to(r)]
    top = min(containing, key=lambda r: len(r.parts))
    for candidate in (start, *start.parents):
        if (candidate / PROFILE_FOLDER).is_dir():
            return candidate
        if candidate == top:
            break
    return None


def profile_files(workspace: Path) -> list[Path]:
    """The profile files of a workspace (``organisations/*.yaml`` and ``*.yml``), by id."""
    folder = workspace / PROFILE_FOLDER
    if not folder.is_dir() or not _inside(folder, (workspace.resolve(),)):
        return []
    found = sorted(p for p in folder.iterdir() if is_profile_name(p.name))
    return found[:MAX_PROFILES]


def profile_candidates(workspace: Path, pid: str) -> list[Path]:
    """The files that are ``pid``'s profile in ``workspace`` (``<id>.yaml``, ``<id>.yml``):
    one, or none; two is an error (:func:`duplicate_profiles`). A link counts (it is
    refused when read, if it leads out of the workspace)."""
    folder = workspace / PROFILE_FOLDER
    return [c for c in (folder / f"{pid}{s}" for s in PROFILE_SUFFIXES)
            if c.is_file() or c.is_symlink()]


def duplicate_profiles(pid: str, files: list[Path]) -> str:
    """Two files for one id: which one a post takes must never depend on a suffix."""
    return (f"{' and '.join(map(str, files))} are both the profile of '{pid}'; keep one "
            f"(delete or rename the other), so every post takes the same organisation")


def _model_at(path: KeyPath) -> type[BaseModel] | None:
    model: type[BaseModel] | None = docgen.answers.organisation_model.Organisation
    for part in path:
        if model is None or isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        model = _model_in(info.annotation) if info is not None else None
    return model


def _model_fields(path: KeyPath) -> list[str]:
    model = _model_at(path)
    return list(model.model_fields) if model is not None else []


def _belongs_under(key: str, where: KeyPath) -> list[KeyPath]:
    """The nearest mappings below ``where`` that have ``key`` (a key written a level or two
    too high: ``pension_scheme`` at the top is ``policy.postholder.pension_scheme``)."""
    start = _model_at(where)
    level: list[tuple[KeyPath, type[BaseModel]]] = [((), start)] if start else []
    for _ in range(4):
        found_here = [(*where, *path) for path, model in level if path
                      and key in model.model_fields]
        if found_here:
            return found_here
        level = [((*path, name), inner) for path, model in level
                 for name, info in model.model_fields.items()
                 if (inner := _model_in(info.annotation)) is not None]
    return []


def _misplaced(key: str, where: KeyPath, under: list[KeyPath], value: Any) -> str:
    """An unknown key that exists deeper in a profile: where it belongs, and how to write it."""
    shown = value if isinstance(value, (str, int, float, bool)) and len(str(value)) <= 60 \
        else "..."
    nested: Any = {key: shown}
    for part in reversed(under[0][1:]):
        nested = {part: nested}
    place = f"in {format_path(where)}" if where else "at the top level"
    names = [format_path(u) for u in under]
    which = names[0] if len(names) == 1 else f"one of {', '.join(names[:-1])} or {names[-1]}"
    return (f"unknown key '{key}' {place} of an organisation profile; it belongs under "
            f"{which}: write it as{' e.g.' if len(names) > 1 else ''} "
            f"{as_yaml(str(under[0][0]), nested)}")


def _field(path: KeyPath) -> Any:
    model: type[BaseModel] | None = docgen.answers.organisation_model.Organisation
    info = None
    for part in path:
        if model is None or isinstance(part, int):
            continue
        info = model.model_fields.get(part)
        model = _model_in(info.annotation) if info is not None else None
    return info


def _message(err: ErrorDetails, path: KeyPath) -> str:
    kind, key = err["type"], str(path[-1]) if path else ""
    if kind == "missing":
        info = _field(path)
        example = f", e.g. {as_yaml(key, info.examples[0])}" if info and info.examples else ""
        meaning = f" ({info.description.rstrip('.')})" if info and info.description else ""
        return (f"'{key}' is required in an organisation profile but missing{meaning}; add "
                f"it{example} (docgen schema --organisation describes every key)")
    if kind == "extra_forbidden":
        options = _model_fields(path[:-1])
        under = _belongs_under(key, path[:-1]) if key not in options else []
        if under:
            return _misplaced(key, path[:-1], under, err.get("input"))
        close = closest(key, options)
        hint = (f"did you mean '{close}'?" if close else
                f"allowed keys here: {', '.join(options)}" if options else "remove it")
        return f"unknown key '{key}' in an organisation profile; {hint}"
    if path[:1] == (FORMAT_KEY,):
        return f"must be 1{found(err.get('input'))}; write {FORMAT_KEY}: 1 as the first line"
    # the keys a profile shares with an answer file get the answer file's words and example
    return plain_message(err, _as_answer_key(path), [])


def _as_answer_key(path: KeyPath) -> KeyPath:
    """Where a profile's key lives in an answer file: ``policy.exit.notice_months`` is
    ``exit.notice_months``, ``signatory.name`` is a party's (``parties[0].signatory.name``)."""
    if path[:1] == ("policy",):
        return path[1:]
    if path[:1] and path[0] in PARTY_KEYS:
        return ("parties", 0, *path)
    return path


#: an empty profile: what to write, with an example (a profile's first lines)
EMPTY = (f"the organisation profile is empty; write the organisation's facts, starting with "
         f"{FORMAT_KEY}: 1, e.g. {FORMAT_KEY}: 1 / name: The Mayor and Burgesses of the London "
         "Borough of Eastwick / "
         "short_name: Eastwick / kind: local_authority / address: ... / signatory: {name: ..., "
         "title: ...} / notices: {title: ..., email: ...} (one key a line; `docgen new "
         "--organisation organisations/<id>.yaml` writes one to fill in)")


def _answer_file_here(data: dict[str, Any], pid: str) -> str:
    """An answer file saved in ``organisations/``: one message, not one per missing key."""
    marks = ", ".join(f"{k}:" for k in ("parties", "post") if k in data)
    return (f"this looks like an answer file (docgen: 1, with {marks}), not an organisation "
            f"profile; move it out of {PROFILE_FOLDER}/ (a post's answer file goes in the "
            f"project folder), and write the profile of '{pid}' here, starting "
            f"{FORMAT_KEY}: 1 (docgen new --organisation {PROFILE_FOLDER}/{pid}.yaml starts one)")


#: the profiles read and found valid, by file name and bytes, with what they hold: a live
#: check in the interview reads every partner's profile 3-5 times a page, and parsing and
#: validating it is nearly all of that. Only what the bytes alone decide is kept (a copy is
#: handed out, as callers graft the answers into posts); what a profile names on disk, its
#: clauses folders and house style, is looked at again on every read. Kept by the bytes'
#: hash, and only for a profile of up to :data:`KEPT_BYTES` (a few kilobytes is usual), so
#: what is kept stays small whatever the files hold; kept pickled, as unpickling a copy is
#: several times quicker than a deep copy
VALID_MAX = 256
_VALID: Kept[tuple[str, str], bytes] = Kept(VALID_MAX)  # (the least recently used go first)
KEPT_BYTES = 64_000


def load_profile(path: Path, workspace: Path) -> Profile:
    """Read and validate one profile; :class:`AnswerFileError` with file:line:key problems."""
    raw = read_bounded(  # too large: most likely text pasted in by mistake
        path, what="organisation profiles",
        fix="; a profile holds one organisation's facts and policy (a few kilobytes): remove "
            "what was pasted in by mistake, such as a long comment or a document's text")
    key = (str(path), hashlib.sha256(raw).hexdigest())
    kept = _VALID.get(key)
    if kept is not None:
        data, lines = pickle.loads(kept)
    else:
        data, lines = _validated(path, raw)
        if len(raw) <= KEPT_BYTES:
            _VALID.put(key, pickle.dumps((data, lines), protocol=pickle.HIGHEST_PROTOCOL))
    located = Located(data=data, path=path, lines=lines)
    roots = (workspace.resolve(),)
    clauses = [confined(path.parent, folder, ("clauses", i), lines, path, roots,
                        "a clauses folder") for i, folder in enumerate(data.get("clauses", []))]
    style = data.get("house_style")
    house_style = (confined(path.parent, style, ("house_style",), lines, path, roots,
                            "house_style") if style else None)
    wrong = (not_a_word_file(house_style.name)  # as in an answer file; a folder: on load
             if house_style is not None and not house_style.is_dir() else None)
    if wrong is not None:
        raise AnswerFileError([located.problem(("house_style",), wrong.replace(
            house_style.name if house_style else "", str(style), 1))])
    return Profile(path.stem, path, raw, data, lines, clauses, house_style)


def _validated(path: Path, raw: bytes) -> tuple[dict[str, Any], KeyLines]:
    """What a profile's bytes hold, parsed and validated (its file's name is its id), or
    :class:`AnswerFileError`: what :data:`_VALID` keeps."""
    try:
        data, lines = parse_yaml(raw, path)
    except AnswerFileError as exc:
        raise AnswerFileError([Problem(
            EMPTY if p.message == "the file is empty" else
            p.message.replace("(start with 'docgen: 1')", f"(start with '{FORMAT_KEY}: 1')")
            .replace("an answer file must be", "an organisation profile must be"),
            p.path, p.file, p.line) for p in exc.problems]) from None
    located = Located(data=data, path=path, lines=lines)
    pid = path.stem
    if "docgen" in data and FORMAT_KEY not in data and {"parties", "post"} & data.keys():
        raise AnswerFileError([located.problem(("docgen",), _answer_file_here(data, pid))])
    problems = check_characters(located)
    if not is_party_id(pid):
        problems.append(Problem(f"the file name '{path.name}' is not a party id; name the "
                                "profile <id>.yaml with a short lower-case id, such as "
                                "eastwick.yaml", file=path, line=1))
    if data.get("id") not in (None, pid):
        problems.append(located.problem(("id",), f"the id '{data.get('id')}' differs from "
                                        f"the file name {path.name}; a profile's id is its "
                                        f"file name: write id: {pid}, or rename the file"))
    if not problems:
        try:
            docgen.answers.organisation_model.Organisation.model_validate(located.data)
        except ValidationError as exc:
            for err in misspelt(exc.errors(), located.data, _model_fields):
                key = _data_path(located.data, err["loc"],
                                 keep_last=err["type"] in ("missing", "extra_forbidden"))
                problems.append(located.problem(key, _message(err, key)))
    if problems:
        raise AnswerFileError(problems)
    return located.data, lines


PROFILE_START = re.compile(rf"^\ufeff?{FORMAT_KEY}[ \t]*:", re.MULTILINE)


def is_profile_file(path: Path) -> bool:
    """True for a file that starts a profile's way (``docgen_organisation: 1``), or an
    empty one in an ``organisations/`` folder, so a profile named on the command line is
    checked as a profile (with a profile's messages), not as a post."""
    try:
        head = read_bounded(path).decode("utf-8", "replace")
    except AnswerFileError:
        return False
    if not head.strip() and path.parent.name == PROFILE_FOLDER:
        return True
    return bool(PROFILE_START.search(head))


def profile_named(path: Path) -> str:
    """What a profile named to ``check`` or ``build`` is, and how it is used: a post
    naming it reads it, so there is nothing of its own to build (said alike by both, and by
    the library's ``check_files`` and ``build``; never an answer file's errors)."""
    pid = path.stem
    where = (f"from this {PROFILE_FOLDER}/ folder" if path.parent.name == PROFILE_FOLDER
             else f"only from an {PROFILE_FOLDER}/ folder beside it or in its project, so "
                  f"move it into {PROFILE_FOLDER}/")
    return (f"an organisation profile ({FORMAT_KEY}: 1), not an answer file, so there is "
            f"nothing to build: a post that names {pid} among its parties (parties: "
            f"[{pid}, ...]) reads it {where}; build that post")


def check_profile(path: Path) -> list[Problem]:
    """The problems of one profile file (none when it is valid); its workspace is the
    folder holding its ``organisations/`` folder."""
    workspace = path.parent.parent if path.parent.name == PROFILE_FOLDER else path.parent
    problems = []
    both = [path.with_suffix(s) for s in PROFILE_SUFFIXES]
    if path.suffix in PROFILE_SUFFIXES and all(f.is_file() for f in both):
        problems.append(Problem(duplicate_profiles(path.stem, both), file=path, line=1))
    try:
        load_profile(path, workspace)
    except AnswerFileError as exc:
        problems += exc.problems
    return problems


def list_organisations(workspace: Path) -> list[dict[str, Any]]:
    """The profiles of ``workspace``: id, name, short_name, kind, file and problems (each
    ``file:line: key: message``; empty when the profile is valid), by id; a valid one
    also gives ``party`` (the party keys a post given by id takes), ``policy`` and
    ``jurisdiction`` (the law it says it is constituted under; None when it says none),
    so a caller needs no second read of each profile for its law."""
    out = []
    files = profile_files(workspace)
    stems = [p.stem for p in files]
    for path in files:
        entry: dict[str, Any] = {"id": path.stem, "name": None, "short_name": None,
                                 "kind": None, "file": str(path), "problems": [],
                                 "party": None, "policy": {}, "jurisdiction": None}
        if stems.count(path.stem) > 1:  # one entry for the id, saying both files
            if path.suffix == PROFILE_SUFFIXES[0]:
                both = [path.with_suffix(s) for s in PROFILE_SUFFIXES]
                entry["problems"] = [f"{path}:1: {duplicate_profiles(path.stem, both)}"]
                out.append(entry)
            continue
        try:
            profile = load_profile(path, workspace)
        except AnswerFileError as exc:
            entry["problems"] = [str(p) for p in exc.problems]
        else:
            entry.update({k: profile.data.get(k) for k in ("name", "short_name", "kind")})
            entry["party"] = {"id": profile.id, **{k: copy.deepcopy(profile.data[k])
                                                   for k in PARTY_KEYS if k in profile.data}}
            entry["policy"] = copy.deepcopy(profile.data.get("policy") or {})
            entry["jurisdiction"] = profile.data.get("jurisdiction")
        out.append(entry)
    return out


__all__ = ["ID", "MAX_PROFILES", "PROFILE_SUFFIXES", "Profile", "check_profile",
           "duplicate_profiles", "find_workspace", "is_profile_file", "list_organisations",
           "load_profile", "profile_candidates", "profile_files", "profile_named"]
