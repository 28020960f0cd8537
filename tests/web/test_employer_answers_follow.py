"""An HR officer's walkthrough: answers that depend on the employer or on a partner follow
a change to them.

1. Profile on-costs the payment page only repeated were copied into the post on Continue
   (the profile's 19.8, an exact Decimal, never equalled the page's float 19.8), so a new
   employer's profile never reached them.
2. Accepted warnings whose reasons named the employer removed stayed accepted, and the
   reasons printed in the agreement; they are reopened, quoted on the task list.
3. A new employer for a post whose partners are written out in full said nothing, though
   the HR lead, whom the post-holder returns to and the VAT acceptance named the old one.
4. Removing the employer never said it employs the post-holder; the notice left out
   Employer and Exit; the optional HR lead kept naming the partner removed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import docgen

pytest.importorskip("starlette")

from .conftest import add_profiles  # noqa: E402
from .helpers import Browser, Shown  # noqa: E402
from .test_start import _states  # noqa: E402

THREE = "shared-legal-services-three-councils.yaml"
HR = "shared-head-of-hr.yaml"


def _banner(page: Shown) -> str:
    return page.text("//div[@id='check-again']")


def test_profile_on_costs_only_repeated_are_not_copied_and_follow_the_employer(
        tmp_path: Path) -> None:
    web = Browser(add_profiles(tmp_path))
    web.base = web.start("WALK-OC-01").url.rsplit("/", 1)[0]
    payment = web.go(f"{web.base}/payment")
    assert payment.value("payment.on_costs.0.percent") == "19.8"
    web.press(payment, **{"payment__salary": "60000"})
    assert web.save("walk-oc-01.yaml").status_code in (200, 303)
    saved = (tmp_path / "walk-oc-01.yaml").read_text(encoding="utf-8")
    assert "salary: 60000" in saved
    assert "on_costs" not in saved and "19.8" not in saved, saved  # the profile's, as read
    web.press(web.go(f"{web.base}/employer"), employer="westmere")
    payment = web.go(f"{web.base}/payment")
    assert payment.value("payment.on_costs.0.percent") == "18.5"  # Westmere's profile


def test_acceptances_naming_the_employer_removed_are_reopened_and_quoted(
        folder: Path) -> None:
    web = Browser.opened(folder, THREE)
    web.remove_partner(0)  # Ashby Vale, the employer
    tasks = web.go(f"{web.base}/tasks")
    said = _banner(tasks)
    assert "Ashby Vale's VAT adviser confirmed on 3 May 2027" in said, said
    assert "that Ashby Vale pays for the Post-holder" in said
    assert "no longer accepted" in said
    assert _states(web.client.get(f"{web.base}/tasks").text)["Payment"] == "Check again"
    web.press(web.go(f"{web.base}/employer"), employer="brookfield")
    web.save(THREE)  # its own file: a second one would share its reference
    saved = (folder / THREE).read_text(encoding="utf-8")
    assert "rule: GP" not in saved and "Ashby Vale pays" not in saved, saved


def test_an_acceptance_not_naming_the_partner_removed_stays(folder: Path) -> None:
    web = Browser.opened(folder, THREE)
    web.remove_partner(2)  # Coldharbour: named by the fee's reason, not the VAT one's
    said = _banner(web.go(f"{web.base}/tasks"))
    assert "Coldharbour's share" in said and "VAT adviser" not in said, said
    web.save(THREE)  # its own file: a second one would share its reference
    saved = (folder / THREE).read_text(encoding="utf-8")
    assert "rule: GP014" in saved and "rule: GP031" not in saved


def test_a_new_employer_of_partners_written_out_in_full_asks_to_check_again(
        folder: Path) -> None:
    web = Browser(folder)
    web.open(HR)
    after = web.press(web.go(f"{web.base}/employer"), employer="westmere")
    assert after.path.endswith("/tasks"), after.url
    said = _banner(after)
    assert "Westmere is now the employer" in said and "Eastwick" in said, said
    assert "placed at Westmere's disposal" in said and "no longer accepted" in said
    states = _states(web.client.get(f"{web.base}/tasks").text)
    for section in ("Management", "Exit", "Payment"):
        assert states[section] == "Check again", (section, states)
    assert states["Confidentiality"] == "Completed"
    web.save(HR)
    assert "rule: GP014" not in (folder / HR).read_text(encoding="utf-8")


def test_removing_the_employer_says_so_and_lists_employer_and_exit(folder: Path) -> None:
    web = Browser.opened(folder, THREE)
    ask = web.go(f"{web.base}/partners/0/remove")
    warned = ask.text("//*[contains(@class, 'govuk-warning-text__text')]"
                      "/span[@id='removes-employer']")  # the page's warning, first
    assert warned.startswith("This partner employs the post-holder: once it is removed, "
                             "you will choose which partner left employs them"), warned
    assert ask.text().count("employs the post-holder") == 1  # said once: not also listed
    assert "employs" not in ask.text("//ul[@id='removed-with-it']")
    other = web.go(f"{web.base}/partners/1/remove")
    assert "employs the post-holder" not in other.text()
    gone = Shown(web.remove_partner(0))
    links = [text for text, _ in gone.links(
        "//div[contains(@class, 'govuk-notification-banner__content')]//a")]
    assert "Employer" in links and "Exit" in links, links
    states = _states(web.client.get(f"{web.base}/tasks").text)
    assert states["Employer"] == states["Exit"] == "Check again", states
    management = web.go(f"{web.base}/management")
    assert management.checked("management.hr_lead") == []  # cleared: its default applies
    assert not [e for e in management.errors() if "partner" in e[0]]
    web.save(THREE)  # its own file: a second one would share its reference
    saved = (folder / THREE).read_text(encoding="utf-8")
    assert "hr_lead: ashby" not in saved and "postholder_reverts_to: ashby" in saved


def test_a_reopened_reason_is_kept_with_the_draft_to_offer_again(folder: Path) -> None:
    web = Browser.opened(folder, THREE)
    web.remove_partner(0)
    draft_id = web.base.rsplit("/", 1)[1]
    again = Browser(folder)  # a restart: the draft read back from disk
    kept = again.client.app.app.state.store.get(draft_id)
    assert kept is not None and kept.reopened["GP014"].startswith(
        "Ashby Vale's VAT adviser confirmed on 3 May 2027"), kept and kept.reopened
    assert "Ashby Vale pays for the Post-holder" in kept.reopened["GP031"]


def test_a_reopened_warning_quotes_its_old_reason_until_accepted_again(
        folder: Path) -> None:
    """The reopened warning's "Accept this warning" box is empty, the reason given before
    quoted beside it (on check your answers and beside its section): reopened because it
    may no longer be true, one press must not accept it again with the same words;
    accepted again, the old reason is no longer kept."""
    web = Browser(folder)
    web.open(HR)
    web.press(web.go(f"{web.base}/employer"), employer="westmere")  # GP014 reopened
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    assert draft is not None and "GP014" in draft.reopened
    old = draft.reopened["GP014"]
    for shown in (web.go(f"{web.base}/payment"), web.go(f"{web.base}/check")):
        assert not shown.by_id("ack-GP014").text  # the box: empty
        quoted = " ".join(shown.by_id("ack-GP014-before").text_content().split())
        assert quoted.startswith(f"You gave this reason before: \u201c{old}\u201d"), quoted
        assert "ack-GP014-before" in shown.by_id("ack-GP014").get("aria-describedby")
    check = web.go(f"{web.base}/check")
    assert not check.by_id("ack-GP003").text  # never reopened: empty
    assert not check.find("//*[@id='ack-GP003-before']")
    form = next(check.by_id("ack-GP014").iterancestors("form"))
    empty = web.client.post(form.get("action"), data=dict(form.form_values()))
    assert empty.status_code == 422 and "GP014" in draft.reopened  # nothing accepted
    assert "You gave this reason before" in empty.text  # still quoted beside the error
    form = next(check.by_id("ack-GP014").iterancestors("form"))
    new = "Westmere's VAT adviser confirmed the recharge is outside the scope of VAT"
    sent = web.client.post(form.get("action"), data={**dict(form.form_values()),
                                                     "reason": new})
    assert sent.status_code == 200, sent.text[:2000]
    assert "GP014" not in draft.reopened
    again = Browser(folder)  # a restart: not read back either
    kept = again.client.app.app.state.store.get(draft.id)
    assert kept is not None and "GP014" not in kept.reopened
    assert new in web.go(f"{web.base}/check").text()


def test_a_reopened_warning_no_longer_warned_is_forgotten(folder: Path) -> None:
    """A reopened warning whose rule no longer warns (its answers changed since) is not
    kept to quote: its reason, reopened because it may be untrue, is dropped."""
    web = Browser(folder)
    web.open(HR)
    web.press(web.go(f"{web.base}/employer"), employer="westmere")  # GP014 reopened
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    assert draft is not None and "GP014" in draft.reopened
    warned = {i.get("value") for i in web.go(f"{web.base}/check").find(
        "//form[contains(@action, '/acknowledge')]//input[@name='rule']")}
    quiet = next(r["id"] for r in docgen.rules() if r["id"] not in warned)
    typed = dict(web.form("post"))  # (its page shown, and checked, before)
    draft.reopened[quiet] = "Reopened when the employer changed, no longer warned"
    live = web.client.post(f"{web.base}/post/live", data=typed)
    assert live.status_code == 200 and quiet in draft.reopened  # a live check: not kept,
    # so nothing is forgotten for it (its answers may be typed and never sent)
    check = web.go(f"{web.base}/check")
    assert quiet not in draft.reopened and "no longer warned" not in check.text()
    assert "GP014" in draft.reopened  # still warned: still quoted


def test_an_acceptance_without_a_rule_is_not_reopened(folder: Path) -> None:
    """An acceptance naming the old employer but no rule accepts no warning: nothing is
    reopened for it (it was kept under an empty rule, quoted by no warning)."""
    web = Browser(folder)
    web.open(HR)
    draft = web.client.app.app.state.store.get(web.base.rsplit("/", 1)[1])
    assert draft is not None
    reason = next(a["reason"] for a in draft.doc["acknowledge"] if a["rule"] == "GP014")
    draft.doc["acknowledge"].append({"reason": reason})
    web.press(web.go(f"{web.base}/employer"), employer="westmere")
    assert "GP014" in draft.reopened and "" not in draft.reopened, draft.reopened
