"""The Python API: check and build answer files. The CLI is a thin layer over this.

    from docgen import build
    report = build(["inputs/"], out="build")
    for post in report.posts: print(post.reference, post.status)

One post runs the whole pipeline: load and validate (``validation``), derive
facts (``derive``), check good practice (``rules``), render clauses
(``clauses``), fill templates (``fill``) and write outputs (``writing``).
A batch runs posts in parallel processes, skips posts whose inputs are
unchanged, and writes a programme register (``register``).
"""

from __future__ import annotations

import glob
import hashlib
import multiprocessing
import os
import re
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from . import __version__
from .clauses import BUILTIN_DIR, Library, cached_library, library_signature, render_document
from .derive import Facts, derive
from .errors import AnswerFileError, DocgenError, Problem
from .fill import TEMPLATE_DIR, fill, load_template
from .loading import Located
from .model import AnswerFile
from .validation import load
from .writing import atomic_write, edited_outputs, read_manifest, sha256, write_manifest

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
    summary: dict[str, Any] = field(default_factory=dict)  # the programme register's row

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


@dataclass
class Report:
    posts: list[PostResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(p.status != "failed" for p in self.posts)

    def count(self, status: Status) -> int:
        return sum(1 for p in self.posts if p.status == status)


def expand_paths(paths: list[str | Path]) -> list[Path]:
    """Answer files named directly, found in folders (``*.yaml``/``*.yml``), or by glob.

    Files whose names start with ``_`` are ``extends`` bases, not posts, when found
    in a folder or by a glob.
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
            found += [m for m in matches if m.is_file() and not m.name.startswith("_")]
    unique: dict[Path, Path] = {}
    for f in found:
        unique.setdefault(f.resolve(), f)
    return list(unique.values())


def output_name(reference: str, kind: str) -> str:
    return f"{reference}-{FILE_SUFFIX[kind]}.docx"


def check_post(path: Path) -> PostResult:
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


@lru_cache(maxsize=32)
def _shared_hash(dirs: tuple[str, ...], template_dir: str, signature: tuple) -> str:
    """Hash of docgen's version, the clause library and the templates (once per process)."""
    h = hashlib.sha256(__version__.encode())
    for folder in map(Path, dirs):
        for f in sorted(folder.rglob("*.yaml")) if folder.is_dir() else []:
            h.update(f.as_posix().encode() + f.read_bytes())
    for f in sorted(Path(template_dir).glob("*.docx")):
        h.update(f.read_bytes())
    return h.hexdigest()


def inputs_hash(sources: list[Path], overlays: list[Path], template_dir: Path) -> str:
    """One hash of everything a post's documents depend on (for incremental builds)."""
    dirs = (str(BUILTIN_DIR), *map(str, overlays))
    sig = (library_signature([Path(d) for d in dirs]),
           tuple((str(f), f.stat().st_mtime_ns) for f in sorted(template_dir.glob("*.docx"))))
    h = hashlib.sha256(_shared_hash(dirs, str(template_dir), sig).encode())
    for src in sources:
        h.update(src.read_bytes())
    return h.hexdigest()


def _overlays(answers: AnswerFile, located: Located, extra: list[Path]) -> list[Path]:
    return [*extra, *((located.path.parent / d) for d in answers.clauses)]


def register_row(facts: Facts, status: str, warnings: int) -> dict[str, Any]:
    """One post's line in the programme register (all figures from ``Facts``)."""
    return {
        "reference": facts.reference, "title": facts.post["title"],
        "parties": "; ".join(p.name for p in facts.parties), "employer": facts.employer.name,
        "split": "; ".join(f"{p.short_name} {p.time_text}" for p in facts.parties),
        "annual_cost": "; ".join(f"{p.short_name} {p.annual_text}" for p in facts.parties),
        "cost_base": facts.money.cost_base_text,
        "start_date": facts.answers.post.start_date.isoformat(),
        "next_review": facts.review.first.isoformat() if facts.review.first else "",
        "status": facts.answers.status, "build": status, "warnings": warnings,
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
    if [str(o.resolve()) for o in recorded[: len(overlays)]] != [str(o.resolve())
                                                                 for o in overlays]:
        return None
    if inputs_hash(sources, recorded, template_dir) != manifest.get("inputs_sha256"):
        return None
    docs = manifest.get("documents", {})
    wanted = [d["file"] for d in docs.values()]
    wanted += [x for d in docs.values() for x in extra_names(d["file"], formats)]
    if not all((folder / name).is_file() for name in wanted):
        return None
    return PostResult(source=path, status="skipped", reference=hint,
                      message="inputs unchanged since the last build",
                      summary={**manifest.get("register", {}), "build": "skipped"})


CLAIMS = ".docgen-claims"


def claim(out: Path, reference: str, path: Path) -> Path | None:
    """Claim ``out/<reference>`` for ``path`` in this run; the other file if it was taken.

    A claim is a file created with O_EXCL, so it holds across worker processes;
    references are compared case-blind (Windows and macOS folders are).
    """
    folder = out / CLAIMS
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
    token = out / CLAIMS / hashlib.sha256(reference.casefold().encode()).hexdigest()[:32]
    try:
        if token.read_text(encoding="utf-8") == str(path.resolve()):
            token.unlink()
    except OSError:
        pass


def build_post(path: Path, out: Path, *, overlays: list[Path] | None = None,
               force: bool = False, template_dir: Path = TEMPLATE_DIR,
               claims: bool = False, reference_hint: str | None = None,
               incremental: bool = False, verify: bool = True,
               formats: tuple[str, ...] = ("docx",)) -> PostResult:
    """Build the documents of one answer file into ``out/<reference>/``.

    With ``claims`` (a batch), each reference is claimed for one answer file, so
    two files with one reference cannot overwrite each other's documents.
    With ``incremental``, a post whose inputs are unchanged is skipped. With
    ``verify``, the documents are read back and checked against the answer file
    before anything is written (``verify.py``).
    """
    from .rules import run_rules

    overlays = overlays or []
    if incremental and not force and reference_hint and not (
            claims and claim(out, reference_hint, path)):
        skipped = _skip_if_unchanged(path, out, overlays, template_dir, reference_hint,
                                     formats)
        if skipped:
            return skipped
    try:
        answers, located = load(path)
    except AnswerFileError as exc:
        return PostResult(source=path, status="failed", problems=exc.problems,
                          summary={"reference": "", "build": "failed", "source": str(path)})
    result = PostResult(source=path, status="failed", reference=answers.reference)
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
        facts = derive(answers)
        result.facts = facts
        result.problems = run_rules(answers, facts, located)
        result.summary = register_row(facts, "failed", len(result.warnings))
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
            wanted = list(names.values())
            wanted += [x for n in names.values() for x in extra_names(n, formats)]
            edited = edited_outputs(folder, wanted)
            if edited:
                result.message = (f"{', '.join(edited)} in {folder} changed since docgen wrote "
                                  "it (edited by hand?); not overwritten. Move it away or use "
                                  "--force")
                return result
        payloads, documents = _render_all(answers, facts, library, result.problems,
                                          folder, names, template_dir)
        if verify:
            from .verify import verify_documents

            mismatches = verify_documents(facts, {t.name: d for t, d in payloads})
            if mismatches:
                result.message = ("the generated documents do not agree with the answer file "
                                  "(nothing was written): " + "; ".join(mismatches))
                return result
    except DocgenError as exc:
        result.message = str(exc)
        return result
    for target, data in payloads:
        atomic_write(target, data)
    result.summary = register_row(facts, "built", len(result.warnings))
    previous = read_manifest(folder) or {}
    write_manifest(folder, {
        "docgen_version": __version__, "reference": answers.reference,
        "answer_file": {"path": path.name, "resolved": str(path.resolve()),
                        "sha256": sha256(path.read_bytes()),
                        "extends": [{"path": s.name, "sha256": sha256(s.read_bytes())}
                                    for s in located.sources[1:]]},
        "sources": [str(s.resolve()) for s in located.sources],
        "inputs_sha256": inputs_hash(located.sources, post_overlays, template_dir),
        "overlays": [str(o.resolve()) for o in post_overlays],
        "library_warnings": library.warnings,
        "documents": documents,
        "register": result.summary,
        "extra": previous.get("extra", []),  # review outputs of an earlier run stay guarded
    })
    result.status = "built"
    result.outputs = [t for t, _ in payloads]
    for w in library.warnings:
        result.problems.append(Problem(w, severity="warning", rule="OVERLAY", file=path))
    return result


def _render_all(answers: AnswerFile, facts: Facts, library: Library, problems: list[Problem],
                folder: Path, names: dict[str, str], template_dir: Path
                ) -> tuple[list[tuple[Path, bytes]], dict[str, dict]]:
    """Every document of the post in memory (nothing is written until all succeed)."""
    from .notes import annotate

    documents: dict[str, dict] = {}
    payloads: list[tuple[Path, bytes]] = []
    for kind in answers.documents:
        rendered = render_document(library, kind, facts)
        notes = annotate(rendered, problems, facts) if facts.is_draft else []
        data, template_hash = fill(facts, kind, rendered, notes, template_dir)
        payloads.append((folder / names[kind], data))
        documents[kind] = {
            "file": names[kind], "sha256": sha256(data),
            "template": f"{kind}.docx", "template_sha256": template_hash,
            "clauses": [{"id": rc.clause.id, "version": rc.clause.version,
                         "sha256": rc.clause.content_hash, "number": rc.number,
                         "source": "overlay" if rc.clause.overlay else "standard",
                         "file": (rc.clause.source.as_posix().split("/clauses/")[-1]
                                  if not rc.clause.overlay else rc.clause.source.as_posix())}
                        for rc in rendered.clauses],
            "definitions": [{"term": d.term, "version": d.version, "sha256": d.content_hash}
                            for d in rendered.definitions],
        }
    return payloads, documents


# --- batches -------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _warm_up(template_dir: Path, overlays: list[Path]) -> None:
    """Load the templates and the library before forking, so every worker inherits them."""
    for kind in FILE_SUFFIX:
        path = (template_dir / f"{kind}.docx").resolve()
        if path.is_file():
            load_template(path)
    cached_library(overlays)


def _guarded_build(path: Path, hint: str | None, opts: dict[str, Any]) -> PostResult:
    """One post of a batch; an unexpected failure fails that post, never the batch."""
    try:
        return build_post(path, opts["out"], overlays=opts["overlays"], force=opts["force"],
                          template_dir=opts["template_dir"], reference_hint=hint,
                          incremental=opts["incremental"], verify=opts["verify"],
                          formats=opts["formats"], claims=True)
    except Exception as exc:  # noqa: BLE001 - reported per post, with its type
        return PostResult(source=path, status="failed",
                          message=f"unexpected error ({type(exc).__name__}: {exc}); please "
                                  "report it with the answer file",
                          summary={"reference": "", "build": "failed", "source": str(path)})


def _worker_build(args: tuple[Path, str | None]) -> PostResult:
    result = _guarded_build(*args, _WORKER)
    result.facts = None  # keep what crosses the process boundary small
    return result


def _init_worker(opts: dict[str, Any]) -> None:
    _WORKER.update(opts)


def _state_file(out: Path) -> Path:
    return out / ".docgen-state.json"


def build(paths: list[str | Path], out: str | Path = "build", *,
          overlays: list[Path] | None = None, force: bool = False, jobs: int | None = 1,
          incremental: bool = True, template_dir: Path = TEMPLATE_DIR,
          progress: Callable[[PostResult], None] | None = None,
          register: bool = True, verify: bool = True,
          formats: tuple[str, ...] = ("docx",)) -> Report:
    """Build every answer file found in ``paths``; one bad file never stops the others.

    ``jobs``: worker processes (``None`` = one per core). Posts whose inputs are
    unchanged since the last build are skipped unless ``force``. Writes
    ``register.csv`` and ``register.xlsx`` in ``out`` when ``register``.
    ``formats`` may add ``pdf`` (LibreOffice, one process per worker for the whole
    batch), ``md`` and ``html`` (review copies) beside each document.
    """
    import json

    out = Path(out)
    overlays = overlays or []
    files = expand_paths(paths)
    state_path = _state_file(out)
    try:
        state: dict[str, str] = json.loads(state_path.read_text()) if incremental else {}
    except (OSError, ValueError):
        state = {}
    jobs = os.cpu_count() or 1 if jobs is None else max(1, jobs)
    tasks = [(f, state.get(str(f.resolve()))) for f in files]
    report = Report()
    tasks, held = _hold_back_duplicates(tasks)
    opts = {"out": out, "overlays": overlays, "force": force, "template_dir": template_dir,
            "incremental": incremental, "verify": verify, "formats": formats}
    shutil.rmtree(out / CLAIMS, ignore_errors=True)  # claims last for one run
    try:
        if jobs == 1 or len(files) < 4:
            for path, hint in tasks:
                result = _guarded_build(path, hint, opts)
                report.posts.append(result)
                if progress:
                    progress(result)
        else:
            report.posts = _parallel(tasks, opts, jobs, progress)
        for post in _settle_held(held, report.posts, opts):
            report.posts.append(post)
            if progress:
                progress(post)
    finally:
        shutil.rmtree(out / CLAIMS, ignore_errors=True)
    order = {f: i for i, f in enumerate(files)}
    report.posts.sort(key=lambda p: order.get(p.source, 0))
    if set(formats) - {"docx"}:
        _review_outputs(report, formats, jobs)
    for post in report.posts:
        if post.reference and post.status in ("built", "skipped"):
            state[str(post.source.resolve())] = post.reference
    if report.posts:
        out.mkdir(parents=True, exist_ok=True)
        atomic_write(state_path, json.dumps(state, indent=0, sort_keys=True).encode())
    if register and report.posts:
        from .register import write_register

        write_register(out, [p.summary for p in report.posts
                             if p.status == "failed" and p.summary])
    return report


def _review_outputs(report: Report, formats: tuple[str, ...], jobs: int) -> None:
    """PDFs (one LibreOffice run for the whole batch) and review copies for built posts,
    recorded in each manifest so the edited-file guard covers them too."""
    from .convert import to_pdf
    from .review import write_review_copies

    built = [p for p in report.posts if p.status == "built"]
    docs = [o for p in built for o in p.outputs]
    if not docs:
        return
    try:
        extra = to_pdf(docs, jobs=min(jobs, 2)) if "pdf" in formats else []
        extra += write_review_copies(docs, [f for f in formats if f in ("md", "html")])
    except DocgenError as exc:
        for post in built:
            post.status, post.message = "failed", f"documents written, but {exc}"
        return
    for post in built:
        folder = post.outputs[0].parent
        manifest = read_manifest(folder) or {}
        mine = [x for x in extra if x.parent == folder]
        manifest["extra"] = [{"file": x.name, "sha256": sha256(x.read_bytes())}
                             for x in sorted(mine)]
        write_manifest(folder, manifest)
        post.outputs += sorted(mine)


REFERENCE_LINE = re.compile(r"""^reference:[ \t]*["']?([^"'\s#]+)""", re.MULTILINE)


def _declared_reference(path: Path) -> str | None:
    try:
        m = REFERENCE_LINE.search(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None
    return m.group(1) if m else None


def _hold_back_duplicates(tasks: list[tuple[Path, str | None]]
                          ) -> tuple[list[tuple[Path, str | None]], list[tuple[Path, Path]]]:
    """Files declaring a reference already declared by an earlier file wait for it.

    A cheap look at the text makes the outcome independent of which worker gets
    there first; the claims in ``build_post`` catch what this misses (a reference
    set by ``extends``). Returns the tasks to run now and (held file, earlier file).
    """
    seen: dict[str, Path] = {}
    now, held = [], []
    for path, hint in tasks:
        ref = _declared_reference(path)
        key = ref.casefold() if ref else None
        if key and key in seen:
            held.append((path, seen[key]))
            continue
        if key:
            seen[key] = path
        now.append((path, hint))
    return now, held


def _settle_held(held: list[tuple[Path, Path]], done: list[PostResult],
                 opts: dict[str, Any]) -> list[PostResult]:
    """The first file with a reference wins; a later one is built only if every earlier
    file with that reference could not even be read (so its reference never counted)."""
    results = {p.source: p for p in done}
    out = []
    for path, first in held:
        winner = results.get(first)
        if winner is not None and winner.status == "failed" and not winner.reference:
            result = _guarded_build(path, None, opts)
        else:
            ref = _declared_reference(path)
            result = PostResult(source=path, status="failed", reference=ref or "",
                                message=f"reference '{ref}' is also used by {first}; give "
                                        "each post its own reference")
        results[path] = result
        out.append(result)
    return out


def _parallel(tasks: list[tuple[Path, str | None]], opts: dict[str, Any], jobs: int,
              progress: Callable[[PostResult], None] | None) -> list[PostResult]:
    """Run posts across processes (claims keep duplicate references apart)."""
    _warm_up(opts["template_dir"], opts["overlays"])
    ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    results: list[PostResult] = []
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker,
                             initargs=(opts,)) as pool:
        chunk = max(1, min(8, len(tasks) // (jobs * 4)))
        for result in pool.map(_worker_build, tasks, chunksize=chunk):
            results.append(result)
            if progress:
                progress(result)
    return results


def check(paths: list[str | Path]) -> Report:
    """Validate every answer file found in ``paths`` without writing anything."""
    posts = []
    for path in expand_paths(paths):
        try:
            posts.append(check_post(path))
        except Exception as exc:  # noqa: BLE001 - one file's failure never stops the others
            posts.append(PostResult(source=path, status="failed",
                                    message=f"unexpected error ({type(exc).__name__}: {exc}); "
                                            "please report it with the answer file"))
    return Report(posts=posts)


__all__ = ["build", "check", "build_post", "check_post", "expand_paths", "Report",
           "PostResult", "BUILTIN_DIR", "inputs_hash", "register_row"]
