"""``tbc`` on a key of an answer file that ``extends`` a base giving that key: leaving the key
out takes the base's value, so the check says that (the value, the base file and its line),
not what the model says a key left out means ("for an open-ended arrangement"), which is
untrue there; and a key docgen needs is offered that way out too. A base that does not give
the key keeps the model's words. (The workbook's cells say the same of a row's Base file:
tests/intake/test_blank_takes_the_base.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES_DIR

import docgen
from docgen.errors import NOT_KNOWN_OPTIONAL

HR = (EXAMPLES_DIR / "shared-head-of-hr.yaml").read_text()
START = "  start_date: 2027-04-01\n"


def _problem(tmp_path: Path, base: str, key: str) -> docgen.Problem:
    (tmp_path / "base.yaml").write_text(base)
    post = tmp_path / "post.yaml"
    post.write_text(f"docgen: 1\nextends: base.yaml\nreference: EXT-01\npost:\n  {key}: tbc\n")
    [problem] = [p for p in docgen.check(post).errors if p.path == ("post", key)]
    return problem


def _line(text: str, starts: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(starts))


def test_an_end_date_the_base_gives_is_taken_when_left_out(tmp_path: Path) -> None:
    base = HR.replace(START, START + "  end_date: 2029-03-31\n")
    p = _problem(tmp_path, base, "end_date")
    assert p.file == tmp_path / "post.yaml" and p.line == 5
    assert p.message.endswith(
        f"fill it in, e.g. end_date: 2029-03-31, or leave end_date out to take 2029-03-31 "
        f"from its base file, base.yaml (line {_line(base, '  end_date:')})")
    assert "open-ended" not in p.message
    assert p.code == NOT_KNOWN_OPTIONAL


def test_a_key_docgen_needs_is_offered_the_bases_value(tmp_path: Path) -> None:
    p = _problem(tmp_path, HR, "hours_per_week")
    assert f"or leave hours_per_week out to take 37 from its base file, base.yaml (line " \
           f"{_line(HR, '  hours_per_week:')})" in p.message
    assert "docgen needs it" not in p.message
    assert p.code == NOT_KNOWN_OPTIONAL


@pytest.mark.parametrize("key, said", [
    ("end_date", "or leave end_date out for an open-ended arrangement"),
    ("hours_per_week", "but docgen needs it to write the documents; fill it in")])
def test_a_base_not_giving_the_key_keeps_the_models_words(tmp_path: Path, key: str,
                                                          said: str) -> None:
    base = "".join(line for line in HR.splitlines(keepends=True)
                   if not line.startswith(f"  {key}:"))
    assert said in _problem(tmp_path, base, key).message


def test_a_whole_section_the_base_gives_is_its_value(tmp_path: Path) -> None:
    """(a reviewer's find: a section written tbc printed the base's whole payment, some 700
    characters, as what leaving it out takes)"""
    (tmp_path / "base.yaml").write_text(HR)
    post = tmp_path / "post.yaml"
    post.write_text("docgen: 1\nextends: base.yaml\nreference: EXT-01\npayment: tbc\n")
    [p] = [p for p in docgen.check(post).errors if p.path == ("payment",)]
    assert p.message.endswith(f"or leave payment out to take its value from its base file, "
                              f"base.yaml (line {_line(HR, 'payment:')})")


def test_an_answer_the_employers_policy_gives_is_taken_when_left_out(workspace: Path) -> None:
    """The same where the employer's organisation profile gives the answer in its policy:
    the post writes it (tbc), so the policy's value is not taken; leaving it out takes it (a
    reviewer's find: the workbook said so, the answer file only 'docgen needs it')."""
    post = workspace / "post.yaml"
    post.write_text(post.read_text() + "confidentiality:\n  foi_consultation_days: tbc\n")
    profile = (workspace / "organisations" / "eastwick.yaml").read_text()
    [p] = [p for p in docgen.check(post).errors
           if p.path == ("confidentiality", "foi_consultation_days")]
    assert p.message.endswith(
        "fill it in, e.g. foi_consultation_days: 5, or leave foi_consultation_days out to "
        "take 5 from eastwick's profile, organisations/eastwick.yaml (line "
        f"{_line(profile, '    foi_consultation_days:')})")
    assert p.code == NOT_KNOWN_OPTIONAL
