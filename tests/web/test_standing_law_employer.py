"""The law of a new post when the employer's profile says none: the post is under its
employer's law, which no partner's profile can tell, so a partner's stated law is not
taken for it (an English council employing, with a Scottish partner, was put under Scots
law and section 35). A partner whose profile says nothing does not stop the employer's
own stated law. The start page takes each partner's law from the profile listing (each
profile read once), not from a second read of every profile."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

import docgen.answers.profile_files as profile_files  # noqa: E402
from docgen.web.orgs import organisations  # noqa: E402
from docgen.web.standing import post_law  # noqa: E402

from .helpers import Interview, write_profile  # noqa: E402
from .test_standing_law import _page, _started  # noqa: E402


@pytest.mark.parametrize("partner_law", ["scotland", "england"])
def test_an_employer_whose_profile_says_no_law_does_not_take_a_partners(
        tmp_path: Path, partner_law: str) -> None:
    """Not Scotland (the wrong law, and section 35, for an English council), and not
    England either: which it is, only the employer's profile or the officer can say."""
    web = _started(tmp_path, {"alder": None, "kelvin": partner_law}, "alder")
    assert _page(web, "about").checked("jurisdiction") == []
    assert _page(web, "basis").checked("legal_basis") == []
    states = web.task_states()
    assert states["About the arrangement"] == "In progress", states
    assert states["Legal basis"] == "Not started", states
    errors = dict(_page(web, "check").errors())
    assert errors["About the arrangement: Select which law applies"].endswith(
        "/about#f-jurisdiction"), errors
    # the officer answers it, and is offered that law's power
    web.submit("about", jurisdiction="england")
    offered = [str(e.get("value"))
               for e in _page(web, "basis").find("//input[@name='legal_basis']")]
    assert "lga_1972_s113" in offered and "lgs_1966_s35" not in offered


def test_the_employers_stated_law_stands_when_a_partners_profile_says_none(
        tmp_path: Path) -> None:
    """The employer's silence stops the choice; a partner's does not (the post is under
    the employer's law, and the partner's profile does not contradict it)."""
    (tmp_path / "silent_partner").mkdir()
    (tmp_path / "silent_employer").mkdir()
    web = _started(tmp_path / "silent_partner", {"alder": "england", "birch": None}, "alder")
    assert _page(web, "about").checked("jurisdiction") == ["england"]
    assert _page(web, "basis").checked("legal_basis") == ["lga_1972_s113"]
    web = _started(tmp_path / "silent_employer", {"alder": "england", "birch": None}, "birch")
    assert _page(web, "about").checked("jurisdiction") == []
    assert _page(web, "basis").checked("legal_basis") == []


def test_post_law_an_employers_profile_saying_none_stops_the_choice() -> None:
    assert post_law({"a": None, "b": "scotland"}, "a") is None
    assert post_law({"a": None, "b": "england", "c": "england"}, "a") is None
    assert post_law({"a": "wales", "b": None}, "a") == "wales"
    assert post_law({"a": "england", "b": None, "c": "wales"}, "a") == "england_and_wales"
    assert post_law({"b": "scotland", "c": None}, "trust") is None  # no profile: none stated


def test_starting_a_post_reads_each_profile_once(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The start page's Continue lists the profiles (their law with them) and reads none
    of them again for its law."""
    for pid, law in {"alder": "england", "birch": "england", "cedar": None}.items():
        write_profile(tmp_path, pid, law)
    web = Interview(tmp_path)
    web.new()
    reads: list[str] = []
    real = profile_files.read_bounded

    def counted(path: Path, *args: object, **kwargs: object) -> bytes:
        reads.append(Path(path).name)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(profile_files, "read_bounded", counted)
    response = web.client.post(f"{web.base}/begin", data={
        "csrf_token": web.token, "action": "continue", "reference": "LAW-3",
        "partners": ["alder", "birch"], "employer": "alder", "postholder_known": "no"},
        follow_redirects=False)
    assert response.status_code == 303, response.text
    assert sorted(reads) == ["alder.yaml", "birch.yaml", "cedar.yaml"], reads


def test_the_interviews_listing_carries_each_profiles_law(tmp_path: Path) -> None:
    write_profile(tmp_path, "gwent", "wales")
    write_profile(tmp_path, "alder", None)
    assert {o["id"]: o["jurisdiction"] for o in organisations(tmp_path)} == {
        "alder": None, "gwent": "wales"}
