"""A warning in the browser names only sources an HR officer can look up (an Act, a guide
by its public title), never docgen's own notes or reviews ("Source: docgen legal review of
November 2026, 8 (governance)"). The rule catalogue and the command line keep them whole."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

import docgen
from docgen.web.summary import public_source

from .helpers import Interview

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"


@pytest.mark.parametrize(("source", "shown"), [
    # the walkthrough's: a review no one outside can open, so no source at all
    ("docgen legal review of November 2026, docs/sources.md, 8 (governance)", ""),
    ("docgen practice notes, docs/sources.md (money); docgen legal review of November 2026, "
     "docs/sources.md, 4", ""),
    ("docgen (documents for legal review)", ""),
    # the public one beside an internal one is kept
    ("docgen legal review of November 2026, docs/sources.md, 8 (governance); NHS guidance "
     "on managing conflicts of interest", "NHS guidance on managing conflicts of interest"),
    ("Joint appointments board paper (Odgers Berndtson); docgen practice notes, "
     "docs/sources.md (Director of Public Health)",
     "Joint appointments board paper (Odgers Berndtson)"),
    # a bracket that names docgen's notes goes; the Act's own brackets stay
    ("Local Government and Housing Act 1989 s.5 (docgen practice notes, docs/sources.md: "
     "statutory officers)", "Local Government and Housing Act 1989 s.5"),
    ("Local Government (Wales) Measure 2011 s.8(4), as amended by the Local Government and "
     "Elections (Wales) Act 2021 (docgen practice notes, docs/sources.md: statutory officers)",
     "Local Government (Wales) Measure 2011 s.8(4), as amended by the Local Government and "
     "Elections (Wales) Act 2021"),
    ("Local Government and Housing Act 1989 s.2 (s.2(1)(h), inserted by the Local Government "
     "(Wales) Measure 2011; docgen practice notes, docs/sources.md)",
     "Local Government and Housing Act 1989 s.2 (s.2(1)(h), inserted by the Local Government "
     "(Wales) Measure 2011)"),
    # a law or code that docgen's notes name is a public source
    ("docgen practice notes, docs/sources.md (ICO data sharing code)", "ICO data sharing code"),
    ("docgen practice notes, docs/sources.md (s.113(1) and (1A) LGA 1972)",
     "s.113(1) and (1A) Local Government Act 1972"),
    ("Implementing Shared Professionals (Capital Ambition/IES), 4.3 Contractual issues",
     "Implementing Shared Professionals (Capital Ambition/IES), 4.3 Contractual issues"),
])
def test_only_public_sources_are_shown(source: str, shown: str) -> None:
    assert public_source(source) == shown


def test_no_rule_shows_docgens_own_sources_and_public_ones_are_kept() -> None:
    rules = {r["id"]: r["source"] for r in docgen.rules()}
    shown = {rule: public_source(source) for rule, source in rules.items()}
    assert not [s for s in shown.values() if "docgen" in s.lower() or "docs/" in s], shown
    assert shown["GP033"] == ""  # the walkthrough's warning: its source is a review only
    assert shown["GP046"] == rules["GP046"]  # an Act alone, as the catalogue has it
    assert "docgen legal review" in rules["GP033"]  # the catalogue keeps its sources


def test_a_warning_on_check_your_answers_names_no_docgen_review(tmp_path: Path) -> None:
    """Before: "Source: docgen legal review of November 2026, 4 (payment mechanics)" under
    the fee warning (GP031) of the three councils' example."""
    shutil.copy(EXAMPLES / "shared-legal-services-three-councils.yaml", tmp_path)
    interview = Interview(tmp_path)
    interview.open("shared-legal-services-three-councils.yaml")
    page = lxml.html.fromstring(interview.client.get(f"{interview.base}/check").text)
    warnings = " ".join(" ".join(w.text_content().split()) for w in page.xpath(
        "//*[contains(@class, 'docgen-warning')]"))
    sources = [" ".join(s.text_content().split()) for s in page.xpath(
        "//*[contains(@class, 'docgen-source')]")]
    assert "more than the post costs per day worked" in warnings  # GP031 is shown
    assert sources == ["Source: HMRC VAT manuals VATSC03540, VATGPB8860"], sources
