"""A lawyer's review (A4), read back from the .docx: a Welsh principal council's chief executive
is appointed under section 54 of the Local Government and Elections (Wales) Act 2021, which
replaced the designation of a head of paid service. A Welsh post whose role was written "Head of
Paid Service" printed "Head of Paid Service of Dyffryn Teifi, appointed under section 54 ..." in
the agreement and the contract, and "Head of Paid Service" in Schedule 1 and the job
specification: an office that section 54 replaced, said to be appointed under it. The role now
prints as the chief executive it is, "Chief Executive (Head of Paid Service)"
(``facts.roles.printed_role``: the role as typed stays in it, as the read-back check of the
answer file's free text requires), in all three documents alike; England keeps the role as
written. GP046 still asks for the role to be written "Chief Executive"."""

from __future__ import annotations

import io
from typing import Any

import docx
from legal_answers import WALES, answers, rules_fired, text

import docgen

S54 = "appointed under section 54 of the Local Government and Elections (Wales) Act 2021"
DYFFRYN = "Cyngor Sir Dyffryn Teifi / Dyffryn Teifi County Council"
HAFREN = "Cyngor Bwrdeistref Sirol Bro Hafren / Bro Hafren County Borough Council"
CE = "Chief Executive (Head of Paid Service)"


def _written(*roles: str, jurisdiction: str = "wales") -> dict[str, Any]:
    return answers(WALES, jurisdiction=jurisdiction, post__statutory_roles=[
        {"party": "dyffryn", "role": roles[0]}, {"party": "hafren", "role": roles[1]}])


def test_welsh_head_of_paid_service_prints_as_the_s54_chief_executive() -> None:
    data = _written("Head of Paid Service", "Head of Paid Service")
    agreement, contract = text(data), text(data, "contract")
    spec = text(data, "job_spec")
    for t in (agreement, contract):
        assert f"{CE} of Dyffryn Teifi, {S54};\n{CE} of Bro Hafren, {S54}." in t
    for t in (agreement, spec):  # Schedule 1, and the job specification's summary table
        assert f"Statutory role\n{CE} of {DYFFRYN}\nStatutory role\n{CE} of {HAFREN}" in t
    assert f"{CE}, {DYFFRYN};\n{CE}, {HAFREN}." in spec
    for t in (agreement, contract, spec):
        assert "\nHead of Paid Service" not in t
    assert "GP046" in rules_fired(data)  # the answer file is still to be corrected


def test_the_three_documents_are_made_together() -> None:
    """The read-back check finds each role as typed in the documents (it refuses to write
    documents that drop a value of the answer file)."""
    made = docgen.render(_written("Interim Head of Paid Service", "Head of the Paid Service"))
    document = docx.Document(io.BytesIO(made.documents["contract"]))
    t = "\n".join(p.text for p in document.paragraphs)
    assert f"Chief Executive (Interim Head of Paid Service) of Dyffryn Teifi, {S54};" in t
    assert f"Chief Executive (Head of the Paid Service) of Bro Hafren, {S54}." in t


def test_a_role_naming_the_chief_executive_prints_as_written() -> None:
    t = text(_written("Chief Executive and Head of Paid Service", "Chief Executive"), "contract")
    assert f"Chief Executive and Head of Paid Service of Dyffryn Teifi, {S54};" in t
    assert f"Chief Executive of Bro Hafren, {S54}." in t


def test_england_keeps_the_head_of_paid_service() -> None:
    data = _written("Head of Paid Service", "Head of Paid Service", jurisdiction="england")
    agreement, contract = text(data), text(data, "contract")
    for t in (agreement, contract):
        assert "Head of Paid Service of Dyffryn Teifi;\nHead of Paid Service of Bro Hafren." in t
        assert "section 54" not in t
    assert f"Statutory role\nHead of Paid Service of {DYFFRYN}" in agreement
    assert f"Head of Paid Service, {DYFFRYN};" in text(data, "job_spec")
