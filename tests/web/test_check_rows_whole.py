"""Check your answers left answers out: a person specification row showed only its
criterion and area (not whether essential nor how assessed), a statutory role's deputy was
not shown, a dispute step read "Line managers / 10" with no unit, and an answer keyed by a
short code no partner has showed the bare code ("northshire: 40%"). Every answer of a row
is shown now, in words, and a code no partner has is said to be one."""

from __future__ import annotations

import copy
from pathlib import Path

import lxml.html
import pytest
from yaml_text import load_yaml

pytest.importorskip("starlette")

from docgen.web.fields import STEP_BY_SLUG  # noqa: E402
from docgen.web.summary import summary_rows  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview  # noqa: E402

HR = "shared-head-of-hr.yaml"
EXAMPLE = load_yaml((EXAMPLES / HR).read_text(encoding="utf-8"))


def _row(slug: str, label: str, doc: dict) -> str:  # type: ignore[type-arg]
    return dict(summary_rows(STEP_BY_SLUG[slug], doc))[label]


def test_a_person_specification_row_says_whether_essential_and_how_assessed() -> None:
    text = _row("job", "Person specification", EXAMPLE)
    assert "Senior HR leadership in a local authority, Experience, Essential, assessed by " \
        "application form and interview" in text, text
    assert "Leading HR through a shared-service or merger programme, Experience, " \
        "Desirable, assessed by interview;" in text, text


def test_a_dispute_step_says_its_days_are_working_days() -> None:
    text = _row("governance", "Steps to settle a dispute", EXAMPLE)
    assert text.startswith("Line managers, within 10 working days; Leaders of the councils, "
                           "within 20 working days"), text
    one = copy.deepcopy(EXAMPLE)
    one["governance"]["disputes"] = [{"level": "Chief Executives", "days": 1}]
    assert _row("governance", "Steps to settle a dispute", one) == \
        "Chief Executives, within 1 working day"


def test_a_statutory_roles_deputy_and_an_on_costs_threshold_are_shown() -> None:
    doc = copy.deepcopy(EXAMPLE)
    pid = doc["parties"][1]["id"]
    doc["post"]["statutory_roles"] = [{"party": pid, "role": "Monitoring Officer",
                                       "deputy": "Deputy Monitoring Officer"}]
    doc["payment"]["on_costs"] = [{"name": "Employer National Insurance", "percent": 15,
                                   "above": 5000}]
    name = doc["parties"][1]["name"]
    assert _row("post", "Statutory roles", doc) == \
        f"{name}, Monitoring Officer, deputy: Deputy Monitoring Officer"
    assert _row("payment", "On-costs", doc) == \
        "Employer National Insurance, 15%, on pay above £5,000.00"


def test_a_short_code_no_partner_has_is_not_shown_bare() -> None:
    doc = copy.deepcopy(EXAMPLE)
    first = doc["parties"][0]["id"]
    doc["time_split"]["shares"] = {first: 60, "northshire": 40}
    text = _row("time-split", "Each partner's share of the time", doc)
    assert "A partner not in the list (abbreviation ‘northshire’): 40%" in text, text
    assert "northshire: 40%" not in text


def test_check_your_answers_shows_them(tmp_path: Path) -> None:
    (tmp_path / HR).write_text((EXAMPLES / HR).read_text(encoding="utf-8"), encoding="utf-8")
    web = Interview(tmp_path)
    web.open(HR)
    page = " ".join(lxml.html.fromstring(web.client.get(f"{web.base}/check").text)
                    .text_content().split())
    assert "Line managers, within 10 working days" in page
    assert "Essential, assessed by application form" in page
