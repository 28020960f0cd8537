"""The standing legal basis of a new post reaches its partners from the employer, as
docgen's own rules read it. The interview kept its own list of the kinds of partner each
power was pre-filled for, blind to which partner employs: an integrated care board
employing, sharing the post with an NHS trust and a council, was given s.113 of the Local
Government Act 1972, which lets an NHS body place its officer only with a council
(s.113(1A)(b)), and docgen.check then warned GP017 on a post the start page had made. The
web now reads ``answers/powers.py``, the table the facts and GP017 read."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml

import docgen

pytest.importorskip("starlette")

from docgen.web.standing import power_for  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview, Shown, write_profile  # noqa: E402

KINDS = ("local_authority", "nhs_body", "other_public_body")
#: the warnings that say a legal basis is the wrong power, or does not reach a partner
POWER_RULES = {"GP016", "GP017", "GP047", "GP050"}


def _started(tmp_path: Path, kinds: dict[str, str], employer: str) -> Interview:
    for pid, kind in kinds.items():
        write_profile(tmp_path, pid, "england", kind=kind)
    web = Interview(tmp_path)
    response = web.begin("REACH-1", partners=tuple(kinds), employer=employer)
    assert response.status_code == 200 and response.url.path.endswith("/tasks"), response.url
    return web


def _basis(web: Interview) -> list[str]:
    return Shown(web.client.get(f"{web.base}/basis")).checked("legal_basis")


def test_an_icb_employing_with_an_nhs_trust_is_given_no_power_gp017_warns_of(
        tmp_path: Path) -> None:
    web = _started(tmp_path, {"icb": "nhs_body", "trust": "nhs_body",
                              "council": "local_authority"}, "icb")
    assert _basis(web) == []  # was s.113
    assert "legal_basis" not in web.on_disk()
    assert web.task_states()["Legal basis"] == "Not started"
    (tmp_path / "post.yaml").write_text(yaml.safe_dump(web.on_disk()), encoding="utf-8")
    assert "GP017" not in {w.rule for w in docgen.check(tmp_path / "post.yaml").warnings}


@pytest.mark.parametrize(("kinds", "employer"), [
    ({"ashby": "local_authority", "brent": "local_authority"}, "ashby"),
    ({"council": "local_authority", "icb": "nhs_body"}, "council"),
    ({"council": "local_authority", "icb": "nhs_body"}, "icb"),  # s.113(1A)(b)
])
def test_councils_and_a_council_with_one_nhs_body_still_start_under_s113(
        tmp_path: Path, kinds: dict[str, str], employer: str) -> None:
    web = _started(tmp_path, kinds, employer)
    assert _basis(web) == ["lga_1972_s113"]
    (tmp_path / "post.yaml").write_text(yaml.safe_dump(web.on_disk()), encoding="utf-8")
    assert not POWER_RULES & {w.rule for w in docgen.check(tmp_path / "post.yaml").warnings}


def _posts() -> list[tuple[str, str, tuple[str, ...]]]:
    """Every law with every mix of kinds for a two- and a three-party example."""
    return [(name, law, kinds)
            for name in ("shared-head-of-hr.yaml", "shared-legal-services-three-councils.yaml")
            for law in ("england", "wales", "england_and_wales", "scotland", "northern_ireland")
            for kinds in itertools.product(KINDS, repeat=len(_example(name)["parties"]))]


def _example(name: str) -> dict[str, Any]:
    data = yaml.safe_load((EXAMPLES / name).read_text("utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(("name", "law", "kinds"), _posts())
def test_every_standing_power_is_one_docgen_does_not_warn_of(
        name: str, law: str, kinds: tuple[str, ...]) -> None:
    data = _example(name)
    for party, kind in zip(data["parties"], kinds, strict=True):
        party["kind"] = kind
    employer = next(p["kind"] for p in data["parties"] if p["id"] == data["employer"])
    hosts = [p["kind"] for p in data["parties"] if p["id"] != data["employer"]]
    power = power_for(law, employer, hosts)
    if power is None:
        return
    report = docgen.check({**data, "jurisdiction": law, "legal_basis": power})
    assert report.errors == []
    assert not POWER_RULES & {w.rule for w in report.warnings}, (power, employer, hosts)
