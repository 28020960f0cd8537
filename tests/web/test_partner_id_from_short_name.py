"""A partner added on the partners page gets its id the way every door makes one
(answers/party_ids.py): from its short name, accents written without them ("Ynys Môn" →
``ynys_mon``; the page's own slug made ``ynys_m_n``), and unlike the other partners' ids."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from yaml_text import load_yaml  # noqa: E402

from .helpers import profiled_interview  # noqa: E402
from .test_partner_stale_form import _partner  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def test_a_new_partners_id_is_made_from_its_short_name_without_accents(tmp_path):
    web, folder = profiled_interview(tmp_path)
    web.begin("YNYS-01", partners=("eastwick", "westmere", "-other-"),
              other_name="Northshire County Council", other_kind="local_authority")
    web.base = web.base.removesuffix("/partners")
    web.client.post(f"{web.base}/partners/3", data={
        "csrf_token": web.token,
        **_partner(3, "Cyngor Sir Ynys Môn / Isle of Anglesey County Council", "Ynys Môn",
                   "Dylan Jones")})
    web.client.post(f"{web.base}/partners/4", data={
        "csrf_token": web.token,
        **_partner(4, "Eastwick Hospitals NHS Trust", "Eastwick", "Erin East")})
    saved = web.save("ynys.yaml")
    assert saved.status_code == 200, saved.text[-500:]
    parties = load_yaml((folder / "ynys.yaml").read_text(encoding="utf-8"))["parties"]
    ids = [p if isinstance(p, str) else p["id"] for p in parties]
    assert ids[3] == "ynys_mon", ids
    assert ids[4] not in ids[:4] and ids[4].startswith("eastwick"), ids
