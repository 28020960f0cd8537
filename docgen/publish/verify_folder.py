"""``docgen verify``: check a finished post folder against its answer file and manifest.

The checks themselves are in :mod:`docgen.word.verify` (bytes in, problems out);
this shell finds the answer file, reads the documents and the manifest.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from docgen.answers.answer_names import is_answer_name, not_an_answer_name
from docgen.answers.bounded import read_bounded
from docgen.answers.folder_names import MANIFEST
from docgen.answers.organisation import PROFILE_FOLDER
from docgen.answers.profiles import load_post
from docgen.answers.validation import validate
from docgen.answers.yamlfile import Located
from docgen.errors import AnswerFileError, DocgenError
from docgen.facts.derive import derive
from docgen.ooxml.bounds import read_docx_bytes
from docgen.publish.discover import looks_like_answer_file
from docgen.publish.files import (
    file_sha256,
    manifest_unreadable,
    read_manifest,
    sha256,
)
from docgen.resources import BUILTIN_TEMPLATES
from docgen.shellwords import shell_path
from docgen.word.names import kind_of_name, output_name
from docgen.word.verify import verify_documents
from docgen.word.wording import MAX_BYTES, WORDING_FILE, wording_file

#: the longest templates folder name from a manifest that is looked at
MAX_PATH_CHARS = 4096


def _recorded_bytes(candidate: Path) -> bytes | None:
    """A file the manifest names, read bounded; None unless it is a regular file named as
    an answer file is (:mod:`docgen.answers.answer_names`), of an answer file's size, that
    starts like one (``docgen: 1`` or ``extends:``)."""
    if not is_answer_name(candidate.name) or not candidate.is_file():
        return None
    try:
        data = read_bounded(candidate)
    except AnswerFileError:
        return None
    return data if looks_like_answer_file(data.decode("utf-8", "replace")) else None


def _project(project: Path | None) -> Path:
    """The project folder a post is read in: the one named, else the current folder (kept
    relative, as messages name it)."""
    return Path() if project is None else Path(project)


def find_answer_file(folder: Path, manifest: dict[str, Any], answers: Path | None,
                     project: Path | None = None) -> Path:
    """``--answers``, else the file the manifest recorded (its full path, then by name in
    the project's ``inputs/``, as recorded, or in the post folder), preferring one whose
    hash matches. ``project``: the project folder named (default: the current folder).

    Post folders travel between organisations, so the manifest is not trusted: a path
    it names is used only if it is named as an answer file is (.yaml/.yml) inside the
    project or the output folder, or if its bytes (read bounded) are the very answer file
    the manifest records (same hash). Nothing else is read for its contents, so a manifest pointed
    at ``/etc/shadow`` echoes nothing of it.
    """
    if answers is not None:
        if not answers.is_file():
            raise DocgenError(f"answer file {answers} does not exist")
        return answers
    entry = manifest.get("answer_file")
    entry = entry if isinstance(entry, dict) else {}
    recorded = str(entry.get("path") or "")
    if not recorded:
        raise DocgenError(f"{folder / MANIFEST} does not name the answer file; pass --answers")
    resolved = [Path(str(entry["resolved"]))] if entry.get("resolved") else []
    top = _project(project)  # what relative paths are read from
    candidates = [*resolved, top / "inputs" / Path(recorded).name, top / recorded,
                  folder / Path(recorded).name]
    roots = (top.resolve(), folder.resolve().parent)
    wanted = entry.get("sha256")
    same, inside, refused, misnamed = [], [], [], []
    for c in dict.fromkeys(candidates):
        try:
            data = _recorded_bytes(c)
            if data is None:
                if _named_otherwise(c, wanted, roots):
                    misnamed.append(c)  # post.json, built before every door took .yaml only
                elif c.exists() or c.is_symlink():
                    refused.append(c)
                continue
            if sha256(data) == wanted:
                same.append(c)
            elif any(c.resolve().is_relative_to(r) for r in roots):
                inside.append(c)
            else:
                refused.append(c)
        except OSError:  # a name too long, a folder not readable: not there
            continue
    if same or inside:
        return (same or inside)[0]
    if misnamed:
        raise DocgenError(renamed_to_verify(misnamed[0], folder))
    tried = ", ".join(str(c) for c in dict.fromkeys(candidates))
    why = (f"; {', '.join(map(str, refused))} is outside this folder and the project, or "
           "not an answer file, and is not the file these documents were built from, so "
           "it was not read") if refused else ""
    raise DocgenError(f"cannot find the answer file '{recorded}' (tried {tried}){why}; "
                      "pass --answers FILE")


def _named_otherwise(candidate: Path, wanted: object, roots: tuple[Path, ...]) -> bool:
    """Whether a file the manifest names is refused only for its name (``post.json``, built
    before every door took .yaml only): a regular file of an answer file's size, the very
    one recorded (same hash) or inside the project or the output folder."""
    if is_answer_name(candidate.name) or not candidate.is_file():
        return False
    try:
        data = read_bounded(candidate)
    except AnswerFileError:
        return False
    return sha256(data) == wanted or any(candidate.resolve().is_relative_to(r) for r in roots)


def renamed_to_verify(path: Path, folder: Path) -> str:
    """What is said when the answer file a folder was built from is there but named as no
    answer file is now: rename it, then name it with ``--answers``."""
    renamed = path.with_suffix(".yaml") if path.suffix else path.with_name(f"{path.name}.yaml")
    return (f"{path} is the answer file recorded in {MANIFEST}, but "
            f"{not_an_answer_name(path)}; then run docgen verify {shell_path(folder)} "
            f"--answers {shell_path(renamed)}")


def verify_folder(folder: Path, answers: Path | None = None, project: Path | None = None,
                  template_dir: str | os.PathLike[str] | None = None) -> list[str]:
    """Check a built post folder (``<out>/<reference>``) against its answer file.
    ``project``: the project folder to read the post in, as ``build --project`` read it
    (default: the current folder). ``template_dir``: the templates folder the documents
    were filled from (default: the one the manifest records, else docgen's own)."""
    folder = Path(folder)
    if project is not None and not Path(project).is_dir():
        raise DocgenError(f"{project} is not a folder; give the project folder the post was "
                          "built in (the one holding organisations/)")
    if template_dir is not None and not Path(template_dir).is_dir():
        raise DocgenError(f"{template_dir} is not a folder; give the templates folder the "
                          "documents were built with")
    if not folder.is_dir():
        raise DocgenError(f"{folder} is not a folder; give <out>/<reference>")
    manifest = read_manifest(folder)
    unreadable = manifest_unreadable(folder)
    if unreadable:
        raise DocgenError(f"{folder / MANIFEST} cannot be read ({unreadable})")
    if manifest is None:
        raise DocgenError(f"{folder} has no readable {MANIFEST}; is it a folder docgen built?")
    source = find_answer_file(folder, manifest, Path(answers) if answers else None, project)
    if project is not None and not source.resolve().is_relative_to(Path(project).resolve()):
        held = [p for p in _profile_projects(manifest) if source.resolve().is_relative_to(p)]
        raise DocgenError(f"{project} does not hold the answer file {source}; name the project "
                          f"folder it was built in, e.g. --project "
                          f"{shell_path((held or [source.parent])[-1])}")
    try:
        located = load_post(source, roots=_roots(source, folder, project))
        parsed = validate(located)
    except AnswerFileError as exc:
        hint = _run_from(manifest, project)
        raise DocgenError(f"the answer file has errors:\n{exc}{hint}") from None
    facts = derive(parsed)
    problems: list[str] = []
    if folder.resolve().name != manifest.get("reference"):
        problems.append(f"{folder}: the folder's name is not the reference its {MANIFEST} "
                        f"records ({manifest.get('reference')}); renamed, or copied from "
                        "another post? Rebuild it")
    recorded = (manifest.get("answer_file") or {}).get("sha256")
    changed = answers is None and recorded and sha256(read_bounded(source)) != recorded
    if parsed.reference != manifest.get("reference"):
        # other answers (another post's, or this one's with a new reference): every figure
        # would differ, so the documents are not read
        fix = ("it has changed since these documents were built; rebuild the post" if changed
               else "name that post's answer file with --answers, or verify that post's own "
               "folder")
        return [*problems, f"{source}: reference {parsed.reference} but {folder / MANIFEST} "
                f"is for {manifest.get('reference')}; {fix}"]
    if changed:
        problems.append(f"{source} has changed since these documents were built "
                        f"(its hash differs from {MANIFEST}); rebuild or pass --answers")
    if answers is None:
        problems += _profiles_changed(located, manifest)
    docs, set_problems = read_set(folder, manifest, facts.reference)
    problems += set_problems
    if not docs and not problems:
        problems.append(f"{folder}: no documents to verify")
    if template_dir is not None:
        return problems + verify_documents(facts, docs, template_dir=Path(template_dir))
    templates, unknown = _recorded_templates(folder, manifest, project)
    # the schedule tables' words not known (None): every check but the ones reading them
    return [*problems, *([unknown] if unknown else []),
            *verify_documents(facts, docs, template_dir=templates)]


def _schedules_sha256(templates: Path) -> str | None:
    """The hash of the schedules' words a templates folder gives (its own, else docgen's);
    None when that is no regular file of a wording file's size (nothing else is read)."""
    try:
        path = wording_file(templates)
        return file_sha256(path) if path.is_file() and \
            path.stat().st_size <= MAX_BYTES else None
    except (OSError, ValueError):
        return None


def _usable(value: object) -> bool:
    """A folder name from the manifest that may be looked at: a string of a sane length,
    not a network (UNC) path, so a manifest never makes verify reach out to a host."""
    return isinstance(value, str) and 0 < len(value) <= MAX_PATH_CHARS and \
        not value.startswith(("\\\\", "//")) and "\0" not in value


def _is_dir(path: Path) -> bool:
    """``path.is_dir()``, a name too long or a folder not readable being no folder."""
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _recorded_templates(folder: Path, manifest: dict[str, Any],
                        project: Path | None) -> tuple[Path | None, str | None]:
    """The templates folder the manifest records (docgen's own when it records none, as
    manifests written before it did), if its schedules.yaml is still the one the documents
    were filled from; else None (the schedules' words are not known) and one line saying
    what happened and what to do.

    The manifest is not trusted: a folder it names is read only for the hash of its
    schedules.yaml, and its words are used only when that is the hash recorded; a name
    that is no string, too long or a network path is not looked at.
    """
    entry = manifest.get("templates")
    if entry is None:
        return BUILTIN_TEMPLATES, None
    entry = entry if isinstance(entry, dict) else {}
    wanted = entry.get("schedules_sha256")
    names = [str(entry[k]) for k in ("resolved", "path") if _usable(entry.get(k))]
    there = [c for c in dict.fromkeys(_project(project) / n for n in names) if _is_dir(c)]
    for candidate in [*there, BUILTIN_TEMPLATES]:  # docgen's: a folder that kept its words
        if isinstance(wanted, str) and _schedules_sha256(candidate) == wanted:
            return candidate, None
    if not names or not isinstance(wanted, str):
        return None, (f"{folder}: {MANIFEST} does not record the templates folder the "
                      "documents were filled from as a folder name docgen reads (a local "
                      f"path of at most {MAX_PATH_CHARS} characters, with the hash of its "
                      f"{WORDING_FILE}), so the words of the schedule tables are not "
                      "checked; pass that folder with --templates FOLDER, or rebuild the post")
    what = (f"whose {WORDING_FILE} has changed since (its hash differs from {MANIFEST}), "
            "so the words of the schedule tables cannot be checked; rebuild the post, or "
            "pass the templates folder it was built with: --templates FOLDER" if there else
            "which is no longer there; pass it where it is now (--templates FOLDER), or "
            "rebuild the post (until then the words of the schedule tables are not checked)")
    return None, (f"{folder}: the documents were filled from the templates folder "
                  f"{names[0]}, {what}")


def _profile_projects(manifest: dict[str, Any]) -> list[Path]:
    """The folders holding the ``organisations/`` whose profiles the documents were built
    with, as the manifest records them (shallowest first): only ever named, never read."""
    entries = manifest.get("profiles")
    paths = [Path(str(e["path"])) for e in entries if isinstance(e, dict) and e.get("path")
             ] if isinstance(entries, list) else []
    return sorted({p.parent.parent for p in paths
                   if p.parent.name == PROFILE_FOLDER and p.is_absolute()})


def _run_from(manifest: dict[str, Any], project: Path | None = None) -> str:
    """Which project folder to name, when the post was built with profiles above the one
    it was read in (``project``, else the current folder)."""
    base = _project(project).resolve()
    above = [p for p in _profile_projects(manifest) if base.is_relative_to(p) and base != p]
    if not above:
        return ""
    here = "the current folder" if project is None else f"the project folder named, {project}"
    return (f"\nthese documents were built with the profiles in {above[-1] / PROFILE_FOLDER}, "
            f"above {here}; docgen verify reads a post with the current folder as its project "
            f"unless told another, so name it: docgen verify --project "
            f"{shell_path(above[-1])} <out>/{manifest.get('reference') or '<reference>'} (or "
            f"run it from there: cd {shell_path(above[-1])} && docgen verify …)")


def _roots(source: Path, folder: Path, project: Path | None = None) -> tuple[Path, ...]:
    """The project folder to read the post in: ``project`` as the user named it, else the
    current folder, when the answer file is the user's own (inside it, and not one that
    came in the post folder), so a post in ``inputs/hr/`` finds ``inputs/organisations/``
    as build did; else none beyond the answer file's own folder. A post folder travels
    between organisations: neither a file in it nor its manifest may widen what
    ``extends`` or the profile search can read."""
    here = source.resolve()
    top = _project(project).resolve()
    if here.is_relative_to(folder.resolve()) or not here.is_relative_to(top):
        return ()
    return (top,)


def _profiles_changed(located: Located, manifest: dict[str, Any]) -> list[str]:
    """A profile the post reads now that is not the one (same file, same bytes) the
    documents were built from: the documents may name an organisation's old facts."""
    recorded = {str(e.get("id")): e for e in manifest.get("profiles") or []
                if isinstance(e, dict)}
    problems = []
    for pid, (path, raw) in sorted(located.profiles.items()):
        entry = recorded.get(pid, {})
        if entry.get("path") != str(path.resolve()) or entry.get("sha256") != sha256(raw):
            problems.append(f"{path}: the organisation profile of '{pid}' has changed (or "
                            "is another file) since these documents were built; rebuild the "
                            "post")
    return problems


def read_set(folder: Path, manifest: dict[str, Any], reference: str) -> tuple[dict[str, bytes],
                                                                    list[str]]:
    """The documents the manifest lists, each checked against the hash docgen recorded.

    A document whose bytes differ was edited or comes from another build (a mixed
    set); a document of this post that the manifest does not list is not part of
    the set. Large or hostile files are refused before they are read whole.
    """
    problems: list[str] = []
    docs: dict[str, bytes] = {}
    entries = manifest.get("documents")
    if not isinstance(entries, dict):
        return docs, [f"{folder / MANIFEST}: has no 'documents' mapping; rebuild the post"]
    listed = set()
    for kind, entry in sorted(entries.items()):
        entry = entry if isinstance(entry, dict) else {}
        name = str(entry.get("file") or output_name(reference, kind))
        if Path(name).name != name:
            problems.append(f"{folder / MANIFEST}: '{name}' is not a file name in this folder")
            continue
        listed.add(name)
        path = folder / name
        if not path.is_file() or path.is_symlink():
            problems.append(f"{name}: listed in {MANIFEST} but missing from {folder}")
            continue
        try:
            data = read_docx_bytes(path)
        except DocgenError as exc:
            problems.append(str(exc))
            continue
        if sha256(data) != entry.get("sha256"):
            problems.append(f"{name}: differs from the document docgen wrote (its hash is not "
                            f"the one in {MANIFEST}): edited by hand, or from another build")
        docs[name] = data
    for extra in manifest.get("extra") or []:
        name = str(extra.get("file", "")) if isinstance(extra, dict) else ""
        path = folder / name
        if name and Path(name).name == name and path.is_file() and \
                file_sha256(path) != extra.get("sha256"):
            problems.append(f"{name}: differs from the review copy docgen wrote (hash)")
    for path in sorted(folder.iterdir()):  # case-blind: ".DOCX" is a Word document too
        if path.name not in listed and kind_of_name(path.name):
            problems.append(f"{path.name}: not part of the set in {MANIFEST} (left from "
                            "another build?); move it away or rebuild")
    return docs, problems


__all__ = ["verify_folder", "find_answer_file", "read_set"]
