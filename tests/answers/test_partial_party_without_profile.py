"""A party written out in part (a key left blank or out) whose id has no organisation
profile: its error is about its own missing key, with or without an ``organisations/``
folder beside the post. It was "there is no organisation profile for 'icb' ... add
organisations/icb.yaml" whenever the folder existed, as if the party were meant to come
from a profile, though it is written out and only its ``kind`` is missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import docgen

ROOT = Path(__file__).resolve().parents[2]
DPH = ROOT / "inputs" / "joint-director-public-health.yaml"
KIND = "    kind: nhs_body\n"


def _post(folder: Path, profiles: bool) -> Path:
    """The public-health example with the ICB's ``kind`` left out, in ``folder``, beside the
    example profiles (eastwick, westmere: none for icb) when ``profiles``."""
    text = DPH.read_text(encoding="utf-8")
    assert text.count(KIND) == 1
    folder.mkdir()
    if profiles:
        shutil.copytree(ROOT / "inputs" / "organisations", folder / "organisations")
    post = folder / "post.yaml"
    post.write_text(text.replace(KIND, ""), encoding="utf-8")
    return post


@pytest.mark.parametrize("profiles", [True, False], ids=["organisations folder", "none"])
def test_a_party_short_of_a_key_is_told_the_key(tmp_path: Path, profiles: bool) -> None:
    post = _post(tmp_path / "project", profiles)
    errors = docgen.check(post).errors
    assert [p.key for p in errors] == ["parties[1].kind"], [str(p) for p in errors]
    [error] = errors
    assert error.message.startswith("'kind' is required here but missing"), error.message
    assert "e.g. kind: local_authority" in error.message
    assert (error.file.name, error.line) == ("post.yaml", 29)
    assert "organisation profile" not in error.message


def test_a_party_with_a_wrong_kind_is_told_the_kind(tmp_path: Path) -> None:
    """A wrong value (``kind: council``) is its own error beside the profiles too."""
    post = _post(tmp_path / "project", True)
    post.write_text(DPH.read_text(encoding="utf-8").replace(KIND, "    kind: council\n"),
                    encoding="utf-8")
    [error] = docgen.check(post).errors
    assert error.key == "parties[1].kind" and "council" in error.message


def test_a_party_by_id_alone_is_still_told_there_is_no_profile(tmp_path: Path) -> None:
    """Given by its id alone (``- id: icb``), the party is meant to come from a profile: the
    missing profile stays the error."""
    post = _post(tmp_path / "project", True)
    text = DPH.read_text(encoding="utf-8")
    start = text.index("  - id: icb\n")
    end = text.index("\n\n", start)
    post.write_text(text[:start] + "  - id: icb" + text[end:], encoding="utf-8")
    [error] = docgen.check(post).errors
    assert error.key == "parties[1]"
    assert error.message.startswith("there is no organisation profile for 'icb'")


def test_a_partly_written_party_with_a_broken_profile_is_told_so(tmp_path: Path) -> None:
    """A profile that exists for the id is still read (and its mistakes said)."""
    post = _post(tmp_path / "project", True)
    (post.parent / "organisations" / "icb.yaml").write_text(
        "docgen_organisation: 1\nname: NHS Northbridge and Vale Integrated Care Board\n",
        encoding="utf-8")
    errors = docgen.check(post).errors
    assert errors and all(p.file is not None and p.file.name == "icb.yaml" for p in errors), \
        [str(p) for p in errors]


def test_a_partly_written_party_a_letter_from_a_profile_is_asked_did_you_mean(
        tmp_path: Path) -> None:
    """``{id: eastwik, kind: local_authority}`` beside the profile eastwick.yaml: a typo for
    the profile's id, not a new party. It was told its five missing keys (and more of the
    employer's policy), never that eastwick's profile is there."""
    folder = tmp_path / "project"
    shutil.copytree(ROOT / "inputs", folder)
    post = folder / "shared-head-of-procurement.yaml"
    text = post.read_text(encoding="utf-8")
    written = "parties: [eastwick, westmere]\n"
    assert text.count(written) == 1
    post.write_text(text.replace(written, "parties: [{id: eastwik, kind: local_authority}, "
                                 "westmere]\n"), encoding="utf-8")
    [error] = docgen.check(post).errors
    assert error.key == "parties[0]" and error.line == text[:text.index(written)].count(
        "\n") + 1
    assert "did you mean 'eastwick'?" in error.message, error.message
