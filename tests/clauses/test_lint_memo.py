"""The clause lint remembers what it finds in each clause text (docgen/clauses/textmemo.py):
a second lint of the same library in one process parses no template and runs no capitals
check again, a text of any length is remembered, and what is remembered is immutable, so
no caller can change what the next lint finds. Each test lints a library of two clauses."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from docgen.clauses import lint as lint_module
from docgen.clauses import lint_terms
from docgen.clauses.lint import lint
from docgen.clauses.lint_terms import inline_terms, undefined_terms
from docgen.clauses.textmemo import TextMemo

CLAUSE = """id: {id}
title: {title}
version: 1
documents: [agreement]
order: {order}
text: |
  {text}
"""
DEFINITION = """term: Post-holder
version: 1
documents: [agreement]
text: >-
  means the person who holds the post;
"""


def library(folder: Path, marker: str) -> Path:
    """A library of two clauses (one long: the memo once skipped texts over 20,000
    characters) and a definition, with issues of every kind the clause checks find. The
    ``marker`` makes its texts this test's own, so no other test has remembered them."""
    long_text = "\n  ".join(["The Post-holder shall keep the records."] * 600)
    files = {
        "one.yaml": CLAUSE.format(
            id="agreement.one", title="Records", order=1,
            text=f"The Postholder ({marker}) shall keep {{{{ nosuch }}}} as clause "
                 "{{ ref('agreement.two') }} says, and Zebra Crossing as ref('agreement.gone')."),
        "two.yaml": CLAUSE.format(id="agreement.two", title="Long", order=2,
                                  text=f"{marker} {long_text}"),
        "definitions/post-holder.yaml": DEFINITION,
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def counted(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    """Count the calls of ``module.name`` from now on."""
    calls = [0]
    real: Callable[..., Any] = getattr(module, name)

    def counting(*args: Any) -> Any:
        calls[0] += 1
        return real(*args)

    monkeypatch.setattr(module, name, counting)
    return calls


def test_a_second_lint_parses_no_template_and_checks_no_capitals_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    folder = library(tmp_path, request.node.name)
    parses = counted(monkeypatch, lint_module, "_find_undeclared")
    capitals = counted(monkeypatch, lint_terms, "_undefined")
    first = lint(builtin=folder)
    assert parses[0] >= 2 and capitals[0] == 2  # both texts, titles: found afresh
    parses[0] = capitals[0] = 0
    second = lint(builtin=folder)
    assert (parses[0], capitals[0]) == (0, 0)
    assert [str(i) for i in second] == [str(i) for i in first]
    said = " ".join(str(i) for i in first)
    for issue in ("unknown variable 'nosuch'", "ref('agreement.gone') names no clause",
                  "'Postholder' is capitalised", "'Crossing' is capitalised"):
        assert issue in said


def test_what_a_caller_is_given_cannot_change_what_is_remembered(
        request: pytest.FixtureRequest) -> None:
    text = f"The Postholder ({request.node.name}) and the Post-holder."
    term = frozenset({"Post-holder"})  # the lint freezes its terms once, as the memo keys
    found = undefined_terms(text, term, frozenset(), term)
    assert [f.word for f in found] == ["Postholder"]
    found.clear()
    assert [f.word for f in undefined_terms(text, term, frozenset(), term)] \
        == ["Postholder"]
    inline = inline_terms(f"the “Permitted Purpose” ({request.node.name})")
    assert inline == {"Permitted Purpose"} and type(inline) is frozenset  # a set could change


def test_the_memo_is_keyed_by_text_and_configuration_and_bounded() -> None:
    memo: TextMemo[str] = TextMemo(size=2)
    assert memo.get("a" * 30_000, 1, lambda: "long") == "long"
    assert memo.get("a" * 30_000, 1, lambda: "again") == "long"
    assert memo.get("a" * 30_000, 2, lambda: "other config") == "other config"
    assert memo.get("b", 1, lambda: "b") == "b"  # the least recently used goes
    assert len(memo) == 2 and memo.misses == 3
    assert memo.get("a" * 30_000, 1, lambda: "made again") == "made again"
    assert memo.get("\ud800", None, lambda: "lone") != memo.get("\ud801", None, lambda: "other")


def test_texts_linted_with_equal_terms_keep_one_copy_of_them(
        request: pytest.FixtureRequest) -> None:
    """Each caller makes new sets of the library's terms for every text: the memo keeps one
    (not hundreds of words an entry)."""
    memo: TextMemo[int] = TextMemo(size=8)
    for i in range(3):
        memo.get(f"text {i} ({request.node.name})", frozenset({"Party", "Post-holder"}),
                 lambda: 1)
    assert len({id(config) for _, config in memo._found}) == 1
