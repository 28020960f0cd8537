"""Where docgen's own data lives: the Word templates and the clause library ship inside
the package (``docgen/data/``), so a wheel installed anywhere finds them.

The folder is found next to this file, as ``importlib.resources.files("docgen")`` finds it
for a package installed as files (a wheel, an editable install, a checkout: the folder of
the package's ``__init__.py``, which is this file's), without loading
``importlib.resources`` and its readers (about 1.4 ms of every start). docgen is not run
from a zip (a zipapp or zip import): its data are read as files, by path, throughout."""

from __future__ import annotations

from pathlib import Path

_DATA = Path(__file__).parent / "data"

BUILTIN_TEMPLATES = _DATA / "templates"
BUILTIN_CLAUSES = _DATA / "clauses"
BUILTIN_EXAMPLES = _DATA / "examples"
CLAUSE_BOOK = _DATA / "clause-book.yaml"  # how the clause book shows fields and conditions
FACT_WORDING = _DATA / "wording" / "facts.yaml"  # the words the facts layer computes
