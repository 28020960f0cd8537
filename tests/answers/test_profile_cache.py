"""A profile read before is not parsed and validated again (profile_files._VALID: the
interview's live check reads every partner's profile 3-5 times a page), and nothing of that
shows: a profile edited between two checks is read as edited, a mistake typed into it is
reported at once, what one reader does to its answers reaches no other, and what the profile
names on disk (its house style) is looked at on every read."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

import docgen
from docgen.answers import profile_files
from docgen.answers.profile_files import load_profile
from docgen.errors import AnswerFileError
from docgen.kept import Kept

ROOT = Path(__file__).resolve().parents[2]
INPUTS = ROOT / "inputs"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copytree(INPUTS / "organisations", tmp_path / "organisations")
    # the procurement post gives its parties by id: their profiles are read for it
    shutil.copy(INPUTS / "shared-head-of-procurement.yaml", tmp_path / "post.yaml")
    return tmp_path


def _key(path: Path) -> tuple[str, str]:
    return str(path), hashlib.sha256(path.read_bytes()).hexdigest()


def _eastwick(folder: Path) -> Path:
    return folder / "organisations" / "eastwick.yaml"


def test_a_second_read_is_kept_and_handed_out_as_a_copy(folder: Path) -> None:
    path = _eastwick(folder)
    first = load_profile(path, folder)
    assert _key(path) in profile_files._VALID
    first.data["name"] = "Changed by one reader"
    first.lines.clear()
    second = load_profile(path, folder)
    assert second.data["name"] != "Changed by one reader"
    assert second.lines and second.data == load_profile(path, folder).data


def test_an_edit_between_two_checks_is_read(folder: Path) -> None:
    path = _eastwick(folder)
    before = load_profile(path, folder)
    text = path.read_text("utf-8")
    assert before.data["name"] in text
    path.write_text(text.replace(before.data["name"], "The Borough of New Eastwick", 1),
                    encoding="utf-8")
    assert load_profile(path, folder).data["name"] == "The Borough of New Eastwick"


def test_a_mistake_typed_after_a_good_read_is_reported(folder: Path) -> None:
    path = _eastwick(folder)
    load_profile(path, folder)
    path.write_text(path.read_text("utf-8") + "not_a_key: 1\n", encoding="utf-8")
    with pytest.raises(AnswerFileError) as raised:
        load_profile(path, folder)
    assert "not_a_key" in str(raised.value)
    assert _key(path) not in profile_files._VALID  # a failure is never kept


def test_a_house_style_taken_away_is_seen_though_the_profile_is_unchanged(
        folder: Path) -> None:
    path = _eastwick(folder)
    path.write_text(path.read_text("utf-8") + "house_style: styles/eastwick.docx\n",
                    encoding="utf-8")
    profile = load_profile(path, folder)
    assert profile.house_style is not None and profile.house_style.is_file()
    style = folder / "organisations" / "styles" / "eastwick.docx"
    outside = folder.parent / f"{folder.name}-outside.docx"
    shutil.move(style, outside)
    style.symlink_to(outside)  # now leads outside the workspace; the profile's bytes are same
    with pytest.raises(AnswerFileError) as raised:
        load_profile(path, folder)
    assert "outside" in str(raised.value)


def test_a_large_profile_is_read_but_not_kept(folder: Path) -> None:
    path = _eastwick(folder)
    path.write_text(path.read_text("utf-8") + "# " + "x" * profile_files.KEPT_BYTES + "\n",
                    encoding="utf-8")
    assert load_profile(path, folder).data["short_name"] == "Eastwick"
    assert _key(path) not in profile_files._VALID


def test_the_check_a_post_gets_follows_its_profiles_edits(folder: Path) -> None:
    post = folder / "post.yaml"
    assert docgen.check(post).ok
    path = _eastwick(folder)
    path.write_text(path.read_text("utf-8") + "not_a_key: 1\n", encoding="utf-8")
    assert not docgen.check(post).ok


def test_a_full_memo_lets_go_of_the_least_recently_used_alone(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A server with more profiles than the memo holds keeps the ones in use: the least
    recently used goes, not every profile at once (then each was parsed again)."""
    monkeypatch.setattr(profile_files, "_VALID", Kept(2))
    profiles = folder / "organisations"
    extra = profiles / "third.yaml"
    shutil.copy(_eastwick(folder), extra)
    east, west = _eastwick(folder), profiles / "westmere.yaml"
    for path in (east, west, east):  # westmere is now the least recently used
        load_profile(path, folder)
    load_profile(extra, folder)
    assert _key(east) in profile_files._VALID and _key(extra) in profile_files._VALID
    assert _key(west) not in profile_files._VALID
