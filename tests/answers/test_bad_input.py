"""Each class of bad input: exit 1, the key and the line named, nothing written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES_DIR

from docgen.cli import cli

HR = (EXAMPLES_DIR / "shared-head-of-hr.yaml").read_text()


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


CASES = {
    # name: (old, new, key in message, what the message says, line containing)
    "shares": ("{eastwick: 60, westmere: 40}", "{eastwick: 60, westmere: 30}",
               "time_split.shares", "shares add up to 90%; they must add up to 100%",
               "  shares:"),
    "unknown_party": ("      - {party: westmere, role: Director of Resources}",
                      "      - {party: westmoor, role: Director of Resources}",
                      "governance.steering_group.members[1].party",
                      "'westmoor' is not a party id of this file; did you mean 'westmere'?",
                      "{party: westmoor"),
    "employer_not_party": ("employer: eastwick", "employer: northwick", "employer",
                           "'northwick' is not a party id", "employer:"),
    "unknown_key": ("  hr_lead: eastwick", "  hr_lead: eastwick\n  apprasial: joint",
                    "management.apprasial", "unknown key 'apprasial'; did you mean 'appraisal'?",
                    "apprasial"),
    "wrong_type": ("  salary: 92000", "  salary: ninety-two thousand", "payment.salary",
                   "write money as a number, e.g. 78000", "  salary:"),
    "missing_key": (", payment_days: 30}", "}", "payment.invoicing.payment_days",
                    "'payment_days' is required", "  invoicing:"),
    "unsafe_reference": ("reference: EWK-WSM-HR-01", "reference: ../../etc/passwd",
                         "reference", "must be a safe file name", "reference:"),
    "malformed_yaml": ("    eastwick: Chief Executive\n", "    eastwick: [Chief Executive\n",
                       "", "a list opened with '[' on this line is never closed", None),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_exits_1_naming_key_and_line(case: str, tmp_path: Path) -> None:
    old, new, key, says, line_text = CASES[case]
    assert old in HR
    text = HR.replace(old, new, 1)
    src = tmp_path / "post.yaml"
    src.write_text(text)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(src), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert says in result.output
    if line_text is not None:
        line = line_of(text, line_text)
        assert f"{src}:{line}: {key}:" in result.output, result.output
    else:
        assert re.search(rf"{re.escape(str(src))}:\d+:", result.output)
    assert not list(out.rglob("*.docx")), "no document may be written for a bad file"


def test_check_lists_all_errors_and_other_files_still_build(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(HR.replace("employer: eastwick", "employer: nobody")
                   .replace("{eastwick: 60, westmere: 40}", "{eastwick: 60, westmere: 30}"))
    good = tmp_path / "good.yaml"
    good.write_text(HR)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(bad), str(good), "--out", str(out)])
    assert result.exit_code == 1
    assert "'nobody' is not a party id" in result.output
    assert "shares add up to 90%" in result.output
    assert len(list((out / "EWK-WSM-HR-01").glob("*.docx"))) == 3
    assert "1 built, 0 unchanged, 1 failed" in result.output


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    result = CliRunner().invoke(cli, ["build", "--no-such-option"])
    assert result.exit_code == 2


def test_help_on_every_command() -> None:
    for args in (["--help"], ["build", "--help"], ["check", "--help"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0 and "Usage:" in result.output


def test_duplicate_key_is_an_error(tmp_path: Path) -> None:
    src = tmp_path / "dup.yaml"
    src.write_text(HR.replace("status: draft", "status: draft\nstatus: final"))
    result = CliRunner().invoke(cli, ["build", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"{src}:{line_of(src.read_text(), 'status: final')}: status:" in result.output
    assert "given twice" in result.output


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]\n"
    src = tmp_path / "bomb.yaml"
    src.write_text(bomb)
    result = CliRunner().invoke(cli, ["build", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "too many repeated aliases" in result.output


def test_many_plain_keys_are_refused_without_blaming_aliases(tmp_path: Path) -> None:
    """30,000 keys and no alias: too many values, but not 'too many repeated aliases'."""
    src = tmp_path / "many.yaml"
    src.write_text(HR + "".join(f"extra_{i}: {i}\n" for i in range(30_000)))
    result = CliRunner().invoke(cli, ["check", str(src)])
    assert result.exit_code == 1
    assert "the file has more than 50,000 keys and values" in result.output
    assert "alias" not in result.output


def test_extends_merges_base_beneath(tmp_path: Path) -> None:
    base = tmp_path / "_base.yaml"
    base.write_text(HR)
    child = tmp_path / "post2.yaml"
    child.write_text("extends: _base.yaml\nreference: EWK-WSM-HR-02\n"
                     "post:\n  title: Shared Head of Payroll\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    from docx_read import full_text

    text = full_text(out / "EWK-WSM-HR-02" / "EWK-WSM-HR-02-job-spec.docx")
    assert "Shared Head of Payroll" in text
    assert "London Borough of Eastwick" in text  # from the base
    assert not (out / "EWK-WSM-HR-01").exists()  # _base.yaml is not a post itself


def test_fixed_fee_must_name_every_paying_party(tmp_path: Path) -> None:
    legal = (EXAMPLES_DIR / "shared-legal-services-three-councils.yaml").read_text()
    text = legal.replace("  mechanism: time_fee", "  mechanism: fixed_fee").replace(
        "    rate: 520\n    per: day\n    weeks_per_year: 44",
        "    amounts: {brookfield: 30000}")
    src = tmp_path / "fee.yaml"
    src.write_text(text)
    result = CliRunner().invoke(cli, ["build", str(src), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "payment.fee.amounts: no fixed fee is given for coldharbour" in result.output
