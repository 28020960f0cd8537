"""A London council contracts in its corporation's name (GP057).

The council of a London borough acts for the borough's corporation (London Government Act
1963 s.1, each borough's charter; Local Government Act 1972 s.8 and Sch. 2): "The Mayor and
Burgesses of the London Borough of X", of the Royal Borough for Kensington and Chelsea,
Kingston upon Thames and Greenwich; "The Lord Mayor and Citizens of the City of Westminster";
"The Mayor and Commonalty and Citizens of the City of London". The agreement prints a party's
legal name in its parties clause, definitions and signature blocks.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from yaml_text import load_yaml

import docgen
from docgen.rulebook.parties import london_corporate_name

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = ROOT / "tests" / "data" / "contract-examples" / "shared-head-of-hr.yaml"
SHIPPED = ROOT / "inputs" / "shared-head-of-hr.yaml"
EASTWICK = "The Mayor and Burgesses of the London Borough of Eastwick"
WESTMERE = "The Mayor and Burgesses of the Royal Borough of Westmere"


def _data(path: Path) -> dict[str, Any]:
    return copy.deepcopy(load_yaml(path.read_text("utf-8")))


def _agreement(source: Path | dict[str, Any]) -> list[str]:
    blob = docgen.render(source, documents=["agreement"]).documents["agreement"]
    document = docx.Document(io.BytesIO(blob))
    return [Paragraph(p, document).text for p in document.element.body.iter(qn("w:p"))]


def _gp057(data: dict[str, Any]) -> list[str]:
    return [p.message for p in docgen.check(data).problems if p.rule == "GP057"]


def test_the_shipped_example_names_each_london_borough_by_its_corporate_name() -> None:
    paragraphs = _agreement(SHIPPED)
    assert f"(1)\t{EASTWICK} of Town Hall, 1 High Street, London E20 1AA (“Eastwick”); and" \
        in paragraphs
    assert f"(2)\t{WESTMERE} of Civic Centre, Westmere Road, London W15 2BB (“Westmere”)." \
        in paragraphs
    assert any(p.startswith(f"Signed for and on behalf of {EASTWICK}\n") and "Priya Shah" in p
               for p in paragraphs)
    assert not _gp057(_data(SHIPPED))


def test_a_london_borough_by_its_short_name_is_warned_with_the_corporate_form() -> None:
    """The input contract's Head of HR names 'London Borough of Eastwick': accepted as it
    is, warned about, and printed as given until the user corrects it."""
    data = _data(CONTRACT)
    eastwick, westmere = _gp057(data)
    assert eastwick.startswith("'London Borough of Eastwick' is how Eastwick is known, not "
                               "its corporate name")
    assert eastwick.endswith(f"Write the legal name as '{EASTWICK}'")
    assert westmere.endswith(f"Write the legal name as '{WESTMERE}'")  # a London address
    assert "(1)\tLondon Borough of Eastwick of Town Hall, 1 High Street, London E20 1AA " \
        "(“Eastwick”); and" in _agreement(data)


@pytest.mark.parametrize(("name", "address", "proper"), [
    ("Westminster City Council", "64 Victoria Street, London SW1E 6QP",
     "The Lord Mayor and Citizens of the City of Westminster"),
    ("City of London Corporation", "Guildhall, London EC2V 7HH",
     "The Mayor and Commonalty and Citizens of the City of London"),
    ("Royal Borough of Kensington and Chelsea", "Hornton Street W8 7NX",
     "The Mayor and Burgesses of the Royal Borough of Kensington and Chelsea"),
    ("London Borough of Barking and Dagenham Council", "Town Hall, Barking IG11 7LU",
     "The Mayor and Burgesses of the London Borough of Barking and Dagenham"),
    ("Harrow London Borough Council", "Forward Drive, Harrow HA3 8FL",
     "The Mayor and Burgesses of the London Borough of Harrow"),
    # not London boroughs, or already in the corporate form
    ("Royal Borough of Windsor and Maidenhead", "Town Hall, Maidenhead SL6 1RF", ""),
    ("Royal Borough of Windsor and Maidenhead", "1 London Road, Maidenhead SL6 1RF", ""),
    ("Royal Borough of Northtown", "Civic Centre, London Road, Northtown NT1 2BB", ""),
    ("Brookfield Borough Council", "Civic Offices, Brookfield", ""),
    (EASTWICK, "Town Hall, London E20 1AA", ""),
])
def test_the_corporate_form_for_each_kind_of_london_council(name: str, address: str,
                                                            proper: str) -> None:
    assert london_corporate_name(name, address) == proper
    data = _data(CONTRACT)
    data["parties"][0].update(name=name, address=address)
    found = [m for m in _gp057(data) if m.startswith(f"'{name}'")]
    assert found == ([f"'{name}' is how Eastwick is known, not its corporate name, which the "
                      "agreement's parties clause and signature block should give: a London "
                      "council contracts in its corporation's name. Write the legal name as "
                      f"'{proper}'"] if proper else [])


def test_an_nhs_body_is_not_a_london_council() -> None:
    data = _data(CONTRACT)
    data["parties"][0].update(name="London Borough of Eastwick Clinical Services",
                              kind="nhs_body")
    assert not [m for m in _gp057(data) if "Clinical" in m]


@pytest.mark.parametrize(("name", "address", "proper"), [
    # "&" for "and", as councils often write their names: the corporation's name says "and"
    ("Royal Borough of Kensington & Chelsea", "Hornton Street W8 7NX",
     "The Mayor and Burgesses of the Royal Borough of Kensington and Chelsea"),
    ("London Borough of Hammersmith & Fulham", "King Street, London W6 9JU",
     "The Mayor and Burgesses of the London Borough of Hammersmith and Fulham"),
    ("London Borough of Barking & Dagenham", "Town Hall, Barking IG11 7LU",
     "The Mayor and Burgesses of the London Borough of Barking and Dagenham"),
    ("Barking & Dagenham London Borough Council", "Town Hall, Barking IG11 7LU",
     "The Mayor and Burgesses of the London Borough of Barking and Dagenham"),
    # "upon" is not hyphenated in the boroughs' names (nor is Kingston's post town London)
    ("Royal Borough of Kingston-upon-Thames", "Guildhall, Kingston upon Thames KT1 1EU",
     "The Mayor and Burgesses of the Royal Borough of Kingston upon Thames"),
    ("London Borough of Richmond-upon-Thames", "York Street, Twickenham TW1 3BZ",
     "The Mayor and Burgesses of the London Borough of Richmond upon Thames"),
    # the three royal boroughs are not "London Borough of"
    ("London Borough of Greenwich", "The Woolwich Centre, London SE18 6HQ",
     "The Mayor and Burgesses of the Royal Borough of Greenwich"),
    ("London Borough of Kensington and Chelsea", "Hornton Street W8 7NX",
     "The Mayor and Burgesses of the Royal Borough of Kensington and Chelsea"),
])
def test_ampersands_hyphens_and_royal_boroughs_get_the_corporate_spelling(
        name: str, address: str, proper: str) -> None:
    assert london_corporate_name(name, address) == proper
    data = _data(CONTRACT)
    data["parties"][0].update(name=name, address=address)
    assert [m for m in _gp057(data) if m.startswith(f"'{name}'")] == [
        f"'{name}' is how Eastwick is known, not its corporate name, which the agreement's "
        "parties clause and signature block should give: a London council contracts in its "
        f"corporation's name. Write the legal name as '{proper}'"]


@pytest.mark.parametrize(("name", "proper"), [
    ("The Mayor and Burgesses of the Royal Borough of Kensington & Chelsea",
     "The Mayor and Burgesses of the Royal Borough of Kensington and Chelsea"),
    ("The Mayor and Burgesses of the London Borough of Hammersmith & Fulham",
     "The Mayor and Burgesses of the London Borough of Hammersmith and Fulham"),
    ("The Mayor and Burgesses of the London Borough of Greenwich",
     "The Mayor and Burgesses of the Royal Borough of Greenwich"),
    ("The Mayor and Commonalty of the City of London",
     "The Mayor and Commonalty and Citizens of the City of London"),
])
def test_a_corporate_form_with_the_name_misspelt_after_it_is_warned(name: str,
                                                                    proper: str) -> None:
    data = _data(CONTRACT)
    data["parties"][0].update(name=name, address="Town Hall, London W6 9JU")
    assert [m for m in _gp057(data) if m.startswith(f"'{name}'")] == [
        f"'{name}' is not quite Eastwick's corporate name, which the agreement's parties "
        "clause and signature block should give: a London council contracts in its "
        f"corporation's name. Write the legal name as '{proper}'"]
    # the agreement prints the name as given until the user corrects it
    assert any(p.startswith(f"(1)\t{name} of Town Hall, London W6 9JU") for p in
               _agreement(data))
    data["parties"][0]["name"] = proper
    assert not [m for m in _gp057(data) if "Eastwick" in m]
