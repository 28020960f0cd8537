"""A party's name not known yet (``tbc``, ``[name]``) is a gap in the documents, and the
read-back check looks for the gap where the name would be (found by test_hostile: it
looked for the raw ``tbc`` and refused every draft with such a name)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from yaml_text import load_yaml

import docgen

CONTRACT = Path(__file__).resolve().parent.parent / "data" / "contract-examples"


@pytest.mark.parametrize("name", ["tbc", "[anchor]", "[name] "])
@pytest.mark.parametrize("example", sorted(p.stem for p in CONTRACT.glob("*.yaml")))
def test_a_party_name_not_known_yet_renders_as_a_gap(example: str, name: str) -> None:
    data = load_yaml((CONTRACT / f"{example}.yaml").read_text())
    employer = next(i for i, p in enumerate(data["parties"]) if p["id"] == data["employer"])
    data["parties"][employer]["name"] = name
    report = docgen.check(data)
    assert report.ok
    assert ("TBC", f"parties[{employer}].name") in [(w.rule, w.key) for w in report.warnings]
    result = docgen.render(data)  # verified by reading back: the gap, not the raw marker
    for kind, blob in result.documents.items():
        body = "\n".join(p.text for p in docx.Document(io.BytesIO(blob)).paragraphs)
        tables = "\n".join(c.text for t in docx.Document(io.BytesIO(blob)).tables
                           for row in t.rows for c in row.cells)
        assert "[to be confirmed]" in body + tables, kind
