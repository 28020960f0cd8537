"""Clause text cannot switch off the guards the sandbox puts in every ``{% for %}`` and
``~``: they are reached through the environment (docgen/clauses/sandbox.py), not through
names a clause could set, define as a macro, loop over or import as. (``~``'s guard is
a call, whose result is bounded whatever is called: only the loop guard could be set
aside.) A reviewer's clause
with ``{% set __docgen_counted = join_words %}`` ran its nested loops uncounted until
the 5 s deadline instead of stopping at the step budget at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES
from render_apart import render_in_a_thread

HR = next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml")
CLAUSE = """id: zz.{name}
title: Shadow
version: 1
documents: [agreement]
order: 9990
text: |
  {text}
"""
#: 150,000 x 150,000 iterations: only the step budget (200,000) stops them at once
LOOPS = "{% for c in 'x' * 150000 %}{% for d in 'x' * 150000 %}{% endfor %}{% endfor %}"
#: what a clause may define: a macro that gives back what it is given
SAME = "{% macro same(x) %}{{ x }}{% endmacro %}"
SHADOWS = {
    "set": SAME + "{% set __docgen_counted = same %}" + LOOPS,
    "macro": "{% macro __docgen_counted(x) %}{{ x }}{% endmacro %}" + LOOPS,
    "loop_variable": SAME + "{% for __docgen_counted in [same] %}" + LOOPS + "{% endfor %}",
    "bounded_too": SAME + "{% set bounded = same %}{% set __docgen_counted = same %}" + LOOPS,
}


def _render_in_a_thread(tmp_path: Path, name: str, text: str) -> tuple[float, str]:
    """``docgen.render`` with the clause, in a worker thread (no SIGALRM there)."""
    folder = tmp_path / name
    folder.mkdir()
    (folder / "shadow.yaml").write_text(CLAUSE.format(name=name, text=text))
    return render_in_a_thread(HR, folder)


@pytest.mark.parametrize("name", sorted(SHADOWS))
def test_a_clause_cannot_shadow_the_loop_guard(tmp_path: Path, name: str) -> None:
    seconds, result = _render_in_a_thread(tmp_path, name, SHADOWS[name])
    assert f"clause 'zz.{name}'" in result and "shadow.yaml" in result, result
    assert "more than 200,000 times" in result, result  # the step budget, not the clock
    assert seconds < 4, seconds

