"""What the command line asks of docgen.api (issue 24 point 3), called as a program would:
the clause library and book, workbooks, starters, writing files and the cache folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import docgen
import docgen.api as api
from docgen.api import clauses, files, starters, workbooks

ROOT = Path(__file__).resolve().parents[2]


def test_save_writes_whole_and_never_replaces_when_asked_not_to(tmp_path: Path) -> None:
    target = tmp_path / "post.yaml"
    assert files.save(target, "mine\n", replace=False)
    assert not files.save(target, "theirs\n", replace=False)
    assert target.read_text() == "mine\n"
    assert files.save(target, b"replaced\n")
    assert target.read_bytes() == b"replaced\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["post.yaml"]  # no .part left


def test_the_publish_internals_are_no_longer_published() -> None:
    for name in ("atomic_write", "create_exclusive", "build_notes", "edited_copies"):
        assert not hasattr(api, name), name


def test_the_clause_library_lints_clean_and_a_book_round_trips(tmp_path: Path) -> None:
    library = clauses.clause_library()
    assert "agreement.exit" in library.clauses
    assert clauses.lint_clauses() == []
    book = tmp_path / "book.docx"
    files.save(book, clauses.export_clause_book("contract"))
    plan = clauses.import_clause_book(book, tmp_path / "ours")
    assert plan.found.overlays == [] and plan.files == {} and plan.problem is None
    assert not (tmp_path / "ours").exists()  # nothing written


def test_a_starter_is_an_answer_file_check_reads() -> None:
    blank = starters.starter(starters.blank_answers(["eastwick", "westmere"], "EWK-NEW-01"),
                             ["A new post."])
    assert blank.startswith(f"# yaml-language-server: $schema={starters.SCHEMA_FILE}")
    assert yaml.safe_load(blank)["reference"] == "EWK-NEW-01"
    assert starters.NOT_KNOWN in blank and starters.is_not_known(starters.NOT_KNOWN)
    example = starters.example_answers("shared-head-of-hr.yaml")
    report = docgen.check(starters.starter(example, ["From the example."]))
    assert report.ok and report.reference == "EWK-WSM-HR-01"
    assert starters.answer_schema() == api.schema()
    assert starters.party_id("London Borough of Eastwick", []) == "eastwick"


def test_the_workspace_profiles_and_their_policy() -> None:
    profiles = starters.workspace_profiles(ROOT / "inputs")
    assert profiles and all(p.is_file() for p in profiles.values())
    assert all(isinstance(starters.profile_policy(p), dict) for p in profiles.values())
    assert starters.profile_policy(ROOT / "no-such-profile.yaml") == {}


def test_a_new_workbook_checks_with_no_posts(tmp_path: Path) -> None:
    book = tmp_path / "posts.xlsx"
    workbooks.new_workbook(book)
    intake, report = workbooks.check_workbook(book)
    assert report.posts == [] and intake.posts == []
    assert api.is_workbook(book) and not api.is_workbook(ROOT / "inputs")


def test_the_command_keeps_a_cache_folder_and_a_program_invoking_cli_does_not(
        tmp_path: Path) -> None:
    """``keep_prepared`` is the ``docgen`` command's choice, made as a command starts:
    ``docgen --version`` loads no docgen.api, and ``CliRunner().invoke(cli)`` keeps
    nothing."""
    probe = ("import sys\nfrom click.testing import CliRunner\nfrom docgen.cli import cli, main\n"
             "from docgen.clauses import cachefolder\n"
             "assert CliRunner().invoke(cli, ['rules']).exit_code == 0\n"
             "print('CHOSEN', cachefolder.chosen_cache_folder(), file=sys.stderr)\n"
             "sys.argv = ['docgen', 'rules']\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('CHOSEN', cachefolder.chosen_cache_folder(), file=sys.stderr)")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    chosen = [line.split(" ", 1)[1] for line in run.stderr.splitlines()
              if line.startswith("CHOSEN ")]
    assert chosen == ["None", str(tmp_path / "cache" / "docgen" / "jinja")]


@pytest.mark.parametrize("folder_mode", [0o700, 0o777])
def test_keep_prepared_refuses_a_folder_others_may_write(tmp_path: Path,
                                                         folder_mode: int) -> None:
    probe = ("import sys, docgen.api\n"
             "print(docgen.api.keep_prepared(sys.argv[1]))")
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(folder_mode)
    run = subprocess.run([sys.executable, "-c", probe, str(folder)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert json.loads(run.stdout.strip().lower()) is (folder_mode == 0o700)
