"""HR officer's review (A3): a partner's short name may be "the ICB", and a banner that
opened its sentence with it read "the ICB was removed as a partner …" in lower case. Every
such sentence now begins with a capital (named.sentence), wherever it is made."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.web.named import sentence  # noqa: E402
from docgen.web.tasks import employer_changed  # noqa: E402

from .helpers import Browser, Shown, inputs_workspace  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def test_removing_the_icb_says_so_with_a_capital(tmp_path: Path) -> None:
    folder = inputs_workspace(tmp_path)
    shutil.copy(ROOT / "inputs" / "joint-director-public-health.yaml", folder)
    web = Browser(folder)
    web.open("joint-director-public-health.yaml")
    partners = web.go(f"{web.base}/partners")
    names = partners.text()
    assert "the ICB" in names or "Integrated Care Board" in names, names
    removed = web.remove_partner(1)  # the ICB, second in the file
    assert removed.status_code == 200, removed.text[:2000]
    heading = Shown(removed).text("//div[contains(@class, 'govuk-notification-banner')]")
    assert "Integrated Care Board was removed, and its own answers with it" in heading, heading
    tasks = web.go(f"{web.base}/tasks")
    said = tasks.text()
    assert "The ICB was removed as a partner, and its own answers" in said, said
    assert "the ICB was removed" not in said, said


def test_every_sentence_opening_with_a_name_begins_with_a_capital() -> None:
    assert sentence("the ICB was removed") == "The ICB was removed"
    assert sentence("Westmere is now") == "Westmere is now"
    assert employer_changed("the Council", None).startswith("The Council is no longer")
    assert employer_changed("the Council", "the ICB").startswith("The ICB is now the employer")
