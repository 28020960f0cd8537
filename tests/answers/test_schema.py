"""The answer file explains itself: every key has a title, description and example; the
JSON Schema validates the examples; docs/answer-file.md is generated and current; nothing
users see points at ../shared."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from pydantic import BaseModel
from yaml_text import load_yaml

from docgen.answers.forms import _model_in
from docgen.answers.model import AnswerFile
from docgen.answers.reference import answer_file_markdown
from docgen.answers.schema import DIALECT, answer_file_schema
from docgen.cli import cli
from docgen.resources import BUILTIN_EXAMPLES

ROOT = Path(__file__).resolve().parents[2]
ALL_EXAMPLES = sorted({*EXAMPLES, *(ROOT / "inputs").glob("*.yaml"),
                       *BUILTIN_EXAMPLES.glob("*.yaml")})


def iso(value: Any) -> Any:
    """YAML data as a JSON document would carry it: dates as ISO strings."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: iso(v) for k, v in value.items()}
    if isinstance(value, list):
        return [iso(v) for v in value]
    return value


def validator() -> jsonschema.Draft202012Validator:
    schema = answer_file_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def models(model: type[BaseModel], seen: set) -> list[type[BaseModel]]:
    if model in seen:
        return []
    seen.add(model)
    out = [model]
    for info in model.model_fields.values():
        inner = _model_in(info.annotation)
        if inner is not None:
            out += models(inner, seen)
    return out


def test_every_key_has_title_description_and_example() -> None:
    missing = [f"{m.__name__}.{name}" for m in models(AnswerFile, set())
               for name, info in m.model_fields.items()
               if not (info.title and info.description and info.examples)]
    assert not missing, missing


def test_schema_is_2020_12_with_descriptions_enums_and_examples() -> None:
    schema = answer_file_schema()
    assert schema["$schema"] == DIALECT
    legal = schema["properties"]["legal_basis"]
    assert "lga_1972_s113" in legal["enum"] and legal["examples"] == ["lga_1972_s113"]
    assert "consulted" in schema["$defs"]["Postholder"]["properties"]["consulted_on"][
        "description"]
    salary = schema["$defs"]["Payment"]["properties"]["salary"]
    # money is a number (or the same number in quotes, as docgen reads it), never "£78,000"
    assert [o["type"] for o in salary["anyOf"]] == ["number", "string"]


@pytest.mark.parametrize("example", ALL_EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_examples_validate_against_the_schema(example: Path) -> None:
    data = iso(load_yaml(example.read_text()))
    errors = [e.message for e in validator().iter_errors(data)]
    assert not errors, errors


@pytest.mark.parametrize("change, expected", [
    (lambda d: d["payment"].__setitem__("salary", "£92,000"),
     "'£92,000' is not valid under any of the given schemas"),
    (lambda d: d["post"].__setitem__("start_date", "01/04/2027"), "is not a 'date'"),
    (lambda d: d.__setitem__("legal_basis", "s113"), "is not one of"),
    (lambda d: d["management"].__setitem__("hr_leed", "eastwick"), "hr_leed"),
])
def test_schema_rejects_what_docgen_rejects(change: Any, expected: str) -> None:
    data = iso(load_yaml((ROOT / "inputs" / "shared-head-of-hr.yaml").read_text()))
    change(data)
    errors = " | ".join(e.message for e in validator().iter_errors(data))
    assert expected in errors


def test_docgen_schema_prints_the_schema() -> None:
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == answer_file_schema()


def test_answer_file_reference_is_generated_and_current() -> None:
    committed = (ROOT / "docs" / "answer-file.md").read_text(encoding="utf-8")
    assert committed == answer_file_markdown(), (
        "docs/answer-file.md is stale: run `docgen schema --markdown > docs/answer-file.md`")
    for key in ("consulted_on", "registers", "decided_by", "legal_basis", "appraisal"):
        row = next(line for line in committed.splitlines() if line.startswith(f"| `{key}`"))
        assert len(row.split("|")[4].strip()) > 20, row  # a real explanation


def test_examples_start_with_the_schema_line() -> None:
    for example in [*(ROOT / "inputs").glob("*.yaml"), *BUILTIN_EXAMPLES.glob("*.yaml")]:
        first = example.read_text().splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), example


def test_nothing_users_see_points_at_shared() -> None:
    # the whole package: messages (.py), the web interview's templates, scripts and styles,
    # clause wording, the built-in examples, and the README and docs
    package = [p for p in (ROOT / "docgen").rglob("*") if p.is_file()
               and p.suffix in {".py", ".html", ".js", ".css", ".yaml", ".md", ".json", ".txt"}]
    assert any(p.suffix == ".html" and "web" in p.parts for p in package)
    seen = [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), *package,
            *(ROOT / "inputs").glob("*.yaml")]
    bad = [str(p.relative_to(ROOT)) for p in seen
           if "../shared" in p.read_text(encoding="utf-8")
           or "SPEC.md" in p.read_text(encoding="utf-8")]
    assert not bad, bad
    for args in (["--help"], ["build", "--help"], ["check", "--help"], ["new", "--help"],
                 ["schema", "--help"], ["serve", "--help"], ["rules"]):
        text = CliRunner().invoke(cli, args).output
        assert "SPEC.md" not in text and "../shared" not in text, args


def test_committed_schema_file_is_current() -> None:
    """The examples' yaml-language-server line points at docs/answer-file.schema.json."""
    committed = json.loads((ROOT / "docs" / "answer-file.schema.json").read_text())
    assert committed == answer_file_schema(), (
        "docs/answer-file.schema.json is stale: run `docgen schema --out "
        "docs/answer-file.schema.json --force`")


def test_every_schema_property_has_title_and_description_for_hover_help() -> None:
    schema = answer_file_schema()
    bare = [f"{name}.{key}" for name, obj in [("", schema), *schema["$defs"].items()]
            for key, prop in obj.get("properties", {}).items()
            if not (prop.get("title") and prop.get("description"))]
    assert bare == []
