"""A clause of one's own added by hand to a clause folder (an id no standard clause has) is
a note, not a warning (clauses.notes.added_note): it was kept in ``Library.notes`` and
said nowhere. ``docgen build`` now says it once, after the posts, in the words the clause
book's import uses (clauses.notes.OWN_CLAUSE), however many posts it builds with the clause
folder; ``--json`` gives it as a notice of kind ``own-clause``. It is still no warning."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from conftest import EXAMPLES_DIR

from docgen.cli import cli

HR = "shared-head-of-hr.yaml"
CLAUSE = """id: ours.records
title: Records
version: 1
documents: [agreement]
order: 1450
text: |
  Each Party shall keep minutes of the meetings of the Steering Group.
"""


def _posts(tmp_path: Path, count: int = 2) -> tuple[Path, Path]:
    """``count`` posts (the Head of HR example, each with a reference of its own) and a
    clause folder holding one clause of its own."""
    posts, ours = tmp_path / "posts", tmp_path / "ours"
    posts.mkdir()
    ours.mkdir()
    text = (EXAMPLES_DIR / HR).read_text(encoding="utf-8")
    reference = text.split("\nreference:", 1)[1].split("\n", 1)[0].strip().strip("'\"")
    (posts / HR).write_text(text, encoding="utf-8")
    for n in range(1, count):
        (posts / f"post-{n}.yaml").write_text(text.replace(reference, f"{reference}-{n}"),
                                              encoding="utf-8")
    (ours / "ours.records.yaml").write_text(CLAUSE, encoding="utf-8")
    return posts, ours


def _note(ours: Path) -> str:
    return (f"{ours / 'ours.records.yaml'}: clause 'ours.records' is a clause of your own, "
            "which the standard library does not have; have it approved with the rest of the "
            "documents that use it")


def test_build_says_a_clause_of_ones_own_once(tmp_path: Path) -> None:
    posts, ours = _posts(tmp_path)
    result = CliRunner().invoke(cli, ["build", str(posts), "--out", str(tmp_path / "out"),
                                      "--clauses", str(ours)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert said.count(_note(ours)) == 1, result.output
    assert "OVERLAY" not in result.output and "2 built" in result.output, result.output


def test_build_json_gives_it_as_a_notice(tmp_path: Path) -> None:
    posts, ours = _posts(tmp_path)
    result = CliRunner().invoke(cli, ["build", str(posts), "--out", str(tmp_path / "out"),
                                      "--clauses", str(ours), "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    notes = [r for r in records if r["status"] == "notice"]
    assert [r["kind"] for r in notes] == ["own-clause"], records
    assert "ours.records" in notes[0]["message"]
    assert notes[0]["path"] == str(ours / "ours.records.yaml"), notes  # the clause file
    assert not any(p["severity"] == "warning" and "ours.records" in p["message"]
                   for r in records for p in r["problems"])


def test_a_second_build_with_nothing_changed_says_it_again_once(tmp_path: Path) -> None:
    """Posts skipped as unchanged say the note as built posts do, from their manifests
    (``library_notes``): a clause of one's own is not forgotten by the second build."""
    posts, ours = _posts(tmp_path)
    args = ["build", str(posts), "--out", str(tmp_path / "out"), "--clauses", str(ours)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "0 built, 2 unchanged" in result.output, result.output
    assert " ".join(result.output.split()).count(_note(ours)) == 1, result.output
    again = CliRunner().invoke(cli, [*args, "--json"])
    notes = [r for r in json.loads(again.stdout) if r["status"] == "notice"]
    assert [(r["kind"], r["path"]) for r in notes] == \
        [("own-clause", str((ours / "ours.records.yaml").resolve()))], notes


def test_worker_processes_carry_the_note(tmp_path: Path) -> None:
    """Four posts with two jobs are built in worker processes: each post's notes cross the
    process boundary with its result, and the batch still says the note once."""
    posts, ours = _posts(tmp_path, count=4)
    result = CliRunner().invoke(cli, ["build", str(posts), "--out", str(tmp_path / "out"),
                                      "--clauses", str(ours), "--jobs", "2", "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["status"] for r in records if r["status"] != "notice"] == ["built"] * 4, records
    notes = [r for r in records if r["status"] == "notice"]
    assert [(r["kind"], r["message"]) for r in notes] == [("own-clause", _note(ours))], notes
