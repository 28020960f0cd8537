"""Under Northern Ireland's law an NHS body is a health and social care body (an HSC Trust
is no NHS body): the documents and docgen's messages say so (answers/body_kinds.py), but
the interview called the partner "NHS body" on its own page and on check your answers.
Found walking a Northern Irish post with an HSC Trust partner."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Browser, write_profile  # noqa: E402


def _post(tmp_path: Path, law: str) -> Browser:
    """A new post of a council (employing) and an NHS body, both profiled under ``law``."""
    write_profile(tmp_path, "antrim", law)
    write_profile(tmp_path, "belfasttrust", law, kind="nhs_body", name="Belfast Trust")
    web = Browser(tmp_path)
    response = web.begin("NI-1", partners=("antrim", "belfasttrust"), employer="antrim")
    assert response.url.path.endswith("/tasks"), response.url
    return web


def _kinds(web: Browser) -> tuple[dict[str, str], str]:
    """The kinds of body the second partner's page offers (value: words), and how check
    your answers describes that partner."""
    page = web.go(f"{web.base}/partners/1")
    offered = {r.get("value"): page.label(r) for r in page.find(
        "//input[@name='parties.1.kind']")}
    check = web.go(f"{web.base}/check")
    said = check.text("//dd[contains(., 'Belfast Trust')]")
    return offered, said


def test_an_nhs_body_in_northern_ireland_is_a_health_and_social_care_body(
        tmp_path: Path) -> None:
    offered, said = _kinds(_post(tmp_path, "northern_ireland"))
    assert offered == {"local_authority": "Local authority",
                       "nhs_body": "Health and social care body",
                       "other_public_body": "Other public body"}, offered
    assert "Belfast Trust (Belfasttrust), health and social care body," in said, said
    assert "NHS" not in said


@pytest.mark.parametrize("law", ["wales", "scotland", "england"])
def test_elsewhere_it_is_an_nhs_body(tmp_path: Path, law: str) -> None:
    offered, said = _kinds(_post(tmp_path, law))
    assert offered["nhs_body"] == "NHS body"
    assert "Belfast Trust (Belfasttrust), NHS body," in said, said
