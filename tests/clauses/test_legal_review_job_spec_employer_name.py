"""A legal review (6 December 2026, point 6), read back from the built documents: the
Eastwick and Westmere job specifications printed "Employer | London Borough of Eastwick"
while the agreement names the employer by its corporate name, "The Mayor and Burgesses of the
London Borough of Eastwick". The job specification, read by candidates, keeps the name the
council is known by in its running text, but where it says who the employer is (the summary's
Employer row and clause 2.1) it gives the corporate name beside it; a body whose name has no
corporate form is named once, as before."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from legal_answers import NHS, answers, text

import docgen

ROOT = Path(__file__).resolve().parents[2]
EASTWICK = "The Mayor and Burgesses of the London Borough of Eastwick"


def _rows(data: bytes) -> dict[str, str]:
    document = docx.Document(io.BytesIO(data))
    return {row.cells[0].text: row.cells[1].text for t in document.tables for row in t.rows
            if len(row.cells) >= 2}


def test_eastwick_job_specs_name_the_employer_as_the_agreement_does() -> None:
    for name in ("shared-head-of-hr", "shared-head-of-procurement"):
        result = docgen.render(ROOT / "inputs" / f"{name}.yaml")
        rows = _rows(result.documents["job_spec"])
        assert rows["Employer"] == f"London Borough of Eastwick ({EASTWICK})"
        assert rows["Partner organisations"] == "Royal Borough of Westmere"
        spec = "\n".join(p.text for p in docx.Document(
            io.BytesIO(result.documents["job_spec"])).paragraphs)
        assert ("Employing organisation: London Borough of Eastwick (local authority), whose "
                f"corporate name is {EASTWICK}.") in spec
        agreement = _rows(result.documents["agreement"])
        assert agreement["Employer"] == EASTWICK


def test_a_name_without_a_corporate_form_is_given_once() -> None:
    spec = text(answers(NHS), "job_spec")
    assert "whose corporate name is" not in spec
    assert "Employing organisation: NHS Shawbury and Wrekin Integrated Care Board (NHS " \
        "body). The post-holder" in spec
    rows = _rows(docgen.render(answers(NHS), documents=["job_spec"]).documents["job_spec"])
    assert rows["Employer"] == "NHS Shawbury and Wrekin Integrated Care Board"
