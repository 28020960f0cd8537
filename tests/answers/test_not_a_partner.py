"""An id that names an organisation known elsewhere (a profile of the workspace) but not a
partner of this post is said to be no partner of this post, with the partners; it is not
'not a party id', with an unrelated did-you-mean."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import docgen
from tests.answers.test_profiles import hr_by_id, workspace


def _messages(tmp_path: Path, old: str, new: str) -> list[tuple[str, str]]:
    ws = workspace(tmp_path)
    shutil.copy(ws / "organisations" / "eastwick.yaml", ws / "organisations" / "belfast.yaml")
    text = hr_by_id()
    assert old in text
    post = ws / "post.yaml"
    post.write_text(text.replace(old, new), encoding="utf-8")
    return [(p.message, p.code) for p in docgen.check(post).errors]


def test_an_organisation_known_elsewhere_is_said_to_be_no_partner(tmp_path: Path) -> None:
    found = _messages(tmp_path, "postholder_reverts_to: eastwick",
                      "postholder_reverts_to: belfast")
    assert found == [("'belfast' is not one of this post's partners (eastwick, westmere)",
                      "not_a_party")]


@pytest.mark.parametrize(("value", "said"), [
    ("westmoor", "'westmoor' is not a party id of this file; did you mean 'westmere'?"),
    ("nobody", "'nobody' is not a party id of this file; the parties are: eastwick, westmere"),
])
def test_an_unknown_id_keeps_its_close_suggestion(tmp_path: Path, value: str,
                                                  said: str) -> None:
    found = _messages(tmp_path, "postholder_reverts_to: eastwick",
                      f"postholder_reverts_to: {value}")
    assert found == [(said, "not_a_party")]
