"""HR review B1: a partner not listed, its address, signatory and notices ticked "Not known
yet", read on Check your answers as "Southvale NHS Trust (Southvale), NHS body, tbc, signed
by the person who signs (name not known yet), formal notices to the not known yet at not
known yet". Each part not known yet is now said in plain words, once."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.web.fields import STEP_BY_SLUG
from docgen.web.summary import partner_text

from .helpers import Browser, Shown, inputs_workspace

TBC = ("address", "signatory.name", "signatory.title", "notices.title", "notices.email")
SAID = "Southvale NHS Trust (Southvale), NHS body, address not known yet, signed by: not " \
       "known yet, formal notices: not known yet"


def _not_known(web: Browser, page: Shown, index: int, short: str) -> Shown:
    """On partner ``index``'s page: its short name typed, everything else "Not known yet"."""
    assert page.path.endswith(f"/partners/{index}"), page.url
    return web.press(page, fields={f"parties.{index}.short_name": short, **{
        f"parties.{index}.{name}-tbc": "tbc" for name in TBC}})


def test_details_not_known_yet_are_said_in_plain_words(tmp_path: Path) -> None:
    web = Browser(inputs_workspace(tmp_path))
    page = web.press(web.go("/"), "#new-post")
    page = web.press(page, reference="B1-01", partners=["eastwick", "westmere", "-other-"],
                     other_name="Northshire County Council", other_kind="local_authority",
                     other_name_2="Southvale NHS Trust", other_kind_2="nhs_body",
                     employer="eastwick", postholder_known="no")
    page = _not_known(web, page, 2, "Northshire")
    page = _not_known(web, page, 3, "Southvale")
    assert page.path.endswith("/partners") and not page.errors(), page.url
    post = page.url.rsplit("/partners", 1)[0]
    for where in ("/check", "/check/partners"):
        shown = web.go(f"{post}{where}")
        said = shown.text("//dl[contains(@class, 'govuk-summary-list')]")
        partners = shown.text("//div[contains(@class, 'govuk-summary-list__row')]"
                              "[normalize-space(dt)='Partners']/dd[1]")
        assert partners.endswith(SAID), partners
        assert SAID in said, said
        assert "Northshire County Council (Northshire), local authority, address not known " \
               "yet, signed by: not known yet, formal notices: not known yet" in said, said
        assert "tbc" not in said.lower(), said
        assert "not known yet at not known yet" not in said, said
        assert "the not known yet" not in partners, partners
        assert "person who signs" not in partners, partners




@pytest.mark.parametrize(("row", "said"), [
    ({"signatory": {"name": "tbc", "title": "Chief Executive"}},
     "signed by the Chief Executive (name not known yet)"),
    ({"signatory": {"name": "Sam Reid", "title": "tbc"}},
     "signed by Sam Reid (job title not known yet)"),
    ({"notices": {"title": "Monitoring Officer", "email": "tbc"}},
     "formal notices to the Monitoring Officer (email address not known yet)"),
    ({"notices": {"title": "tbc", "email": "mo@example.gov.uk"}},
     "formal notices to mo@example.gov.uk (job title not known yet)"),
    ({"notices": {"title": "Monitoring Officer", "email": "mo@example.gov.uk"}},
     "formal notices to the Monitoring Officer at mo@example.gov.uk"),
    ({"address": "TBC", "short_name": "tbc"}, "Trust, address not known yet"),
])
def test_each_part_not_known_yet_is_said_once(row: dict[str, object], said: str) -> None:
    q = next(q for step in STEP_BY_SLUG.values() for q in step.questions
             if q.path == ("parties",))
    text = partner_text(q, {"name": "Trust", **row}, {})
    assert said in text, text
    assert "tbc" not in text.lower() and "not known yet at" not in text, text
