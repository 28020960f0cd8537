"""Answer files made from an example by leaving out one key, or writing one value as
``tbc``: what ``docgen check`` passes, ``render`` must build and verify (issue 21.1)."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from typing import Any

Path_ = tuple[str | int, ...]


def key_paths(node: Any, path: Path_ = ()) -> Iterator[Path_]:
    """Every key and list item, outermost first."""
    items = node.items() if isinstance(node, dict) else \
        enumerate(node) if isinstance(node, list) else ()
    for k, v in items:
        yield (*path, k)
        yield from key_paths(v, (*path, k))


def value_paths(data: Any) -> Iterator[Path_]:
    """Every text or date value: the ones that may be written ``tbc``."""
    for path in key_paths(data):
        value = at(data, path)
        if isinstance(value, str | dt.date) and str(value).lower() != "tbc":
            yield path


def at(data: Any, path: Path_) -> Any:
    for p in path:
        data = data[p]
    return data


def edited(data: dict, path: Path_, value: Any = None, drop: bool = False) -> dict:
    out = copy.deepcopy(data)
    holder = at(out, path[:-1])
    if drop:
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return out


def variants(data: dict) -> Iterator[tuple[str, dict]]:
    """(name, answers): each key left out, each text or date value written tbc, then all
    values tbc at once."""
    for path in key_paths(data):
        yield "drop " + ".".join(map(str, path)), edited(data, path, drop=True)
    every = copy.deepcopy(data)
    for path in value_paths(data):
        yield "tbc " + ".".join(map(str, path)), edited(data, path, "tbc")
        holder = at(every, path[:-1])
        holder[path[-1]] = "tbc"
    yield "tbc everything", every


def tbc_at_once(data: dict, paths: list[Path_]) -> dict:
    """Every value of ``paths`` written tbc together."""
    out = copy.deepcopy(data)
    for path in paths:
        at(out, path[:-1])[path[-1]] = "tbc"
    return out


def dropped_at_once(data: dict, paths: list[Path_]) -> dict:
    """Every key of ``paths`` (in :func:`key_paths` order) left out together: from the
    last, so inner keys go before their holder and list items keep their places."""
    out = copy.deepcopy(data)
    for path in reversed(paths):
        del at(out, path[:-1])[path[-1]]
    return out


#: a list item's index in a variant's name ("tbc job.relationships.internal.2")
_ITEM = re.compile(r"\.\d+(?=\.|$)")


def one_per_list_item(named: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Any]]:
    """``named`` less each variant that differs from an earlier one only in which item of a
    list it changes ("tbc job.relationships.internal.2" after "...internal.0"): the items of
    a list are printed by one loop. The parties are kept item by item (one employs, one
    hosts). Traced line by line (issue 24), the variants of each example that check passes
    take no arc in docgen, in check, render and verification, that this sample does not
    take: 308 renders instead of 451."""
    seen: set[str] = set()
    for name, value in named:
        kind, _, path = name.partition(" ")
        key = name if path.startswith("parties.") else f"{kind} {_ITEM.sub('.*', path)}"
        if key not in seen:
            seen.add(key)
            yield name, value
