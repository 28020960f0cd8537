"""Questions that only Scots law knows (an integration joint board, self-proving execution)
are asked only of a post in Scotland, without JavaScript as with it."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")

from docgen.rulebook.common import IJB_KEYS  # noqa: E402
from docgen.web.fields import SCOTLAND_ONLY  # noqa: E402

from .helpers import Interview  # noqa: E402

NAMES = ('name="integration_joint_board"', 'name="integration_joint_board_enforces"',
         'name="execution"')


def _basis_after_choosing(folder, jurisdiction: str) -> str:  # noqa: ANN001
    web = Interview(folder)
    web.new()
    response = web.submit("about", reference="NEW-1", status="draft",
                          jurisdiction=jurisdiction)
    assert response.url.path.endswith("/basis"), response.text  # the page shown next
    return response.text


def test_the_scotland_only_keys_are_the_rules_own():
    assert set(IJB_KEYS) <= SCOTLAND_ONLY and "execution" in SCOTLAND_ONLY


@pytest.mark.parametrize("jurisdiction", ["england", "england_and_wales", "wales",
                                          "northern_ireland"])
def test_a_post_outside_scotland_is_not_asked_about_a_board_or_a_testing_clause(
        folder, jurisdiction):
    basis = _basis_after_choosing(folder, jurisdiction)
    assert 'name="legal_basis"' in basis
    for name in NAMES:
        assert name not in basis
    assert "Integration joint board" not in basis


def test_a_post_in_scotland_is_asked_both_on_the_next_page(folder):
    basis = _basis_after_choosing(folder, "scotland")
    for name in NAMES:
        assert name in basis


def test_continuing_in_england_keeps_the_file_free_of_them(folder):
    web = Interview(folder)
    web.new()
    web.submit("about", reference="NEW-1", status="draft", jurisdiction="england")
    response = web.submit("basis", legal_basis="lga_1972_s113")
    assert response.url.path.endswith("/partners"), response.text
    check = web.client.get(f"{web.base}/check").text
    assert "integration joint board" not in check.lower()
    assert "How is the agreement signed?" not in check


def test_a_board_left_from_scotland_is_still_shown_with_its_error(folder):
    """Scotland chosen, a board named, then England: the board's answer stays on the page,
    with the error that says to remove it, not hidden where it cannot be put right."""
    web = Interview(folder)
    web.new()
    web.submit("about", reference="NEW-1", status="draft", jurisdiction="scotland")
    web.submit("basis", legal_basis="other", legal_basis_text="the 2014 Act",
               integration_joint_board="Glenmuir Integration Joint Board")
    web.submit("about", jurisdiction="england")
    basis = web.client.get(f"{web.base}/basis").text
    assert 'name="integration_joint_board"' in basis
    response = web.submit("basis", integration_joint_board="")
    assert response.url.path.endswith("/partners"), response.text
    assert 'name="integration_joint_board"' not in web.client.get(f"{web.base}/basis").text
