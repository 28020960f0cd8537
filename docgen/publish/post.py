"""Publish one post: run the pipeline, guard a person's edits, write the documents and
the manifest into ``<out>/<reference>/``.

The documents are made and verified in memory (:mod:`docgen.pipeline`) before
anything is written. Within a batch each reference is *claimed* for one answer
file, so two files with one reference cannot overwrite each other's documents,
and a post whose inputs are unchanged since its manifest was written is skipped.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from docgen._version import __version__
from docgen.answers.bounded import read_bounded
from docgen.answers.model import AnswerFile
from docgen.answers.profiles import (
    check_profile,
    clause_folders,
    is_profile_file,
    load_post,
    provenance,
)
from docgen.answers.yamlfile import Located
from docgen.clauses.library import BUILTIN_DIR, cached_library, library_signature
from docgen.errors import AnswerFileError, DocgenError, Problem
from docgen.facts.derive import Facts
from docgen.pipeline import check_located, render_checked
from docgen.publish.files import (
    MANIFEST,
    manifest_text,
    manifest_unreadable,
    read_manifest,
    sha256,
)
from docgen.publish.fonts import missing_font_warnings
from docgen.publish.lock import describe_write_error
from docgen.publish.stage import (
    check_post_folder,
    claims_dir,
    commit,
    hand_edited,
    new_stage,
    write_synced,
)
from docgen.publish.versions import library_versions
from docgen.results import PostResult, Status
from docgen.word.bounds import read_docx_bytes
from docgen.word.fill import TEMPLATE_DIR
from docgen.word.names import output_name


def check_post(path: Path, roots: tuple[Path, ...] = ()) -> PostResult:
    """Validate one answer file (shape, references, good-practice rules); write nothing.

    ``roots``: folders besides the file's own that ``extends``/``clauses`` may use. An
    organisation profile named directly is checked as a profile.
    """
    if is_profile_file(path):
        problems = check_profile(path)
        return PostResult(source=path, status="failed" if problems else "checked",
                          problems=problems)
    try:
        checked = check_located(load_post(path, roots=roots))
    except AnswerFileError as exc:
        return PostResult(source=path, status="failed", problems=exc.problems)
    problems = [*checked.problems, *missing_font_warnings(checked)]
    status: Status = "failed" if any(p.severity == "error" for p in problems) else "checked"
    return PostResult(source=path, status=status, reference=checked.answers.reference,
                      problems=problems, facts=checked.facts,
                      sources=provenance(checked.located))


@lru_cache(maxsize=32)
def _shared_hash(dirs: tuple[str, ...], template_dir: str, signature: tuple) -> str:
    """Hash of docgen's version, the clause library and the templates (once per signature)."""
    h = hashlib.sha256(__version__.encode())
    for folder in map(Path, dirs):
        for f in sorted(folder.rglob("*.yaml")) if folder.is_dir() else []:
            h.update(f.as_posix().encode() + f.read_bytes())
    for f in sorted(Path(template_dir).glob("*.docx")):
        h.update(f.read_bytes())
    return h.hexdigest()


def inputs_hash(sources: list[Path], overlays: list[Path], template_dir: Path,
                raw: list[bytes] | None = None, styles: Sequence[str] = ()) -> str:
    """One hash of everything a post's documents depend on (for incremental builds).

    ``raw``: the bytes the documents were rendered from (read once), so a file
    saved again during a build is not recorded as what was built.
    """
    dirs = (str(BUILTIN_DIR), *map(str, overlays))
    sig = (library_signature([Path(d) for d in dirs]),
           tuple((str(f), f.stat().st_mtime_ns) for f in sorted(template_dir.glob("*.docx"))))
    h = hashlib.sha256(_shared_hash(dirs, str(template_dir), sig).encode())
    for data in raw if raw is not None else (read_bounded(src) for src in sources):
        h.update(data)
    for style_sha in styles:  # the house styles the documents took (sha256 of each file)
        h.update(style_sha.encode())
    return h.hexdigest()


def _style_hashes(paths: list[str]) -> list[str]:
    """The sha256 of each house style file now (a changed style rebuilds the post)."""
    return [hashlib.sha256(read_docx_bytes(Path(p))).hexdigest() for p in paths]


def _overlays(answers: AnswerFile, located: Located, extra: list[Path]) -> list[Path]:
    return clause_folders(located, answers.clauses, extra)


def _inputs(located: Located) -> tuple[list[Path], list[bytes]]:
    """The files a post was read from (answer file, bases, the profiles it used), with
    the bytes read, so a changed profile rebuilds exactly the posts that use it."""
    used = sorted(located.profiles.items())
    return ([*located.sources, *(path for _, (path, _) in used)],
            [*located.raw, *(raw for _, (_, raw) in used)])


def register_row(facts: Facts, status: str, problems: list[Problem]) -> dict[str, Any]:
    """One post's line in the programme register (all figures from ``Facts``).

    Money and shares are exact decimal strings (``"99840.00"``), dates ISO, so the
    register can write real numbers and dates; ``acknowledged`` lists the warnings
    that fired and were accepted, with the reason given.
    """
    warnings = [p for p in problems if p.severity == "warning"]
    return {
        "reference": facts.reference, "title": facts.post["title"],
        "employer": facts.employer.name, "employer_id": facts.employer.id,
        "parties": [{"id": p.id, "name": p.name, "short_name": p.short_name,
                     "employer": p.is_employer, "time_percent": str(p.time_percent),
                     "time_text": p.time_text, "annual": str(p.annual),
                     "per_invoice": str(p.per_invoice) if p.invoiced else None}
                    for p in facts.parties],
        "split": "; ".join(f"{p.short_name} {p.time_text}" for p in facts.parties),
        "cost_base": str(facts.money.cost_base),
        "start_date": facts.answers.post.start_date.isoformat(),
        "next_review": facts.review.first.isoformat() if facts.review.first else "",
        "status": facts.answers.status, "build": status, "warnings": len(warnings),
        "acknowledged": [{"rule": p.rule, "reason": p.acknowledged}
                         for p in warnings if p.acknowledged],
    }


def extra_names(docx_name: str, formats: tuple[str, ...]) -> list[str]:
    """The review outputs (PDF, Markdown, HTML) that go with one document."""
    stem = docx_name.removesuffix(".docx")
    return [f"{stem}.{fmt}" for fmt in formats if fmt != "docx"]


def _skip_if_unchanged(path: Path, out: Path, overlays: list[Path], template_dir: Path,
                       hint: str | None, formats: tuple[str, ...]) -> PostResult | None:
    """A post whose inputs hash matches its manifest, with all outputs present, is skipped."""
    if not hint:
        return None
    folder = out / hint
    manifest = read_manifest(folder)
    if not manifest or manifest.get("answer_file", {}).get("resolved") != str(path.resolve()):
        return None
    sources = [Path(s) for s in manifest.get("sources", [])]
    if not sources or not all(s.is_file() for s in sources):
        return None
    recorded = [Path(o) for o in manifest.get("overlays", [])]
    # the overlay folders named for this run must be exactly those of the last build: one
    # dropped from the command line changes the wording as much as one added
    if manifest.get("overlays_given") != [str(o.resolve()) for o in overlays]:
        return None
    try:
        styles = _style_hashes(manifest.get("house_styles", []))
        if inputs_hash(sources, recorded, template_dir, styles=styles) != \
                manifest.get("inputs_sha256"):
            return None
    except (AnswerFileError, DocgenError, OSError):
        return None  # build it, and report what is wrong with the file
    docs = manifest.get("documents", {})
    wanted = [d["file"] for d in docs.values()]
    wanted += [x for d in docs.values() for x in extra_names(d["file"], formats)]
    if not all((folder / name).is_file() for name in wanted):
        return None
    return PostResult(source=path, status="skipped", reference=hint,
                      message="inputs unchanged since the last build",
                      summary={**manifest.get("register", {}), "build": "skipped"})


def claim(out: Path, reference: str, path: Path) -> Path | None:
    """Claim ``out/<reference>`` for ``path`` in this run; the other file if it was taken.

    A claim is a file created with O_EXCL under the staging folder, so it holds
    across worker processes; the run holds the output folder's lock, and the
    claims are removed when it starts and ends. References are compared
    case-blind (Windows and macOS folders are).
    """
    folder = claims_dir(out)
    folder.mkdir(parents=True, exist_ok=True)
    token = folder / hashlib.sha256(reference.casefold().encode()).hexdigest()[:32]
    mine = str(path.resolve())
    try:
        fd = os.open(token, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        other = token.read_text(encoding="utf-8")
        return None if other == mine else Path(other)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(mine)
    return None


def release(out: Path, reference: str, path: Path) -> None:
    """Give up a claim this file made (its reference is no longer the one it claimed)."""
    token = claims_dir(out) / hashlib.sha256(reference.casefold().encode()).hexdigest()[:32]
    try:
        if token.read_text(encoding="utf-8") == str(path.resolve()):
            token.unlink()
    except OSError:
        pass


def _other_owner(folder: Path, path: Path, reference: str) -> Path | None:
    """Another answer file, still on disk with this reference, that built ``folder``.

    Two files with one reference in different runs (or different folders) would
    otherwise replace each other's documents in turn, silently.
    """
    manifest = read_manifest(folder) or {}
    recorded = (manifest.get("answer_file") or {}).get("resolved")
    if not isinstance(recorded, str) or recorded == str(path.resolve()):
        return None
    other = Path(recorded)
    try:
        text = read_bounded(other).decode("utf-8", "replace")
    except (AnswerFileError, OSError):
        return None  # moved or renamed: this file takes over
    found = re.search(r"""^reference:[ \t]*["']?([^"'\s#]+)""", text, re.MULTILINE)
    return other if found and found.group(1).casefold() == reference.casefold() else None


def _keep_edits(folder: Path, edited: list[str], files: dict[str, bytes]) -> dict[str, str]:
    """With ``--force``, a person's edited document goes into the new set under a new name
    (``…-agreement.edited-1.docx``), so forcing a rebuild never loses their work."""
    kept: dict[str, str] = {}
    for name in edited:
        stem, dot, suffix = name.rpartition(".")
        n = 1
        while (new := f"{stem}.edited-{n}{dot}{suffix}") in files or (folder / new).exists():
            n += 1
        try:
            files[new] = (folder / name).read_bytes()
        except OSError:
            continue
        kept[name] = new
    return kept


def _write_stage(out: Path, reference: str, files: dict[str, bytes]) -> Path:
    """Stage a post's whole set (documents and manifest); removed again on any failure."""
    stage = new_stage(out, reference)
    try:
        for name, data in files.items():
            write_synced(stage / name, data)
    except BaseException:
        shutil.rmtree(stage, ignore_errors=True)
        raise
    return stage


def build_post(path: Path, out: Path, *, overlays: list[Path] | None = None,
               force: bool = False, template_dir: Path = TEMPLATE_DIR,
               claims: bool = False, reference_hint: str | None = None,
               incremental: bool = False, verify: bool = True,
               formats: tuple[str, ...] = ("docx",), publish: bool = True,
               roots: tuple[Path, ...] = ()) -> PostResult:
    """Build the documents of one answer file into ``out/<reference>/``.

    The whole set (documents and manifest) is staged and switched in at once
    (:mod:`docgen.publish.stage`); with ``publish=False`` it is left staged,
    ``outputs`` naming the staged files, for the caller to add review copies and
    :func:`~docgen.publish.stage.commit`. Callers that may run concurrently
    hold the output folder's lock (``batch.build`` does).

    With ``claims`` (a batch), each reference is claimed for one answer file, so
    two files with one reference cannot overwrite each other's documents.
    With ``incremental``, a post whose inputs are unchanged is skipped. With
    ``verify``, the documents are read back and checked against the answer file
    before anything is written.
    """
    overlays = overlays or []
    if incremental and not force and reference_hint and not (
            claims and claim(out, reference_hint, path)):
        skipped = _skip_if_unchanged(path, out, overlays, template_dir, reference_hint,
                                     formats)
        if skipped:
            return skipped
    try:
        located = load_post(path, roots=roots)
        checked = check_located(located)
    except AnswerFileError as exc:
        return PostResult(source=path, status="failed", problems=exc.problems,
                          summary={"reference": "", "build": "failed", "source": str(path)})
    answers, facts = checked.answers, checked.facts
    result = PostResult(source=path, status="failed", reference=answers.reference,
                        facts=facts, problems=[*checked.problems,
                                               *missing_font_warnings(checked)])
    if claims and reference_hint and reference_hint != answers.reference:
        release(out, reference_hint, path)  # the file's reference changed since last time
    other = claim(out, answers.reference, path) if claims else None
    if other is not None:
        result.message = (f"reference '{answers.reference}' is also used by {other}; "
                          "give each post its own reference")
        return result
    try:
        post_overlays = _overlays(answers, located, overlays)
        library = cached_library(post_overlays)
        result.summary = register_row(facts, "failed", result.problems)
        if result.errors:
            result.message = "the answer file has errors; no document was written"
            return result
        folder = check_post_folder(out, answers.reference)
        names: dict[str, str] = {kind: output_name(answers.reference, kind)
                                 for kind in answers.documents}
        owner = None if force else _other_owner(folder, path, answers.reference)
        if owner is not None:
            result.summary = {}  # the register keeps the row of the post whose folder it is
            result.message = (f"{folder} holds the documents of {owner}, which also has "
                              f"reference '{answers.reference}'; give each post its own "
                              "reference (or use --force if this file replaces that one)")
            return result
        wanted = list(names.values())
        wanted += [x for n in names.values() for x in extra_names(n, formats)]
        edited = hand_edited(folder, wanted) if folder.is_dir() else []
        unreadable = manifest_unreadable(folder) if edited else None
        if not force and unreadable:
            result.message = (f"{folder / MANIFEST} cannot be read ({unreadable}), so docgen "
                              "cannot tell whether the documents there were edited; not "
                              "overwritten. Make it readable, or use --force")
            return result
        if not force and edited:
            result.message = (f"{', '.join(edited)} in {folder} changed since docgen wrote it "
                              "(edited by hand?); not overwritten. Move it away, or use --force "
                              "(the edited copy is then kept as <name>.edited-1.docx)")
            return result
        # hashed before rendering: a clause file saved during the render makes the
        # next build differ, never hides behind the hash of the newer file
        sources, raws = _inputs(located)
        styles = sorted({str(c.path.resolve()): c.style.sha256
                         for c in checked.styles.values()}.items())
        inputs = inputs_hash(sources, post_overlays, template_dir, raws,
                             [sha for _, sha in styles])
        rendered = render_checked(checked, library, template_dir, verify=verify)
    except DocgenError as exc:
        result.message = str(exc)
        return result
    documents = {kind: {"file": names[kind], **record}
                 for kind, record in rendered.records.items()}
    result.summary = register_row(facts, "built", result.problems)
    manifest = {
        "docgen_version": __version__, "reference": answers.reference,
        "libraries": library_versions(),
        "answer_file": {"path": path.name, "resolved": str(path.resolve()),
                        "sha256": sha256(located.raw[0]),
                        "extends": [{"path": s.name, "sha256": sha256(raw)}
                                    for s, raw in zip(located.sources[1:], located.raw[1:],
                                                      strict=True)]},
        "sources": [str(s.resolve()) for s in sources],
        "profiles": [{"id": pid, "path": str(path.resolve()), "sha256": sha256(raw)}
                     for pid, (path, raw) in sorted(located.profiles.items())],
        "inputs_sha256": inputs,
        "overlays": [str(o.resolve()) for o in post_overlays],
        "overlays_given": [str(o.resolve()) for o in overlays],  # by the caller, not the file
        **({"house_styles": [path for path, _ in styles]} if styles else {}),
        "library_warnings": library.warnings,
        "documents": documents,
        "register": result.summary,
        "extra": [],  # review copies are added to the staged set by the batch
    }
    files = {names[kind]: data for kind, data in rendered.documents.items()}
    files[MANIFEST] = manifest_text(manifest)
    kept = _keep_edits(folder, edited, files)
    for old, new in kept.items():
        result.problems.append(Problem(f"{old} in {folder} had been edited by hand; --force "
                                       f"replaced it and kept the edited copy as {new}",
                                       severity="warning", rule="EDITED", file=path))
    try:
        stage = _write_stage(out, answers.reference, files)
        target = commit(out, answers.reference, stage) if publish else stage
    except DocgenError as exc:
        result.message = str(exc)
        return result
    except OSError as exc:
        result.message = describe_write_error(exc, out)
        return result
    result.status = "built"
    result.outputs = [target / names[kind] for kind in rendered.documents]
    for w in library.warnings:
        result.problems.append(Problem(w, severity="warning", rule="OVERLAY", file=path))
    return result
