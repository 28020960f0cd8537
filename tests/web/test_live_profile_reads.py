"""The interview's live check reads every partner's organisation profile in each of its
checks (docgen/web/checking.live, and up to 24 more in docgen/web/stand_aside for an answer
docgen refuses), so a profile unchanged on disk is parsed and validated once, not once a
check (docgen/answers/profile_files._VALID, by the file's name and its bytes' hash). Its
bytes are still read every time, so nothing stale is ever said: an edit shows at the very
next check, two edits of the same size in one tick of the file's time included (a memo by
file time and size would miss the second), and a profile's mistake is said in the same
words, file and line however often it is checked."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

pytest.importorskip("starlette")

import docgen  # noqa: E402
from docgen.answers import profile_files  # noqa: E402
from docgen.answers.profile_files import load_profile  # noqa: E402
from docgen.errors import AnswerFileError  # noqa: E402
from docgen.kept import Kept  # noqa: E402
from docgen.web.checking import live  # noqa: E402

INPUTS = Path(__file__).resolve().parents[2] / "inputs"
PROFILES = ("eastwick.yaml", "westmere.yaml")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace with the two example profiles (a new path: nothing of it read before)."""
    shutil.copytree(INPUTS / "organisations", tmp_path / "organisations")
    return tmp_path


def _post() -> dict[str, Any]:
    """The procurement example: its two parties given by id, taken from their profiles."""
    data: dict[str, Any] = yaml.safe_load(
        (INPUTS / "shared-head-of-procurement.yaml").read_text(encoding="utf-8"))
    return data


def _counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often a profile's bytes are read, and parsed and validated, from now on."""
    counts = {"read": 0, "parsed": 0}
    read, validated = profile_files.read_bounded, profile_files._validated

    def reading(path: Path, *args: Any, **kwargs: Any) -> bytes:
        counts["read"] += path.name in PROFILES
        return read(path, *args, **kwargs)

    def validating(path: Path, raw: bytes) -> Any:
        counts["parsed"] += 1
        return validated(path, raw)

    monkeypatch.setattr(profile_files, "read_bounded", reading)
    monkeypatch.setattr(profile_files, "_validated", validating)
    # a memo of its own: one left near full by an earlier test in this process would be
    # emptied by this test's second profile, which would then be parsed again
    monkeypatch.setattr(profile_files, "_VALID", Kept(profile_files.VALID_MAX))
    return counts


def test_live_checks_parse_an_unchanged_profile_once(monkeypatch: pytest.MonkeyPatch,
                                                     workspace: Path) -> None:
    """Hours refused (not a number): the page's check, its scaffolded check and the
    stand-in checks for the hours each read both profiles; two such pages (other answers,
    so no check is kept between them) parse each profile once in all."""
    counts = _counted(monkeypatch)
    for hours in ("lots", "many"):
        said = live({**_post(), "post": {**_post()["post"], "hours_per_week": hours}},
                    workspace=workspace)
        assert said.waiting and said.errors
    assert counts["read"] >= 4 * len(PROFILES)  # read at every check: never stale
    assert counts["parsed"] == len(PROFILES)


def _edited(path: Path, short_name: str, tick: os.stat_result | None = None) -> None:
    """The profile with ``short_name`` (as long as the example's), its file's time set back
    to ``tick``'s: an edit in the same tick of the clock, of the same size."""
    text = (INPUTS / "organisations" / path.name).read_text(encoding="utf-8")
    path.write_text(text.replace("short_name: Eastwick", f"short_name: {short_name}", 1),
                    encoding="utf-8")
    if tick is not None:
        os.utime(path, ns=(tick.st_atime_ns, tick.st_mtime_ns))


def test_two_edits_in_one_tick_of_the_same_size_both_show(workspace: Path) -> None:
    path = workspace / "organisations" / "eastwick.yaml"
    post = _post()
    _edited(path, "Alphabet")
    tick = path.stat()
    assert load_profile(path, workspace).data["short_name"] == "Alphabet"
    assert docgen.check(post, workspace=workspace).facts["parties"][0]["short_name"] == \
        "Alphabet"
    _edited(path, "Bravoxyz", tick)
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (tick.st_size, tick.st_mtime_ns)
    assert load_profile(path, workspace).data["short_name"] == "Bravoxyz"
    assert docgen.check(post, workspace=workspace).facts["parties"][0]["short_name"] == \
        "Bravoxyz"


def test_a_profiles_mistake_is_said_alike_each_check(monkeypatch: pytest.MonkeyPatch,
                                                     workspace: Path) -> None:
    """A mistake is never kept: each check parses the profile again and says the same."""
    path = workspace / "organisations" / "westmere.yaml"
    path.write_text(path.read_text("utf-8") + "not_a_key: 1\n", encoding="utf-8")
    counts = _counted(monkeypatch)
    said = []
    for _ in range(2):
        with pytest.raises(AnswerFileError) as raised:
            load_profile(path, workspace)
        said.append([(p.message, p.file, p.line, p.path) for p in raised.value.problems])
    assert said[0] == said[1] and "not_a_key" in said[0][0][0]
    assert said[0][0][1] == path and counts["parsed"] == 2
    reports = [docgen.check(_post(), workspace=workspace) for _ in range(2)]
    assert [(p.message, p.file, p.line) for p in reports[0].errors] == \
        [(p.message, p.file, p.line) for p in reports[1].errors]
    assert any("not_a_key" in p.message for p in reports[0].errors)
