"""One mistake gives one error, which says how to put it right: a misspelt key is not also
reported as a missing key, an employer that is no party does not set off the checks that
depend on the employer, and a number written in quotes is told to lose its quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen

ROOT = Path(__file__).resolve().parents[2]
HR = (ROOT / "inputs" / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
DPH = (ROOT / "inputs" / "joint-director-public-health.yaml").read_text(encoding="utf-8")


def _errors(tmp_path: Path, text: str) -> list[tuple[str, int | None, str]]:
    """Each error of the answer file ``text`` as (key, line, message)."""
    post = tmp_path / "post.yaml"
    post.write_text(text, encoding="utf-8")
    return [(p.key, p.line, p.message) for p in docgen.check(post).errors]


def _line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize("old, new, key, message", [
    ("  salary: 92000", "  salry: 92000", "payment.salry",
     "unknown key 'salry'; did you mean 'salary'?"),
    ("\npost:\n", "\npots:\n", "pots", "unknown key 'pots'; did you mean 'post'?"),
])
def test_a_misspelt_required_key_is_one_error_at_its_line(
        tmp_path: Path, old: str, new: str, key: str, message: str) -> None:
    assert old in HR
    text = HR.replace(old, new, 1)
    assert _errors(tmp_path, text) == [(key, _line(text, new.strip()), message)]


def test_a_misspelt_key_of_a_profile_is_one_error(workspace: Path) -> None:
    profile = workspace / "organisations" / "westmere.yaml"
    text = profile.read_text(encoding="utf-8").replace("short_name:", "short_nme:", 1)
    profile.write_text(text, encoding="utf-8")
    [problem] = docgen.check(workspace / "post.yaml").errors
    assert (problem.key, problem.line, problem.message) == (
        "short_nme", _line(text, "short_nme:"),
        "unknown key 'short_nme' in an organisation profile; did you mean 'short_name'?")


def test_a_missing_key_beside_an_unrelated_unknown_key_is_still_reported(
        tmp_path: Path) -> None:
    text = HR.replace("  salary: 92000", "  wage: 92000", 1)
    messages = [m for _, _, m in _errors(tmp_path, text)]
    assert any(m.startswith("'salary' is required here but missing") for m in messages)
    assert any(m.startswith("unknown key 'wage'") for m in messages)


def test_an_employer_that_is_no_party_is_one_error(tmp_path: Path) -> None:
    assert "employer: council\n" in DPH and "fixed_fee" in DPH
    text = DPH.replace("employer: council\n", "employer: counsil\n", 1)
    assert _errors(tmp_path, text) == [
        ("employer", _line(text, "employer: counsil"),
         "'counsil' is not a party id of this file; did you mean 'council'?")]


def test_a_fixed_fee_left_out_for_a_party_is_still_reported(tmp_path: Path) -> None:
    """The check still runs when the employer is a party: icb employing, council owes a fee."""
    assert "amounts: {icb: 52000}" in DPH
    [(key, _, message)] = _errors(tmp_path, DPH.replace("employer: council\n",
                                                        "employer: icb\n", 1))
    assert key == "payment.fee.amounts"
    assert message.startswith("no fixed fee is given for council; every party other than "
                              "the employer needs an amount")


def test_the_format_number_in_quotes_is_told_to_lose_them(tmp_path: Path) -> None:
    text = HR.replace("docgen: 1\n", "docgen: '1'\n", 1)
    assert _errors(tmp_path, text) == [
        ("docgen", 3, "must be the number 1, written without quotes (found '1'); write it as "
                      "docgen: 1")]
