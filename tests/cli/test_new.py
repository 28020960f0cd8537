"""``docgen new``: a starter answer file with every key explained, that docgen accepts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx_read import full_text
from yaml_text import load_yaml

from docgen.answers.schema import SCHEMA_FILE
from docgen.cli import cli
from docgen.cli.new import EXAMPLES
from docgen.resources import BUILTIN_EXAMPLES

KEY_LINE = re.compile(r"^(\s*)(?:- )?([a-z_]+):")
#: an optional key the first item of a list leaves out, commented out under its comment
COMMENTED_KEY = re.compile(r"^(\s*)# ([a-z_]+): \S")


def invoke(args: list[str], stdin: str | None = None):
    return CliRunner().invoke(cli, args, input=stdin)


def uncommented_keys(text: str) -> list[str]:
    """Model keys with no comment above (the first item of a list stands for the rest, an
    optional key it leaves out written there commented out under its comment, as
    ``above`` is for an on-cost; party ids, ``shared`` and dimension labels are the user's
    own keys)."""
    data = load_yaml(text)
    own = {p["id"] for p in data["parties"]} | {"shared"} | set(data["job"].get("dimensions")
                                                               or {})
    missing, previous = [], ""
    seen_lists: set[str] = set()
    for line in text.splitlines():
        m = KEY_LINE.match(line)
        if m and not previous.lstrip().startswith("#"):
            indent = len(m.group(1))
            key = f"{indent}:{m.group(2)}"
            if key not in seen_lists and m.group(2) not in own:
                missing.append(line.strip())
        if m:
            seen_lists.add(f"{len(m.group(1))}:{m.group(2)}")
        if (c := COMMENTED_KEY.match(line)) and previous.lstrip().startswith("#"):
            seen_lists.add(f"{len(c.group(1))}:{c.group(2)}")
        previous = line
    return missing


@pytest.mark.parametrize("like", sorted(EXAMPLES))
def test_like_writes_the_example_with_a_comment_on_every_key(like: str, tmp_path: Path) -> None:
    target = tmp_path / "post.yaml"
    result = invoke(["new", str(target), "--like", like])
    assert result.exit_code == 0, result.output
    text = target.read_text()
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n")
    assert (tmp_path / SCHEMA_FILE).exists()
    example = load_yaml((BUILTIN_EXAMPLES / EXAMPLES[like][0]).read_text())
    assert load_yaml(text) == example  # same answers: the same documents
    assert uncommented_keys(text) == []
    # comments give meaning, allowed values and an example
    assert "# Legal basis: The power under which" in text
    assert "Allowed: joint, hr_lead." in text
    assert re.search(r"# Salary: .*write money as a number", text)
    check = invoke(["check", str(target)])
    assert check.exit_code == 0, check.output


def test_blank_file_has_every_required_key_and_says_what_is_not_known(tmp_path: Path) -> None:
    target = tmp_path / "post.yaml"
    result = invoke(["new", str(target), "--no-ask"])
    assert result.exit_code == 0, result.output
    data = load_yaml(target.read_text())
    assert data["status"] == "draft" and data["parties"][0]["name"] == "tbc"
    check = invoke(["check", str(target)])
    # only the figures the documents are computed from stop it: each named, with the form
    assert check.exit_code == 1
    errors = re.findall(r"error\s+-\s+\S+\s+(\S+)", check.output)
    assert sorted(errors) == sorted([
        "post.start_date", "post.hours_per_week", "time_split.shares.party_a",
        "time_split.shares.party_b", "payment.salary", "exit.notice_months"]), check.output
    assert "start_date: 2027-04-01" in check.output
    assert "is not known yet" in check.output
    assert "valid" not in check.output  # no validation-library wording
    # the errors keep the good-practice rules from running: not "0 warnings"
    assert "0 warnings" not in check.output
    assert "the good-practice checks run once the errors are fixed" in check.output


ANSWERS = "\n".join([
    "London Borough of Eastwick; Royal Borough of Westmere",  # partners
    "westmere",  # employer
    "Shared Head of Human Resources",  # post
    "2027-04-01",  # start date
    "37",  # hours
    "60", "40",  # split
    "£92,000",  # salary
    "19.8", "",  # pension; NI not known yet
    "6",  # notice
    "",  # reverts to: default (the employer)
]) + "\n"


def test_questions_fill_the_file_and_it_builds(tmp_path: Path) -> None:
    target = tmp_path / "post.yaml"
    result = invoke(["new", str(target), "--ask"], stdin=ANSWERS)
    assert result.exit_code == 0, result.output
    data = load_yaml(target.read_text())
    assert [p["id"] for p in data["parties"]] == ["eastwick", "westmere"]
    assert data["employer"] == "westmere" and data["exit"]["postholder_reverts_to"] == "westmere"
    assert data["time_split"]["shares"] == {"eastwick": 60, "westmere": 40}
    assert data["payment"]["salary"] == 92000
    assert data["payment"]["on_costs"][1] == {"name": "Employer National Insurance",
                                             "percent": "tbc"}
    # the unknown on-cost percentage is a number docgen needs: named, with the right form
    check = invoke(["check", str(target)])
    assert "payment.on_costs[1].percent" in check.output
    data["payment"]["on_costs"][1]["percent"] = 13.8
    target.write_text(yaml.safe_dump(data, sort_keys=False))
    out = tmp_path / "out"
    built = invoke(["build", str(target), "--out", str(out)])
    assert built.exit_code == 0, built.output
    docs = sorted(out.rglob("*.docx"))
    assert len(docs) == 3
    contract = full_text(next(d for d in docs if d.name.endswith("-contract.docx")))
    assert "London Borough of Eastwick" in contract and "Royal Borough of Westmere" in contract
    assert "1 April 2027" in contract and "£92,000.00" in contract
    assert "[to be confirmed]" in contract  # the signatories, still tbc
    body = [line for line in contract.splitlines()  # the drafting notes quote what was written
            if "not known yet" not in line.lower() and not line.startswith("TBC · ")]
    assert not re.search(r"\btbc\b", "\n".join(body), re.IGNORECASE)  # only in the notes


def test_new_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "post.yaml"
    target.write_text("mine\n")
    result = invoke(["new", str(target), "--like", "hr"])
    assert result.exit_code == 2
    assert "already exists" in result.output and target.read_text() == "mine\n"
