"""No dead ends (issue 21.1): every answer file ``docgen check`` passes, ``render`` builds
and verifies. The files are made from each example by leaving out one key, or writing one
text or date value ``tbc`` (then all of those at once); the verification must know which
figures a document rightly leaves out (nil on-costs, a name not known yet)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from dead_ends import (
    dropped_at_once,
    key_paths,
    one_per_list_item,
    tbc_at_once,
    value_paths,
    variants,
)
from yaml_text import load_yaml

import docgen
from docgen.cli import cli

EXAMPLES = sorted((Path(docgen.__file__).parent / "data" / "examples").glob("*.yaml"))


def _data(example: Path) -> dict:
    return load_yaml(example.read_text(encoding="utf-8"))


def _builds(answers: dict) -> list[str]:
    """Why a file check passes does not render and verify (empty: it does)."""
    try:
        docgen.render(answers)
    except docgen.DocgenError as exc:
        return [str(exc)]
    return []


@functools.cache
def _checked(example: Path) -> tuple[frozenset[str], tuple[tuple[str, dict], ...]]:
    """(the name of every variant of ``example``, (name, answers) of each that check
    passes), made and checked once a process: both tests below ask which single drops and
    single tbc values pass (the second asked check again for each, about a second an
    example, then made every variant again for its names)."""
    named = list(variants(_data(example)))
    made = frozenset(name for name, _ in named)
    assert len(made) == len(named)  # a name is one variant
    return made, tuple((name, answers) for name, answers in named if docgen.check(answers).ok)


def _passing(example: Path) -> tuple[tuple[str, dict], ...]:
    """(name, answers) of each variant of ``example`` that check passes."""
    return _checked(example)[1]


def _name(kind: str, path: tuple) -> str:
    """The variant's name (``dead_ends.variants``) for ``kind`` ("drop", "tbc") of ``path``."""
    return f"{kind} " + ".".join(map(str, path))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_file_check_passes_renders_and_verifies(example: Path) -> None:
    """One test per example over its ~330 variants: what check passes, build accepts. Of the
    ~150 that pass, one a list item is rendered (``one_per_list_item``: the same code taken,
    by a line trace), about 100 (about 3.5 s, not 5.5)."""
    passing = list(_passing(example))
    assert len(passing) > 100  # the generator really makes files that pass check
    failures = [f"{name}: {why}" for name, answers in one_per_list_item(passing)
                for why in _builds(answers)]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_everything_optional_left_out_and_everything_tbc_at_once(example: Path) -> None:
    """Every key check lets go alone left out together, and every value check takes as
    tbc alone written tbc together (which pass alone: the variants ``_passing`` checked)."""
    data = _data(example)
    made, passing = _checked(example)  # a path with no variant would be unchecked
    passes = {name for name, _ in passing}
    assert {_name("drop", p) for p in key_paths(data) if isinstance(p[-1], str)} <= made
    assert {_name("tbc", p) for p in value_paths(data)} <= made
    droppable = [p for p in key_paths(data) if isinstance(p[-1], str)
                 and _name("drop", p) in passes]
    tbc_able = [p for p in value_paths(data) if _name("tbc", p) in passes]
    assert droppable and tbc_able
    everything_tbc = tbc_at_once(data, tbc_able)
    assert docgen.check(everything_tbc).ok
    assert _builds(everything_tbc) == []
    all_dropped = dropped_at_once(data, droppable)  # every optional key (not list items)
    assert docgen.check(all_dropped).ok
    assert _builds(all_dropped) == []


def test_nil_on_costs_builds() -> None:
    """The agreement states the Cost Base without an on-costs total when there are none."""
    data = _data(EXAMPLES[0])
    data["payment"].pop("on_costs", None)
    result = docgen.render(data)
    assert result.documents["agreement"]


def test_employer_name_not_known_builds() -> None:
    data = _data(EXAMPLES[0])
    employer = next(p for p in data["parties"] if p["id"] == data["employer"])
    employer["name"] = "tbc"
    assert docgen.render(data).documents


def test_a_blank_docgen_new_file_builds_once_the_needed_values_are_given(
        tmp_path: Path) -> None:
    """Both parties' names and short names left tbc: no collision of the two 'tbc' short
    names, and the documents verify with the highlighted gaps."""
    runner = CliRunner()
    post = tmp_path / "post.yaml"
    assert runner.invoke(cli, ["new", "--no-ask", str(post)]).exit_code == 0
    text = post.read_text()
    for key, value in (("start_date", "2027-04-01"), ("hours_per_week", "37"),
                       ("salary", "92000"), ("notice_months", "6")):
        text, n = re.subn(rf"(\b{key}: )tbc\b", rf"\g<1>{value}", text, count=1)
        assert n == 1, key
    text, n = re.subn(r"shares: \{party_a: tbc, party_b: tbc\}",
                      "shares: {party_a: 60, party_b: 40}", text)
    assert n == 1
    post.write_text(text)
    result = runner.invoke(cli, ["build", str(post), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").rglob("*.docx"))) == 3
