"""Whose clause folder an error is in (the post's own, at ``clauses``, or its employer's
profile's, at ``employer``) is told by the file or folder the error concerns, never by a
path read out of its message: a folder ``clauses`` is not inside ``eastwick-clauses``, and
every door (the CLI with a relative or an absolute path, docgen.check) says the same."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import docgen
from docgen.cli import cli

from .overlay_posts import profiled_post, welsh_overlay

FOLDER = ("clause_folder", "profile_clause_folder")


def _cli(post: str) -> list[tuple[str, str]]:
    """The clause folder errors of ``docgen check --json post``, as (code, key)."""
    out = CliRunner().invoke(cli, ["check", "--json", post]).output
    data = json.loads(out)
    data = data[0] if isinstance(data, list) else data
    return [(p["code"], p["key"]) for p in data["problems"] if p["code"] in FOLDER]


def _api(post: Path) -> list[tuple[str, str]]:
    """The clause folder errors of ``docgen.check(post)``, as (code, key)."""
    return [(p.code, ".".join(map(str, p.path))) for p in docgen.check(post).errors
            if p.code in FOLDER]


def test_a_folder_named_inside_the_profiles_is_not_the_posts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    post = profiled_post(tmp_path, profile_replaces=None)  # organisations/eastwick-clauses
    welsh_overlay(tmp_path / "clauses")  # usable
    post.write_text(post.read_text("utf-8") + "clauses: [clauses]\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    want = [("profile_clause_folder", "employer")]
    assert _cli("post.yaml") == want
    assert _cli(str(post)) == want
    assert _api(Path("post.yaml")) == want
    assert _api(post) == want


def test_a_clash_of_the_posts_clause_with_the_profiles_is_the_posts(tmp_path: Path) -> None:
    """The post's own clause and the profile's FOI overlay on one topic (the same title):
    the message names the later of the two, here the profile's file, but the post's own
    clause is one of the two, and the post's keeper can put it right."""
    post = profiled_post(tmp_path)
    own = tmp_path / "own"
    own.mkdir()
    (own / "records.yaml").write_text(
        "id: ours.records\ntitle: Freedom of information\nversion: 1\n"
        "documents: [agreement]\norder: 100\ntext: Our own words.\n", "utf-8")
    post.write_text(post.read_text("utf-8") + "clauses: [own]\n", "utf-8")
    [error] = [p for p in docgen.check(post).errors if p.code in FOLDER]
    assert "eastwick-clauses" in error.message and "both about" in error.message
    assert (error.code, error.path) == ("clause_folder", ("clauses",))
