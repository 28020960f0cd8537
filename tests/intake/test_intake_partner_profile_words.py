"""Three messages about a workbook's partners, as the examples' programme shows them (the
folder holds organisations/ with Eastwick's and Westmere's profiles):

- an organisation row with a blank Kind was told "there is no organisation profile for
  'icb' ... add organisations/icb.yaml" (its Kind cell is now named, as it is in a folder
  without profiles);
- a post with one partner was told "List should have at least 2 items, not 1 (found
  [{id: council, name: ..." (now: a shared post needs two or more partners);
- a post whose employer is filled in on the Organisations sheet, beside its profile, was
  told only "this post gives no Invoicing ..." (now: the profile was not read, and why).
"""

from __future__ import annotations

from pathlib import Path

from intake_programme import run

from .examples_book import examples as shipped
from .examples_book import typed

EASTWICK = {"Organisations!B2": "The Mayor and Burgesses of the London Borough of Eastwick",
            "Organisations!C2": "Eastwick", "Organisations!D2": "local_authority",
            "Organisations!E2": "Town Hall, 1 High Street, London E20 1AA",
            "Organisations!F2": "Priya Shah", "Organisations!G2": "Chief Executive",
            "Organisations!H2": "Director of Law and Governance",
            "Organisations!I2": "legal@eastwick.example.gov.uk"}


def examples(tmp_path: Path) -> Path:
    """The examples with their programme workbook written afresh (inputs/programme.xlsx is
    not kept in git: made here as the tester made it, with docgen intake write)."""
    book = shipped(tmp_path)
    code, text = run("intake", "write", str(book.parent), str(book), "--force")
    assert code == 0, text
    return book


def _check(book: object) -> str:
    code, text = run("check", str(book))
    assert code == 1, text
    return " ".join(text.split())


def test_a_blank_kind_is_said_at_its_cell_beside_profiles(tmp_path):
    book = examples(tmp_path)
    typed(book, {"Organisations!D5": None})
    text = _check(book)
    assert ("programme.xlsx!Organisations!D5 (kind, post NBC-ICB-DPH-2027): 'kind' is "
            "required here but missing") in text, text
    assert "no organisation profile for 'icb'" not in text, text


def test_one_partner_is_told_a_shared_post_needs_two(tmp_path):
    book = examples(tmp_path)
    typed(book, {"Posts!D5": "council"})
    text = _check(book)
    assert ("programme.xlsx!Posts!D5 (partners, post NBC-ICB-DPH-2027): a shared post needs "
            "two or more partners (found one: council); list each partner, e.g. [council, "
            "eastwick]") in text, text
    assert "List should" not in text and "{id: council" not in text, text


def test_an_employer_filled_in_beside_its_profile_is_told_the_profile_was_not_read(
        tmp_path):
    book = examples(tmp_path)
    typed(book, EASTWICK)
    text = _check(book)
    assert ("this post gives no Invoicing (How the employer invoices the others); give it in "
            "the 'Other answers' sheet") in text, text
    assert ("organisations/eastwick.yaml gives eastwick's policy for it (policy: payment: "
            "invoicing: in that file) but was not read: the employer, eastwick, is written "
            "out in full in "
            "this workbook, and a party written out in full never reads its profile. To take "
            "it from there, give eastwick by its id alone (nothing beside its id), or leave "
            "empty one of the details the profile gives (its address, say)") in text, text
