""""Final" in the interview with a value not known yet: docgen's check stops before its rules,
so the interview counts the warnings from a check with a stand-in for the value (or the
answers as a draft). A clause overlay's condition (``when``) evaluated on the stand-in may
leave its clause out (``not_used``) where the real value takes it: "Final" then looked
reachable once the value was given, and was refused again for the overlay. Checked with
stand-ins, an out-of-date overlay is counted as used."""

from __future__ import annotations

from pathlib import Path

import pytest
from yaml_text import load_yaml

pytest.importorskip("starlette")

from docgen.web.guards import final_open  # noqa: E402
from tests.publish.overlay_posts import HR, welsh_overlay  # noqa: E402

GRADE = "Chief Officer Grade 3"


def _open(folder: Path, grade: str) -> list[str | None]:
    """The rules of the warnings "Final" counts for the HR post (status final) whose clause
    folder has an out-of-date Welsh language overlay taken for its grade alone."""
    text = HR.read_text("utf-8")
    assert f"grade: {GRADE}\n" in text and "\nstatus: draft\n" in text
    plain = load_yaml(text.replace("\nstatus: draft\n", "\nstatus: final\n", 1)
                      .replace(f"grade: {GRADE}\n", f"grade: {grade}\n", 1)
                      + "clauses: [overlay]\n")
    return [w.rule for w in final_open(plain, folder).warnings]


def test_an_overlay_is_counted_while_a_value_its_condition_reads_is_not_known(
        tmp_path: Path) -> None:
    welsh_overlay(tmp_path / "overlay", f"a.post.grade == '{GRADE}'")
    assert _open(tmp_path, GRADE) == ["OVERLAY"]  # taken, given the grade
    assert _open(tmp_path, "tbc") == ["OVERLAY"]  # not left out on a stand-in's strength


def test_with_every_value_given_an_overlay_not_used_is_not_counted(tmp_path: Path) -> None:
    welsh_overlay(tmp_path / "overlay")  # a.jurisdiction == 'wales': false for this post
    assert _open(tmp_path, GRADE) == []
