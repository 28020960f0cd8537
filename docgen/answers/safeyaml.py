"""The safe, bounded YAML loader behind every answer file.

PyYAML's safe loader only (libyaml's when installed: 13x faster), never Python
objects; binary, sets and ordered maps refused; numbers with a point kept exact as
Decimal, and whole numbers not written plainly (``012345``, ``0x1F``) kept as typed;
and the size after alias expansion, the nesting depth and alias loops measured
without expanding anything, so a "billion laughs" file is an error, not an exhausted
machine.
"""

from __future__ import annotations

import threading
from decimal import Decimal, InvalidOperation
from types import ModuleType
from typing import Any

import yaml

resource: ModuleType | None
try:  # POSIX: the main thread's stack limit
    import resource
except ImportError:  # Windows
    resource = None

MAX_NODES = 50_000  # after alias expansion; the largest example has about 600
MAX_EXPANDED_CHARS = 2_000_000  # text after alias expansion; the largest example has 20,000
MAX_DEPTH = 20  # nesting of lists and mappings, aliases expanded; the examples nest 6 deep


# the base is chosen at run time, which mypy cannot follow (it sees Any)
class SafeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe loader (libyaml's when installed: 13x faster); never constructs Python objects."""


def _refuse_tag(loader: Any, node: yaml.Node) -> Any:
    """Binary data and sets would reach the documents without the character checks."""
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    raise yaml.constructor.ConstructorError(
        None, None, f"the tag {tag} is not allowed in an answer file (write plain text, "
        "numbers, lists and mappings)", node.start_mark)


#: PyYAML's plain safe loader, libyaml's when installed
PLAIN_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_plain(text: str) -> Any:
    """One of docgen's own YAML files (a built-in example, the intake's table, the clause
    book's words) as ``yaml.safe_load`` reads it, but in C where libyaml is installed:
    about 1 ms for an example where PyYAML's Python loader takes 12. Answer files go
    through :class:`SafeLoader` and its checks instead."""
    return yaml.load(text, Loader=PLAIN_LOADER)  # noqa: S506  (a safe loader)


for _tag in ("binary", "set", "omap", "pairs"):
    SafeLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _refuse_tag)


def _decimal(loader: Any, node: yaml.ScalarNode) -> Any:
    """A number with a point is kept as written (``33.3`` is Decimal('33.3'), not the
    float 33.299999…), so shares that add up to 100 on paper add up to 100 here."""
    text = str(node.value).replace("_", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return yaml.SafeLoader.construct_yaml_float(loader, node)
    return value if value.is_finite() else yaml.SafeLoader.construct_yaml_float(loader, node)


SafeLoader.add_constructor("tag:yaml.org,2002:float", _decimal)


def _whole(loader: Any, node: yaml.ScalarNode) -> Any:
    """A whole number only when written as one: YAML 1.1 also reads ``012345`` as octal
    (5349), ``0x1F`` as 31, ``1:30`` as 90 and ``2027_01`` as 202701, which would change a
    reference or a grade without a word. Those are kept as the text typed: a text field
    gets exactly that, and a number field reads it as a decimal number (``060`` is 60) or
    says it cannot."""
    value = yaml.SafeLoader.construct_yaml_int(loader, node)
    return value if str(value) == node.value else str(node.value)


SafeLoader.add_constructor("tag:yaml.org,2002:int", _whole)


_TAG = "tag:yaml.org,2002:"
#: constructors of the plain values a tree of nodes is built from directly (``construct``)
_SCALARS = {_TAG + name: SafeLoader.yaml_constructors[_TAG + name]
            for name in ("null", "bool", "int", "float", "timestamp")}


class _NotPlain(Exception):
    """A node the direct construction leaves to PyYAML's constructor."""


def construct(loader: SafeLoader, node: yaml.Node, tree: bool) -> Any:
    """``loader.construct_document(node)``: built directly when the nodes form a ``tree``
    (no alias) of mappings, lists, text and the plain scalars, each constructed as the
    loader constructs it, which is a third of PyYAML's time (no generator put off per
    mapping, no constructor looked up per node). Anything else (a merge key, another
    tag, a value that cannot be constructed) is left to the loader, which says what it
    always said: the direct way has changed nothing in the loader."""
    if tree:
        try:
            return _plain(loader, node)
        except Exception:  # the loader says why, or builds it its own way
            pass
    return loader.construct_document(node)


def _plain(loader: SafeLoader, node: yaml.Node) -> Any:
    kind, tag = type(node), node.tag
    if kind is yaml.ScalarNode:
        return node.value if tag == _TAG + "str" else _SCALARS[tag](loader, node)
    if kind is yaml.MappingNode and tag == _TAG + "map":
        out: dict[Any, Any] = {}
        for k, v in node.value:  # a merge key ('<<') has no constructor here: left
            out[_plain(loader, k)] = _plain(loader, v)
        return out
    if kind is yaml.SequenceNode and tag == _TAG + "seq":
        return [_plain(loader, v) for v in node.value]
    raise _NotPlain


def expanded_chars(node: yaml.Node, memo: dict[int, int]) -> int:
    """Characters of text once aliases are expanded, without expanding them: a short
    file can name one long string thousands of times within the node limit."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 0  # guards against recursive aliases (refused elsewhere)
    if isinstance(node, yaml.ScalarNode):
        total = len(node.value)
    else:
        total = 0
        for child in children(node):
            total += expanded_chars(child, memo)
            if total > MAX_EXPANDED_CHARS:
                break
    memo[key] = total
    return total


def count_nodes(node: yaml.Node, memo: dict[int, int]) -> int:
    """Size of the tree once aliases are expanded, without expanding them."""
    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # guards against recursive aliases
    total = 1
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            total += count_nodes(child, memo)
            if total > MAX_NODES:
                break
    elif isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            total += count_nodes(k, memo) + count_nodes(v, memo)
            if total > MAX_NODES:
                break
    memo[key] = total
    return total


def too_deep_in_text(text: str) -> int | None:
    """The line where nesting first exceeds MAX_DEPTH, from the event stream.

    Checked before composing: libyaml's composer recurses in C, and a file of
    100,000 '[' crashes the interpreter (segmentation fault) instead of raising.
    """
    loader = SafeLoader(text)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1 if event.start_mark is not None else 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    finally:
        loader.dispose()
    return None


#: the most indicators that can open a collection ('[', '{', a '-' entry, a ':' or '?' key)
#: a text may hold and still be composed before its nesting is measured: each collection
#: opens at one of its own, so the text nests no deeper than their count. libyaml composes
#: recursively in C, about 320 bytes of stack a level: 1,000 levels need some 320 kB, and
#: overflow a thread's 256 kB stack (a crash, not an error) at about 800. The examples hold
#: about 300; a text with more is measured first, by :func:`too_deep_in_text`
COMPOSE_FIRST_MAX = 1000
#: the stack the main thread must have for that (the system's default is 8 MB)
COMPOSE_FIRST_STACK = 2 * 1024 * 1024


def _main_stack_is_large() -> bool:
    """Whether the main thread's stack has room for COMPOSE_FIRST_MAX levels (POSIX: its
    limit; Windows gives python.exe's main thread 2 MB)."""
    if resource is None:
        return True
    soft: int = resource.getrlimit(resource.RLIMIT_STACK)[0]
    return bool(soft == resource.RLIM_INFINITY or soft >= COMPOSE_FIRST_STACK)


_STACK_IS_LARGE = _main_stack_is_large()
_LIBYAML: bool = bool(getattr(yaml, "__with_libyaml__", False))


def composes_safely(text: str) -> bool:
    """True when ``text`` cannot nest deep enough to endanger libyaml's composer, so its
    nesting may be measured on the composed nodes (:func:`survey`) instead of in a pass
    of its own over the event stream. Only in the main thread, whose stack is known to be
    large: another thread's may be 128-256 kB (the web server's, a musl Python's), and only
    with libyaml (PyYAML's own composer recurses in Python, and would say RecursionError)."""
    return (_LIBYAML and _STACK_IS_LARGE and threading.current_thread() is threading.main_thread()
            and sum(text.count(c) for c in "[{-:?") <= COMPOSE_FIRST_MAX)


def survey(root: yaml.Node, tree: bool = False) -> tuple[int, int, int | None]:
    """The nodes and the characters of text of ``root`` as written (each node once, not
    again through an alias), and the line where nesting first exceeds MAX_DEPTH (None
    when it does not): what :func:`too_deep_in_text` reads from the events, read in one
    walk of the nodes, in the order the events came. Without an alias the nodes form a
    tree (say so: ``tree``, and no node is looked for among those seen), and the counts
    are :func:`count_nodes` and :func:`expanded_chars` of it."""
    seen: set[int] = set()
    nodes = chars = 0
    stack: list[tuple[yaml.Node, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if not tree:
            if id(node) in seen:
                continue
            seen.add(id(node))
        nodes += 1
        if isinstance(node, yaml.ScalarNode):
            chars += len(node.value)
            continue
        depth += 1
        if depth > MAX_DEPTH:
            return nodes, chars, node.start_mark.line + 1 if node.start_mark is not None else 1
        if isinstance(node, yaml.MappingNode):  # children() without the list: key first
            for k, v in reversed(node.value):
                stack.append((v, depth))
                stack.append((k, depth))
        else:
            stack += [(child, depth) for child in reversed(children(node))]
    return nodes, chars, None


def children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def nesting_problem(root: yaml.Node) -> tuple[str, yaml.Node] | None:
    """Aliases nested too deep, or an alias inside the value it names (a loop).

    Found without recursion: later stages walk the data recursively and would
    fail with a traceback (or loop forever) on either.
    """
    height: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            open_nodes.discard(key)
            height[key] = 1 + max((height[id(c)] for c in children(node)), default=0)
            if height[key] > MAX_DEPTH + 1:  # scalars count 1
                return (f"values are nested more than {MAX_DEPTH} levels deep (through "
                        "aliases); write the values out", node)
            continue
        if key in height:
            continue
        if key in open_nodes:
            return "an alias here refers to the value that contains it (a loop)", node
        open_nodes.add(key)
        stack.append((node, True))
        stack += [(c, False) for c in children(node) if id(c) not in height]
    return None
