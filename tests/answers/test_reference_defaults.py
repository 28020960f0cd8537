"""The answer-file reference (``docgen schema --markdown``, docs/answer-file.md) shows each
default as an answer file writes it (``false``, ``[agreement, contract, job_spec]``), never
in Python's form (``False``, ``['agreement', ...]``, ``None``); and a key whose meaning names
its default ("'employer' (the default)") shows it in the required column too."""

from __future__ import annotations

import re

import yaml
from click.testing import CliRunner

from docgen.answers.schema import answer_file_schema, resolve
from docgen.cli import cli

ROW = re.compile(r"^\| `(\w+)` \| ([^|]*) \|", re.MULTILINE)
DEFAULT = re.compile(r"default `([^`]*)`")


def _reference() -> str:
    result = CliRunner().invoke(cli, ["schema", "--markdown"])
    assert result.exit_code == 0, result.output
    return result.output


def _needs(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for key, need in ROW.findall(text):
        found.setdefault(key, []).append(need.strip())
    return found


def test_defaults_are_written_as_in_an_answer_file() -> None:
    needs = _needs(_reference())
    assert needs["integration_joint_board_enforces"] == ["no (default `false`)"]
    assert needs["documents"] == ["no (default `[agreement, contract, job_spec]`)"]
    assert needs["execution"] == ["no (default `signatures`)"]
    assert needs["days_per_week"] == ["no (default `5`)"]
    shown = [d for column in needs.values() for need in column for d in DEFAULT.findall(need)]
    assert shown and not [d for d in shown if re.search(r"None|True|False|'", d)]


def test_each_default_shown_reads_back_as_the_models() -> None:
    schema = answer_file_schema()
    defaults = {key: raw["default"] for node in [schema, *schema["$defs"].values()]
                for key, raw in resolve(schema, node).get("properties", {}).items()
                if raw.get("default") not in (None, [], {})}
    for key, column in _needs(_reference()).items():
        for need in column:
            for shown in DEFAULT.findall(need):
                if key in defaults and key != "version":  # version is text: "1"
                    assert yaml.safe_load(shown) == defaults[key], (key, shown)


def test_a_default_named_in_the_meaning_is_in_the_required_column() -> None:
    text = _reference()
    row = next(line for line in text.splitlines() if line.startswith("| `prior_service` |"))
    assert "'employer' (the default)" in row
    assert row.startswith("| `prior_service` | no (default `employer`) |")
