"""How the command line prints posts and problems (shared by build and check).

A programme team builds hundreds of posts at once, so the default output is
short: on a terminal one progress bar, then only the posts that need attention
and a one-line summary; in a log (not a terminal) one line per post. ``-q``
keeps only what needs attention and the summary, ``-v`` prints everything.
Warnings repeated across a batch are grouped by rule, so 200 drafts with the
same open warning print one line, not 200.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from docgen.api import problem_dict, rules
from docgen.errors import Problem
from docgen.results import EDITED_RULE, REMOVED_RULE, BuildReport, NotAPost, Notice, PostResult

QUIET, NORMAL, VERBOSE = -1, 0, 1
#: said instead of "0 warnings" when errors stopped the good-practice rules running
RULES_WAITING = "the good-practice checks run once the errors are fixed"
#: how many posts a grouped warning names before "and N more"
NAMED_POSTS = 3


def _paths(paths: tuple[str, ...]) -> list[str]:
    return list(paths) or ["inputs"]


def named_folder(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """An ``--out`` that names a folder: an empty one would mean the current folder,
    where nobody asked for documents, a register and a lock file to appear."""
    if not value.strip():
        raise click.BadParameter("give a folder for the documents, for example --out build")
    if Path(value).exists() and not Path(value).is_dir():  # a usage error: exit 2, up front
        raise click.BadParameter(f"{value} is a file, not a folder; give a folder for the "
                                 "documents (for example --out build)")
    return value


def is_terminal() -> bool:
    """True when a person watches (progress bars); false in CI logs and pipes."""
    return sys.stderr.isatty()


def _name(post: PostResult) -> str:
    return post.reference or str(post.source)


def open_warnings(post: PostResult) -> list[Problem]:
    return [p for p in post.warnings if not p.acknowledged]


def needs_attention(post: PostResult) -> bool:
    """A failed post, or one with warnings nobody has acknowledged."""
    return post.status == "failed" or bool(open_warnings(post))


def problem_line(p: Problem) -> str:
    if p.severity == "error":
        return click.style(str(p), fg="red")
    tag = " (acknowledged: " + p.acknowledged + ")" if p.acknowledged else ""
    label = f"[{p.rule}] " if p.rule else ""
    return click.style(f"{p.location}: warning {label}{p.key}: {p.message}{tag}", fg="yellow")


VERB = {"built": "built", "skipped": "unchanged", "checked": "checked", "failed": "FAILED"}


def post_heading(post: PostResult) -> str:
    """``built REF (inputs/x.yaml)``; ``, 2 warnings`` when there are open ones."""
    where = f" ({post.source})" if post.reference else ""
    n = len(open_warnings(post))
    extra = f", {n} warning{'s' if n != 1 else ''}" if n and post.status != "failed" else ""
    text = f"{VERB.get(post.status, post.status)} {_name(post)}{where}{extra}"
    if post.status == "failed":
        return click.style(text, fg="red", bold=True)
    return text


def print_post(post: PostResult, verbosity: int, *, warnings: bool = True) -> None:
    """One post: its heading, and (when it needs attention or ``-v``) what is wrong.

    ``warnings=False`` leaves open warnings out (a batch groups them by rule).
    """
    failed = post.status == "failed"
    click.echo(post_heading(post), err=failed)
    if verbosity >= VERBOSE:
        for out in post.outputs:
            click.echo(f"  wrote {out}")
    for p in post.problems:
        show = (p.severity == "error" or verbosity >= VERBOSE
                or (warnings and not p.acknowledged))
        if show:
            click.echo("  " + problem_line(p), err=p.severity == "error")
    if failed and post.message:
        click.echo("  " + click.style(post.message, fg="red"), err=True)
    elif post.status == "checked" and post.message:  # a profile named: what it is
        click.echo("  " + post.message)


def live_printer(verbosity: int, batch: bool) -> Callable[[PostResult], None]:
    """The per-post callback while posts finish, when no progress bar is shown.

    In a batch, open warnings wait for :func:`grouped_warnings` (unless ``-v``), and
    ``-q`` prints failed posts only; a single post prints its warnings in full.
    """
    def show(post: PostResult) -> None:
        attention = post.status == "failed" if batch else needs_attention(post)
        if verbosity == QUIET and not attention:
            return
        print_post(post, verbosity, warnings=not batch or verbosity >= VERBOSE)
    return show


#: what a batch's line says of a warning of what the build itself did (each post's own names
#: its files: ``docgen build -v``), not a rule's: neither is said by ``check``, nor acknowledged
DONE = {REMOVED_RULE: "removed the copies an earlier build made in a format this build was "
                      "not asked for (they described the documents it replaced); to keep "
                      "making them, name their format in --format, as each post's warning says "
                      "(`docgen build -v`)"}


def grouped_warnings(report: BuildReport) -> list[str]:
    """Open warnings of a batch, one line per rule: how many posts, which, what it means.
    A warning no catalogued rule gives (``TBC``: a value not known yet) is grouped by rule
    and key, and its line names the key: "is not known yet" alone would not say what."""
    summaries = {r["id"]: r["summary"] for r in rules()}
    by_rule: dict[tuple[str, str], list[tuple[PostResult, Problem]]] = {}
    for post in report.posts:
        if post.status == "failed":
            continue  # printed in full with the post
        for p in open_warnings(post):
            key = p.key if p.path and p.rule not in summaries else ""
            group = (p.rule or p.key, key)
            by_rule.setdefault(group, []).append((post, p))
    lines = []
    for (rule, key), hits in sorted(by_rule.items()):
        posts = list(dict.fromkeys(_name(post) for post, _ in hits))
        named = ", ".join(posts[:NAMED_POSTS])
        if len(posts) > NAMED_POSTS:
            named += f" and {len(posts) - NAMED_POSTS} more"
        first = hits[0][1]
        about = summaries.get(rule) or DONE.get(rule) or (
            f"{key}: {first.message}" if key and key != rule else first.message)
        text = (f"warning [{rule}] on {len(posts)} post{'s' if len(posts) != 1 else ''} "
                f"({named}): {about}; first at {first.location}")
        lines.append(click.style(text, fg="yellow"))
    if lines and {rule for rule, _ in by_rule} - {EDITED_RULE, *DONE}:
        lines.append("  (`docgen check PATH` or `docgen build -v` lists every warning in full; "
                     "acknowledge accepted ones under `acknowledge:`)")
    elif lines:  # only what the build did: check never says it, and none is acknowledged
        lines.append("  (`docgen build -v` lists every warning in full)")
    return lines


def _row_counts(post: PostResult) -> bool:
    """Whether the warnings of ``post`` are counted from its register row: an unchanged
    post's, whose manifest records the row of its last build."""
    return post.status == "skipped" and "warnings" in post.summary


def not_answer_files(n: int) -> str:
    """``2 not answer files``: the files found that were left out, counted in ``build``'s and
    ``check``'s summaries alike."""
    return f"{n} not answer file{'s' if n != 1 else ''}"


def clause_count(linted: Sequence[PostResult]) -> str:
    """``2 clause files, 1 with errors``: the clause files named to ``check`` or ``build``
    and linted, counted in the run's summary beside the answer files, since one with errors
    fails the run (exit 1) as a post with errors does."""
    failed = sum(1 for c in linted if c.status == "failed")
    return f"{len(linted)} clause file{'s' if len(linted) != 1 else ''}, {failed} with errors"


def summary_line(report: BuildReport, seconds: float, not_posts: list[NotAPost],
                 clauses: Sequence[PostResult] = ()) -> str:
    """``3 built, 0 unchanged, 1 failed; 4 warnings (1 acknowledged); 2.1 s`` (issue 16: built,
    unchanged, failed, warnings, time; an unchanged post has the status ``skipped``), with
    the clause files linted beside them (:func:`clause_count`) when any were named."""
    # an unchanged post is not checked again: its manifest's register row has the count
    # (its open warnings, said again from the manifest, among them), beside its warning
    # that a document was edited by hand, if one was
    unchanged = [post.summary for post in report.posts if _row_counts(post)]
    warned = [p for post in report.posts for p in post.warnings
              if p.rule == EDITED_RULE or not _row_counts(post)]
    acked = sum(1 for p in warned if p.acknowledged)
    earlier = sum(int(row.get("warnings") or 0) for row in unchanged)
    # ... and the warnings it acknowledged (a list of rule and reason)
    acked += sum(len(row["acknowledged"]) for row in unchanged
                 if isinstance(row.get("acknowledged"), list))
    total = len(warned) + earlier
    text = (f"{report.count('built')} built, {report.count('skipped')} unchanged, "
            f"{report.count('failed')} failed")
    if report.count("checked") and not report.count("built") + report.count("skipped"):
        text = f"{report.count('checked')} checked, {report.count('failed')} failed"
    elif report.count("checked"):  # a profile named beside the posts built
        text += f", {report.count('checked')} checked"
    if not_posts:
        text += f", {not_answer_files(len(not_posts))}"
    if clauses:
        text += f"; {clause_count(clauses)}"
    waiting = sum(1 for post in report.posts if rules_waiting(post))
    if waiting and not total:  # not "0 warnings": those posts' rules have not run
        return text + waiting_note(report) + f"; {seconds:.1f} s"
    text += f"; {total} warning{'s' if total != 1 else ''}"
    if acked:
        text += f" ({acked} acknowledged)"
    if waiting:
        text += waiting_note(report, also=True)
    return text + f"; {seconds:.1f} s"


def rules_waiting(post: PostResult) -> bool:
    """True when errors stopped the good-practice rules running for ``post``: what the
    pipeline said where it stopped (as :func:`docgen.api.files.rules_waiting` gives it)."""
    return post.rules_pending


def waiting_note(report: BuildReport, also: bool = False) -> str:
    """``; the good-practice checks run once the errors are fixed`` when errors stopped
    them running for a post of ``report`` (``, and the good-practice checks of 2 posts
    ...`` when ``also``, after a count of the warnings the others have); else ""."""
    waiting = sum(1 for post in report.posts if rules_waiting(post))
    if not waiting:
        return ""
    if waiting == len(report.posts) and not also:
        return f"; {RULES_WAITING}"
    # "post": an answer file or a workbook's row alike
    said = (f"the good-practice checks of {waiting} post{'s' if waiting != 1 else ''} "
            f"run once {'its' if waiting == 1 else 'their'} errors are fixed")
    return f", and {said}" if also else f"; {said}"


def post_record(post: PostResult) -> dict[str, Any]:
    """One post as plain data for ``--json``; a post that failed before its checks gave
    a reference has the one its register row gives (what its answer file states)."""
    reference = post.reference or str(post.summary.get("reference") or "")
    record: dict[str, Any] = {
        "source": str(post.source), "reference": reference or None,
        "status": post.status, "outputs": [str(o) for o in post.outputs],
        "problems": [problem_dict(p) for p in post.problems]}
    if post.message:
        record["message"] = post.message
    return record


def not_post_record(item: NotAPost) -> dict[str, Any]:
    return {"source": str(item.source), "reference": None, "status": "not-an-answer-file",
            "outputs": [], "problems": [], "message": item.reason}


def notice_record(notice: Notice) -> dict[str, Any]:
    """A build's notice (an edited register kept aside, a post whose answer file is gone)
    as a record of its own: status ``notice``, what it is in ``kind``."""
    return {"source": str(notice.source) if notice.source else None,
            "reference": notice.reference or None, "status": "notice", "kind": notice.kind,
            "path": str(notice.path) if notice.path else None, "outputs": [], "problems": [],
            "message": notice.message}


def report_json(report: BuildReport, not_posts: list[NotAPost] | None = None) -> str:
    """The run as a JSON list: one record per answer file, then the files left out (those
    the command found itself, or else the report's), then the build's notices."""
    records = [post_record(p) for p in report.posts]
    records += [not_post_record(n) for n in
                (report.not_posts if not_posts is None else not_posts)]
    records += [notice_record(n) for n in report.notices]
    return json.dumps(records, indent=2, ensure_ascii=False)


def print_not_posts(not_posts: list[NotAPost]) -> None:
    for item in not_posts:
        click.echo(click.style(f"skipped {item.source}: {item.reason}", fg="yellow"), err=True)


def print_notices(report: BuildReport) -> None:
    """What the build says about the output folder as a whole, after the posts."""
    for notice in report.notices:
        click.echo(click.style(str(notice), fg="yellow"))


def sources_lines(post: PostResult) -> list[str]:
    """Where a post's values came from: each value taken from another file (an extends
    base, an organisation profile) with its file and line; the rest in one line."""
    if not post.sources:
        return []
    own = str(post.source)
    lines = [f"{_name(post)}: where each value came from"]
    elsewhere = {k: v for k, v in post.sources.items() if v["file"] != own}
    width = max((len(k) for k in elsewhere), default=0)
    for key, where in elsewhere.items():
        label = f" (profile {where['organisation']})" if where["organisation"] else ""
        at = f"{where['file']}:{where['line']}" if where["line"] else where["file"]
        lines.append(f"  {key:<{width}}  {at}{label}")
    lines.append(f"  {'every other value' if elsewhere else 'every value'}: {own}")
    return lines
