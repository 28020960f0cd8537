"""One place to sign: a self-proving Scottish agreement is signed under its testing clause
(the Execution clause, each signatory before a witness whose name and address are added), so
the template's signature page is left out; every other agreement keeps it."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from legal_answers import SCOT, answers

from docgen import render


def _paragraphs(data: dict) -> list[str]:
    agreement = render(data, documents=["agreement"]).documents["agreement"]
    return [p.text for p in docx.Document(io.BytesIO(agreement)).paragraphs]


def test_a_self_proving_agreement_is_signed_only_under_its_testing_clause() -> None:
    data = answers(SCOT)
    assert data["execution"] == "self_proving"
    paras = _paragraphs(data)
    assert "SIGNATURES" not in paras
    assert not [p for p in paras if p.startswith("Signed for and on behalf of")]
    testing = next(p for p in paras if "This clause is the testing clause." in p)
    assert "Requirements of Writing (Scotland) Act 1995" in testing
    signed = [p for p in paras if p.startswith("Signed for ") and "in the presence of" in p]
    names = [party["name"] for party in data["parties"]]
    assert len(signed) == len(names)
    for name in names:
        assert any(p.startswith(f"Signed for {name} by ") for p in signed), name
    assert paras.index(testing) < paras.index(signed[0])


def test_an_agreement_signed_by_signatures_keeps_its_signature_page() -> None:
    data = answers(SCOT, execution="signatures")
    paras = _paragraphs(data)
    assert "SIGNATURES" in paras
    assert not [p for p in paras if "This clause is the testing clause." in p]
    blocks = [p for p in paras if p.startswith("Signed for and on behalf of")]
    assert [b.removeprefix("Signed for and on behalf of ").split("\n")[0] for b in blocks] == [
        party["name"] for party in data["parties"]]


def test_without_its_execution_clause_the_agreement_keeps_its_signature_page(
        tmp_path: Path) -> None:
    """An overlay that leaves the Execution clause out (a clause file whose condition never
    holds) must not leave the agreement with nowhere to sign."""
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "execution.yaml").write_text(
        "id: agreement.execution\ntitle: Execution\nversion: 9\nreplaces_version: 3\n"
        "documents: [agreement]\n"
        "order: 2350\nwhen: 'false'\ntext: |\n  Not used.\n", encoding="utf-8")
    agreement = render(answers(SCOT), documents=["agreement"],
                       clauses=[folder]).documents["agreement"]
    paras = [p.text for p in docx.Document(io.BytesIO(agreement)).paragraphs]
    assert "SIGNATURES" in paras
    assert not [p for p in paras if "This clause is the testing clause." in p]
