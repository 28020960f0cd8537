"""Dataclasses whose methods are not compiled when their module loads (issue 24).

:func:`dataclasses.dataclass` writes the source of each class's ``__init__``, ``__repr__``
and ``__eq__`` (and, frozen, ``__setattr__``, ``__delattr__`` and ``__hash__``) and compiles
it: half a millisecond a class, more with many fields, 14 ms of every start of the
command for the two dozen records of the answers, facts, rules and clause library
(3.5 ms made here, mostly dataclasses' own reading of the fields).
:func:`record` makes the same class, a dataclass to :mod:`dataclasses` (``fields``,
``asdict``, ``replace``) and to type checkers, with those methods written once, here,
for every class: the same arguments (positional or by name, defaults, default
factories), ``__post_init__``, the same ``repr``, equality and hash, frozen the same
way. A method the class defines itself is kept, as :func:`dataclasses.dataclass` keeps it.

What it does not take (``init=False`` fields, ``InitVar``, keyword-only fields, slots,
ordering) is refused when the class is made: use :func:`dataclasses.dataclass` there.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")
_MISSING: Any = dataclasses.MISSING


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...], frozen: bool
          ) -> Callable[..., None]:
    names = tuple(f.name for f in fields)
    made: tuple[tuple[str, Any, Any], ...] = tuple(
        (f.name, f.default, f.default_factory) for f in fields)
    known = frozenset(names)
    post_init = hasattr(cls, "__post_init__")
    put = object.__setattr__ if frozen else setattr
    where = f"{cls.__qualname__}.__init__()"

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(names):
            raise TypeError(f"{where} takes {len(names) + 1} positional arguments but "
                            f"{len(args) + 1} were given")
        given = dict(zip(names, args, strict=False))
        for name, value in kwargs.items():
            if name not in known:
                raise TypeError(f"{where} got an unexpected keyword argument '{name}'")
            if name in given:
                raise TypeError(f"{where} got multiple values for argument '{name}'")
            given[name] = value
        for name, default, factory in made:
            if name in given:
                value = given[name]
            elif default is not _MISSING:
                value = default
            elif factory is not _MISSING:
                value = factory()
            else:
                raise TypeError(f"{where} missing 1 required argument: '{name}'")
            put(self, name, value)
        if post_init:
            self.__post_init__()

    return __init__


def _repr(fields: tuple[dataclasses.Field[Any], ...]) -> Callable[[Any], str]:
    shown = tuple(f.name for f in fields if f.repr)
    running: set[tuple[int, int]] = set()

    def __repr__(self: Any) -> str:
        key = id(self), threading.get_ident()
        if key in running:  # a record that holds itself: as dataclasses print it
            return "..."
        running.add(key)
        try:
            inside = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        finally:
            running.discard(key)
        return f"{self.__class__.__qualname__}({inside})"

    return __repr__


def _compared(fields: tuple[dataclasses.Field[Any], ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields if f.compare)


def _eq(fields: tuple[dataclasses.Field[Any], ...]) -> Callable[[Any, object], Any]:
    names = _compared(fields)

    def __eq__(self: Any, other: object) -> Any:
        if other.__class__ is self.__class__:
            return (tuple(getattr(self, n) for n in names)
                    == tuple(getattr(other, n) for n in names))
        return NotImplemented

    return __eq__


def _hash(fields: tuple[dataclasses.Field[Any], ...]) -> Callable[[Any], int]:
    names = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))

    def __hash__(self: Any) -> int:
        return hash(tuple(getattr(self, n) for n in names))

    return __hash__


def _shown(f: dataclasses.Field[Any]) -> str:
    kind = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", repr(f.type))
    return f"{f.name}: {kind}"


def _frozen(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> None:
    """``cls``'s fields cannot be assigned or deleted, as in a frozen dataclass (which
    raises the same error with the same words)."""
    names = frozenset(f.name for f in fields)
    owner: Any = cls  # (to mypy, a type checked with ``is`` is no longer one for super())

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(owner, self).__setattr__(name, value)

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(owner, self).__delattr__(name)

    for method in (__setattr__, __delattr__):
        if method.__name__ in cls.__dict__:
            raise TypeError(f"Cannot overwrite attribute {method.__name__} in class "
                            f"{cls.__name__}")
        _set(cls, method.__name__, method)


def _set(cls: type, name: str, method: Callable[..., Any]) -> None:
    if name in cls.__dict__:  # the class's own: kept, as dataclasses keep it
        return
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, method)


def _make(cls: type[T], frozen: bool) -> type[T]:
    own = cls.__dict__.get("__hash__", _MISSING)  # None: Python's, for a class with __eq__
    own_hash = own is not _MISSING and not (own is None and "__eq__" in cls.__dict__)
    documented = bool(cls.__doc__)
    if not documented:  # else dataclass asks inspect for a signature, which starts tokenize
        cls.__doc__ = cls.__name__
    # frozen is done here too: dataclass would compile __setattr__ and __delattr__ for it
    made = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)
    every = dataclasses.fields(made)  # type: ignore[arg-type]
    pseudo = [f.type for name, f in made.__dataclass_fields__.items()  # type: ignore[attr-defined]
              if name not in {f.name for f in every}]  # ClassVar (left alone) and InitVar
    if any(not f.init or f.kw_only for f in every) or any(
            isinstance(t, dataclasses.InitVar) or "InitVar" in str(t) for t in pseudo):
        raise TypeError(f"{cls.__qualname__}: record() makes no init=False, keyword-only or "
                        "InitVar fields; use dataclasses.dataclass")
    if not documented:  # as dataclass writes it: the name and the fields with their types
        made.__doc__ = f"{cls.__name__}({', '.join(_shown(f) for f in every)})"
    _set(made, "__init__", _init(made, every, frozen))
    _set(made, "__repr__", _repr(every))
    _set(made, "__eq__", _eq(every))
    if frozen:
        _frozen(made, every)
    if not own_hash:  # as dataclass(eq=True): hashable by its fields when frozen, else not
        if frozen:  # set even over the None Python puts in a class defining __eq__
            method = _hash(every)
            method.__qualname__ = f"{cls.__qualname__}.__hash__"
            made.__hash__ = method  # type: ignore[method-assign,assignment]
        else:
            made.__hash__ = None  # type: ignore[assignment]
    return made


@overload
def record(cls: type[T], /) -> type[T]: ...
@overload
def record(*, frozen: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: type[T] | None = None, /, *, frozen: bool = False
           ) -> type[T] | Callable[[type[T]], type[T]]:
    """``@record`` or ``@record(frozen=True)``: as ``@dataclass``, made without compiling."""
    if cls is None:
        return lambda c: _make(c, frozen)
    return _make(cls, frozen)
