"""known_figures' walk (figures._strings), which decides once per class how to walk a
value, finds the same strings in the same order as the walk as first written, which
asked isinstance of every value: on the examples' facts and on random nested values of
every kind the walk meets or may meet (subclasses, shared and repeated objects, classes
it has no rule for)."""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel

from docgen.word import figures
from tests.word.test_fast_paths import EXAMPLES, _checked


def _as_first_written(root: object) -> list[str]:
    """figures._strings before the per-class rules (commit c4f8ac9), kept as the oracle."""
    out: list[str] = []
    seen: set[int] = set()
    todo = [root]
    while todo:
        value = todo.pop()
        if isinstance(value, str):
            out.append(value)
            continue
        if value is None or isinstance(value, int | float | bytes | Path) or id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, BaseModel):
            todo += [getattr(value, name) for name in type(value).model_fields]
        elif hasattr(value, "__dataclass_fields__"):
            todo += [getattr(value, name) for name in value.__dataclass_fields__]
        elif isinstance(value, dict):
            for k, v in value.items():
                todo += (k, v)
        elif isinstance(value, list | tuple | set):
            todo += value
    return out


class Colour(enum.StrEnum):
    RED = "red 5%"


class Level(enum.IntEnum):
    ONE = 1


class Money(BaseModel):
    text: str = "£1,000.00"
    items: list[Any] = []
    extra: Any = None


class Sub(Money):
    more: str = "1 March 2025"


@dataclass
class Row:
    label: str = "x"
    parts: list[Any] = field(default_factory=list)


class Rows(list[Any]):
    pass


class Table(dict[Any, Any]):
    pass


class Other:
    """A class the walk has no rule for (its strings are not walked)."""

    def __init__(self) -> None:
        self.text = "hidden 5%"


class Anything:
    """Says it has every attribute, a dataclass's field list too."""

    def __getattr__(self, name: str) -> Any:
        return {"a": 1} if name == "__dataclass_fields__" else "1 May 2025"


def _value(rnd: random.Random, depth: int, pool: list[object]) -> object:
    if pool and rnd.random() < 0.1:
        return rnd.choice(pool)  # shared: walked once
    if depth > 3 or rnd.random() < 0.4:
        leaf = rnd.choice([f"s{rnd.randint(0, 99)}%", "", Colour.RED, Level.ONE, True, 3,
                           2.5, b"5%", Path("/a 5%"), PurePosixPath("b"), None, Other(),
                           Anything(), Money, Other])
        return leaf
    kids = [_value(rnd, depth + 1, pool) for _ in range(rnd.randint(0, 4))]
    kind = rnd.randrange(9)
    made: object
    if kind == 0:
        made = Money(text=f"t{depth}", items=kids, extra=kids[0] if kids else None)
    elif kind == 1:
        made = Sub(items=kids)
    elif kind == 2:
        made = Row(label=f"r{depth}", parts=kids)
    elif kind == 3:
        made = {f"k{i}": v for i, v in enumerate(kids)} | {("t", 1): "v"}
    elif kind == 4:
        made = Table({i: v for i, v in enumerate(kids)})
    elif kind == 5:
        made = tuple(kids)
    elif kind == 6:
        made = Rows(kids)
    elif kind == 7:
        made = {f"e{i}" for i in range(len(kids))} | {Colour.RED}
    else:
        made = kids
    pool.append(made)
    return made


def test_walk_finds_the_same_strings_in_the_same_order() -> None:
    rnd = random.Random(24)
    for _ in range(400):
        root = _value(rnd, 0, [])
        assert figures._strings(root) == _as_first_written(root)


def test_walk_of_the_examples_facts_is_unchanged() -> None:
    for path in EXAMPLES:
        facts = _checked(path).facts
        assert figures._strings(facts) == _as_first_written(facts)
        assert figures._strings(facts) == _as_first_written(facts)  # classes remembered
