"""How long confidentiality lasts is read as an HR officer writes it: "Indefinitely",
"forever" and "without limit" are the answer file's ``indefinite``, "2 years" is 2; were
refused with "Must be ‘indefinite’ or a whole number; write it as a number of years, or
indefinite: indefinitely". Anything else is refused in plain words."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")
from yaml_text import load_yaml  # noqa: E402

from .helpers import Interview  # noqa: E402

FIELD = "confidentiality__duration_after_end"


def _errors(html: str) -> list[str]:
    return [a.text_content().strip() for a in lxml.html.fromstring(html).xpath(
        '//div[contains(@class, "govuk-error-summary")]//a')]


@pytest.mark.parametrize(("typed", "kept"), [
    ("Indefinitely", "indefinite"), ("forever", "indefinite"), ("Without limit", "indefinite"),
    ("2 years", 2), ("2", 2), ("1 year", 1)])
def test_loose_answers_are_read(folder: Path, typed: str, kept: object) -> None:
    interview = Interview(folder)
    interview.open("shared-head-of-hr.yaml")
    response = interview.submit("confidentiality", **{FIELD: typed})
    assert response.status_code == 200, _errors(response.text)
    assert interview.save("shared-head-of-hr.yaml").status_code == 200
    saved = load_yaml((folder / "shared-head-of-hr.yaml").read_text(encoding="utf-8"))
    assert saved["confidentiality"]["duration_after_end"] == kept


def test_anything_else_is_refused_in_plain_words(folder: Path) -> None:
    interview = Interview(folder)
    interview.open("shared-head-of-hr.yaml")
    response = interview.submit("confidentiality", **{FIELD: "until the cows come home"})
    assert response.status_code == 422
    assert _errors(response.text) == ["Enter the number of years, for example 2, or write "
                                      "‘without limit’"]
