"""docgen: the paperwork for a post shared between public bodies, from one answer file.

The public API (everything else is internal and may change). Run from a clone of the
repository (a test runs this example as written):

>>> import docgen, tempfile
>>> answers = docgen.load("inputs/shared-head-of-hr.yaml")   # a path, a mapping or a model
>>> answers.reference
'EWK-WSM-HR-01'
>>> docgen.loads(open("inputs/shared-head-of-hr.yaml").read()) == answers   # from text
True
>>> report = docgen.check(answers)         # errors and warnings, each with key and fix
>>> report.ok
True
>>> result = docgen.render(answers)        # verified .docx bytes in memory; writes nothing
>>> sorted(result.documents)
['agreement', 'contract', 'job_spec']
>>> with tempfile.TemporaryDirectory() as out:
...     docgen.build(["inputs/"], out=out).ok      # publish a batch: folders, register
True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import docgen._startup  # noqa: F401 - first: Ctrl-C while the command starts is quiet
from docgen._version import __version__
from docgen.errors import AnswerFileError, DocgenError, Problem

# The rest of the API loads on first use, so `import docgen` (and `docgen --help`) does not
# pay for pydantic, the clause engine and the Word tools until something needs them.
_LAZY = {
    "CheckReport": "docgen.api", "RenderResult": "docgen.api", "build": "docgen.api",
    "check": "docgen.api", "load": "docgen.api", "loads": "docgen.api",
    "read_register": "docgen.api", "render": "docgen.api", "rules": "docgen.api",
    "organisations": "docgen.api", "sources": "docgen.api",
    "BuildReport": "docgen.results", "Notice": "docgen.results", "PostResult": "docgen.results",
    "Report": "docgen.results",
}

if TYPE_CHECKING:  # what type checkers and editors see
    from docgen.api import (
        CheckReport,
        RenderResult,
        build,
        check,
        load,
        loads,
        organisations,
        read_register,
        render,
        rules,
        sources,
    )
    from docgen.results import BuildReport, Notice, PostResult, Report


def __getattr__(name: str) -> Any:
    """Load a public name from its module the first time it is asked for."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'docgen' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "__version__",
    "AnswerFileError",
    "BuildReport",
    "CheckReport",
    "DocgenError",
    "Notice",
    "PostResult",
    "Problem",
    "RenderResult",
    "Report",
    "build",
    "check",
    "load",
    "loads",
    "organisations",
    "read_register",
    "render",
    "rules",
    "sources",
]
