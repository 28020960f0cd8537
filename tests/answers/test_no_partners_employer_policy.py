"""A post that names its employer but no partners yet takes no profile: the employer's
policy reaches a post through the employer named among its partners. ``docgen check`` told
such a post to write what that policy gives (the confidentiality, the conflicts of
interest), beside the partners it must name; a workbook row with an empty Partners cell was
told only what it must write once they are named. Every door now says the second: what the
employer's profile gives is known, and its "missing" errors are not said (a reviewer's find)."""

from __future__ import annotations

import shutil
from pathlib import Path

import docgen

HERE = Path(__file__).resolve().parent
PROFILES = HERE.parent / "web" / "data" / "organisations"
HALF = """docgen: 1
reference: HALF-01
employer: {employer}
post:
  title: Shared Head of Culture
"""


def _keys(folder: Path, employer: str) -> set[str]:
    post = folder / "half.yaml"
    post.write_text(HALF.format(employer=employer), encoding="utf-8")
    return {p.key for p in docgen.check(post).errors}


def test_what_the_employers_profile_gives_is_not_asked_for(tmp_path: Path) -> None:
    shutil.copytree(PROFILES, tmp_path / "ws" / "organisations")
    keys = _keys(tmp_path / "ws", "eastwick")
    assert "parties" in keys  # still to be named
    assert not keys & {"confidentiality", "conflicts_of_interest"}, keys  # the profile's
    assert {"post.purpose", "payment", "job"} <= keys  # what no profile gives


def test_without_a_profile_for_the_employer_everything_is_asked_for(tmp_path: Path) -> None:
    shutil.copytree(PROFILES, tmp_path / "ws" / "organisations")
    assert {"parties", "confidentiality", "conflicts_of_interest"} <= _keys(tmp_path / "ws",
                                                                          "nobody")
    (tmp_path / "bare").mkdir()  # no organisations/ folder here or above
    assert {"confidentiality", "conflicts_of_interest"} <= _keys(tmp_path / "bare", "eastwick")
