"""docgen: the paperwork for a post shared between public bodies, from one answer file.

The public API (everything else is internal and may change):

    import docgen
    answers = docgen.load("inputs/shared-head-of-hr.yaml")    # or YAML text, or a dict
    report = docgen.check(answers_dict)                         # errors and warnings
    result = docgen.render(answers_dict)                        # .docx bytes in memory
    docgen.build(["inputs/"], out="build")                      # publish a batch
    docgen.sources("inputs/shared-head-of-payroll.yaml")       # where each value came from
    docgen.organisations("inputs/")                             # the profiles of a workspace
"""

from docgen._version import __version__
from docgen.api import (
    CheckReport,
    RenderResult,
    check,
    load,
    organisations,
    read_register,
    render,
    rules,
    sources,
)
from docgen.errors import AnswerFileError, DocgenError, Problem
from docgen.publish.batch import build
from docgen.results import PostResult, Report

__all__ = [
    "__version__",
    "AnswerFileError",
    "CheckReport",
    "DocgenError",
    "PostResult",
    "Problem",
    "RenderResult",
    "Report",
    "build",
    "check",
    "load",
    "organisations",
    "read_register",
    "render",
    "rules",
    "sources",
]
