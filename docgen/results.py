"""What a check or build reports, per answer file: plain data the CLI, the web app and
other programs read the same way."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from docgen.errors import HasProblems, Problem
from docgen.facts.derive import Facts

Status = Literal["built", "skipped", "failed", "checked"]


@dataclass
class PostResult(HasProblems):
    """What happened to one answer file."""

    source: Path
    status: Status
    reference: str = ""
    problems: list[Problem] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    message: str = ""
    facts: Facts | None = None
    summary: dict[str, Any] = field(default_factory=dict)  # the programme register's row
    # where each value came from (``docgen check -v``): key path → file, line, organisation
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class NotAPost:
    """A YAML file found in a folder or by a glob that is not an answer file: left out, not
    built, and reported (with ``reason``) so nobody wonders why a post is missing."""

    source: Path
    reason: str


@dataclass
class BuildReport:
    """Every answer file of one run, in the order they were named, and the YAML files found
    in folders or globs but left out because they are not answer files (``not_posts``)."""

    posts: list[PostResult] = field(default_factory=list)
    not_posts: list[NotAPost] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(p.status != "failed" for p in self.posts)

    def count(self, status: Status) -> int:
        return sum(1 for p in self.posts if p.status == status)


Report = BuildReport  # its earlier name, kept so existing callers keep working
