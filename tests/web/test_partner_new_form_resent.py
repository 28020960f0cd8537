"""A new partner's page sent twice (a double click on Continue, or Back and Continue
again) adds the partner once. Since the partner page's form said which partner it was for
(tests/web/test_partner_stale_form.py), a new partner's form added its partner wherever
the list ended, so the second send added the same organisation again and the list page
said two partners had the same short code. The form now says where the list ended when it
was shown: the same organisation found there is updated, not added again."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from yaml_text import load_yaml  # noqa: E402

from .helpers import Interview, profiled_interview  # noqa: E402
from .test_partner_stale_form import _form, _partner  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def _two(tmp_path: Path) -> tuple[Interview, Path]:
    web, folder = profiled_interview(tmp_path)
    web.begin("RESEND-01")  # Eastwick and Westmere; on to the tasks page
    return web, folder


def _filled(web: Interview, index: int, name: str, short: str,
            who: str) -> dict[str, list[str]]:
    form = _form(web, index)
    form.update({k: [v] for k, v in _partner(index, name, short, who).items()})
    form["action"] = ["continue"]
    return form


def _saved(web: Interview, folder: Path) -> list[str]:
    saved = web.save("resend.yaml")
    assert saved.status_code == 200, saved.text[-500:]
    parties = load_yaml((folder / "resend.yaml").read_text(encoding="utf-8"))["parties"]
    return [p if isinstance(p, str) else p["name"] for p in parties]


def test_a_new_partners_form_sent_twice_adds_the_partner_once(tmp_path: Path) -> None:
    web, folder = _two(tmp_path)
    northtown = _filled(web, 2, "Northtown Borough Council", "Northtown", "Nia North")
    assert northtown["which"][0].startswith("-new-")
    first = web.client.post(f"{web.base}/partners/2", data=northtown)
    assert first.url.path.endswith("/partners"), first.text[-500:]
    northtown["parties.2.signatory.name"] = ["Nadia North"]  # Back, a change, Continue
    again = web.client.post(f"{web.base}/partners/2", data=northtown)
    assert again.status_code == 200 and again.url.path.endswith("/partners"), \
        again.text[-500:]
    assert "same abbreviation" not in again.text
    names = _saved(web, folder)
    assert len(names) == 3 and names[2] == "Northtown Borough Council", names
    parties = load_yaml((folder / "resend.yaml").read_text(encoding="utf-8"))["parties"]
    assert parties[2]["signatory"]["name"] == "Nadia North"
    assert parties[2]["id"] == "northtown"


def test_a_new_partners_form_still_adds_after_another_tab_added_a_different_one(
        tmp_path: Path) -> None:
    web, folder = _two(tmp_path)
    tab_a = _filled(web, 2, "Northtown Borough Council", "Northtown", "Nia North")
    tab_b = _filled(web, 2, "Southvale District Council", "Southvale", "Sam South")
    assert web.client.post(f"{web.base}/partners/2", data=tab_b).url.path.endswith(
        "/partners")
    response = web.client.post(f"{web.base}/partners/2", data=tab_a)
    assert response.url.path.endswith("/partners"), response.text[-500:]
    assert _saved(web, folder)[2:] == ["Southvale District Council",
                                       "Northtown Borough Council"]


def test_a_new_partners_form_with_a_strange_place_is_added_not_a_server_error(tmp_path):
    """"²" passes str.isdigit but not int(): a crafted form gave a server error."""
    web, _ = _two(tmp_path)
    response = web.client.post(f"{web.base}/partners/2", data={
        "csrf_token": web.token, "which": "-new-:²",
        **_partner(2, "Northtown Council", "Northtown", "Nia North")})
    assert response.status_code < 500
