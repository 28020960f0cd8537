"""The money values of an answer file are found by one recursive walk that makes a key
path only for a value found (``pence._values``): the same values, at the same paths, in
the same order as the walk of nested generators that made a path for every value."""

from __future__ import annotations

import copy
import random
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from docgen.answers import pence
from docgen.answers.model import AnswerFile
from docgen.answers.yamlfile import load_answer_file
from docgen.errors import KeyPath
from docgen.resources import BUILTIN_EXAMPLES

EXAMPLES = sorted(BUILTIN_EXAMPLES.glob("*.yaml"))


def _by_generators(value: Any, path: KeyPath, field: pence.Field
                   ) -> Iterator[tuple[KeyPath, Decimal]]:
    """``pence._values`` as it was."""
    if isinstance(value, BaseModel):
        model = type(value)
        for name in model.model_fields:
            yield from _by_generators(getattr(value, name), (*path, name), (model, name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _by_generators(item, (*path, key), field)
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _by_generators(item, (*path, i), field)
    elif isinstance(value, Decimal) and field is not None and pence._holds_money(*field):
        yield path, value


def _numbers(data: Any, path: KeyPath = ()) -> list[KeyPath]:
    """The key path of every number in plain answer data."""
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _numbers(v, (*path, k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _numbers(v, (*path, i))]
    return [path] if isinstance(data, int | Decimal) and not isinstance(data, bool) else []


def _set(data: Any, path: KeyPath, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_money_values_are_found_as_the_generators_found_them(example: Path) -> None:
    base = load_answer_file(example).data
    rng = random.Random(example.name)
    checked = 0
    for _ in range(40):
        data = copy.deepcopy(base)
        for path in rng.sample(_numbers(data), k=rng.choice([1, 1, 2])):
            _set(data, path, rng.choice([Decimal("104.250"), Decimal("0.125"),
                                         Decimal("92000.000"), Decimal("12.5"), 7]))
        try:
            answers = AnswerFile.model_validate(data)
        except ValidationError:
            continue
        assert pence._values(answers) == list(_by_generators(answers, (), None))
        checked += 1
    assert checked > 5
    assert any(pence._values(AnswerFile.model_validate(base)) for _ in [0])  # money found
