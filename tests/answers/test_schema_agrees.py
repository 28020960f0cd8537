"""The schema and the reference say what ``docgen check`` does: ranges as the model sets
them (0 refused where it is refused, 100,000,000 written out), defaults of the field's own
type, and the same money values accepted and refused by both (audit findings 7, 8, 9)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES_DIR
from yaml_text import load_yaml

from docgen.answers.reference import answer_file_markdown
from docgen.answers.schema import answer_file_schema
from docgen.answers.validation import validate
from docgen.answers.yamlfile import load_answer_file
from docgen.errors import AnswerFileError

from .test_schema import iso

HR = (EXAMPLES_DIR / "shared-head-of-hr.yaml").read_text()


def row(key: str) -> str:
    return next(line for line in answer_file_markdown().splitlines()
                if line.startswith(f"| `{key}`"))


def test_reference_states_ranges_as_the_model_checks_them() -> None:
    assert "| number more than 0 up to 80 |" in row("hours_per_week")
    assert "| number more than 0 up to 7 |" in row("days_per_week")
    assert "| number more than 0 up to 100,000,000 |" in row("salary")
    assert "| whole number 1 to 600 |" in row("notice_months")
    assert "e+" not in answer_file_markdown()


def _defaults(node: Any, where: str = "") -> list[tuple[str, Any, Any]]:
    found = []
    if isinstance(node, dict):
        if "default" in node and "type" in node:
            found.append((where, node["type"], node["default"]))
        for key, value in node.items():
            found += _defaults(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _defaults(value, f"{where}/{i}")
    return found


def test_every_default_is_of_its_fields_type() -> None:
    """An editor that inserts defaults offers days_per_week: 5, not "5"."""
    schema = answer_file_schema()
    post = schema["$defs"]["Post"]["properties"]["days_per_week"]
    assert post["default"] == 5 and not isinstance(post["default"], str)
    assert schema["$defs"]["Payment"]["properties"]["premium_percent"]["default"] == 0
    kinds = {"number": (int, float), "integer": int, "string": str, "boolean": bool,
             "array": list, "object": dict}
    for where, kind, default in _defaults(schema):
        allowed = tuple(t for k in ([kind] if isinstance(kind, str) else kind)
                        for t in ((kinds[k],) if not isinstance(kinds[k], tuple) else kinds[k]))
        assert isinstance(default, allowed), (where, kind, default)


def _docgen_accepts(salary: Any) -> bool:
    data = load_yaml(HR)
    data["payment"]["salary"] = salary
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    try:
        validate(load_answer_file_text(text))
    except AnswerFileError as e:
        return not any(p.key == "payment.salary" for p in e.problems)
    return True


def load_answer_file_text(text: str) -> Any:
    with TemporaryDirectory() as folder:
        path = Path(folder) / "post.yaml"
        path.write_text(text, encoding="utf-8")
        return load_answer_file(path)


def _exact(value: Any) -> Any:
    return json.loads(json.dumps(value), parse_float=Decimal)


def _schema_accepts(salary: Any) -> bool:
    """As an editor checks the file: numbers exactly as written, so 0.07 is a multiple of
    0.01 (python-jsonschema with binary floats finds 0.07 / 0.01 = 7.000000000000001 and
    refuses it; yaml-language-server compares the decimal digits)."""
    data = iso(load_yaml(HR))
    data["payment"]["salary"] = salary
    check = jsonschema.Draft202012Validator(
        _exact(answer_file_schema()), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return not any(list(e.path)[:2] == ["payment", "salary"]
                   for e in check.iter_errors(_exact(data)))


@pytest.mark.parametrize("salary", [
    92000, 92000.5, 92000.55, 0.07, 99999999.99, 100000000, "92000", "92000.55", " 92000 ",
    "92000.555", "£92,000", 0, -5, 100000000.01, True,
])
def test_schema_and_docgen_agree_on_salary(salary: Any) -> None:
    assert _schema_accepts(salary) == _docgen_accepts(salary), salary


@pytest.mark.parametrize("salary", [92000.555, 0.001])
def test_a_third_decimal_place_is_left_to_the_check(salary: Any) -> None:
    """The schema allows what only the check refuses (with its message): the other way
    round, an editor would mark good figures (see the next test)."""
    assert _schema_accepts(salary) and not _docgen_accepts(salary)


def test_no_validator_refuses_pence_for_floating_point() -> None:
    """python-jsonschema on plain floats, as a script would run it: 0.07 / 0.01 is
    7.000000000000001 in binary, so a ``multipleOf: 0.01`` refused good figures."""
    schema = answer_file_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert "multipleOf" not in json.dumps(schema)
    data = iso(load_yaml(HR))
    for pence in (0.07, 92000.07, 1234.56):
        data["payment"]["salary"] = pence
        errors = jsonschema.Draft202012Validator(schema).iter_errors(data)
        assert not [e for e in errors if list(e.path)[:2] == ["payment", "salary"]], pence
