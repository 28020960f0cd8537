"""A partner with no name yet, or one "not known yet" (``tbc``), on the pages beyond
About's list (found in review of be2d16d, which named it there by its place, "Partner 2"):

1. "Check your answers" showed its short code or "tbc": "rbwx: 40%", "tbc, Civic Centre";
2. the partner's page was titled "tbc";
3. "Partner {n}" was a Python string in partners.py and messages.py: it is
   problem_words.yaml's ``answer_names.partner_unnamed``, as nouns.py reads it;
4. Check your answers' "… is not known yet" named a row by its number ("for statutory
   role 1") where the row has a name of its own.

Each is read over HTTP, as an officer's browser shows it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.web import nouns  # noqa: E402

from .helpers import Browser, Shown  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
HR = (ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml").read_text("utf-8")
WESTMERE = ("    name: The Mayor and Burgesses of the Royal Borough of Westmere\n"
            "    short_name: Westmere\n")
#: Westmere's short code made one no other word on a page holds (its e-mail addresses kept)
CODE = "rbwx"
#: what no page may show for a partner: its short code, or "tbc"
NOT_SHOWN = re.compile(rf"\b{CODE}\b|\btbc\b", re.IGNORECASE)


def _hr(names: str) -> str:
    """The head of HR example, Westmere's short code ``rbwx`` and its names ``names``."""
    text = re.sub(r"(?<![@.])\bwestmere\b(?!\.)", CODE, HR)
    assert WESTMERE in text
    return text.replace(WESTMERE, names)


#: Westmere's names not known yet, nor its line manager
NOT_KNOWN = "    name: tbc\n    short_name: tbc\n"


def _check(folder: Path, text: str) -> Shown:
    web = Browser.on(folder, "hr.yaml", text)
    page = web.go(f"{web.base}/check")
    assert page.status == 200, page.text()
    return page


def _plain(page: Shown) -> str:
    said = page.text()
    assert NOT_SHOWN.search(said) is None, NOT_SHOWN.search(said)
    return said


@pytest.mark.parametrize("names", ["", NOT_KNOWN], ids=["no name", "not known yet"])
def test_check_your_answers_names_a_partner_with_no_name_by_its_place(
        tmp_path: Path, names: str) -> None:
    text = _hr(names).replace(f"{CODE}: Director of Resources", f"{CODE}: tbc")
    said = _plain(_check(tmp_path, text))
    for shown in ("Eastwick: 60%; Partner 2: 40%", "Partner 2, Civic Centre, Westmere",
                  "Partner 2: Not known yet"):
        assert shown in said, shown


def test_a_partner_page_with_its_names_not_known_is_titled_by_its_place(
        tmp_path: Path) -> None:
    web = Browser.on(tmp_path, "hr.yaml", _hr(NOT_KNOWN))
    page = web.go(f"{web.base}/partners/1")
    assert page.text("//h1") == "Partner 2", page.text("//h1")
    _plain(page)
    listed = web.go(f"{web.base}/partners")
    assert "Partner 2 Change" in _plain(listed)


def test_a_partners_place_is_worded_by_the_words_file(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    edited = tmp_path / "problem_words.yaml"
    shutil.copy(nouns.SHIPPED, edited)
    words = edited.read_text("utf-8")
    assert "partner_unnamed: Partner {number}" in words
    edited.write_text(words.replace("partner_unnamed: Partner {number}",
                                    "partner_unnamed: Council number {number}"), "utf-8")
    monkeypatch.setattr(nouns, "PHRASES", edited)
    folder = tmp_path / "posts"
    folder.mkdir()
    web = Browser.on(folder, "hr.yaml", _hr(NOT_KNOWN))
    assert web.go(f"{web.base}/partners/1").text("//h1") == "Council number 2"
    assert "Council number 2 Change" in _plain(web.go(f"{web.base}/partners"))
    assert "Eastwick: 60%; Council number 2: 40%" in _plain(web.go(f"{web.base}/check"))


def test_check_your_answers_names_a_row_not_known_yet_by_its_name(tmp_path: Path) -> None:
    text = _hr(WESTMERE).replace("  politically_restricted: true\n", (
        "  politically_restricted: true\n  statutory_roles:\n"
        "    - {party: eastwick, role: Monitoring Officer, deputy: tbc}\n"))
    said = _plain(_check(tmp_path, text))
    assert "The post: The deputy for \u2018Monitoring Officer\u2019 is not known yet" in \
        said, re.findall(r"[^.;]*not known yet[^.;]*", said)
    assert "statutory role 1" not in said
