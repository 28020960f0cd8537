"""``docgen verify``: check a finished post folder against its answer file and manifest.

The checks themselves are in :mod:`docgen.word.verify` (bytes in, problems out);
this shell finds the answer file, reads the documents and the manifest.
"""

from __future__ import annotations

from pathlib import Path

from docgen.answers.validation import load
from docgen.errors import AnswerFileError, DocgenError
from docgen.facts.derive import derive
from docgen.publish.files import MANIFEST, read_manifest, sha256
from docgen.word.names import output_name
from docgen.word.verify import verify_documents


def find_answer_file(folder: Path, manifest: dict, answers: Path | None) -> Path:
    """``--answers``, else ``./inputs/<name>``, else the path the manifest recorded."""
    if answers is not None:
        if not answers.is_file():
            raise DocgenError(f"answer file {answers} does not exist")
        return answers
    recorded = str((manifest.get("answer_file") or {}).get("path") or "")
    if not recorded:
        raise DocgenError(f"{folder / MANIFEST} does not name the answer file; pass --answers")
    candidates = [Path("inputs") / Path(recorded).name, Path(recorded),
                  folder / Path(recorded).name]
    existing = [c for c in dict.fromkeys(candidates) if c.is_file()]
    if not existing:
        tried = ", ".join(str(c) for c in dict.fromkeys(candidates))
        raise DocgenError(f"cannot find the answer file '{recorded}' (tried {tried}); "
                          "pass --answers FILE")
    wanted = (manifest.get("answer_file") or {}).get("sha256")
    same = [c for c in existing if sha256(c.read_bytes()) == wanted]
    return (same or existing)[0]


def verify_folder(folder: Path, answers: Path | None = None) -> list[str]:
    """Check a built post folder (``<out>/<reference>``) against its answer file."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DocgenError(f"{folder} is not a folder; give <out>/<reference>")
    manifest = read_manifest(folder)
    if manifest is None:
        raise DocgenError(f"{folder} has no readable {MANIFEST}; is it a folder docgen built?")
    source = find_answer_file(folder, manifest, Path(answers) if answers else None)
    try:
        parsed, _ = load(source)
    except AnswerFileError as exc:
        raise DocgenError(f"the answer file has errors:\n{exc}") from None
    facts = derive(parsed)
    problems: list[str] = []
    if parsed.reference != manifest.get("reference"):
        problems.append(f"{source}: reference {parsed.reference} but {folder / MANIFEST} is "
                        f"for {manifest.get('reference')}")
    recorded = (manifest.get("answer_file") or {}).get("sha256")
    if answers is None and recorded and sha256(source.read_bytes()) != recorded:
        problems.append(f"{source} has changed since these documents were built "
                        f"(its hash differs from {MANIFEST}); rebuild or pass --answers")
    docs: dict[str, bytes] = {}
    for kind, entry in sorted((manifest.get("documents") or {}).items()):
        name = entry.get("file") or output_name(facts.reference, kind)
        path = folder / name
        if not path.is_file():
            problems.append(f"{name}: listed in {MANIFEST} but missing from {folder}")
            continue
        docs[name] = path.read_bytes()
    if not docs and not problems:
        problems.append(f"{folder}: no documents to verify")
    return problems + verify_documents(facts, docs)


__all__ = ["verify_folder", "find_answer_file"]
