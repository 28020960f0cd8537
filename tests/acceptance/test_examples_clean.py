"""The shipped examples are exemplary: a newcomer's first ``docgen check`` and ``docgen
build`` of them is clean (no error, no open warning), every acknowledgement still answers a
warning that fires and gives a reason, and they differ from the input contract only where a
warning was answered."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from yaml_text import load_yaml

import docgen
from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted([*(ROOT / "inputs").glob("*.yaml"),
                  *(ROOT / "docgen" / "data" / "examples").glob("*.yaml")])
CONTRACT = ROOT / "tests" / "data" / "contract-examples"
# What the shipped examples answer that the contract examples leave open (key paths), and
# free text reworded to read right in the documents (job.dimensions.budget; the Head of
# HR's excluded matters, whose "including under this agreement" the contract printed,
# where "this" is the contract: legal review, December 2026), and employer National
# Insurance stated as a finance officer states it, 15% of pay above £5,000 a year, where the
# contract gives an effective rate on all pay (13.9%, 14.0%, 14.4%).
COMMON = {"payment.vat.rationale", "acknowledge", "job.dimensions.budget", "payment.on_costs"}
ANSWERED = {
    "shared-head-of-hr.yaml": COMMON | {"parties", "governance.disputes", "exit.reversion_post",
                                        "exit.reversion_grade", "exit.prior_service",
                                        "conflicts_of_interest.excluded_matters"},
    "joint-director-public-health.yaml": COMMON | {"jurisdiction", "governance.disputes",
                                                   "exit.reversion_post",
                                                   "exit.reversion_grade"},
    "shared-legal-services-three-councils.yaml": COMMON | {
        "jurisdiction", "post.not_expected", "conflicts_of_interest.decided_by"},
}


def _flat(data: object, path: str = "") -> dict[str, object]:
    if isinstance(data, dict):
        out: dict[str, object] = {}
        for key, value in data.items():
            out.update(_flat(value, f"{path}.{key}" if path else str(key)))
        return out
    return {path: data}


@pytest.mark.parametrize("example", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_shipped_example_has_no_open_warning(example: Path) -> None:
    report = docgen.check(example)
    assert report.ok, [str(p) for p in report.errors]
    open_ = [f"{w.rule} {w.key}: {w.message}" for w in report.warnings if not w.acknowledged]
    assert not open_, open_
    answers = docgen.load(example)
    fired = {w.rule for w in report.warnings}
    for ack in answers.acknowledge:
        assert ack.rule in fired, f"{ack.rule} is acknowledged but no longer fires"
        assert len(ack.reason) > 60 and ack.reason.rstrip().endswith("."), ack.reason


def test_the_first_build_of_the_examples_prints_no_open_warning(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(ROOT / "inputs"), "--out",
                                      str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    summary = result.output.strip().splitlines()[-1]
    posts = len(list((ROOT / "inputs").glob("*.yaml")))
    assert posts == 5  # the three of the input contract, one by profiles, one in house styles
    assert f"{posts} built" in summary and "0 failed" in summary
    # each warning acknowledged: VAT on all five, the legal fee's margin
    assert "(6 acknowledged)" in summary and "6 warnings" in summary, summary


@pytest.mark.parametrize("name", sorted(ANSWERED))
def test_shipped_examples_differ_from_the_contract_only_where_a_warning_was_answered(
        name: str) -> None:
    contract = _flat(load_yaml((CONTRACT / name).read_text()))
    for folder in (ROOT / "inputs", ROOT / "docgen" / "data" / "examples"):
        shipped = _flat(load_yaml((folder / name).read_text()))
        changed = {k for k in contract.keys() | shipped.keys()
                   if contract.get(k, None) != shipped.get(k, None)}
        assert {k.split(".")[0] if k.startswith("acknowledge") else k for k in changed} \
            == ANSWERED[name], name


def test_the_contract_examples_keep_their_warnings() -> None:
    """They are the unchanged input contract: accepted, built, warnings and all."""
    for path in sorted(CONTRACT.glob("*.yaml")):
        report = docgen.check(path)
        assert report.ok and [w for w in report.warnings if not w.acknowledged], path


@pytest.mark.parametrize("example", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_shipped_free_text_calls_the_contract_an_agreement(example: Path) -> None:
    """Free text lands in every document: "this agreement" in an excluded matter read, in
    the contract, as the contract itself (legal review, December 2026)."""
    contract = docgen.render(example, documents=["contract"]).documents["contract"]
    with zipfile.ZipFile(io.BytesIO(contract)) as z:
        text = re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode())
    assert "this agreement" not in text.lower()
