"""The agreement's defined terms as its wording prints them: "Cost Base" and "the
Arrangement" are defined in its definitions clause, so the schedule of payments, the cost
calculation and the confidentiality clauses print them capitalised, from the wording files
themselves (a clause once capitalised a fact's words with ``replace``, which an edit of
``facts.yaml`` would have silently undone, and the schedule kept the lower case)."""

from __future__ import annotations

from conftest import EXAMPLES

import docgen
from docgen.ooxml.readback import read_document


def _text(name: str, kind: str) -> str:
    rendered = docgen.render(docgen.load(next(p for p in EXAMPLES if p.name == name)))
    return read_document(f"{kind}.docx", rendered.documents[kind]).text


def test_the_schedule_of_payments_uses_the_defined_term() -> None:
    agreement = _text("shared-head-of-hr.yaml", "agreement")
    assert "“Cost Base” means" in agreement
    assert "London Borough of Eastwick 60% of the Cost Base £79,706.59" in agreement
    assert "Westmere: 40% of the Cost Base, being £53,137.73 a year" in agreement  # clause 13
    assert "Cost Base (total a year) £132,844.32" in agreement
    assert "of the cost base" not in agreement and "annual cost base" not in agreement


def test_the_employers_balance_under_a_fee_uses_the_defined_term() -> None:
    agreement = _text("shared-legal-services-three-councils.yaml", "agreement")
    assert "Ashby Vale District Council the balance of the Cost Base £34,710.00" in agreement
    # (a drafting note may speak of "the cost base" in its own words)
    assert "of the cost base" not in agreement


def test_confidentiality_lasts_until_the_arrangement_ends_in_both_documents() -> None:
    for kind in ("agreement", "contract"):  # confidentiality: {duration_after_end: 6}
        text = _text("shared-legal-services-three-councils.yaml", kind)
        assert "“Arrangement” means" in text
        assert "this arrangement" not in text, kind
        assert "continue for 6 years after the Arrangement ends" in text, kind
