"""Record the hashes of the documents built from inputs/ (tests/data/example-hashes.json).

Run after a deliberate change to clause wording or templates; the test
``tests/acceptance/test_outputs_unchanged.py`` then holds refactorings to byte-identical output.
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen import build  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = build([ROOT / "inputs"], tmp, jobs=1)
        if not report.ok:
            sys.exit("the examples did not build")
        rows = {p.relative_to(tmp).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(Path(tmp).rglob("*.docx"))}
    target = ROOT / "tests" / "data" / "example-hashes.json"
    target.write_text(json.dumps(rows, indent=2, sort_keys=True) + "\n")
    print(f"recorded {len(rows)} documents in {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
