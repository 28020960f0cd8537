"""Incremental builds: what a post's documents depend on, and when a build can be skipped.

One hash covers docgen's version, the clause library and overlays, the templates, the
answer file with its bases and profiles, and the house styles; a post whose hash matches
its manifest, with every output present, is not built again. A skipped post whose documents
a person edited since docgen wrote them says so (they are kept as they are), in the words
:func:`edited_refusal` gives a build that will not overwrite them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from docgen._version import __version__
from docgen.answers.bounded import read_bounded
from docgen.answers.profile_files import find_workspace, profile_candidates
from docgen.answers.yamlfile import Located
from docgen.clauses.folder_files import Signature, library_signature, yaml_files
from docgen.clauses.library import BUILTIN_DIR
from docgen.clauses.notes import OwnClause
from docgen.errors import REMOVED_RULE, AnswerFileError, DocgenError, Problem
from docgen.facts.formatting import join_words
from docgen.facts.wording import fact_wording_file
from docgen.ooxml.bounds import read_docx_bytes
from docgen.pipeline import CHECK_GENERATION
from docgen.publish.files import read_manifest
from docgen.publish.stage import hand_edited
from docgen.resources import BUILTIN_TEMPLATES
from docgen.results import EDITED_RULE, Notice, PostResult
from docgen.shellwords import shown
from docgen.word.wording import wording_file

#: what a post whose inputs hash matches its manifest says (its status is ``skipped``)
UNCHANGED = "inputs unchanged since the last build"


def _edited_words(edited: list[str], folder: Path | None) -> tuple[str, str]:
    """``A.docx in FOLDER changed since docgen wrote it (edited by hand?)``, and "it" or
    "them": the one wording of documents a person changed (:func:`edited_refusal`,
    :func:`edited_kept`)."""
    it = "it" if len(edited) == 1 else "them"
    where = f" in {folder}" if folder is not None else ""
    return f"{', '.join(edited)}{where} changed since docgen wrote {it} (edited by hand?)", it


def _kept_names(edited: list[str]) -> str:
    """``<name>.edited-1.docx`` with each edited file's own extension: ``--force`` keeps an
    edited review copy as ``….edited-1.md`` (:func:`~docgen.publish.files.edited_name`)."""
    suffixes = dict.fromkeys(Path(name).suffix for name in edited)
    return " or ".join(f"<name>.edited-1{suffix}" for suffix in suffixes)


def edited_refusal(edited: list[str], folder: Path) -> str:
    """Why a build with changed inputs does not overwrite the documents ``edited``."""
    said, it = _edited_words(edited, folder)
    return (f"{said}; not overwritten. Move {it} away, or use --force (the edited "
            f"cop{'y is' if it == 'it' else 'ies are'} then kept as {_kept_names(edited)})")


def edited_kept(edited: list[str]) -> str:
    """What a skipped post says of the documents ``edited``: kept as they are, and what
    ``--force`` would do (the person learns it now, not when a changed input refuses)."""
    said, it = _edited_words(edited, None)
    one = it == "it"
    are, they, copies = ("is", "it", "copy is") if one else ("are", "they", "copies are")
    return (f"{said} and {are} kept as {they} {are}: `docgen build --force` would replace "
            f"{it} (the edited {copies} kept as {_kept_names(edited)})")


def _template_files(template_dir: Path) -> list[Path]:
    """The templates, the wording of their schedules (the folder's own, else docgen's:
    :func:`docgen.word.wording.wording_file`) and the words the facts print
    (:func:`docgen.facts.wording.fact_wording_file`): an edit to any rebuilds the posts."""
    wordings = [wording_file(template_dir), fact_wording_file()]
    return [*sorted(template_dir.glob("*.docx")), *(f for f in wordings if f.is_file())]


@lru_cache(maxsize=32)
def _shared_hash(dirs: tuple[str, ...], template_dir: str,
                 signature: tuple[Signature, tuple[tuple[str, int], ...]]) -> str:
    """Hash of docgen's version and its check's generation (a post whose manifest a
    previous check wrote is checked again: :data:`~docgen.pipeline.CHECK_GENERATION`), the
    clause library, the templates and the wording files (once per signature)."""
    h = hashlib.sha256(f"{__version__}\0check {CHECK_GENERATION}".encode())
    for folder in map(Path, dirs):
        h.update(b"\0folder\0")  # each folder's files apart: a later folder overrides
        # the name within the folder, not the folder's path: an overlay named relatively by
        # one build (--clauses overlay) and absolutely by the next (the manifest's) is the
        # same input, and must not rebuild the post or refuse its edited documents
        for f in sorted(map(Path, yaml_files(str(folder)))) if folder.is_dir() else []:
            h.update(f.relative_to(folder).as_posix().encode() + b"\0" + f.read_bytes())
    for f in _template_files(Path(template_dir)):
        h.update(f.read_bytes())
    return h.hexdigest()


def inputs_hash(sources: list[Path], overlays: list[Path], template_dir: Path,
                raw: list[bytes] | None = None, styles: Sequence[str] = (),
                library: Signature | None = None) -> str:
    """One hash of everything a post's documents depend on (for incremental builds).

    ``raw``: the bytes the documents were rendered from (read once), so a file
    saved again during a build is not recorded as what was built. ``library``: the
    clause folders' :func:`library_signature` when the caller took it with the library.
    """
    dirs = (str(BUILTIN_DIR), *map(str, overlays))
    if library is None:
        library = library_signature([Path(d) for d in dirs])
    sig = (library,
           tuple((str(f), f.stat().st_mtime_ns) for f in _template_files(template_dir)))
    h = hashlib.sha256(_shared_hash(dirs, str(template_dir), sig).encode())
    for data in raw if raw is not None else (read_bounded(src) for src in sources):
        h.update(data)
    for style_sha in styles:  # the house styles the documents took (sha256 of each file)
        h.update(style_sha.encode())
    return h.hexdigest()


def style_hashes(paths: list[str]) -> list[str]:
    """The sha256 of each house style file now (a changed style rebuilds the post)."""
    return [hashlib.sha256(read_docx_bytes(Path(p))).hexdigest() for p in paths]


def post_inputs(located: Located) -> tuple[list[Path], list[bytes]]:
    """The files a post was read from (answer file, bases, the profiles it used), with
    the bytes read, so a changed profile rebuilds exactly the posts that use it."""
    used = sorted(located.profiles.items())
    return ([*located.sources, *(path for _, (path, _) in used)],
            [*located.raw, *(raw for _, (_, raw) in used)])


def extra_names(docx_name: str, formats: tuple[str, ...]) -> list[str]:
    """The review outputs (PDF, Markdown, HTML) that go with one document."""
    stem = docx_name.removesuffix(".docx")
    return [f"{stem}.{fmt}" for fmt in formats if fmt != "docx"]


#: what the copies of each format other than Word are called, in ``--format``'s order
COPIES = {"pdf": "PDF copies", "md": "Markdown review copies", "html": "HTML review copies"}


def copies_removed(names: list[str], folder: Path, formats: tuple[str, ...],
                   source: Path) -> Problem:
    """The warning that a rebuild with ``formats`` removed the copies ``names`` from
    ``folder``: which, why, and the ``--format`` that keeps making them."""
    kinds = [fmt for fmt in COPIES if any(n.endswith(f".{fmt}") for n in names)]
    keep = ",".join(f for f in ("docx", *COPIES) if f in formats or f in kinds)
    return Problem(
        f"removed the {join_words([COPIES[k] for k in kinds])} an earlier build made with "
        f"--format {','.join(kinds)} ({join_words(names)} in {folder}): they described the "
        f"documents this build replaced, and this build (--format {','.join(formats)}) made "
        f"none; to keep making them, build with --format {keep}",
        file=source, severity="warning", rule=REMOVED_RULE)


def other_profiles(path: Path, roots: tuple[Path, ...], recorded: object) -> bool:
    """True when the post would now read another profile file than the manifest records
    (a ``.yaml`` added beside the ``.yml`` used, a nearer ``organisations/`` folder, other
    project roots): the hash of the recorded files cannot see that. A few ``stat`` calls:
    the workspace search and each id's candidates, as :func:`load_post` would make them."""
    entries = recorded if isinstance(recorded, list) else []
    if not entries:
        return False  # no party given by id: no profile is looked for
    workspace = find_workspace(path.parent, roots)
    for entry in entries:
        pid = entry.get("id") if isinstance(entry, dict) else None
        found = profile_candidates(workspace, pid) if workspace and isinstance(pid, str) else []
        if len(found) != 1:
            return True
        # the workspace is resolved already: only a link needs resolving (a rare profile)
        if str(found[0]) != entry.get("path") and str(found[0].resolve()) != entry.get("path"):
            return True
    return False


def recorded_templates(template_dir: Path) -> str | None:
    """The templates folder a build with ``template_dir`` records in its manifest (resolved;
    ``docgen verify`` reads the schedules' words from it): None for docgen's own, told
    without a ``resolve`` when it is given as docgen's own (every default build)."""
    if template_dir == BUILTIN_TEMPLATES:
        return None
    own = template_dir.resolve()
    return None if own == BUILTIN_TEMPLATES.resolve() else str(own)


def _templates_recorded(manifest: dict[str, Any], template_dir: Path) -> bool:
    """Whether the manifest records ``template_dir`` as a build with it writes it: a
    manifest from before the entry, or naming another folder, is written again."""
    entry = manifest.get("templates")
    return (entry.get("resolved") if isinstance(entry, dict) else None) == \
        recorded_templates(template_dir)


def warnings_record(problems: list[Problem]) -> list[dict[str, Any]]:
    """The warnings among ``problems`` as plain data for the manifest's ``warnings`` (files
    resolved: the next build may run from another folder): a post skipped as unchanged
    says them again, as a built post does, without being checked again."""
    warnings = [p for p in problems if p.severity == "warning"]
    # resolved once a file: most of a post's warnings are at its own answer file
    files = {p.file: str(p.file.resolve()) for p in warnings if p.file}
    return [{"message": p.message, "path": list(p.path),
             "file": files[p.file] if p.file else None, "line": p.line,
             "rule": p.rule, "acknowledged": p.acknowledged, "code": p.code,
             "documents": list(p.documents)}  # those it concerns (none: every one)
            for p in warnings]


def _shown(file: str, path: Path, resolved: str) -> Path:
    """A recorded file as this run names it: the answer file as given, another file
    relative to the current folder when that is shorter."""
    return path if file == resolved else Path(shown(file))


def _recorded(entry: Any, path: Path, resolved: str) -> Problem | None:
    """One recorded warning, or None when the entry is not one docgen writes (the manifest
    is not trusted: a folder may come from elsewhere)."""
    if not isinstance(entry, dict) or not isinstance(entry.get("message"), str):
        return None
    keys, file, line = entry.get("path"), entry.get("file"), entry.get("line")
    rule, code, acknowledged = entry.get("rule"), entry.get("code"), entry.get("acknowledged")
    documents = entry.get("documents", [])  # a record from before the field: every document
    if not isinstance(keys, list) or not all(isinstance(k, str | int) for k in keys) or \
            not isinstance(file, str | None) or not isinstance(line, int | None) or \
            not isinstance(rule, str) or not isinstance(code, str) or \
            not isinstance(acknowledged, str | None) or not isinstance(documents, list) or \
            not all(isinstance(d, str) for d in documents):
        return None
    return Problem(entry["message"], tuple(keys), _shown(file, path, resolved) if file else None,
                   line, "warning", rule, acknowledged, code=code, documents=tuple(documents))


def recorded_warnings(manifest: dict[str, Any], path: Path, resolved: str) -> list[Problem]:
    """The warnings the manifest records for the post at ``path`` (``resolved``: its path
    resolved): what its last build said of it, said again, the acknowledged ones with
    their reason (``--json`` lists them as a built post's; the text prints the open ones
    and counts both from the register row, so the two agree); a manifest from before the
    record has none."""
    entries = manifest.get("warnings")
    return [w for w in (_recorded(e, path, resolved) for e in entries)
            if w is not None] if isinstance(entries, list) else []


def own_clause_notices(own: list[OwnClause]) -> list[Notice]:
    """The library's clauses of one's own as the notices a batch says once (``path``: the
    clause file, so a program need not read it out of the message)."""
    return [Notice("own-clause", o.message, path=o.file) for o in own]


def notes_record(own: list[OwnClause]) -> list[dict[str, str]]:
    """The library's clauses of one's own as plain data for the manifest's ``library_notes``
    (files resolved, as the warnings are): a post skipped as unchanged says them again."""
    return [{"clause": o.clause, "file": str(o.file.resolve())} for o in own]


def recorded_notes(manifest: dict[str, Any]) -> list[Notice]:
    """The notes the manifest records, as notices; an entry docgen does not write is left
    out (the manifest is not trusted), and a manifest from before the record has none."""
    entries = manifest.get("library_notes")
    return own_clause_notices([
        OwnClause(Path(shown(e["file"])), e["clause"]) for e in entries
        if isinstance(e, dict) and isinstance(e.get("file"), str) and
        isinstance(e.get("clause"), str)] if isinstance(entries, list) else [])


def skip_if_unchanged(path: Path, out: Path, overlays: list[Path], template_dir: Path,
                      hint: str | None, formats: tuple[str, ...],
                      roots: tuple[Path, ...] = (),
                      library: Callable[[list[Path]], Signature] | None = None,
                      ) -> PostResult | None:
    """A post whose inputs hash matches its manifest, with all outputs present, that would
    read the same profile files (``roots``: the project folders), and whose manifest names
    the same templates folder, is skipped. Documents edited by hand since docgen wrote them
    (:func:`~docgen.publish.stage.hand_edited`) are named in its message and a warning.
    ``library``: the clause folders' signature by overlay folders, as the batch took it."""
    if not hint:
        return None
    folder = out / hint
    manifest = read_manifest(folder)
    resolved = str(path.resolve())
    if not manifest or manifest.get("answer_file", {}).get("resolved") != resolved:
        return None
    sources = [Path(s) for s in manifest.get("sources", [])]
    if not sources or not all(s.is_file() for s in sources):
        return None
    if other_profiles(path, roots, manifest.get("profiles")) or \
            not _templates_recorded(manifest, template_dir):
        return None
    recorded = [Path(o) for o in manifest.get("overlays", [])]
    # the overlay folders named for this run must be exactly those of the last build: one
    # dropped from the command line changes the wording as much as one added
    if manifest.get("overlays_given") != [str(o.resolve()) for o in overlays]:
        return None
    try:
        styles = style_hashes(manifest.get("house_styles", []))
        signature = library(recorded) if library is not None else None
        if inputs_hash(sources, recorded, template_dir, styles=styles, library=signature) != \
                manifest.get("inputs_sha256"):
            return None
    except (AnswerFileError, DocgenError, OSError):
        return None  # build it, and report what is wrong with the file
    docs = manifest.get("documents", {})
    wanted = [d["file"] for d in docs.values()]
    wanted += [x for d in docs.values() for x in extra_names(d["file"], formats)]
    if not all((folder / name).is_file() for name in wanted):
        return None
    try:  # a document (or review copy) edited since: said, and left as it is
        edited = hand_edited(folder, wanted)
    except OSError:
        return None  # build it, and report what is wrong with the file
    note = [Problem(edited_kept(edited), file=path, severity="warning",
                    rule=EDITED_RULE)] if edited else []
    return PostResult(source=path, status="skipped", reference=hint,
                      problems=[*recorded_warnings(manifest, path, resolved), *note],
                      message="; ".join([UNCHANGED, *(p.message for p in note)]),
                      summary={**manifest.get("register", {}), "build": "skipped"},
                      notes=recorded_notes(manifest))
