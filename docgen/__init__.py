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

from docgen._version import __version__
from docgen.api import (
    CheckReport,
    RenderResult,
    build,
    check,
    load,
    loads,
    read_register,
    render,
    rules,
)
from docgen.errors import AnswerFileError, DocgenError, Problem
from docgen.results import BuildReport, PostResult, Report

__all__ = [
    "__version__",
    "AnswerFileError",
    "BuildReport",
    "CheckReport",
    "DocgenError",
    "PostResult",
    "Problem",
    "RenderResult",
    "Report",
    "build",
    "check",
    "load",
    "loads",
    "read_register",
    "render",
    "rules",
]
