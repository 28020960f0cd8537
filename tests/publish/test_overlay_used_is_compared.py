"""The OVERLAY warning is about the overlay the documents use: the last laid on a clause
(the post's own ``clauses`` over its employer's profile's folder). The library compared an
overlay with the standard clause only when it sat directly on it, so the profile's overlay
out of date under the post's own up to date refused a final post for wording its documents
do not use, and the profile's up to date under the post's own out of date said nothing and
built the final post. Every overlay of a standard clause says which version it replaces,
wherever it is laid: the post's own laid over the profile's without it escaped both the
error (asked only of an overlay laid directly on the standard clause) and the warning (only
the last laid is compared), and a final post built on the profile's out-of-date wording."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import docgen
from docgen.cli import cli

from .overlay_posts import foi_overlay, profiled_post


def _final_post(tmp_path: Path, profiles: int, own: int | None) -> Path:
    """A final post whose employer's profile overlays the FOI clause for version
    ``profiles`` and whose own ``clauses`` overlays it again for version ``own``."""
    post = profiled_post(tmp_path, profiles, status="final")
    foi_overlay(tmp_path / "overlay", own)
    post.write_text(post.read_text("utf-8") + "clauses:\n  - overlay\n", "utf-8")
    return post


def _found(post: Path) -> list[tuple[str, tuple]]:
    return [(p.rule, p.path) for p in docgen.check(post).problems
            if p.rule in ("OVERLAY", "FINAL")]


def test_the_profiles_old_overlay_under_the_posts_current_one_is_not_warned(
        tmp_path: Path) -> None:
    post = _final_post(tmp_path, profiles=1, own=2)
    assert _found(post) == []
    assert docgen.check(post).ok


def test_the_posts_old_overlay_over_the_profiles_current_one_is_warned(
        tmp_path: Path) -> None:
    post = _final_post(tmp_path, profiles=2, own=1)
    assert _found(post) == [("OVERLAY", ("clauses",)), ("FINAL", ("status",))]
    [warning] = [p for p in docgen.check(post).warnings if p.rule == "OVERLAY"]
    assert str(tmp_path / "overlay" / "agreement.foi.yaml") in warning.message


#: the error for the post's own overlay that does not say which version it replaces: its
#: file, the line to add (the standard clause's version) and where
UNVERSIONED = ("'agreement.foi' is docgen's standard clause in wording of your own, so the "
               "file must say which version of the standard clause it was written for, "
               "wherever it is laid")
TO_ADD = "add the line `replaces_version: 2` to the file, for example below its `version:` line"


def test_the_posts_overlay_over_the_profiles_must_say_which_version_check(
        tmp_path: Path) -> None:
    post = _final_post(tmp_path, profiles=1, own=None)
    report = docgen.check(post)
    assert not report.ok
    [error] = report.errors
    assert error.message.startswith(f"{tmp_path / 'overlay' / 'agreement.foi.yaml'}: "
                                    + UNVERSIONED), error.message
    assert TO_ADD in error.message


def test_the_posts_overlay_over_the_profiles_must_say_which_version_build(
        tmp_path: Path) -> None:
    post = _final_post(tmp_path, profiles=1, own=None)
    result = CliRunner().invoke(cli, ["build", "--json", "--out", str(tmp_path / "out"),
                                      str(post)])
    [built] = json.loads(result.output)
    assert result.exit_code != 0 and built["status"] == "failed" and built["outputs"] == []
    [error] = [p for p in built["problems"] if p["severity"] == "error"]
    assert UNVERSIONED in error["message"] and TO_ADD in error["message"]
    assert not list((tmp_path / "out").rglob("*.docx"))
