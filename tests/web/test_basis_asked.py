"""A post with a partner that section 113 does not reach (a fire authority, an "other
public body") had its legal basis set to "A secondment" and shown "Completed" on the task
list, though the officer never saw the question (HR walkthrough). Only section 113, where
it applies, is a standing answer: otherwise the question is "Not started" until answered."""

from __future__ import annotations

from pathlib import Path

from .conftest import add_profiles
from .helpers import Interview
from .test_start import _states

FIRE = "Northshire Fire and Rescue Authority"


def test_a_partner_s113_does_not_reach_leaves_the_legal_basis_to_be_asked(
        tmp_path: Path) -> None:
    web = Interview(add_profiles(tmp_path))
    response = web.begin("EWK-FIRE-01", partners=("eastwick", "-other-"),
                         employer="eastwick", other_name=FIRE, other_kind="other_public_body")
    assert response.url.path.endswith("/partners/1")  # the authority's own page next
    web.base = str(response.url).rsplit("/partners/", 1)[0]
    states = _states(web.client.get(f"{web.base}/tasks").text)
    assert states["Legal basis"] == "Not started", states
    check = " ".join(web.client.get(f"{web.base}/check").text.split())
    assert "A secondment" not in check
    web.submit("basis", **{"legal_basis": "secondment"})
    assert _states(web.client.get(f"{web.base}/tasks").text)["Legal basis"] == "Completed"


def test_two_councils_keep_section_113_as_their_standing_answer(tmp_path: Path) -> None:
    web = Interview(add_profiles(tmp_path))
    web.begin("EWK-WSM-02")
    assert _states(web.client.get(f"{web.base}/tasks").text)["Legal basis"] == "Completed"
    assert "Section 113 of the Local Government Act 1972" in " ".join(
        web.client.get(f"{web.base}/check").text.split())
