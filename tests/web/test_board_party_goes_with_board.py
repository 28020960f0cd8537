"""An integration joint board that signs the agreement as a party (its details set up by
the legal team: no page asks them) goes with the board. Outside Scotland docgen says to
leave the board blank; done on the Legal basis page, the board's signing details stayed,
and with them two errors ("Enter the name of the integration joint board", "exists only in
Scotland") whose links led to the reference on the first page, where nothing could put
them right: a dead end, in Wales and Northern Ireland as in Scotland. The board's question
now says what leaving it blank does while the board signs, and is asked whenever it signs;
left blank, the details go too; an error about them links to the board's question."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from yaml_text import load_yaml

import docgen

from .conftest import EXAMPLES
from .helpers import Browser, Shown

BASIS = {"wales": "lga_1972_s113", "northern_ireland": "lgni_1972_s105",
         "scotland": "lgs_1966_s35"}
BOARD = "Glenmuir Integration Joint Board"
SIGNS = ("The board also signs the agreement, with the details your legal team gave it. If "
         "you leave the board blank, those details are removed too")
PARTY = {"short_name": "the IJB", "address": "Council Headquarters, Glenmuir KA1 1AA",
         "signatory": {"name": "Cllr Ann Reid", "title": "Chair"},
         "notices": {"title": "Standards Officer", "email": "ijb@glenmuir.example.gov.uk"}}


def _post(tmp_path: Path, law: str, board: str | None) -> Browser:
    """The Head of HR example under ``law``, its board (if any) signing as a party, opened."""
    data: dict[str, Any] = load_yaml((EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8"))
    data.update(jurisdiction=law, legal_basis=BASIS[law], integration_joint_board_party=PARTY)
    if board:
        data["integration_joint_board"] = board
    return Browser.on(tmp_path, "p.yaml", yaml.safe_dump(data, sort_keys=False))


def _hint(page: Shown) -> str:
    return page.text("//*[@id='f-integration_joint_board-hint']")


def _saved(web: Browser) -> dict[str, Any]:
    response = web.save("p.yaml")
    assert response.status_code == 200 and "saved=p.yaml" in str(response.url), response.url
    saved: dict[str, Any] = load_yaml((web.folder / "p.yaml").read_text("utf-8"))
    return saved


@pytest.mark.parametrize("law", ["wales", "northern_ireland", "scotland"])
def test_the_board_left_blank_takes_its_signing_details_with_it(tmp_path: Path,
                                                                 law: str) -> None:
    web = _post(tmp_path, law, BOARD)
    basis = web.go(f"{web.base}/basis")
    assert _hint(basis).endswith(SIGNS), _hint(basis)
    done = web.press(basis, "continue", integration_joint_board="")
    assert done.errors() == [], done.errors()
    assert not done.path.endswith("/basis"), done.url
    assert web.go(f"{web.base}/check").errors() == []
    saved = _saved(web)
    assert "integration_joint_board" not in saved
    assert "integration_joint_board_party" not in saved
    assert docgen.check(saved).ok


def test_a_board_kept_keeps_its_signing_details(tmp_path: Path) -> None:
    web = _post(tmp_path, "scotland", BOARD)
    done = web.press(web.go(f"{web.base}/basis"), "continue")
    assert done.errors() == [], done.errors()
    saved = _saved(web)
    assert saved["integration_joint_board"] == BOARD
    assert saved["integration_joint_board_party"] == PARTY


@pytest.mark.parametrize("law", ["wales", "scotland"])
def test_signing_details_without_a_board_are_put_right_on_the_boards_page(
        tmp_path: Path, law: str) -> None:
    """A file giving the board's signing details and no board: each error about them links
    to the board's question, asked in any law while the board signs, and Continue there
    with the board left blank puts every one right."""
    web = _post(tmp_path, law, None)
    check = web.go(f"{web.base}/check")
    errors = check.errors()
    assert errors and all(href.endswith("/basis#f-integration_joint_board")
                          for _, href in errors), errors
    basis = web.go(errors[0][1], check)
    assert basis.find("//input[@name='integration_joint_board']")
    assert _hint(basis).endswith(SIGNS)
    done = web.press(basis, "continue")
    assert done.errors() == [], done.errors()
    assert web.go(f"{web.base}/check").errors() == []
    assert "integration_joint_board_party" not in _saved(web)
