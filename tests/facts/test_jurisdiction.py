"""Jurisdiction switches, tested on modified copies of an example: governing law, courts,
freedom-of-information statute, and the legal basis."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES_DIR
from docx_read import full_text
from yaml_text import load_yaml

from docgen import build

HR = EXAMPLES_DIR / "shared-head-of-hr.yaml"

CASES = {
    "scotland": ("lgs_1966_s35", "governed by Scots law", "the Scottish courts",
                 "Freedom of Information (Scotland) Act 2002",
                 "section 35 of the Local Government (Scotland) Act 1966",
                 ["the law of England and Wales", "Freedom of Information Act 2000"]),
    "northern_ireland": ("lgni_1972_s105", "governed by the law of Northern Ireland",
                         "the courts of Northern Ireland", "Freedom of Information Act 2000",
                         "section 105 of the Local Government Act (Northern Ireland) 1972",
                         ["the law of England and Wales", "(Scotland) Act 2002"]),
    "england_and_wales": ("lga_1972_s113", "governed by the law of England and Wales",
                          "the courts of England and Wales", "Freedom of Information Act 2000",
                          "section 113 of the Local Government Act 1972",
                          ["Scots law", "(Scotland) Act 2002", "Northern Ireland"]),
}


@pytest.mark.parametrize("jurisdiction", sorted(CASES))
def test_jurisdiction_switches(jurisdiction: str, tmp_path: Path) -> None:
    basis, law, courts, foi, basis_text, absent = CASES[jurisdiction]
    data = load_yaml(HR.read_text())
    data["jurisdiction"], data["legal_basis"] = jurisdiction, basis
    src = tmp_path / "post.yaml"
    src.write_text(yaml.safe_dump(data, allow_unicode=True))
    report = build([src], tmp_path / "out")
    assert report.ok, report.posts[0].message
    folder = tmp_path / "out" / data["reference"]
    agreement = full_text(folder / f"{data['reference']}-agreement.docx")
    contract = full_text(folder / f"{data['reference']}-contract.docx")
    assert law in agreement
    assert courts in agreement
    assert foi in agreement
    assert basis_text in agreement
    assert law.replace("governed by ", "") in contract
    for text in absent:
        assert text not in agreement, text


def test_overlay_folder_named_in_the_answer_file(tmp_path: Path) -> None:
    ours = tmp_path / "our-clauses"
    ours.mkdir()
    (ours / "extra.yaml").write_text(
        "id: zz.local\ntitle: Local arrangements\nversion: 1\ndocuments: [agreement]\n"
        "order: 2250\ntext: |\n  Our local arrangements apply.\n")
    data = load_yaml(HR.read_text())
    data["clauses"] = ["our-clauses"]
    src = tmp_path / "post.yaml"
    src.write_text(yaml.safe_dump(data, allow_unicode=True))
    report = build([src], tmp_path / "out")
    assert report.ok, report.posts[0].message
    text = full_text(tmp_path / "out" / data["reference"] / f"{data['reference']}-agreement.docx")
    assert "Our local arrangements apply." in text
