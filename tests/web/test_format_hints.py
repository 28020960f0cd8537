"""GOV.UK's format hints on the question pages: every date question shows an example in
its hint ("For example, 31 3 2029"): the date boxes showed "For example, 1 4 2027" only when
the question had no hint of its own, so the end date ("Leave blank if it has no fixed end"),
the consultation date and the continuous service date showed none, though their examples
were in docgen/web/wording.py. A sum of money has GOV.UK's input prefix "£", and the salary
the hint "A year, for example 52000"."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import lxml.html
import pytest

pytest.importorskip("starlette")
from docgen.web.fields import STEPS, Q, hint_for  # noqa: E402
from docgen.web.wording import MONEY, WORDS, words  # noqa: E402

from .helpers import Interview  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"
MACROS = Path(__file__).resolve().parents[2] / "docgen" / "web" / "templates" / "macros.html"


def _questions(kind: str) -> list[tuple[str, Q, tuple[str | int, ...]]]:
    out: list[tuple[str, Q, tuple[str | int, ...]]] = []

    def walk(slug: str, qs: tuple[Q, ...], prefix: tuple[str | int, ...]) -> None:
        for q in qs:
            if q.kind == kind:
                out.append((slug, q, prefix))
            walk(slug, tuple(getattr(q, "fields", ()) or ()), prefix + q.path)

    for step in STEPS:
        walk(step.slug, step.questions, ())
    return out


DATES = _questions("date")


def test_the_interview_asks_the_four_dates() -> None:
    assert {".".join(map(str, p + q.path)) for _, q, p in DATES} >= {
        "post.start_date", "post.end_date", "postholder.consulted_on",
        "postholder.continuous_service_from"}


@pytest.mark.parametrize(("slug", "q", "prefix"), DATES,
                         ids=[".".join(map(str, p + q.path)) for _, q, p in DATES])
def test_every_date_question_has_its_example_in_its_hint(slug: str, q: Q,
                                                         prefix: tuple[str | int, ...]) -> None:
    found = words(prefix + q.path)
    assert found is not None and re.fullmatch(r"\d{1,2} \d{1,2} \d{4}", found.example)
    assert f"For example, {found.example}" in hint_for(q, prefix)


def _page(tmp_path: Path, name: str, slug: str) -> lxml.html.HtmlElement:
    shutil.copy(EXAMPLES / name, tmp_path)
    web = Interview(tmp_path)
    web.open(name)
    response = web.client.get(f"{web.base}/{slug}")
    assert response.status_code == 200, response.text
    return lxml.html.fromstring(response.text)


def _hint(page: lxml.html.HtmlElement, field: str) -> str:
    [hint] = page.xpath(f"//*[@id='{field}-hint']")
    return " ".join(hint.text_content().split())


def test_the_pages_show_the_date_examples(tmp_path: Path) -> None:
    post = _page(tmp_path, "shared-head-of-hr.yaml", "post")
    assert "For example, 31 3 2029" in _hint(post, "f-post-end_date")
    assert "Leave blank if it has no fixed end" in _hint(post, "f-post-end_date")
    assert _hint(post, "f-post-start_date") == "For example, 1 4 2027"
    holder = _page(tmp_path, "shared-head-of-hr.yaml", "postholder")
    assert "For example, 18 1 2027" in _hint(holder, "f-postholder-consulted_on")
    assert "For example, 2 9 2019" in _hint(holder, "f-postholder-continuous_service_from")


def test_the_salary_has_a_pound_prefix_and_an_example(tmp_path: Path) -> None:
    page = _page(tmp_path, "shared-head-of-hr.yaml", "payment")
    assert WORDS["payment.salary"].hint == "A year, for example 52000"
    assert _hint(page, "f-payment-salary") == "A year, for example 52000"
    [box] = page.xpath("//input[@id='f-payment-salary']")
    wrapper = box.getparent()
    assert "govuk-input__wrapper" in wrapper.get("class", "")
    [prefix] = wrapper.xpath("./div[contains(@class, 'govuk-input__prefix')]")
    assert prefix.text_content() == "£" and prefix.get("aria-hidden") == "true"
    # a number that is not money has no prefix
    [hours] = page.xpath("//input[@id='f-payment-invoicing-payment_days']") or [None]
    assert hours is None or "govuk-input__wrapper" not in hours.getparent().get("class", "")


def test_the_template_names_the_money_questions_of_wording() -> None:
    listed = re.search(r"in \[([^\]]*)\]", MACROS.read_text("utf-8").split(
        "{% macro money(v) %}")[1].split("{% endmacro %}")[0])
    assert listed is not None
    assert set(re.findall(r'"([^"]+)"', listed.group(1))) == set(MONEY)
