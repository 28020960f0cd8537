"""Each fact has one home: the answer and profile endings (``answers/answer_names.py``,
``answers/organisation.PROFILE_SUFFIXES``), a party id's length (``answers/party_ids``) and
what a statutory power reaches (``answers/powers.STATUTE_REACH``). The workbook's rows, the
profile starter, the profile-id check and the "known elsewhere" list wrote their own
copies (tests/publish/test_answer_file_names.py holds every module to the endings' home);
the last listed files the loader never reads as a profile. One rule
(``organisation.is_profile_name``) for both: ``<id>.yaml`` or ``.yml`` as written, as a
profile is found by its id's own file name."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import docgen
from docgen.answers.organisation import is_profile_name
from docgen.answers.party_ids import ID_MAX_LENGTH, is_party_id
from docgen.answers.profile_files import profile_files
from tests.answers.test_profiles import hr_by_id, workspace

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("name", "known"), [
    ("belfast.yaml", True), ("belfast.yml", True),
    # what the loader never reads as belfast's profile is not an organisation known here
    ("belfast.YAML", False), ("_belfast.yaml", False), (".belfast.yaml", False)])
def test_an_organisation_known_elsewhere_is_one_the_loader_reads(
        tmp_path: Path, name: str, known: bool) -> None:
    ws = workspace(tmp_path)
    shutil.copy(ws / "organisations" / "eastwick.yaml", ws / "organisations" / name)
    post = ws / "post.yaml"
    post.write_text(hr_by_id().replace("postholder_reverts_to: eastwick",
                                       "postholder_reverts_to: belfast"), encoding="utf-8")
    said = [p.message for p in docgen.check(post).errors]
    assert (said == ["'belfast' is not one of this post's partners (eastwick, westmere)"]) \
        is known, said
    assert (is_profile_name(name) and name in [p.name for p in profile_files(ws)]) is known


def test_a_party_id_is_at_most_the_one_length() -> None:
    assert is_party_id("a" * ID_MAX_LENGTH) and not is_party_id("a" * (ID_MAX_LENGTH + 1))
    assert not is_party_id("eastwick\n") and not is_party_id("Eastwick")


def test_no_module_spells_the_id_length_itself() -> None:
    for path in sorted((ROOT / "docgen").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"len\(pid\) *[<>]=? *40|pid\[:40\]", text), path


def test_comments_point_to_the_homes_of_today() -> None:
    legal = (ROOT / "docgen" / "rulebook" / "legal.py").read_text(encoding="utf-8")
    assert "facts/legal.STATUTE_REACH" not in legal
    interview = (ROOT / "docgen" / "api" / "interview.py").read_text(encoding="utf-8")
    assert "ANSWER_SUFFIXES as ANSWER_SUFFIXES  # web/drafts.py" not in interview
