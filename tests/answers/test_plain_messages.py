"""Shape errors in the words of the person who wrote the file: values shown as written
(2027-04-01, 92000.555, nothing), never a Python repr (``Decimal('1.5')``, ``None``) or a
validator's wording ("String should have at least 1 character"); suggestions that are
right if followed (found by a bad-input audit)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES_DIR, problems_of

from docgen.cli import cli

ACK = "  - rule: GP014\n"
HR = ((EXAMPLES_DIR / "shared-head-of-hr.yaml").read_text()
      + f"acknowledge:\n{ACK}    reason: Our VAT adviser agreed on 1 March 2027.\n")

CASES = {
    # name: (old, new, [(key, the whole message)])
    "empty_text": ("  name: Morgan Ellis", "  name:", [(
        "postholder.name", "must not be empty; fill it in, e.g. name: Morgan Ellis (or tbc "
        "while not known), or leave the key out")]),
    "empty_party_ref": ("employer: eastwick", "employer:", [(
        "employer", "must not be empty; fill it in, e.g. employer: eastwick")]),
    "empty_quoted": ("  grade: Chief Officer Grade 3", "  grade: ''", [
        ("post.grade", "must not be empty")]),
    "too_long": ("  grade: Chief Officer Grade 3", "  grade: " + "x" * 20_001, [(
        "post.grade", "must be at most 20,000 characters long (this one has 20,001)")]),
    "date_with_time": ("start_date: 2027-04-01", "start_date: 2027-04-01T09:00:00", [(
        "post.start_date", "write the date without a time, as start_date: 2027-04-01 "
        "(found 2027-04-01T09:00:00)")]),
    "tbc_date_with_time": ("consulted_on: 2027-01-18", "consulted_on: 2027-01-18T10:00:00", [(
        "postholder.consulted_on", "write the date without a time, as consulted_on: "
        "2027-01-18 (found 2027-01-18T10:00:00)")]),
    "date_as_text": ("  grade: Chief Officer Grade 3", "  grade: 2027-01-01", [(
        "post.grade", 'must be text (found 2027-01-01), which YAML reads as a date; put it '
        'in quotes: grade: "2027-01-01"')]),
    "yes_no_as_text": ("  grade: Chief Officer Grade 3", "  grade: no", [(
        "post.grade", "must be text, not a yes/no answer (YAML reads an unquoted yes, no, on, "
        "off, true or false as one); put the text in quotes")]),
    "pence": ("salary: 92000", "salary: 92000.555", [(
        "payment.salary", "has more than 2 decimal places (found 92000.555); round it to "
        "pence, for example 92000.56")]),
    "negative_percent": ("percent: 19.8}", "percent: -19.8}", [(
        "payment.on_costs[0].percent", "must be from 0 to 100 (found -19.8); for example "
        "percent: 15")]),
    # a range error names the whole range (an excluded bound as "more than") and an example
    "zero_hours": ("hours_per_week: 37", "hours_per_week: 0", [(
        "post.hours_per_week", "must be more than 0 and at most 80 (found 0); for example "
        "hours_per_week: 37")]),
    "zero_notice": ("notice_months: 6", "notice_months: 0", [(
        "exit.notice_months", "must be from 1 to 600 (found 0); for example notice_months: 6")]),
    "huge_salary": ("salary: 92000", "salary: 200000000", [(
        "payment.salary", "must be more than 0 and at most 100,000,000 (found 200000000); "
        "for example salary: 92000")]),
    "share_over_100": ("shares: {eastwick: 60, westmere: 40}",
                       "shares: {eastwick: 160, westmere: 40}", [(
        "time_split.shares.eastwick", "must be from 0 to 100 (found 160); for example "
        "eastwick: 50")]),
    "whole_number": ("notice_months: 6", "notice_months: 6.5", [(
        "exit.notice_months", "must be a whole number (found 6.5); write it as "
        "notice_months: 6")]),
    "pay_range_one": ("pay_range: [88000, 96000]", "pay_range: [88000]", [(
        "post.pay_range", "give two amounts, the bottom and top of the range, for example "
        "pay_range: [88000, 96000]")]),
    "pay_range_three": ("pay_range: [88000, 96000]", "pay_range: [88000, 96000, 99000]", [(
        "post.pay_range", "give two amounts, the bottom and top of the range, for example "
        "pay_range: [88000, 96000]")]),
    "rule_in_lower_case": (ACK, "  - rule: gp014\n", [(
        "acknowledge[0].rule", "must be a rule id as docgen rules lists it: capital letters "
        "then digits, such as GP014 (found 'gp014'); write it as rule: GP014")]),
    "percent_signs": ("shares: {eastwick: 60, westmere: 40}",
                      "shares: {eastwick: 60%, westmere: 40%}", [
        ("time_split.shares.eastwick", "must be a number (found '60%'); write it as "
         "eastwick: 60"),
        ("time_split.shares.westmere", "must be a number (found '40%'); write it as "
         "westmere: 40")]),
    "share_in_words": ("shares: {eastwick: 60, westmere: 40}",
                       "shares: {eastwick: 60, westmere: forty}", [
        ("time_split.shares.westmere", "must be a number (found 'forty'); write it as "
         "westmere: 50")]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_messages_are_plain_and_show_values_as_written(case: str) -> None:
    old, new, expected = CASES[case]
    assert old in HR
    problems = problems_of(HR.replace(old, new, 1))
    assert [(p.key, p.message) for p in problems] == expected


def test_no_python_repr_or_validator_wording_reaches_the_command_line(tmp_path: Path) -> None:
    for i, (old, new, _) in enumerate(CASES.values()):
        (tmp_path / f"post{i}.yaml").write_text(HR.replace(old, new, 1))
    result = CliRunner().invoke(cli, ["check", *map(str, sorted(tmp_path.glob("*.yaml")))])
    assert result.exit_code == 1
    for leak in ("Decimal(", "datetime.", "None)", "True)", "String should", "should have",
                 "after validation", "Input should", "valid string", "[1]: '1' is required",
                 "short id in lower case"):
        assert leak not in result.output, leak


def test_starter_file_suggests_shares_that_add_up(tmp_path: Path) -> None:
    """``docgen new`` leaves the shares tbc; the suggestion for each must not add up to more
    than the whole (it said party_a: 60 and party_b: 60)."""
    post = tmp_path / "post.yaml"
    assert CliRunner().invoke(cli, ["new", str(post)], input="\n" * 20).exit_code == 0
    problems = {p.key: p.message for p in problems_of(post.read_text())}
    shares = {k: m for k, m in problems.items() if k.startswith("time_split.shares.")}
    assert len(shares) == 2, problems
    suggested = [int(m.rsplit(": ", 1)[1]) for m in shares.values()]
    assert sum(suggested) == 100, shares
