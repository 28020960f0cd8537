"""The Python API: check and build answer files. The CLI is a thin layer over this.

    from docgen import build
    report = build(["inputs/"], out="build")
    for post in report.posts: print(post.reference, post.status)

One post runs the whole pipeline: load and validate (``validation``), derive
facts (``derive``), check good practice (``rules``), render clauses
(``clauses``), fill templates (``fill``) and write outputs (``writing``).
"""

from __future__ import annotations

import glob
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from . import __version__
from .clauses import BUILTIN_DIR, Library, load_library, render_document
from .derive import Facts, derive
from .errors import AnswerFileError, DocgenError, Problem
from .fill import TEMPLATE_DIR, fill
from .loading import Located
from .model import AnswerFile
from .validation import load
from .writing import atomic_write, edited_outputs, sha256, write_manifest

FILE_SUFFIX = {"agreement": "agreement", "contract": "contract", "job_spec": "job-spec"}
Status = Literal["built", "skipped", "failed", "checked"]


@dataclass
class PostResult:
    """What happened to one answer file."""

    source: Path
    status: Status
    reference: str = ""
    problems: list[Problem] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    message: str = ""
    facts: Facts | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


@dataclass
class Report:
    posts: list[PostResult] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(p.status != "failed" for p in self.posts)

    def count(self, status: Status) -> int:
        return sum(1 for p in self.posts if p.status == status)


def expand_paths(paths: list[str | Path]) -> list[Path]:
    """Answer files named directly, found in folders (``*.yaml``/``*.yml``), or by glob.

    Files in folders whose name starts with ``_`` are ``extends`` bases, not posts.
    """
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found += sorted(x for x in p.rglob("*") if x.suffix in (".yaml", ".yml")
                            and x.is_file() and not x.name.startswith("_"))
        elif p.exists():
            found.append(p)
        else:
            matches = sorted(Path(m) for m in glob.glob(str(raw), recursive=True))
            if not matches:
                raise DocgenError(f"no answer file or folder at '{raw}'")
            found += [m for m in matches if m.is_file()]
    unique: dict[Path, Path] = {}
    for f in found:
        unique.setdefault(f.resolve(), f)
    return list(unique.values())


def output_name(reference: str, kind: str) -> str:
    return f"{reference}-{FILE_SUFFIX[kind]}.docx"


def check_post(path: Path, library: Library | None = None) -> PostResult:
    """Validate one answer file (shape, references, good-practice rules); write nothing."""
    from .rules import run_rules

    try:
        answers, located = load(path)
    except AnswerFileError as exc:
        return PostResult(source=path, status="failed", problems=exc.problems)
    facts = derive(answers)
    problems = run_rules(answers, facts, located)
    status: Status = "failed" if any(p.severity == "error" for p in problems) else "checked"
    return PostResult(source=path, status=status, reference=answers.reference,
                      problems=problems, facts=facts)


def _inputs_hash(located: Located, library: Library, template_dir: Path) -> str:
    """One hash of everything a post's documents depend on (for incremental builds)."""
    h = hashlib.sha256(__version__.encode())
    for src in located.sources:
        h.update(src.read_bytes())
    for folder in library.dirs:
        for f in sorted(folder.rglob("*.yaml")):
            h.update(f.as_posix().encode() + f.read_bytes())
    for f in sorted(template_dir.glob("*.docx")):
        h.update(f.read_bytes())
    return h.hexdigest()


def _overlays(answers: AnswerFile, located: Located, extra: list[Path]) -> list[Path]:
    return [*extra, *((located.path.parent / d) for d in answers.clauses)]


def build_post(path: Path, out: Path, *, overlays: list[Path] | None = None,
               force: bool = False, template_dir: Path = TEMPLATE_DIR,
               taken: dict[str, Path] | None = None) -> PostResult:
    """Build the documents of one answer file into ``out/<reference>/``.

    ``taken`` maps references already built in this run to their files, so two
    answer files with one reference cannot overwrite each other's documents.
    """
    from .notes import annotate
    from .rules import run_rules

    try:
        answers, located = load(path)
    except AnswerFileError as exc:
        return PostResult(source=path, status="failed", problems=exc.problems)
    result = PostResult(source=path, status="failed", reference=answers.reference)
    if taken is not None:
        if answers.reference in taken:
            result.message = (f"reference '{answers.reference}' is also used by "
                              f"{taken[answers.reference]}; give each post its own reference")
            return result
        taken[answers.reference] = path
    try:
        library = load_library(_overlays(answers, located, overlays or []))
        facts = derive(answers)
        result.facts = facts
        result.problems = run_rules(answers, facts, located)
        if result.errors:
            result.message = "the answer file has errors; no document was written"
            return result
        if answers.status == "final":
            open_warnings = [p for p in result.warnings if not p.acknowledged]
            if open_warnings or facts.placeholders:
                result.message = ("status is final but there are unacknowledged warnings or "
                                  "placeholders; resolve or acknowledge them, or set status: "
                                  "draft")
                return result
        folder = out / answers.reference
        names = {kind: output_name(answers.reference, kind) for kind in answers.documents}
        if not force:
            edited = edited_outputs(folder, list(names.values()))
            if edited:
                result.message = (f"{', '.join(edited)} in {folder} changed since docgen wrote "
                                  "it (edited by hand?); not overwritten. Move it away or use "
                                  "--force")
                return result
        inputs_hash = _inputs_hash(located, library, template_dir)
        documents: dict[str, dict] = {}
        payloads: list[tuple[Path, bytes]] = []
        for kind in answers.documents:
            rendered = render_document(library, kind, facts)
            notes = annotate(rendered, result.problems, facts) if facts.is_draft else []
            data, template_hash = fill(facts, kind, rendered, notes, template_dir)
            target = folder / names[kind]
            payloads.append((target, data))
            documents[kind] = {
                "file": names[kind], "sha256": sha256(data),
                "template": f"{kind}.docx", "template_sha256": template_hash,
                "clauses": [{"id": rc.clause.id, "version": rc.clause.version,
                             "sha256": rc.clause.content_hash, "number": rc.number,
                             "source": "overlay" if rc.clause.overlay else "standard",
                             "file": rc.clause.source.as_posix().split("/clauses/")[-1]
                             if not rc.clause.overlay else rc.clause.source.as_posix()}
                            for rc in rendered.clauses],
                "definitions": [{"term": d.term, "version": d.version,
                                 "sha256": d.content_hash} for d in rendered.definitions],
            }
    except DocgenError as exc:
        result.message = str(exc)
        return result
    for target, data in payloads:
        atomic_write(target, data)
    write_manifest(folder, {
        "docgen_version": __version__, "reference": answers.reference,
        "answer_file": {"path": path.name, "sha256": sha256(path.read_bytes()),
                        "extends": [{"path": s.name, "sha256": sha256(s.read_bytes())}
                                    for s in located.sources[1:]]},
        "inputs_sha256": inputs_hash,
        "library_warnings": library.warnings,
        "documents": documents,
    })
    result.status = "built"
    result.outputs = [t for t, _ in payloads]
    for w in library.warnings:
        result.problems.append(Problem(w, severity="warning", rule="OVERLAY", file=path))
    return result


def build(paths: list[str | Path], out: str | Path = "build", *, overlays: list[Path] | None = None,
          force: bool = False) -> Report:
    """Build every answer file found in ``paths``; one bad file never stops the others."""
    out = Path(out)
    report = Report()
    taken: dict[str, Path] = {}
    for path in expand_paths(paths):
        report.posts.append(build_post(path, out, overlays=overlays, force=force, taken=taken))
    return report


def check(paths: list[str | Path]) -> Report:
    """Validate every answer file found in ``paths`` without writing anything."""
    return Report(posts=[check_post(p) for p in expand_paths(paths)])


__all__ = ["build", "check", "build_post", "check_post", "expand_paths", "Report",
           "PostResult", "BUILTIN_DIR"]
