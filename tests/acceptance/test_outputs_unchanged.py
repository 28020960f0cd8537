"""The documents built from inputs/ are byte-identical to the recorded hashes.

A refactoring must not change what users get. When wording or templates change
on purpose, record the new hashes with ``python scripts/record_hashes.py`` and
say so in the commit message.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from docgen import build

ROOT = Path(__file__).resolve().parents[2]
RECORDED = Path(__file__).parent.parent / "data" / "example-hashes.json"


def test_example_documents_match_recorded_hashes(tmp_path: Path) -> None:
    report = build([ROOT / "inputs"], tmp_path, jobs=1)
    assert report.ok, [(p.source, p.message) for p in report.posts]
    got = {p.relative_to(tmp_path).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
           for p in sorted(tmp_path.rglob("*.docx"))}
    assert got == json.loads(RECORDED.read_text())
