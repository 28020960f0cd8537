"""The documents' names are spelled once, in docgen/answers/kinds.py (``KINDS``).

A title typed again elsewhere in Python, or a second table keyed by the document kinds,
drifts the day a row of ``KINDS`` changes (the clause book's names of the documents and
the recruit's contract title were such copies). String literals are read with ``ast``, so
comments and docstrings, which may quote a title, are not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import EXAMPLES
from source_strings import docstrings

import docgen
from docgen.answers.kinds import BY_KIND, DOCUMENT_KINDS, KINDS
from docgen.clauses.book import DOCUMENT_NAMES
from docgen.facts.people import individual_facts

ROOT = Path(__file__).resolve().parents[2]
HOME = ROOT / "docgen" / "answers" / "kinds.py"
#: texts only KINDS may spell: every title a document carries (found inside any string),
#: and its other names: in errors, in a sentence, in the interview (a whole string)
TITLES = {t for k in KINDS for t in (k.title, k.recruit_title) if t}
NAMES = {n for k in KINDS for n in (k.short_name, k.noun, k.a_name, k.label, k.recruit_label)
         if n and n not in DOCUMENT_KINDS}


def spelled_again(path: Path) -> list[str]:
    """Where ``path`` spells a document's title or name, or tables the kinds again."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstrings(tree)
    where = f"{path.relative_to(ROOT)}"
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = node.value
            found += [f"{where}:{node.lineno} spells {t!r}" for t in TITLES if t in text]
            if text in NAMES:
                found.append(f"{where}:{node.lineno} spells {text!r}")
        if isinstance(node, ast.Dict):
            keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
            if keys == set(DOCUMENT_KINDS):
                found.append(f"{where}:{node.lineno} is a second table of the document kinds")
    return found


def test_no_module_spells_a_document_title_outside_kinds() -> None:
    modules = sorted((ROOT / "docgen").rglob("*.py"))
    assert HOME in modules
    found = [line for path in modules if path != HOME for line in spelled_again(path)]
    assert not found, "read these from docgen.answers.kinds.KINDS:\n" + "\n".join(found)


def test_the_readers_take_their_names_from_the_table() -> None:
    assert {k.kind: k.noun for k in KINDS} == DOCUMENT_NAMES
    assert DOCUMENT_NAMES["job_spec"] == "job specification"
    named = docgen.load(next(p for p in EXAMPLES if p.name == "shared-head-of-hr.yaml"))
    recruiting = named.model_copy(update={"postholder": None})
    assert individual_facts(named).title == BY_KIND["contract"].title
    assert individual_facts(recruiting).title == BY_KIND["contract"].recruit_title
    assert BY_KIND["contract"].recruit_title == "Contract of employment for a shared post"
