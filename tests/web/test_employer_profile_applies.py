"""A post started with an employer that has no organisation profile holds the answers the
start page wrote for it (VAT standard-rated, conflicts "between the partners"). Once the
employer is changed to one whose profile gives its own answers, the profile applies, as
it does to a post started with that employer: the same final answers give the same
documents. An answer the officer changed before the change is kept, and its section is
marked "Check again" saying why (a tester's report: post B kept the generic answers, and
Conflicts of interest went from "Suggested answers" to "Completed" unconfirmed)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Interview, Shown, inputs_workspace  # noqa: E402

TRUST = "Northtown Hospitals NHS Foundation Trust"
EXCLUDED = "conflicts_of_interest.excluded_matters.0"


def _post(web: Interview, reference: str, employer: str) -> None:
    """Eastwick, Westmere and an NHS trust typed in, ``employer`` employing."""
    web.begin(reference, partners=("eastwick", "westmere", "-other-"), employer=employer,
              other_name=TRUST, other_kind="nhs_body")
    web.base = web.base.split("/partners")[0]


def _shown(web: Interview) -> tuple[list[str], str, str]:
    """The VAT treatment, its reason and the first matter excluded, as the pages show."""
    payment = Shown(web.client.get(f"{web.base}/payment"))
    conflicts = Shown(web.client.get(f"{web.base}/conflicts"))
    return (payment.checked("payment.vat.treatment"),
            payment.value("payment.vat.rationale"), conflicts.value(EXCLUDED))


def _changed_to_eastwick(tmp_path: Path, **before: str) -> Interview:
    """Post B: the trust employs; ``before``: answers the officer changes on Conflicts of
    interest first; then Eastwick is made the employer on the Employer page."""
    web = Interview(inputs_workspace(tmp_path))
    _post(web, "REPRO-B", "-other-")
    assert _shown(web)[0] == ["standard_rated"]  # the start page's, for no profile
    if before:
        assert web.submit("conflicts", **before).status_code in (200, 303)
    assert web.submit("employer", employer="eastwick").status_code == 200
    return web


def test_the_new_employers_profile_replaces_the_answers_written_for_no_profile(
        tmp_path: Path) -> None:
    web = _changed_to_eastwick(tmp_path)
    vat, rationale, excluded = _shown(web)
    assert vat == ["outside_scope"], vat
    assert "between the partners" not in excluded and "between the councils" in excluded
    assert web.task_states()["Conflicts of interest"] == "Check again"  # not passed off
    own = web.on_disk()
    assert "vat" not in own.get("payment", {}), own.get("payment")
    assert "excluded_matters" not in own.get("conflicts_of_interest", {})
    started = Interview(inputs_workspace(tmp_path / "a"))
    _post(started, "REPRO-A", "eastwick")  # Eastwick employs from the start
    assert _shown(started) == (vat, rationale, excluded)


def test_an_answer_the_officer_changed_is_kept_and_its_section_checked_again(
        tmp_path: Path) -> None:
    ours = "advising on the trust's estates strategy"
    web = _changed_to_eastwick(tmp_path, **{EXCLUDED.replace(".", "__"): ours})
    vat, _, excluded = _shown(web)
    assert vat == ["outside_scope"] and excluded == ours
    states = web.task_states()
    assert states["Conflicts of interest"] == "Check again", states
    said = Shown(web.client.get(f"{web.base}/tasks")).text("//div[@id='check-again']")
    assert "Eastwick's saved organisation profile gives its own" in said, said
    assert "_" not in said and "conflicts_of_interest" not in said
