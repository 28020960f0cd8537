"""``docgen._records.record`` makes the class ``dataclasses.dataclass`` makes: the same
arguments, defaults, ``__post_init__``, ``repr``, equality, hash and frozenness, and a
dataclass to ``dataclasses`` itself; only without compiling its methods."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pytest

from docgen._records import record


def _pair(frozen: bool) -> tuple[type[Any], type[Any]]:
    """The same class body made by dataclass and by record."""
    made = []
    for make in (dataclass(frozen=frozen), record(frozen=frozen)):
        @make
        class Sample:
            name: str
            count: int = 2
            items: list[int] = field(default_factory=list)
            note: str = field(default="n", repr=False, compare=False)
        made.append(Sample)
    return made[0], made[1]


@pytest.mark.parametrize("frozen", [False, True])
def test_made_as_dataclass_makes_it(frozen: bool) -> None:
    real, ours = _pair(frozen)
    for args, kwargs in [(("a",), {}), (("a", 3), {"items": [1]}), ((), {"name": "b"}),
                         (("a", 1, [2], "x"), {})]:
        one, two = real(*args, **kwargs), ours(*args, **kwargs)
        assert repr(one) == repr(two)
        assert dataclasses.asdict(one) == dataclasses.asdict(two)
        assert two == ours(*args, **kwargs) and two != ours("other")
        assert (two == one) is False  # another class: NotImplemented both ways, as dataclasses
        assert dataclasses.replace(two, count=9).count == 9
    assert [f.name for f in dataclasses.fields(ours)] == ["name", "count", "items", "note"]
    assert ours.__match_args__ == real.__match_args__
    assert ours("a").items is not ours("a").items  # a new list each time
    assert ours("a", note="x") == ours("a", note="y")  # compare=False, as in dataclasses
    if frozen:
        assert hash(ours("a", 1, (2,))) == hash(real("a", 1, (2,)))  # type: ignore[arg-type]
        with pytest.raises(dataclasses.FrozenInstanceError):
            ours("a").count = 3
    else:
        assert ours.__hash__ is None and real.__hash__ is None
        two = ours("a")
        two.count = 5
        assert two.count == 5


def test_wrong_arguments_are_type_errors() -> None:
    _, ours = _pair(False)
    for args, kwargs in [((), {}), (("a", 1, [], "n", 5), {}), (("a",), {"other": 1}),
                         (("a",), {"name": "b"})]:
        with pytest.raises(TypeError):
            ours(*args, **kwargs)


def test_post_init_runs_and_own_methods_are_kept() -> None:
    @record
    class Counted:
        value: int
        seen: ClassVar[list[int]] = []

        def __post_init__(self) -> None:
            Counted.seen.append(self.value)

        def __repr__(self) -> str:
            return "mine"

    assert repr(Counted(4)) == "mine" and Counted.seen == [4]

    @record(frozen=True)
    class Hashed:
        value: int

        def __hash__(self) -> int:
            return 7

    assert hash(Hashed(1)) == 7


def test_a_record_that_holds_itself_prints_as_dataclasses_print_it() -> None:
    @record
    class Node:
        child: Any = None

    node = Node()
    node.child = node
    assert repr(node) == f"{Node.__qualname__}(child=...)"


def test_what_it_does_not_make_is_refused() -> None:
    with pytest.raises(TypeError):
        @record
        class Hidden:
            shown: int
            hidden: int = field(default=0, init=False)

    with pytest.raises(TypeError):
        @record
        class Named:
            value: int = field(default=0, kw_only=True)

    with pytest.raises(TypeError):
        @record
        class Given:
            value: int
            extra: dataclasses.InitVar[int] = 0


def test_an_undocumented_record_is_made_without_asking_inspect() -> None:
    """dataclass would document it from inspect.signature, which starts tokenize (its
    patterns, some milliseconds of a start) for a class whose __init__ is object's."""
    probe = ("import tokenize\nfrom docgen._records import record\n"
             "@record\nclass Bare:\n    value: int\n"
             "assert tokenize._compile.cache_info().misses == 0, 'tokenize started'\n"
             "print(Bare.__doc__)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert out.strip() == "Bare(value: int)"


def test_a_frozen_record_refuses_as_a_frozen_dataclass_does() -> None:
    real, ours = _pair(True)
    for made in (real, ours):
        one = made("a")
        for action, name in ((setattr, "count"), (delattr, "count"), (setattr, "new")):
            with pytest.raises(dataclasses.FrozenInstanceError) as refused:
                action(one, name, 3) if action is setattr else action(one, name)
            assert str(refused.value).startswith("cannot ")

    class Child(ours):  # type: ignore[misc,valid-type]
        pass

    child = Child("a")
    child.extra = 1  # not a field, and not the frozen class itself: allowed, as dataclasses
    assert child.extra == 1
    with pytest.raises(dataclasses.FrozenInstanceError):
        child.count = 2


def test_a_frozen_record_with_its_own_eq_is_hashed_by_its_fields_as_a_dataclass_is() -> None:
    """Python puts ``__hash__ = None`` in a class that defines ``__eq__``; a frozen dataclass
    replaces it with the fields' hash, and so must a frozen record."""
    def eq(self: Any, other: object) -> bool:
        return isinstance(other, type(self)) and self.x == other.x

    made = [maker(type("A", (), {"__annotations__": {"x": "int"}, "__eq__": eq}))
            for maker in (record(frozen=True), dataclasses.dataclass(frozen=True))]
    for cls in made:
        assert hash(cls(1)) == hash(cls(1)) and cls(1) == cls(1)
