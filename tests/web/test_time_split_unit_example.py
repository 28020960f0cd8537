"""A time split's share refused is asked for with an example in the split's unit: "1.5
days" typed for a split in days was told "as a number, for example 60", a percentage no
5-day week holds. The box takes the number alone (the word "days" is what it refused):
"1.5" is accepted, as docgen accepts a decimal share in days."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

import docgen  # noqa: E402

from .helpers import Interview, Shown  # noqa: E402

HR = "shared-head-of-hr.yaml"
SAYS = "Enter each partner's share of the time as a number, for example {}"


def _split(web: Interview, unit: str, first: str, second: str) -> Shown:
    return Shown(web.submit("time-split", time_split__unit=unit,
                            time_split__shares__eastwick=first,
                            time_split__shares__westmere=second))


@pytest.mark.parametrize(("unit", "typed", "example"), [
    ("days_per_week", "1.5 days", "2.5"), ("hours_per_week", "18.5 hours", "18.5"),
    ("percent", "sixty", "60")])
def test_the_example_fits_the_unit(tmp_path: Path, unit: str, typed: str,
                                   example: str) -> None:
    web = Interview.opened(tmp_path, HR)
    page = _split(web, unit, typed, "3.5")
    assert page.status == 422
    assert [text for text, _ in page.errors()] == [SAYS.format(example)]
    assert SAYS.format(example) in page.text("//p[contains(@class,'govuk-error-message')]")
    check = Shown(web.client.get(f"{web.base}/check"))
    assert [t for t, _ in check.errors()] == [f"Time split: {SAYS.format(example)}"]


def test_a_decimal_share_in_days_is_accepted_as_docgen_accepts_it(tmp_path: Path) -> None:
    web = Interview.opened(tmp_path, HR)
    assert _split(web, "days_per_week", "1.5", "3.5").status == 200
    assert web.save(HR).status_code == 200
    loaded = docgen.load(tmp_path / HR)
    assert {k: float(v) for k, v in loaded.time_split.shares.items()} == \
        {"eastwick": 1.5, "westmere": 3.5}
    assert docgen.check(tmp_path / HR).ok
