"""HR review B6: a failure to make the documents showed the officer docgen's own message,
a file path and a Python attribute ("/work/main/docgen/data/clauses/…/0200-organisations
.yaml: clause 'job_spec.organisations' (text): 'docgen.facts.legal.LegalFacts object' has
no attribute 'basis_no_staff_power'"). The page now says in plain words what happened and
what to do, with a short reference to quote; the message goes to the server's log."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest

import docgen
from docgen.errors import DocgenError

from .helpers import Browser, Interview

TECHNICAL = ("/work/main/docgen/data/clauses/job_spec/0200-organisations.yaml: clause "
             "'job_spec.organisations' (text): 'docgen.facts.legal.LegalFacts object' has no "
             "attribute 'basis_no_staff_power'")
#: what an officer must never read on the page
NEVER = ("/work", ".yaml", "object", "attribute", "docgen.", "LegalFacts",
         "basis_no_staff_power", "job_spec", "DocgenError", "Traceback", "clause '")


def _broken(*args: object, **kwargs: object) -> None:
    raise DocgenError(TECHNICAL)


@pytest.mark.parametrize("where", ["preview/agreement", "download"])
def test_a_failure_to_make_the_documents_is_said_in_plain_words(
        folder: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
        where: str) -> None:
    web = Browser(folder)
    web.open("shared-head-of-hr.yaml")
    monkeypatch.setattr(docgen, "render", _broken)
    with caplog.at_level(logging.ERROR, logger="docgen.web"):
        shown = web.go(f"{web.base}/{where}")
    assert shown.status == 500
    said = shown.text()
    for word in NEVER:
        assert word not in said, (word, said)
    assert "The documents could not be made." in said, said
    reference = shown.by_id("failure-reference").text_content()
    assert re.fullmatch(r"DG-[0-9A-F]{6}", reference), reference
    assert f"Try again. If it happens again, tell whoever looks after docgen, quoting: " \
           f"{reference}." in said, said
    assert "nothing you typed has been lost" in said  # and the way back to the answers
    assert shown.by_id("back-to-draft").get("href") == f"{web.base.split('testserver')[1]}" \
                                                       "/check"
    logged = [r.getMessage() for r in caplog.records if r.name == "docgen.web"]
    assert any(reference in line and TECHNICAL in line for line in logged), logged


def test_the_api_still_gives_its_caller_the_message(folder: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A program calling the API is told what failed (it is no officer's page)."""
    web = Interview(folder)
    monkeypatch.setattr(docgen, "render", _broken)
    response = web.client.post("/api/render",
                               content=(folder / "shared-head-of-hr.yaml").read_bytes())
    assert response.status_code == 422
    assert TECHNICAL in response.json()["error"]
