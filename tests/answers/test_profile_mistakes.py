"""Mistakes with a profile's file say what the file is and where it belongs: a profile
too large, a key written at the wrong level, an answer file saved as a profile, and a
profile left outside ``organisations/``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import docgen
from docgen.answers.profile_files import check_profile
from docgen.answers.profiles import load_post
from docgen.api import answer_files, check_files
from docgen.errors import AnswerFileError

ROOT = Path(__file__).resolve().parents[2]


def _messages(path: str) -> list[str]:
    return [p.message for p in check_profile(Path(path))]


def _appended(workspace: Path, text: str) -> list[str]:
    """The messages about Westmere's profile with ``text`` added at its end."""
    profile = workspace / "organisations" / "westmere.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + text, encoding="utf-8")
    return _messages("organisations/westmere.yaml")


def test_a_profile_too_large_is_called_a_profile(workspace: Path) -> None:
    [message] = _appended(workspace, "#" * 1_000_001 + "\n")
    assert "organisation profiles are limited to 1,000,000 bytes" in message
    assert "answer files" not in message
    assert "remove what was pasted in by mistake" in message


def test_a_policy_key_at_the_top_level_says_where_it_belongs(workspace: Path) -> None:
    [message] = _appended(workspace, "pension_scheme: LGPS\n")
    assert message.startswith("unknown key 'pension_scheme' at the top level of an "
                              "organisation profile; it belongs under policy.postholder: ")
    assert "policy:\n  postholder:\n    pension_scheme: LGPS" in message \
        or "policy: {postholder: {pension_scheme: LGPS}}" in message


def test_a_nested_key_one_level_too_high_says_where_it_belongs(workspace: Path) -> None:
    profile = workspace / "organisations" / "westmere.yaml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace("policy:\n", "policy:\n  notice_months: 6\n", 1),
                       encoding="utf-8")
    [message] = _messages("organisations/westmere.yaml")
    assert "it belongs under policy.exit" in message


def test_an_answer_file_saved_as_a_profile_is_one_message(workspace: Path) -> None:
    shutil.copy(workspace / "post.yaml", workspace / "organisations" / "eastwick.yaml")
    with pytest.raises(AnswerFileError) as raised:
        load_post("post.yaml")
    [problem] = raised.value.problems
    assert str(problem.file) == str(Path("organisations/eastwick.yaml"))
    assert problem.message.startswith(
        "this looks like an answer file (docgen: 1, with parties:, post:), not an "
        "organisation profile; move it out of organisations/")
    assert "docgen_organisation: 1" in problem.message


def test_a_profile_left_outside_organisations_is_pointed_at(workspace: Path) -> None:
    shutil.move(workspace / "organisations" / "westmere.yaml", workspace / "westmere.yaml")
    [post] = check_files(["."], roots=["."]).posts
    [error] = [str(p) for p in post.errors]
    assert "there is no organisation profile for 'westmere'" in error
    assert "westmere.yaml in . looks like its profile; move it into organisations/" in error


def test_a_link_beside_the_posts_is_not_read_for_a_hint(workspace: Path,
                                                         tmp_path_factory: pytest.TempPathFactory
                                                         ) -> None:
    """A ``westmere.yaml`` beside the posts that is a link (here to a profile outside the
    project) is not opened to see whether it looks like a profile."""
    outside = tmp_path_factory.mktemp("outside") / "westmere.yaml"
    shutil.move(workspace / "organisations" / "westmere.yaml", outside)
    (workspace / "westmere.yaml").symlink_to(outside)
    [post] = check_files(["post.yaml"], roots=["."]).posts
    [error] = [str(p) for p in post.errors]
    assert "there is no organisation profile for 'westmere'" in error
    assert "looks like its profile" not in error


@pytest.fixture
def in_sub(workspace: Path) -> Path:
    """The post in sub/, the profiles in the folder above it."""
    (workspace / "sub").mkdir()
    shutil.move(workspace / "post.yaml", workspace / "sub" / "post.yaml")
    return workspace


def test_profiles_above_the_folder_named_are_named_with_what_to_do(in_sub: Path) -> None:
    with pytest.raises(AnswerFileError) as raised:
        load_post("sub/post.yaml")
    message = raised.value.problems[0].message
    assert "there is no organisations/ folder in sub" in message
    assert ("organisations/ (above sub, the project folder) is not looked at" in message)
    assert "docgen build --project . sub/post.yaml" in message


def test_a_nearer_organisations_folder_hiding_a_profile_says_so(workspace: Path) -> None:
    (workspace / "hr" / "organisations").mkdir(parents=True)
    shutil.copy(workspace / "organisations" / "eastwick.yaml",
                workspace / "hr" / "organisations" / "eastwick.yaml")
    shutil.move(workspace / "post.yaml", workspace / "hr" / "post.yaml")
    [post] = check_files(["."], roots=["."]).posts
    [error] = [str(p) for p in post.errors]
    assert ("organisations/westmere.yaml exists, but the nearer hr/organisations/ is used"
            in error)
    assert "move or copy westmere.yaml into hr/organisations/" in error


def test_a_profile_found_beside_the_posts_is_left_out_as_a_profile(workspace: Path) -> None:
    shutil.move(workspace / "organisations" / "westmere.yaml", workspace / "westmere.yaml")
    files, left_out = answer_files(["."])
    assert [f.name for f in files] == ["post.yaml"]
    [(path, reason)] = left_out
    assert path.name == "westmere.yaml"
    assert reason.startswith("an organisation profile (docgen_organisation: 1), not an "
                             "answer file; left out")
    assert "move it into organisations/" in reason


def test_a_key_that_several_sections_hold_names_them_all(workspace: Path) -> None:
    [message] = _appended(workspace, "email: x@westmere.gov.uk\n")
    assert message.startswith("unknown key 'email' at the top level of an organisation "
                              "profile; it belongs under one of notices or data_protection: "
                              "write it as e.g. notices: {email: x@westmere.gov.uk}"), message


def test_answers_read_in_a_workspace_given_look_nowhere_else(in_sub: Path) -> None:
    """The interview reads drafts in a workspace it names: a missing profile is said
    without looking outside it (no folder above, no file beside)."""
    text = (in_sub / "sub" / "post.yaml").read_bytes()
    report = docgen.check(text, workspace=in_sub / "sub")
    messages = [p.message for p in report.problems]
    assert messages and all("there is no organisation profile for" in m for m in messages)
    assert not any("exists, but" in m or "looks like its profile" in m for m in messages)


def test_the_hint_looks_at_no_folder_outside_the_current_one(
        in_sub: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the post's own folder, the organisations/ folder above it is outside where
    docgen was run: it is not looked at, even for a hint."""
    monkeypatch.chdir(in_sub / "sub")
    with pytest.raises(AnswerFileError) as raised:
        load_post("post.yaml")
    message = raised.value.problems[0].message
    assert "there is no organisations/ folder in" in message
    assert "is not looked at" not in message
