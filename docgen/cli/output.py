"""How the command line prints posts and problems (shared by build and check)."""

from __future__ import annotations

import click

from docgen.errors import Problem
from docgen.results import PostResult, Report

PATHS_HELP = "Answer files, folders of answer files, or globs. Default: inputs/"


def _paths(paths: tuple[str, ...]) -> list[str]:
    return list(paths) or ["inputs"]


def _problem_line(p: Problem) -> str:
    if p.severity == "error":
        return click.style(str(p), fg="red")
    tag = " (acknowledged: " + p.acknowledged + ")" if p.acknowledged else ""
    label = f"[{p.rule}] " if p.rule else ""
    return click.style(f"{p.location}: warning {label}{p.key}: {p.message}{tag}", fg="yellow")


def _print_post(post: PostResult, verb: str) -> None:
    name = post.reference or str(post.source)
    if post.status in ("built", "checked"):
        click.echo(f"{verb} {name} ({post.source})")
        for out in post.outputs:
            click.echo(f"  wrote {out}")
    elif post.status == "skipped":
        click.echo(f"skipped {name}: {post.message}")
    else:
        where = f" ({post.source})" if post.reference else ""
        click.echo(click.style(f"FAILED {name}{where}", fg="red", bold=True), err=True)
    for p in post.problems:
        click.echo("  " + _problem_line(p), err=p.severity == "error")
    if post.status == "failed" and post.message:
        click.echo("  " + click.style(post.message, fg="red"), err=True)


def _print_report(report: Report, verb: str) -> None:
    for post in report.posts:
        _print_post(post, verb)


