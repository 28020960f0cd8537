"""Where docgen's own data lives: the Word templates and the clause library ship inside
the package (``docgen/data/``), so a wheel installed anywhere finds them."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_DATA = Path(str(resources.files("docgen") / "data"))

BUILTIN_TEMPLATES = _DATA / "templates"
BUILTIN_CLAUSES = _DATA / "clauses"
BUILTIN_EXAMPLES = _DATA / "examples"
CLAUSE_BOOK = _DATA / "clause-book.yaml"  # how the clause book shows fields and conditions
FACT_WORDING = _DATA / "wording" / "facts.yaml"  # the words the facts layer computes
