"""Three faults of the names About's "Before the post can be final" gives each answer
(docgen/web/nouns.py, found in review of c597db4):

1. a partner with no name yet was named by its short code (``westmere``) or by "tbc", its
   names not known yet: "Give tbc's legal name", "Give the manager at tbc". It is named as
   the partners page titles it, by its place: "Partner 2";
2. a row of a list was named by its number where the officer had typed its name: "the
   percentage for on-cost 2" for Employer National Insurance. It is named by that name
   ("for ‘Employer National Insurance’"), by its number only where it has none, or shares
   it with another row;
3. the words these names are put together with were Python strings: they are the sections
   ``answer_names`` and ``before_final`` of docgen/web/problem_words.yaml, which an editor
   changes without Python, checked whole when read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from yaml_text import load_yaml

pytest.importorskip("starlette")

from docgen.errors import DocgenError  # noqa: E402
from docgen.web import nouns  # noqa: E402
from docgen.web.nouns import answer_noun  # noqa: E402
from docgen.web.views import party_names  # noqa: E402

from .helpers import Browser  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
HR = (ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml").read_text("utf-8")
WESTMERE = ("    name: The Mayor and Burgesses of the Royal Borough of Westmere\n"
            "    short_name: Westmere\n")


def _before_final(folder: Path, text: str) -> list[str]:
    """What About lists under "Before the post can be final" once "Final" is chosen."""
    web = Browser.on(folder, "hr.yaml", text)
    refused = web.press(web.go(f"{web.base}/about"), status="final")
    assert refused.status == 422, refused.text()
    return [said for said, _ in refused.links("//div[@id='before-final']//a")]


def test_a_partner_not_named_yet_is_named_by_its_place(tmp_path: Path) -> None:
    text = HR.replace(WESTMERE, "    name: tbc\n    short_name: tbc\n").replace(
        "westmere: Director of Resources", "westmere: tbc")
    said = _before_final(tmp_path, text)
    assert said == ["Give Partner 2's legal name", "Give Partner 2's short name",
                    "Give the manager at Partner 2"], said


def test_a_partners_short_code_never_names_it() -> None:
    doc = load_yaml(HR.replace(WESTMERE, ""))  # neither name: an error on its own page
    names = party_names(doc)
    assert answer_noun(("management", "line_managers", "westmere"), names) == \
        "the manager at Partner 2"
    assert answer_noun(("time_split", "shares", "westmere"), names) == \
        "Partner 2's share of the time"
    assert answer_noun(("parties", 1, "signatory", "name"), names) == \
        "the name of the person who signs for Partner 2"
    assert answer_noun(("management", "line_managers", "eastwick"), names) == \
        "the manager at Eastwick"  # a partner with a name keeps it


def test_an_on_cost_is_named_by_the_name_typed_for_it(tmp_path: Path) -> None:
    text = HR.replace("{name: Employer National Insurance, percent: 15, above: 5000}",
                      "{name: Employer National Insurance, percent: 15}")
    said = _before_final(tmp_path, text)
    assert said == ["Accept or put right the warning about the percentage for \u2018Employer "
                    "National Insurance\u2019 (Payment)"], said


def test_a_row_is_numbered_where_it_has_no_name_of_its_own() -> None:
    doc = load_yaml(HR)
    names = party_names(doc)
    costs = doc["payment"]["on_costs"]
    path = ("payment", "on_costs", 1, "percent")
    assert answer_noun(path, names, doc) == \
        "the percentage for \u2018Employer National Insurance\u2019"
    assert answer_noun(path, names) == "the percentage for on-cost 2"  # no answers given
    assert answer_noun(("payment", "on_costs", 1, "name"), names, doc) == \
        "what on-cost 2 is"  # the name itself: by the number the page gives its row
    costs[0]["name"] = "Employer National Insurance"  # two rows with one name
    assert answer_noun(path, names, doc) == "the percentage for on-cost 2"
    costs[0]["name"], costs[1]["name"] = "Pension", "tbc"  # its name not known yet
    assert answer_noun(path, names, doc) == "the percentage for on-cost 2"
    assert answer_noun(("payment", "on_costs", 0, "percent"), names, doc) == \
        "the percentage for \u2018Pension\u2019"
    doc["post"]["statutory_roles"] = [{"party": "eastwick", "role": "Monitoring Officer"}]
    assert answer_noun(("post", "statutory_roles", 0), names, doc) == \
        "the statutory role \u2018Monitoring Officer\u2019"  # a whole row
    assert answer_noun(("post", "statutory_roles", 0, "party"), names, doc) == \
        "the partner for \u2018Monitoring Officer\u2019"
    assert answer_noun(("governance", "disputes", 1, "days"), names, doc) == \
        "the days allowed for step 2"  # a step is known by its place in the order


def test_the_words_are_data_an_editor_changes(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    edited = tmp_path / "problem_words.yaml"
    shutil.copy(nouns.SHIPPED, edited)
    text = edited.read_text("utf-8")
    for before, after in (("warning: Accept or put right the warning about {answer}",
                           "warning: Accept the warning about {answer}, or put it right"),
                          ("on_page: '{answer} ({page})'", "on_page: '{answer}, on {page}'"),
                          ("row_named: \"\u2018{name}\u2019\"", "row_named: the {name}")):
        assert before in text, before
        text = text.replace(before, after)
    edited.write_text(text, "utf-8")
    monkeypatch.setattr(nouns, "PHRASES", edited)
    folder = tmp_path / "posts"
    folder.mkdir()
    said = _before_final(folder, HR.replace(
        "{name: Employer National Insurance, percent: 15, above: 5000}",
        "{name: Employer National Insurance, percent: 15}"))
    assert said == ["Accept the warning about the percentage for the Employer National "
                    "Insurance, on Payment, or put it right"], said
    edited.write_text(text.replace("give: Give {answer}", "give: Give {anser}"), "utf-8")
    with pytest.raises(DocgenError, match=r"problem_words\.yaml: before_final\.give must "
                                          r"use \{answer\}"):
        nouns.phrase("before_final.give", answer="the salary")
