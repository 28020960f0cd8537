"""Redlines: a Word document with real tracked changes between two versions of a post.

Reviewers want to see what changed between drafts the way lawyers read it, as
Word tracked changes (``w:ins`` / ``w:del``) they can accept or reject, not a
text diff. python-redlines' Docxodus engine does the comparison (self-contained
binary, no .NET install; the older Open-XML-PowerTools engine is deprecated).

Either side may be an answer file (built into a temporary folder first, with
``force`` so nothing on disk is consulted or touched) or a finished ``.docx``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from docgen.answers.answer_names import ANSWER_ENDINGS, is_answer_name, not_an_answer_name
from docgen.answers.kinds import BY_KIND
from docgen.errors import DocgenError
from docgen.ooxml.bounds import read_docx_bytes
from docgen.ooxml.readback import read_document
from docgen.ooxml.tracked import tracked_changes
from docgen.publish.files import atomic_write, file_sha256, sha256
from docgen.publish.post import BuildOptions, build_post
from docgen.publish.review import install_hint
from docgen.word.names import FILE_SUFFIX, kind_of_name, reference_of_name

if TYPE_CHECKING:
    from python_redlines import DocxodusEngine

AUTHOR = "docgen"
DEFAULT_OUT = Path("build") / "compare"
#: beside the redlines: the hash of each as docgen last wrote it, so one a person has
#: edited since (in Word) is told apart from docgen's own and is not overwritten
RECORD = ".docgen-redlines.json"


def _engine() -> DocxodusEngine:
    try:
        from python_redlines import DocxodusEngine, EngineNotInstalledError
    except ImportError:
        raise DocgenError(f"comparing documents needs python-redlines (the redline extra): "
                          f"{install_hint('redline')}") from None
    try:
        return DocxodusEngine()
    except EngineNotInstalledError as exc:
        raise DocgenError(f"the Docxodus comparison engine is not installed ({exc}); "
                          f"install it with: {install_hint('redline')}") from None
    except OSError as exc:  # unsupported platform, unwritable cache
        raise DocgenError(f"the Docxodus comparison engine cannot run here: {exc}") from None


def revision_time(when: dt.datetime | dt.date | None = None) -> str:
    """The ``w:date`` of every revision: the given time, or now (UTC, whole seconds).

    Word shows it beside each change, so it is the time of the comparison rather
    than a made-up constant; pass a time to make a redline reproducible.
    """
    if when is None:
        when = dt.datetime.now(dt.UTC)
    elif not isinstance(when, dt.datetime):
        when = dt.datetime(when.year, when.month, when.day, tzinfo=dt.UTC)
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def redline_bytes(old: bytes, new: bytes, author: str = AUTHOR,
                  date: dt.datetime | dt.date | None = None) -> bytes:
    """The tracked-changes document that turns ``old`` into ``new``.

    Every revision is by ``author`` and dated ``date`` (default: now).
    """
    engine = _engine()
    from python_redlines import EngineExecutionError

    try:
        out: bytes
        out, _, _ = engine.run_redline(author, old, new, date_time=revision_time(date))
    except EngineExecutionError as exc:
        raise DocgenError(f"the comparison engine failed: {exc}") from None
    if not out:
        raise DocgenError("the comparison engine produced an empty document")
    return out


def kind_of(docx: Path) -> str | None:
    """The document kind from a docgen file name (``…-agreement.docx`` → ``agreement``),
    by the one table of names (:mod:`docgen.word.names`)."""
    return kind_of_name(docx.name)


def _built_documents(answers: Path, workdir: Path) -> tuple[str, dict[str, Path]]:
    """Build an answer file into ``workdir``; (reference, {kind: docx})."""
    result = build_post(answers, workdir, BuildOptions(force=True))
    if result.status != "built":
        parts = ([result.message] if result.message else []) + [str(p) for p in result.errors]
        detail = "; ".join(parts) or result.status
        raise DocgenError(f"{answers}: could not be built for comparison: {detail}")
    docs = {kind: path for path in result.outputs if (kind := kind_of(path))}
    return result.reference, docs


def _side(path: Path, workdir: Path) -> tuple[str, dict[str, Path]]:
    if not path.is_file():
        raise DocgenError(f"{path}: no such file")
    if is_answer_name(path.name):
        return _built_documents(path, workdir)
    if path.suffix.lower() == ".docx":
        read_document(str(path), read_docx_bytes(path))  # a clear error naming a bad input
        return reference_of_name(path.name) or path.stem, {kind_of(path) or "document": path}
    rename = f"; {not_an_answer_name(path)}" if path.suffix.lower() == ".json" else ""
    raise DocgenError(f"{path}: compare two answer files ({ANSWER_ENDINGS}) or two Word "
                      f"documents (.docx){rename}")


def _a(kind: str) -> str:
    return BY_KIND[kind].a_name if kind in BY_KIND else "a document of unknown kind"


#: what a file name may not hold (compiled as the module loads, so the command's table of
#: compiled patterns keeps it)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _safe(name: str) -> str:
    return _UNSAFE.sub("-", name).strip("-") or "document"


def _recorded(out: Path) -> dict[str, str]:
    """{file name: sha256} of the redlines docgen last wrote into ``out`` (empty when the
    record is missing or damaged: then every existing redline counts as not docgen's)."""
    try:
        data = json.loads((out / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}


def _edited(out: Path, made: dict[str, bytes], recorded: dict[str, str]) -> list[str]:
    """The redlines in ``out`` that would be replaced but are neither what docgen last
    wrote there nor the new bytes: edited by a person, or not docgen's at all."""
    edited = []
    for name, data in made.items():
        path = out / name
        if path.is_file() and file_sha256(path) not in (recorded.get(name), sha256(data)):
            edited.append(name)
    return edited


def _keep_edited(out: Path, name: str) -> None:
    """With ``force``, a person's edited redline is kept as ``<stem>.edited-<n>.docx``."""
    path, n = out / name, 1
    while (kept := out / f"{path.stem}.edited-{n}{path.suffix}").exists():
        n += 1
    path.rename(kept)


def _write(out: Path, made: dict[str, bytes], force: bool) -> list[Path]:
    recorded = _recorded(out)
    edited = _edited(out, made, recorded)
    if edited and not force:
        raise DocgenError(
            f"{', '.join(edited)} in {out} changed since docgen wrote it (edited by hand?), "
            "or docgen did not write it; not overwritten. Choose another --out, move it "
            "away, or use --force (the edited copy is then kept as <name>.edited-1.docx)")
    for name in edited:
        _keep_edited(out, name)
    written = []
    for name, data in made.items():
        atomic_write(out / name, data)
        recorded[name] = sha256(data)
        written.append(out / name)
    text = json.dumps({"files": recorded}, indent=2, sort_keys=True, ensure_ascii=False)
    atomic_write(out / RECORD, (text + "\n").encode("utf-8"))
    return written


def compare(old: Path, new: Path, out: Path = DEFAULT_OUT, notes: list[str] | None = None, *,
            author: str = AUTHOR, date: dt.datetime | dt.date | None = None,
            force: bool = False) -> list[Path]:
    """Write ``<reference>-<kind>-redline.docx`` into ``out`` for each document in both.

    Two answer files: every document kind both build. Two documents: those two.
    Notes are appended to ``notes``: a warning for an agreement compared with a
    contract (written as ``<old>-vs-<new>-redline.docx``, so the real contract redline
    in ``out`` is not replaced), and "no differences" for each redline with no change.
    Revisions are by ``author`` and dated ``date`` (default: the time of the
    comparison, the same for every document). A redline already in ``out`` that
    docgen did not write as it is now (a person edited it) is not replaced unless
    ``force``; then it is kept as ``<name>.edited-<n>.docx``.
    """
    old, new = Path(old), Path(new)
    _engine()  # a missing engine is said first, before either input is read
    stamp = dt.datetime.now(dt.UTC) if date is None else date
    if (old.suffix.lower() == ".docx") != (new.suffix.lower() == ".docx"):
        raise DocgenError("compare two answer files or two Word documents, not one of each")
    made: dict[str, bytes] = {}
    mixed = ""  # two .docx of different kinds: the redline's own name

    def say(note: str) -> None:
        if notes is not None:
            notes.append(note)

    with tempfile.TemporaryDirectory(prefix="docgen-compare-") as tmp:
        _, old_docs = _side(old, Path(tmp) / "old")
        reference, new_docs = _side(new, Path(tmp) / "new")
        if old.suffix.lower() == ".docx":
            pairs = [(next(iter(new_docs)), next(iter(old_docs.values())),
                      next(iter(new_docs.values())))]
            kinds = (next(iter(old_docs)), next(iter(new_docs)))
            if kinds[0] != kinds[1]:
                mixed = f"{_safe(old.stem)}-vs-{_safe(new.stem)}-redline.docx"
                say(f"warning: {old.name} is {_a(kinds[0])} but {new.name} is "
                    f"{_a(kinds[1])}; the redline compares two different documents, so it "
                    f"is written as {mixed} (any {FILE_SUFFIX.get(kinds[1], 'document')} "
                    "redline already in the folder is left as it is)")
        else:
            pairs = [(kind, old_docs[kind], new_docs[kind]) for kind in FILE_SUFFIX
                     if kind in old_docs and kind in new_docs]
        if not pairs:
            raise DocgenError(f"{old} and {new} have no document in common to compare")
        for kind, old_doc, new_doc in pairs:
            if mixed:
                name = mixed
            elif kind not in BY_KIND:  # two .docx docgen did not name
                name = f"{_safe(new.stem)}-redline.docx"
            else:
                name = BY_KIND[kind].redline_name(_safe(reference))
            made[name] = redline_bytes(old_doc.read_bytes(), new_doc.read_bytes(), author,
                                       stamp)
            if not tracked_changes(name, made[name]):
                say(f"no differences: {_the(kind, old_doc, old)} and "
                    f"{_the(kind, new_doc, new)} read the same, so {name} has no tracked "
                    "changes")
    return _write(Path(out), made, force)


def _the(kind: str, doc: Path, given: Path) -> str:
    """``old.docx``, or ``the agreement built from old.yaml``."""
    if doc == given:
        return given.name
    what = BY_KIND[kind].a_name.split(" ", 1)[1] if kind in BY_KIND else kind
    return f"the {what} built from {given.name}"


__all__ = ["compare", "redline_bytes", "revision_time", "kind_of", "DEFAULT_OUT"]
