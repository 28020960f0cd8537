"""The standing answers a new post starts with are good practice: a post between councils
raised the rules' warnings before the officer had answered anything (no trial period, no
review after the first ones, nothing the post is not expected to do, no matters excluded
for conflicts, a recharge outside the scope of VAT without advice: HR officer's review).

Two warnings stay, as neither can be answered for the partners without making something
up: the partners' shared objectives (GP030) and, when the employer's profile gives no
on-costs, the on-costs (GP063: each employer's own pension rate). A post in Wales is also
asked for the Welsh language skills its person specification needs (GP058), which the
officer answers with the rest of the job."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

from docgen.web.checking import live  # noqa: E402
from docgen.web.standing import standing  # noqa: E402

from .helpers import Interview, Shown, two_councils  # noqa: E402

#: what stays (see the module docstring), in the rules' words
STAYS = ("no shared objectives", "no on-costs are given")


def _stays(warning: str) -> bool:
    return any(s in warning.casefold() for s in STAYS)


def _warnings(web: Interview) -> list[str]:
    page = Shown(web.client.get(f"{web.base}/check"))
    return [" ".join(w.text_content().split()) for w in page.find(
        "//div[@id='warnings']//div[contains(@class, 'govuk-warning-text__text')]")]


def _new_post(tmp_path: Path, policy: str = "") -> Interview:
    return two_councils(tmp_path, "GOOD-1", policy)


def test_a_new_post_between_councils_starts_without_standing_warnings(
        tmp_path: Path) -> None:
    warnings = _warnings(_new_post(tmp_path))
    assert [w for w in warnings if not _stays(w)] == []
    assert len(warnings) == len(STAYS), warnings


def test_an_employer_with_short_notice_gets_a_shorter_notice_after_the_trial(
        tmp_path: Path) -> None:
    """The standing trial's notice is shorter than the employer's notice to leave later."""
    web = _new_post(tmp_path, "policy:\n  exit: {notice_months: 3}\n")
    warnings = _warnings(web)
    assert [w for w in warnings if not _stays(w)] == [], warnings
    review = Shown(web.client.get(f"{web.base}/review"))
    assert review.value("review.trial_notice_months") == "2"


def _party(pid: str, kind: str) -> dict[str, Any]:
    return {"id": pid, "name": f"{pid.title()} Council", "short_name": pid.title(),
            "kind": kind, "address": "Town Hall",
            "signatory": {"name": "Alex Reid", "title": "Chief Executive"},
            "notices": {"title": "Monitoring Officer", "email": "mo@example.gov.uk"}}


@pytest.mark.parametrize("law", ["england", "england_and_wales", "wales", "scotland",
                                 "northern_ireland", None])
@pytest.mark.parametrize("kind", ["local_authority", "nhs_body"])
def test_standing_answers_raise_no_warning_of_their_own(law: str | None, kind: str) -> None:
    """Under every law, between councils or with an NHS body, the standing answers (the
    rest of the post stood in for, as the interview checks a post half answered) raise
    only the warnings that stay."""
    parties = [_party("ashby", "local_authority"), _party("brent", kind)]
    answers = standing(parties, "ashby", law=law)
    plain = {"docgen": 1, "reference": "GOOD-1", "parties": parties, "employer": "ashby",
             **answers}
    found = live(plain)
    wrong = [p for p in found.errors if p.code != "missing" and p.path and p.path[0] in answers]
    assert wrong == []  # the answers not given yet are missing, none wrong
    rules = sorted({str(p.rule) for p in found.warnings if p.path and p.path[0] in answers})
    stay = ["GP030", *(["GP058"] if law == "wales" else []), "GP063"]
    assert rules == stay, [(p.rule, p.message) for p in found.warnings]
