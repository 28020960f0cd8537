"""The law of a new post: the start page took "England and Wales" and section 113 of the
Local Government Act 1972 for every post, a Scottish or Northern Irish council's too (HR
officer's review). A new post now takes its law from the partners' organisation profiles
(their ``jurisdiction``), and a legal basis only where it is that law's power and reaches
the partners; where no profile says, or the partners' laws do not meet, both are left for
the officer, and the task list and Check your answers say the law still needs an answer."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.web.standing import post_law, power_for  # noqa: E402

from .helpers import Interview, Shown, write_profile  # noqa: E402


def _started(tmp_path: Path, laws: dict[str, str | None], employer: str,
             kinds: dict[str, str] | None = None) -> Interview:
    """A new post between the profiled partners ``laws`` (id: the law its profile states),
    started on the start page with ``employer`` employing."""
    for pid, law in laws.items():
        write_profile(tmp_path, pid, law, kind=(kinds or {}).get(pid, "local_authority"))
    web = Interview(tmp_path)
    response = web.begin("LAW-1", partners=tuple(laws), employer=employer)
    assert response.status_code == 200 and response.url.path.endswith("/tasks"), response.url
    return web


def _page(web: Interview, slug: str) -> Shown:
    return Shown(web.client.get(f"{web.base}/{slug}"))


def test_two_scottish_councils_start_under_scots_law_and_section_35(tmp_path: Path) -> None:
    web = _started(tmp_path, {"kelvin": "scotland", "tayside": "scotland"}, "kelvin")
    assert _page(web, "about").checked("jurisdiction") == ["scotland"]
    assert _page(web, "basis").checked("legal_basis") == ["lgs_1966_s35"]
    check = _page(web, "check").text()
    assert "Which law applies? Scotland" in check
    assert "Section 35 of the Local Government (Scotland) Act 1966" in check
    assert "Section 113" not in check and "England and Wales" not in check


def test_a_scottish_council_with_an_nhs_body_is_not_given_a_power(tmp_path: Path) -> None:
    """s.35 of the 1966 Act places staff only between councils: the law is Scotland's, the
    power the officer's to choose."""
    web = _started(tmp_path, {"kelvin": "scotland", "clyde": "scotland"}, "kelvin",
                   kinds={"clyde": "nhs_body"})
    assert _page(web, "about").checked("jurisdiction") == ["scotland"]
    assert _page(web, "basis").checked("legal_basis") == []
    assert web.task_states()["Legal basis"] == "Not started"


def test_welsh_councils_start_under_wales_and_with_an_english_one_england_and_wales(
        tmp_path: Path) -> None:
    """Wales where both are Welsh (the Welsh procedures for statutory officers apply); the
    law they share where one is English; section 113 in both."""
    (tmp_path / "wales").mkdir()
    (tmp_path / "border").mkdir()
    web = _started(tmp_path / "wales", {"gwent": "wales", "powys": "wales"}, "gwent")
    assert _page(web, "about").checked("jurisdiction") == ["wales"]
    assert _page(web, "basis").checked("legal_basis") == ["lga_1972_s113"]
    web = _started(tmp_path / "border", {"gwent": "wales", "severn": "england"}, "gwent")
    assert _page(web, "about").checked("jurisdiction") == ["england_and_wales"]
    assert _page(web, "basis").checked("legal_basis") == ["lga_1972_s113"]


def test_no_law_stated_is_left_for_the_officer_and_shown_as_needed(tmp_path: Path) -> None:
    web = _started(tmp_path, {"alder": None, "birch": None}, "alder")
    assert _page(web, "about").checked("jurisdiction") == []
    assert _page(web, "basis").checked("legal_basis") == []
    states = web.task_states()
    assert states["About the arrangement"] == "In progress", states
    assert states["Legal basis"] == "Not started", states
    check = _page(web, "check")
    errors = dict((text, href) for text, href in check.errors())
    assert errors["About the arrangement: Select which law applies"].endswith(
        "/about#f-jurisdiction"), errors
    assert "Which law applies? Not answered yet" in check.text("//dl")  # a row to change
    # never stuck: the officer answers the law, and is offered that law's power
    web.submit("about", jurisdiction="northern_ireland")
    basis = _page(web, "basis")
    offered = [str(e.get("value")) for e in basis.find("//input[@name='legal_basis']")]
    assert "lgni_1972_s105" in offered
    assert "lga_1972_s113" not in offered and "lgs_1966_s35" not in offered
    web.submit("basis", legal_basis="lgni_1972_s105")
    states = web.task_states()
    assert states["About the arrangement"] == "Completed", states
    assert states["Legal basis"] == "Completed", states
    check = _page(web, "check")
    assert not [t for t, _ in check.errors() if t.startswith(("About", "Legal basis"))]
    assert "Which law applies? Northern Ireland" in check.text()


def test_a_border_between_the_partners_laws_is_not_crossed_for_the_officer(
        tmp_path: Path) -> None:
    """A Scottish council employing, an English council sharing: an arrangement across
    the border, whose law a lawyer confirms; neither law nor power is chosen."""
    web = _started(tmp_path, {"kelvin": "scotland", "severn": "england"}, "kelvin")
    assert _page(web, "about").checked("jurisdiction") == []
    assert _page(web, "basis").checked("legal_basis") == []
    assert web.task_states()["About the arrangement"] == "In progress"


def test_post_law_from_the_profiles() -> None:
    assert post_law({"a": "england", "b": "wales"}, "a") == "england_and_wales"
    assert post_law({"a": "wales", "b": "wales"}, "a") == "wales"
    assert post_law({"a": "scotland", "b": "england"}, "a") is None
    assert post_law({"trust": None, "b": "england"}, "trust") is None  # typed in by hand
    assert post_law({"b": "england"}, "trust") is None  # no profile: no law stated
    assert post_law({}, "a") is None


def test_power_for_each_law() -> None:
    council, nhs = "local_authority", "nhs_body"
    assert power_for(None, council, [council]) is None
    assert power_for("england", council, [nhs]) == "lga_1972_s113"
    assert power_for("england", nhs, [council]) == "lga_1972_s113"  # s.113(1A)(b)
    assert power_for("england", nhs, [council, nhs]) is None  # not NHS body to NHS body
    assert power_for("scotland", council, [council]) == "lgs_1966_s35"
    assert power_for("scotland", council, [nhs]) is None
    assert power_for("northern_ireland", council, [council]) == "lgni_1972_s105"
    assert power_for("northern_ireland", nhs, [nhs]) is None  # no council: not pre-filled
