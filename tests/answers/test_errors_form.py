"""Errors show the right form, with an example and the file's own party ids; no
validation-library wording; YAML syntax errors point at the line at fault."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES_DIR, problems_of

from docgen.cli import cli

HR = (EXAMPLES_DIR / "shared-head-of-hr.yaml").read_text()
ON_COSTS = ("  on_costs:\n    - {name: Employer pension contribution (LGPS), percent: 19.8}\n"
            "    - {name: Employer National Insurance, percent: 13.9}")

CASES = {
    # name: (old, new, key, the whole message)
    "date": ("start_date: 2027-04-01", "start_date: 01/04/2027", "post.start_date",
             "write dates as 2027-04-01 (year-month-day) (found '01/04/2027')"),
    "money": ("salary: 92000", "salary: £92,000", "payment.salary",
              "write money as a number, e.g. 78000 (no £ sign or commas) (found '£92,000')"),
    # a dot between thousands: the workbook's and the interview's hint, at the command line
    "money_dot_thousands": ("salary: 92000", "salary: £92.000", "payment.salary",
                            "write money as a number, e.g. 78000 (no £ sign or commas) "
                            "(found '£92.000'); a dot marks pence, never thousands: for "
                            "£92,000 write 92000"),
    "on_costs": (ON_COSTS, "  on_costs: 28%", "payment.on_costs",
                 "must be a list (found '28%'); write it as on_costs: [{name: Employer "
                 "National Insurance, percent: 15, above: 5000}]"),
    "shares": ("shares: {eastwick: 60, westmere: 40}", "shares: 50/50", "time_split.shares",
               "must map each party id to a value (found '50/50'); write it as "
               "shares: {eastwick: 50, westmere: 50}"),
    "employer": ("employer: eastwick", "employer: Eastwick", "employer",
                 "must be the id of one of the parties: eastwick, westmere (found 'Eastwick')"),
    "boolean": ("politically_restricted: true", "politically_restricted: maybe",
                "post.politically_restricted", "write true or false (found 'maybe')"),
    "mapping": ("signatory: {name: Priya Shah, title: Chief Executive}",
                "signatory: Priya Shah", "parties[0].signatory",
                "must be a mapping of keys to values (found 'Priya Shah'); write it as "
                "signatory: {name: Priya Shah, title: Chief Executive}"),
    "line_managers": ("line_managers:\n    eastwick: Chief Executive\n"
                      "    westmere: Director of Resources",
                      "line_managers: Chief Executive", "management.line_managers",
                      "must map each party id to a value (found 'Chief Executive'); write it "
                      "as line_managers: {eastwick: Chief Executive, westmere: Director of "
                      "Resources}"),
    "whole_number": ("notice_months: 6", "notice_months: six", "exit.notice_months",
                     "must be a whole number (found 'six'); write it as notice_months: 6"),
    "postholder_date": ("consulted_on: 2027-01-18", "consulted_on: 18 Jan 2027",
                        "postholder.consulted_on", "write dates as 2027-04-01 "
                        "(year-month-day) (or tbc while not known) (found '18 Jan 2027')"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_shape_errors_show_the_right_form(case: str) -> None:
    old, new, key, message = CASES[case]
    assert old in HR
    problems = problems_of(HR.replace(old, new))
    assert [(p.key, p.message) for p in problems] == [(key, message)]
    assert problems[0].line == HR[:HR.index(old)].count("\n") + 1


def test_missing_key_says_what_it_means_and_shows_an_example() -> None:
    problems = problems_of(HR.replace("  appraisal: joint\n", ""))
    assert [p.key for p in problems] == ["management.appraisal"]
    message = problems[0].message
    assert "'appraisal' is required here but missing" in message
    assert "hr_lead (the HR lead appraises" in message  # what it means
    assert "e.g. appraisal: joint" in message
    assert "SPEC.md" not in message


def test_no_validation_library_wording_anywhere(tmp_path: Path) -> None:
    text = HR
    for old, new, _, _ in CASES.values():
        text = text.replace(old, new)
    src = tmp_path / "post.yaml"
    src.write_text(text)
    result = CliRunner().invoke(cli, ["check", str(src)])
    assert result.exit_code == 1
    for leak in ("valid dictionary", "valid list", "valid date", "valid decimal",
                 "valid boolean", "Input should", "instance of", "invalid character in year",
                 "Traceback"):
        assert leak not in result.output, leak
    assert result.output.count("error ") >= len(CASES) - 1  # every mistake reported at once


@pytest.mark.parametrize("old, new", [
    ("  title: Shared Head of Human Resources\n", "  title Shared Head of Human Resources\n"),
    ("  purpose: >-", "  purpose >-"),
    ("employer: eastwick", "employer eastwick"),
    ("    eastwick: Chief Executive\n", "    eastwick Chief Executive\n"),
])
def test_missing_colon_is_reported_on_its_own_line(old: str, new: str) -> None:
    assert old in HR
    problems = problems_of(HR.replace(old, new))
    assert len(problems) == 1
    assert problems[0].line == HR[:HR.index(old)].count("\n") + 1
    key = new.split()[0]
    assert "there is no ':' after the key on this line" in problems[0].message
    assert f"write it as {key}:" in problems[0].message


@pytest.mark.parametrize("old, new", [
    ("  title: Shared Head of Human Resources\n", '  title: "Shared Head of Human Resources\n'),
    ("  grade: Chief Officer Grade 3\n", "  grade: 'Chief Officer Grade 3\n"),
])
def test_a_quote_never_closed_is_reported_where_it_opened(old: str, new: str) -> None:
    """Audit: YAML read on to the next quote in the file and failed there, lines later."""
    assert old in HR
    [problem] = problems_of(HR.replace(old, new, 1))
    line = HR[:HR.index(old)].count("\n") + 1
    assert problem.line == line
    assert problem.message.startswith(f"a quoted value that starts on line {line} is never "
                                      "closed"), problem.message


@pytest.mark.parametrize("char, named", [("\0", "a NUL character"),
                                         ("\x07", "a control character (U+0007)")])
def test_a_control_character_is_reported_at_its_line_in_words(char: str, named: str) -> None:
    """Audit: a NUL gave no line, and 'in "<unicode string>", position 2000'."""
    old = "  grade: Chief Officer Grade 3\n"
    [problem] = problems_of(HR.replace(old, f"  grade: Chief Officer{char} Grade 3\n", 1))
    assert problem.line == HR[:HR.index(old)].count("\n") + 1
    assert problem.message.startswith(f"the file holds {named}, which is not text; remove it")
    assert "position" not in problem.message and "<unicode" not in problem.message


def test_money_written_as_a_power_of_ten_is_refused() -> None:
    """``salary: 1e5`` (a string to YAML, which Decimal reads as 100000) was a salary of
    £100,000 without a word, where the workbook and the interview refuse "1e5"."""
    problems = problems_of(HR.replace("salary: 92000", "salary: 1e5"))
    assert [(p.key, p.message) for p in problems] == [
        ("payment.salary", "is written as a power of ten (1E+5); write money in figures, "
                           "e.g. 100000")]
