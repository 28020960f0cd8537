"""CLI commands for the good-practice rules (``docgen rules``), and the ``check`` formats.

``format_table`` and ``format_json`` render a :class:`docgen.results.BuildReport` for
``docgen check --format table|json`` (``--json``); ``docgen rules`` lists the rulebook.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

import click

from docgen.api import rules
from docgen.cli.output import (
    RULES_WAITING,
    clause_count,
    not_answer_files,
    report_json,
    rules_waiting,
    waiting_note,
)
from docgen.errors import Problem
from docgen.results import BuildReport, NotAPost, PostResult

WIDTH = 100  # the table is laid out for a terminal this wide
MIN_MESSAGE = 40  # narrower than this, the message goes on its own lines below the row
HEADERS = ("severity", "rule", "file:line", "key", "message")


# --- check --format table / json -------------------------------------------------------------

def _where(p: Problem, source: Path) -> str:
    """``file:line``, the file as the command was given it (``bad/split.yaml:158``), as
    ``docgen build`` shows it."""
    return p.location


def _cells(p: Problem, source: Path) -> tuple[str, str, str, str]:
    severity = "ack'd" if p.acknowledged else p.severity
    return severity, p.rule or "-", _where(p, source), p.key


def _message(p: Problem) -> str:
    if p.acknowledged:
        return f"{p.message} [acknowledged: {p.acknowledged}]"
    return p.message


def _post_heading(post: PostResult) -> str:
    """``REF: checked; 0 errors, 2 warnings`` and the answer file below it."""
    name = post.reference or post.source.name
    # a post that failed without a problem (an unexpected error: its message) has one
    errors = len(post.errors) or int(post.status == "failed" and bool(post.message))
    warnings = post.warnings
    acked = sum(1 for p in warnings if p.acknowledged)
    said = f"{errors} error{'s' if errors != 1 else ''}"
    if rules_waiting(post):  # not "0 warnings": the rules have not run
        counts = f"{said}; {RULES_WAITING}"
    else:
        counts = (f"{said}, {len(warnings)} warning{'s' if len(warnings) != 1 else ''}"
                  + (f" ({acked} acknowledged)" if acked else ""))
    return f"{name}: {post.status}; {counts}\n  {post.source}"


def _table(problems: list[Problem], source: Path, width: int) -> list[str]:
    """Rows of severity, rule, file:line, key and the message, wrapped to ``width``.

    When the message column would be narrower than ``MIN_MESSAGE``, each message is
    printed on its own indented lines below its row (and when even the key column does
    not fit, as beside a long file path, the key has a line of its own above it).
    """
    rows = [_cells(p, source) for p in problems]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(HEADERS[:4])]
    left = sum(widths) + 2 * len(widths)
    lines: list[str] = []

    def row(cells: tuple[str, ...], n: int) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells[:n], widths[:n], strict=True))

    if width - left >= MIN_MESSAGE:
        lines.append(row(HEADERS, 4) + "  " + HEADERS[4])
        for cells, p in zip(rows, problems, strict=True):
            wrapped = textwrap.wrap(_message(p), width - left) or [""]
            lines.append(row(cells, 4) + "  " + wrapped[0])
            lines += [" " * left + more for more in wrapped[1:]]
        return lines
    n = 4 if left - 2 <= width else 3
    lines.append(row(HEADERS, n).rstrip())
    for cells, p in zip(rows, problems, strict=True):
        lines.append(row(cells, n).rstrip())
        if n == 3:  # a long file path: the key on a line of its own, then the message
            lines.append(f"    {p.key}")
        lines += textwrap.wrap(_message(p), width, initial_indent="    ",
                               subsequent_indent="    ")
    return lines


def format_table(report: BuildReport, width: int = WIDTH,
                 more: Callable[[PostResult], list[str]] | None = None,
                 clauses: Sequence[PostResult] = (),
                 profiles: Collection[Path] = (), not_posts: int = 0) -> str:
    """Every post's problems as a table: severity, rule, file:line, key, message.

    Messages wrap within ``width`` columns; acknowledged warnings show as ``ack'd`` with
    the reason given. Posts without problems get their heading line only. ``more`` gives
    lines to print after all the posts and before the summary (``check -v``'s sources).
    ``clauses``: the clause files named and linted (printed before the table), counted in
    the summary beside the answer files, as they count in the exit code; ``profiles``: the
    sources of the posts that are organisation profiles named, counted as profiles.
    """
    out: list[str] = []
    for post in report.posts:
        if out:
            out.append("")
        out += _post_heading(post).split("\n")
        if post.problems:
            out += ["  " + line for line in _table(post.problems, post.source, width - 2)]
        if post.message:
            out += textwrap.wrap(post.message, width, initial_indent="  ",
                                 subsequent_indent="  ")
    if more is not None:
        extra = [line for post in report.posts for line in more(post)]
        out += ["", *extra] if extra and out else extra
    if report.posts:
        out += ["", *textwrap.wrap(_summary(report, clauses, profiles, not_posts), width)]
    return "\n".join(out)


def _summary(report: BuildReport, clauses: Sequence[PostResult],
             profiles: Collection[Path], not_posts: int = 0) -> str:
    """``1 answer file, 0 with errors, 1 not answer file; 1 organisation profile, 1 with
    errors; 1 clause file, 0 with errors``: each kind of file checked counted as what it
    is, and the files found that were left out, as ``build``'s summary counts them."""
    said = []
    for kind, results in (
            ("answer file", [p for p in report.posts if p.source not in profiles]),
            ("organisation profile", [p for p in report.posts if p.source in profiles])):
        failed = sum(1 for p in results if p.status == "failed")
        if results or kind == "answer file" and not profiles:
            answers = kind == "answer file"
            said.append(f"{len(results)} {kind}{'s' if len(results) != 1 else ''}, "
                        f"{failed} with errors"
                        + (f", {not_answer_files(not_posts)}" if answers and not_posts else "")
                        + (waiting_note(report) if answers else ""))
    return "; ".join([*said, *([clause_count(clauses)] if clauses else [])])


def format_json(report: BuildReport, not_posts: list[NotAPost] | None = None) -> str:
    """The report as JSON: a list with one object per answer file.

    Each has ``source``, ``reference``, ``status``, ``outputs`` (none for a check) and
    ``problems`` (each as :func:`docgen.api.problem_dict`: ``severity``, ``rule``,
    ``key``, ``path``, ``file``, ``line``, ``message``, ``hint``, ``acknowledged``, the
    reason given or null, ``documents``, the document kinds it concerns, [] for every
    document or none known, and ``code``, its code or null), plus ``message`` when the
    post failed for a reason
    outside the file. YAML files found in a folder that are not answer files follow,
    with status ``not-an-answer-file`` and the reason.
    """
    return report_json(report, not_posts)


# --- docgen rules ----------------------------------------------------------------------------

def format_rules(catalogue: list[dict[str, Any]], width: int = WIDTH) -> str:
    """The rulebook (:func:`docgen.api.rules`) as text: one block per rule (id, severity,
    key; summary; source)."""
    lines: list[str] = []
    for r in catalogue:
        lines.append(f"{r['id']:<6} {r['severity']:<8} {r['key']}")
        lines += textwrap.wrap(r["summary"], width, initial_indent="    ",
                               subsequent_indent="    ")
        lines += textwrap.wrap(f"source: {r['source']}", width, initial_indent="    ",
                               subsequent_indent="      ")
    errors = sum(1 for r in catalogue if r["severity"] == "error")
    lines += textwrap.wrap(f"{len(catalogue)} rules: {errors} errors, "
                           f"{len(catalogue) - errors} warnings. Warnings may be accepted in "
                           "the answer file under `acknowledge:` (rule and reason); errors "
                           "cannot.", width)
    return "\n".join(lines)


@click.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
def rules_cmd(fmt: str) -> None:
    """List every good-practice rule: id, severity, key, summary and source.

    Errors (GE…) stop the documents being written. Warnings (GP…) become drafting
    notes; accept one by adding it to the answer file's `acknowledge:` list with a
    reason.
    """
    catalogue = rules()  # errors first, then by id
    if fmt == "json":
        click.echo(json.dumps(catalogue, indent=2, ensure_ascii=False))
    else:
        click.echo(format_rules(catalogue))


__all__ = ["format_table", "format_json", "format_rules", "rules_cmd"]
