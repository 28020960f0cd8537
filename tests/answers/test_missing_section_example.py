"""The example given for a missing section (``job:`` left out, or left empty) shows the keys
the section requires, from the model, so that writing it in does not give new errors: a short
section whole, a long one with its longer values as ``...`` and a pointer to a complete
starter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import docgen
from docgen.answers import forms
from docgen.answers.forms import _model_in
from docgen.answers.model import AnswerFile

ROOT = Path(__file__).resolve().parents[2]
HR = (ROOT / "inputs" / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
#: the sections an answer file must have, and the keys each must have
SECTIONS = {name: [k for k, f in model.model_fields.items() if f.is_required()]
            for name, info in AnswerFile.model_fields.items()
            if info.is_required() and (model := _model_in(info.annotation)) is not None
            and name != "parties"}
STARTER = "docgen new --like hr FILE writes a complete answer file"


def _without(section: str, instead: str = "") -> str:
    """The Head of HR example with the top-level ``section`` replaced by ``instead``."""
    out, skipping = [], False
    for line in HR.splitlines(keepends=True):
        if re.match(r"\S", line):
            skipping = line.startswith(f"{section}:")
            if skipping and instead:
                out.append(instead + "\n")
        if not skipping:
            out.append(line)
    return "".join(out)


def _example(message: str, section: str) -> str:
    """The example in ``message``: ``section: {...}`` to its closing brace."""
    start = message.index(f"e.g. {section}: {{") + len("e.g. ")
    depth = 0
    for end, char in enumerate(message[start:], start):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "}" and depth == 0:
            return message[start:end + 1]
    raise AssertionError(message)


def _errors(tmp_path: Path, text: str) -> list[str]:
    post = tmp_path / "post.yaml"
    post.write_text(text, encoding="utf-8")
    return [f"{p.key}: {p.message}" for p in docgen.check(post).errors]


@pytest.mark.parametrize("section", sorted(SECTIONS))
@pytest.mark.parametrize("how", ["left out", "left empty"])
def test_the_example_of_a_missing_section_has_its_required_keys(
        tmp_path: Path, section: str, how: str) -> None:
    text = _without(section, f"{section}:" if how == "left empty" else "")
    [message] = _errors(tmp_path, text)
    shown = _example(message, section)
    for key in SECTIONS[section]:
        assert re.search(rf"[{{ ]{key}: ", shown), (key, message)
    if " ..." in shown:
        assert f"giving each ... its value; {STARTER} to copy them from" in message
    else:  # written in as shown, it is right: no new errors
        assert STARTER not in message
        assert _errors(tmp_path, _without(section, shown)) == []


def test_the_short_and_long_examples_read_as_they_should(tmp_path: Path) -> None:
    [management] = _errors(tmp_path, _without("management"))
    assert management == (
        "management: 'management' is required here but missing (Who manages the post-holder, "
        "and for what); add it, e.g. management: {line_managers: {eastwick: Chief Executive, "
        "westmere: Director of Resources}, appraisal: joint} (docgen schema --markdown "
        "describes every key)")
    [job] = _errors(tmp_path, _without("job"))
    assert job == (
        "job: 'job' is required here but missing (The joint job specification); add it, e.g. "
        "job: {responsibilities: ..., relationships: ..., person_specification: ...}, giving "
        f"each ... its value; {STARTER} to copy them from (docgen schema --markdown "
        "describes every key)")


def test_an_example_is_written_out_once_for_its_key_and_parties(monkeypatch) -> None:
    """The interview checks a half-answered post on every page, each missing key with its
    example: each is written out (PyYAML) once a process, and given to each caller the same."""
    written: list[str] = []
    real = forms.as_yaml
    monkeypatch.setattr(forms, "as_yaml", lambda k, v: written.append(k) or real(k, v))
    ids = ["ewk", "wsm"]
    forms._example.cache_clear()
    first = forms.example(("payment", "salary"), ids)
    count = len(written)
    assert count and first == forms.example(["payment", "salary"], list(ids))
    assert len(written) == count, "the second asking wrote the example out again"
    assert forms.example(("payment", "salary"), ["ewk"]) is not None and len(written) > count
