"""``tbc`` on a key that may be left out: the check says so truthfully (docgen does not need
it) and offers both ways to put it right, filling it in or leaving the key out, with what
leaving it out means; a key docgen needs keeps "docgen needs it"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES_DIR

from docgen.cli import cli

HR = (EXAMPLES_DIR / "shared-head-of-hr.yaml").read_text()
START = "  start_date: 2027-04-01\n"
PAY = "  pay_range: [88000, 96000]\n"
POSTHOLDER = re.compile(r"^postholder:\n(?:  .*\n)+", re.MULTILINE)

CASES = {
    "end_date": (HR.replace(START, START + "  end_date: tbc\n"),
                 "leave end_date out for an open-ended arrangement"),
    "postholder": (POSTHOLDER.sub("postholder: tbc\n", HR),
                   "leave postholder out while recruiting"),
    "pay_range": (HR.replace(PAY, "  pay_range: tbc\n"), "leave pay_range out"),
    "premium_percent": (re.sub(r"(?m)^  premium_percent: .*$", "  premium_percent: tbc", HR),
                        "leave premium_percent out for the default, 0"),
    "trial_months": (re.sub(r"(?m)^  trial_months: .*$", "  trial_months: tbc", HR),
                     "leave trial_months out for no trial"),
}


def _check(tmp_path: Path, text: str) -> str:
    src = tmp_path / "post.yaml"
    src.write_text(text)
    result = CliRunner().invoke(cli, ["check", "--json", str(src)])
    assert result.exit_code == 1, result.output
    return result.output


@pytest.mark.parametrize("key", sorted(CASES))
def test_tbc_on_an_optional_key_offers_filling_in_or_leaving_out(tmp_path: Path,
                                                                  key: str) -> None:
    text, leave_out = CASES[key]
    assert "tbc" in text
    said = _check(tmp_path, text)
    assert "docgen needs it" not in said
    assert "(found 'tbc')" in said and "fill it in" in said
    assert leave_out in said


def test_tbc_on_a_key_docgen_needs_still_says_so(tmp_path: Path) -> None:
    said = _check(tmp_path, re.sub(r"(?m)^  salary: .*$", "  salary: tbc", HR))
    assert "docgen needs it to write the documents; fill it in" in said
    assert "leave salary out" not in said
