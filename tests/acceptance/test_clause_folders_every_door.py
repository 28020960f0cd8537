"""A post's own clause folders are checked by ``check`` as ``build`` uses them: a missing
folder, or wording that cannot be used, is an error from ``docgen.check`` and ``docgen
check`` on the ``clauses`` line, and ``build`` refuses the post with the same problem
(before, check passed a post that build then failed with no file, line or key)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

import docgen
from docgen import api
from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
HR = (ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml").read_text()


def post_with_clauses(folder: Path, name: str) -> Path:
    post = folder / "post.yaml"
    post.write_text(HR + f"\nclauses: [{name}]\n")
    return post


def answers(post: Path) -> list[tuple[str, int | None, str]]:
    library = [(p.key, p.line, p.message) for p in docgen.check(post).errors]
    result = CliRunner().invoke(cli, ["check", "--json", str(post)])
    assert result.exit_code == (1 if library else 0), result.output
    [record] = json.loads(result.output)
    assert [(p["key"], p["line"], p["message"]) for p in record["problems"]
            if p["severity"] == "error"] == library
    return library


def test_a_missing_clause_folder_is_an_error_from_check_and_build(tmp_path: Path) -> None:
    post = post_with_clauses(tmp_path, "our-clauses")
    line = len(post.read_text().splitlines())
    [(key, at, message)] = answers(post)
    assert (key, at) == ("clauses[0]", line)
    assert "the clause folder our-clauses does not exist" in message
    report = docgen.build([post], tmp_path / "out")
    [result] = report.posts
    assert [p.message for p in result.errors] == [message]
    assert not list((tmp_path / "out").rglob("*.docx"))


def test_unusable_wording_in_a_clause_folder_is_an_error_from_check(tmp_path: Path) -> None:
    ours = tmp_path / "our-clauses"
    ours.mkdir()
    clause = ("id: agreement.local.parking\ntitle: Parking\nversion: 1\ndocuments: [agreement]\n"
              "order: 750\ntext: |\n  The Post-holder may park at {{ nowhere.at_all }.\n")
    (ours / "parking.yaml").write_text(clause)
    post = post_with_clauses(tmp_path, "our-clauses")
    [(key, at, message)] = answers(post)
    assert key == "clauses" and re.search(r"parking\.yaml: clause 'agreement\.local\.parking' "
                                          r"\(line 1 of its text\): unexpected '}'", message)
    [result] = docgen.build([post], tmp_path / "out").posts
    assert [p.message for p in result.errors] == [message]
    (ours / "parking.yaml").write_text(clause.replace("{{ nowhere.at_all }", "the town hall"))
    assert answers(post) == []
    assert docgen.build([post], tmp_path / "out").ok


def test_two_files_with_one_reference_fail_in_check_as_in_build(tmp_path: Path) -> None:
    """The second file (in the order found) fails with the words build uses when its claim
    on the post folder is refused; case-blind, as the folders are on Windows and macOS."""
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "a.yaml").write_text(HR)
    (folder / "b.yaml").write_text(HR.replace("reference: EWK-WSM-HR-01",
                                              "reference: ewk-wsm-hr-01"))
    checked = api.check_files([folder])
    assert [p.status for p in checked.posts] == ["checked", "failed"]
    said = checked.posts[1].message
    assert said == (f"{folder / 'b.yaml'}:6: reference: 'ewk-wsm-hr-01' is also used by "
                    f"{folder / 'a.yaml'}; give each post its own reference (if one of them "
                    "has been built already, change the other's)")
    result = CliRunner().invoke(cli, ["check", str(folder)])
    assert result.exit_code == 1 and "1 with errors" in result.output
    built = docgen.build([folder], tmp_path / "out", jobs=1)
    assert [p.status for p in built.posts] == ["built", "failed"]
    assert "is also used by" in built.posts[1].message and "a.yaml" in built.posts[1].message
