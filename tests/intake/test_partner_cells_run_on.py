"""A per-partner cell (Places of work, Line managers) with a comma typed for ';' is refused
at the cell: read as it was, the second partner's entry was printed as the first's in every
document. A comma inside an address stays text."""

from __future__ import annotations

from pathlib import Path

from intake_programme import run
from yaml_text import load_yaml

import docgen
from docgen.intake.cells import run_on

from .examples_book import examples, typed

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"
FIX = "separate partners with ';' or a new line, e.g."


def test_a_comma_between_partners_is_refused_at_the_cell_and_nothing_is_built(tmp_path):
    book = examples(tmp_path)
    typed(book, {"Posts!S5": "council: Guildhall, Northbridge, icb: Riverside House"})
    out = tmp_path / "out"
    code, text = run("build", str(book), "--out", str(out), "-q")
    assert code == 1, text
    assert ("programme.xlsx!Posts!S5 (places of work, post NBC-ICB-DPH-2027): the entry for "
            "council holds 'icb:', another partner's entry run on without ';'; " + FIX +
            " council: Guildhall, Northbridge; icb: Riverside House") in " ".join(text.split())
    assert not (out / "NBC-ICB-DPH-2027" / "NBC-ICB-DPH-2027-agreement.docx").exists()


def test_partners_from_other_answers_are_known_too(tmp_path):
    """Rows 2 and 4: the parties on Other answers, and in the Partners cell."""
    book = examples(tmp_path)
    typed(book, {"Posts!R4": "eastwick: Director of Finance, westmere: Director of Resources",
                 "Posts!S2": "eastwick: Town Hall, Eastwick, westmere: Civic Centre"})
    code, text = run("check", str(book))
    text = " ".join(text.split())
    assert code == 1, text
    assert ("programme.xlsx!Posts!R4 (line managers, post EWK-WSM-PROC-01): the entry for "
            "eastwick holds 'westmere:'") in text, text
    assert "line manager is missing" not in text, text
    assert ("programme.xlsx!Posts!S2 (places of work, post EWK-WSM-HR-01): the entry for "
            "eastwick holds 'westmere:'") in text, text
    assert "e.g. eastwick: Town Hall, Eastwick; westmere: Civic Centre" in text, text


def test_commas_in_an_address_are_text(tmp_path):
    book = examples(tmp_path)
    typed(book, {"Posts!S5": "council: Guildhall, 1 High St, Northbridge\n"
                             "icb: Riverside House, Quay: North, Northbridge"})
    code, text = run("check", str(book))
    assert code == 0, text
    assert FIX not in text


def test_a_comma_between_shares_says_the_same(tmp_path):
    """A Time split is numbers: '60, westmere: 40' was said to be no number."""
    book = examples(tmp_path)
    typed(book, {"Posts!G4": "eastwick: 60, westmere: 40"})
    code, text = run("check", str(book))
    assert code == 1, text
    assert ("programme.xlsx!Posts!G4 (time split, post EWK-WSM-PROC-01): the entry for "
            "eastwick holds 'westmere:', another partner's entry run on without ';'; " + FIX
            + " eastwick: 60; westmere: 40") in " ".join(text.split()), text


def test_an_entry_run_on_with_no_comma_is_not_said_to_follow_a_comma() -> None:
    """The reviewer's case: 'eastwick: 60 westmere: 40' has no comma to blame."""
    said = run_on("eastwick: 60 westmere: 40", ["eastwick", "westmere"])
    assert said is not None and "after a comma" not in said, said
    assert "run on without ';'" in said, said


def test_a_site_naming_a_partner_and_a_colon_round_trips_through_intake_write(tmp_path):
    """'Town Hall, Westmere: Annex' is one partner's site (API and command line take it):
    ``intake write`` put it in Places of work, where the reader takes 'Westmere:' for the
    next partner's entry and refuses the row. It is written on Other answers instead."""
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    site = "Town Hall, Westmere: Annex"
    text = text.replace('{party: eastwick, site: "Town Hall, Eastwick"}',
                        f'{{party: eastwick, site: "{site}"}}', 1)
    posts = tmp_path / "posts"
    posts.mkdir()
    (posts / "post.yaml").write_text(text, encoding="utf-8")
    assert docgen.check(posts / "post.yaml").ok
    book = tmp_path / "book.xlsx"
    code, said = run("intake", "write", str(posts), str(book))
    assert code == 0, said
    code, said = run("check", str(book))
    assert code == 0, said
    code, said = run("intake", "read", str(book), "--into", str(tmp_path / "back"))
    assert code == 0, said
    back = load_yaml((tmp_path / "back" / "EWK-WSM-HR-01.yaml").read_text(encoding="utf-8"))
    assert back["post"]["locations"] == load_yaml(text)["post"]["locations"]
    assert back["post"]["locations"][0]["site"] == site
