"""Check your answers' Change links land on each question's first box or choice:
``views.anchor_of`` works that out without making the question's whole view, and must say
what ``focus(question(...))`` (the error summary's link, the page's own ids) says, for
every question of every section: of each example, of each with every list emptied, with
every answer "not known yet", and of a post with only its partners."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
from yaml_text import load_yaml  # noqa: E402

from docgen.web.fields import STEPS, asked  # noqa: E402
from docgen.web.forms import dotted, get  # noqa: E402
from docgen.web.views import anchor_of, focus, question  # noqa: E402

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples")
                  .glob("*.yaml"))


def _emptied(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _emptied(v) for k, v in value.items()}
    return [] if isinstance(value, list) else value


def _not_known(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _not_known(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_not_known(v) for v in value]
    return "not known yet"


def _docs() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in EXAMPLES:
        data = load_yaml(path.read_text("utf-8"))
        out.append((path.stem, data))
        emptied = _emptied(copy.deepcopy(data))
        emptied["parties"] = data["parties"]
        out.append((f"{path.stem} lists emptied", emptied))
        unknown = {k: (v if k in ("parties", "employer") else _not_known(v))
                   for k, v in data.items()}
        out.append((f"{path.stem} not known yet", unknown))
        out.append((f"{path.stem} partners only", {"parties": data["parties"],
                                                   "employer": data["employer"]}))
    return out


@pytest.mark.parametrize(("name", "doc"), _docs(), ids=[n for n, _ in _docs()])
def test_anchor_of_is_the_questions_focus(name: str, doc: dict[str, Any]) -> None:
    seen = 0
    for step in STEPS:
        for q in step.questions:
            if not asked(q, doc):
                continue
            seen += 1
            expected = focus(question(q, doc, get(doc, q.path), dotted(q.path)))
            assert anchor_of(q, doc, dotted(q.path)) == expected, (step.slug, q.path)
    assert seen > 20
