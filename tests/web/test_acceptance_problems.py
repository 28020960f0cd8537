"""An accepted warning with a problem is worded by what docgen found, and put right on
check your answers: every problem under ``acknowledge`` was "not one docgen checks: remove
it", for a reason left empty (give one), a warning that no longer applies (docgen checks
it: it just does not fire now) and a rule id in small letters alike."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Interview, Shown  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"
SECTION = "//div[@id='stale-acceptances']"


def _opened(tmp_path: Path, acks: str, *, keep: bool = False) -> tuple[Interview, Shown]:
    """The Head of HR example with ``acks`` as its accepted warnings (after its own with
    ``keep``), opened on check your answers."""
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text(encoding="utf-8")
    if not keep:
        text = text[:text.index("acknowledge:")] + "acknowledge:\n"
    (tmp_path / "post.yaml").write_text(text + acks, encoding="utf-8")
    web = Interview(tmp_path)
    web.open("post.yaml")
    return web, Shown(web.client.get(f"{web.base}/check"))


def _said(page: Shown) -> str:
    return page.text("//div[contains(@class, 'govuk-error-summary')]|//div[@id='warnings']")


def _plain(text: str) -> None:
    for word in ("GP0", "gp0", "acknowledge", "rule: ", "reason: '", "not one docgen checks"):
        assert word not in text, (word, text)


def test_a_reason_left_empty_is_asked_for_and_given_on_check_your_answers(tmp_path):
    web, page = _opened(tmp_path, "  - rule: GP014\n    reason: ''\n")
    errors = page.errors()
    assert len(errors) == 1 and "without a reason" in errors[0][0], errors
    assert errors[0][1].endswith("/check#stale-acceptances")
    _plain(_said(page))
    section = page.text(SECTION)
    assert "supply of staff is taxable" in section  # which warning, in words
    form = next(f for f in page.find(f"{SECTION}//form") if f.xpath(".//textarea"))
    values = dict(form.form_values())
    values[form.xpath(".//textarea/@name")[0]] = "Our VAT adviser agreed, 1 March 2027"
    after = Shown(web.client.post(f"{web.base}/acknowledge", data=values))
    assert after.errors() == [] and not after.find(SECTION), after.errors()
    acks = web.on_disk()["acknowledge"]
    assert acks == [{"rule": "GP014", "reason": "Our VAT adviser agreed, 1 March 2027"}]


def test_an_acceptance_that_no_longer_applies_is_said_so_and_removed(tmp_path):
    web, page = _opened(tmp_path, "  - rule: GP023\n    reason: because\n", keep=True)
    warnings = page.text("//div[@id='warnings']")
    assert "no longer applies" in warnings, warnings
    _plain(warnings)
    link = page.links("//div[@id='warnings']//a[contains(@href, 'stale-acceptances')]")
    assert link, warnings
    section = page.text(SECTION)
    assert "No longer applies to this post" in section and "because" in section, section
    form = page.find(f"{SECTION}//form")[0]
    after = Shown(web.client.post(f"{web.base}/acknowledge", data=dict(form.form_values())))
    assert not after.find(SECTION) and "no longer applies" not in after.text()
    assert [a["rule"] for a in web.on_disk()["acknowledge"]] == ["GP014"]


def test_a_rule_in_small_letters_is_said_so_not_unknown(tmp_path):
    web, page = _opened(tmp_path, "  - rule: gp014\n    reason: VAT adviser agreed\n")
    errors = page.errors()
    assert len(errors) == 1 and "small letters" in errors[0][0], errors
    assert errors[0][1].endswith("/check#stale-acceptances")
    _plain(_said(page))
    section = page.text(SECTION)
    assert "Named in a way docgen does not read" in section and "VAT adviser agreed" in section
    assert "not one docgen checks" not in section
    form = page.find(f"{SECTION}//form")[0]
    after = Shown(web.client.post(f"{web.base}/acknowledge", data=dict(form.form_values())))
    assert after.errors() == [] and not after.find(SECTION), after.errors()
    # the warning shows again, to accept with its reason
    assert after.find("//div[@id='warnings']//form//input[@name='rule' and @value='GP014']")


def test_an_error_accepted_as_a_warning_is_said_so_and_removed(tmp_path):
    """An error cannot be accepted: the file's acceptance of one was 'not one docgen
    checks', and check your answers offered no way to remove it."""
    web, page = _opened(tmp_path, "  - rule: GE001\n    reason: Agreed\n", keep=True)
    errors = page.errors()
    assert any("cannot be accepted" in e[0] for e in errors), errors
    _plain(_said(page))
    section = page.text(SECTION)
    assert "An error, which cannot be accepted" in section and "Agreed" in section, section
    form = page.find(f"{SECTION}//form")[0]
    after = Shown(web.client.post(f"{web.base}/acknowledge", data=dict(form.form_values())))
    assert not after.find(SECTION) and after.errors() == [], after.errors()
    assert [a["rule"] for a in web.on_disk()["acknowledge"]] == ["GP014"]


def test_the_reason_is_given_to_the_acceptance_it_was_typed_for(tmp_path):
    """Two acceptances of one rule, the second without a reason: "Give the reason" wrote
    the reason over the first (found by its rule), losing that one's, and the error stayed."""
    web, page = _opened(tmp_path, "  - rule: GP014\n    reason: Our VAT adviser agreed\n"
                                  "  - rule: GP014\n    reason: ''\n")
    form = next(f for f in page.find(f"{SECTION}//form") if f.xpath(".//textarea"))
    values = dict(form.form_values())
    values[form.xpath(".//textarea/@name")[0]] = "Confirmed again in 2027"
    web.client.post(f"{web.base}/acknowledge", data=values)
    assert web.on_disk()["acknowledge"] == [
        {"rule": "GP014", "reason": "Our VAT adviser agreed"},
        {"rule": "GP014", "reason": "Confirmed again in 2027"}]
