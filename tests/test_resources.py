"""docgen finds its own data (docgen/data) next to its package, as importlib.resources
would, without loading importlib.resources (about 1.4 ms of every start)."""

from __future__ import annotations

import importlib.resources
import json
import subprocess
import sys
from pathlib import Path

from docgen import resources

ROOT = Path(__file__).resolve().parents[1]
#: what loading docgen's data paths loads of importlib.resources
LOADS = """import json, sys
import docgen.resources
print(json.dumps(sorted(m for m in sys.modules if m.startswith('importlib.resources'))))
"""


def test_the_data_folder_is_the_one_importlib_resources_finds() -> None:
    found = Path(str(importlib.resources.files("docgen") / "data"))
    assert resources.BUILTIN_TEMPLATES.parent == found
    assert found / "wording" / "facts.yaml" == resources.FACT_WORDING
    assert resources.FACT_WORDING.is_file() and resources.CLAUSE_BOOK.is_file()
    assert any(resources.BUILTIN_TEMPLATES.glob("*.docx"))


def test_finding_the_data_does_not_load_importlib_resources() -> None:
    """Nor does anything else a warm one-post build loads (checked by hand with ``python -X
    importtime -m docgen build``): a first build in a new home folder may, through
    importlib.metadata, which a warm one does not load."""
    done = subprocess.run([sys.executable, "-c", LOADS], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads(done.stdout) == []
