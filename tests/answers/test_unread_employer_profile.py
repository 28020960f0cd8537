"""An employer written out in full beside its own organisation profile: the profile is not
read (so existing answer files build as before), and the post was told only "'invoicing'
is required here but missing", or silently lost the on-costs the profile held. The switch
is now said: each "missing" answer the profile gives says the profile was not read, why,
and how to use it; a post missing nothing but such policy (its on-costs) is warned. The
values the documents get do not change."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

import docgen
from docgen.answers.employer_policy import PROFILE_UNREAD, UnreadProfile

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"
PROCUREMENT = ROOT / "inputs" / "shared-head-of-procurement.yaml"
ON_COSTS = ("  on_costs:\n    - {name: Employer pension contribution (LGPS), percent: 19.8}\n"
            "    - {name: Employer National Insurance, percent: 15, above: 5000}\n")
PARTIES = HR.read_text(encoding="utf-8").split("parties:\n", 1)[1].split("\n\n", 1)[0]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project holding the example profiles (eastwick's gives standing policy)."""
    shutil.copytree(ROOT / "inputs" / "organisations", tmp_path / "organisations")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _post(folder: Path, text: str) -> Path:
    post = folder / "post.yaml"
    post.write_text(text, encoding="utf-8")
    return post


def test_a_missing_answer_the_unread_profile_gives_says_so(folder: Path) -> None:
    """The procurement post, which takes Eastwick's policy from its profile, with its
    parties written out in full: each policy answer is missing, and says why."""
    text = PROCUREMENT.read_text(encoding="utf-8").replace(
        "parties: [eastwick, westmere]", "parties:\n" + PARTIES)
    errors = docgen.check(_post(folder, text)).errors
    by_key = {p.key: p for p in errors}
    assert {"payment.invoicing", "payment.vat", "exit.notice_months",
            "confidentiality"} <= set(by_key), sorted(by_key)
    invoicing = by_key["payment.invoicing"]
    assert invoicing.message.startswith("'invoicing' is required here but missing")
    assert invoicing.message.endswith(
        "; organisations/eastwick.yaml gives eastwick's policy for it (policy: payment: "
        "invoicing: in that file) but was not read: the employer, eastwick, is written out in "
        "full in this "
        "post, and a party written out in full never reads its profile. To take it from "
        "there, give eastwick by its id alone (- eastwick in parties, in place of its keys), "
        "or leave out of it a key the profile gives (its address, say)"), invoicing.message
    assert isinstance(invoicing.profile_hint, UnreadProfile)  # for the workbook's words
    assert ("organisations/eastwick.yaml gives eastwick's policy for it (policy: "
            "confidentiality: in that file)") in \
        by_key["confidentiality"].message


def test_on_costs_left_to_an_unread_profile_are_warned_of(folder: Path) -> None:
    """Nothing missing, but the on-costs the profile holds are not the post's: a warning
    at the party; the post still has no on-costs, as before."""
    text = HR.read_text(encoding="utf-8")
    assert ON_COSTS in text
    post = _post(folder, text.replace(ON_COSTS, ""))
    report = docgen.check(post)
    assert not report.errors, [str(p) for p in report.errors]
    [warning] = [p for p in report.warnings if p.code == PROFILE_UNREAD]
    assert (warning.key, warning.file.name, warning.line, warning.rule) == (
        "parties[0]", "post.yaml", 21, "PROFILE")
    assert warning.message.startswith(
        "organisations/eastwick.yaml gives eastwick's standing policy for payment.on_costs, "
        "which this post does not state, but was not read: eastwick is written out in full "
        "here"), warning.message
    assert "give eastwick by its id alone" in warning.message
    assert warning.message.endswith("state each of them in this post (on_costs: [] for none)")
    assert docgen.load(post).payment.on_costs == []


def test_no_warning_when_the_post_states_the_policy(folder: Path) -> None:
    """The Head of HR example states every answer Eastwick's profile gives; ``on_costs:
    []`` states that there are none."""
    text = HR.read_text(encoding="utf-8")
    assert not [p for p in docgen.check(_post(folder, text)).warnings
                if p.code == PROFILE_UNREAD]
    none = text.replace(ON_COSTS, "  on_costs: []\n")
    assert not [p for p in docgen.check(_post(folder, none)).warnings
                if p.code == PROFILE_UNREAD]


def test_a_profile_with_mistakes_is_not_said_of_a_post_that_does_not_read_it(
        folder: Path) -> None:
    (folder / "organisations" / "eastwick.yaml").write_text(
        "docgen_organisation: 1\nname: Eastwick\nkind: council\n", encoding="utf-8")
    report = docgen.check(_post(folder, HR.read_text(encoding="utf-8").replace(ON_COSTS, "")))
    assert not report.errors and not [p for p in report.warnings if p.code == PROFILE_UNREAD]


def test_the_post_by_id_is_unchanged(folder: Path) -> None:
    """Given by id, the employer's profile gives the on-costs, as ever."""
    post = _post(folder, PROCUREMENT.read_text(encoding="utf-8"))
    report = docgen.check(post)
    assert not report.errors and not [p for p in report.warnings if p.code == PROFILE_UNREAD]
    assert [c.percent for c in docgen.load(post).payment.on_costs] == [
        Decimal("19.8"), Decimal(15)]


def test_the_warning_never_stops_a_final_post_that_built_before_its_profile(
        folder: Path) -> None:
    """A reviewer's finding: a final post that built with no organisations/ folder failed
    once eastwick's profile was written beside it ("marked final but 1 unacknowledged
    warning is still open"), and the warning, not a rule's, could not be acknowledged. It
    is said, and the post builds as it did."""
    text = HR.read_text(encoding="utf-8").replace(ON_COSTS, "").replace(
        "status: draft", "status: final").replace(
        "acknowledge:\n", "acknowledge:\n  - rule: GP063\n    reason: no on-costs are "
        "recharged for this post, as agreed by both councils\n", 1)
    post = _post(folder, text)
    report = docgen.check(post)
    assert [p.code for p in report.warnings if not p.acknowledged] == [PROFILE_UNREAD], \
        [str(p) for p in report.warnings]
    built = docgen.build([post], folder / "out", jobs=1)
    assert built.ok and len(built.posts[0].outputs) == 3, built.posts[0].message
