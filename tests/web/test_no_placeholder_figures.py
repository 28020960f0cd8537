"""No warning the officer is shown quotes a stand-in. The live checks fill the answers not
given yet with stand-ins (a salary of £50,000, ...) so that the rules can run; a new post's
on-costs warning then said "the Cost Base is the pay alone (£50,000.00 a year)", a salary
the officer never typed. The warning is still true (no on-costs are given) and is still
shown, without the figure; once the salary is given, it quotes the salary given."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from .helpers import Interview, Shown  # noqa: E402

#: the on-costs warning's words, up to where it quotes the Cost Base
NO_ON_COSTS = "No on-costs are given, so the Cost Base is the pay alone"


def _profile(folder: Path, pid: str) -> None:
    """A council's profile with no policy: no on-costs, so the on-costs warning stays."""
    (folder / "organisations").mkdir(exist_ok=True)
    (folder / "organisations" / f"{pid}.yaml").write_text(
        f"docgen_organisation: 1\nname: {pid.title()} District Council\n"
        f"short_name: {pid.title()}\nkind: local_authority\njurisdiction: england\n"
        f"address: Council Offices, {pid.title()}\n"
        "signatory: {name: Alex Reid, title: Chief Executive}\n"
        f"notices: {{title: Monitoring Officer, email: mo@{pid}.example.gov.uk}}\n",
        encoding="utf-8")


def _new_post(tmp_path: Path) -> Interview:
    _profile(tmp_path, "ashby")
    _profile(tmp_path, "brent")
    web = Interview(tmp_path)
    response = web.begin("FIGURES-1", partners=("ashby", "brent"), employer="ashby")
    assert response.url.path.endswith("/tasks"), response.url
    return web


def _warnings(page: Shown) -> list[str]:
    """Each warning's words (without the "Warning" said to screen readers)."""
    return [" ".join(w.text_content().split()).removeprefix("Warning ") for w in page.find(
        "//div[@id='warnings']//div[contains(@class, 'govuk-warning-text__text')]")]


def test_the_on_costs_warning_quotes_only_the_salary_the_officer_gave(
        tmp_path: Path) -> None:
    web = _new_post(tmp_path)
    check = Shown(web.client.get(f"{web.base}/check"))
    on_costs = [w for w in _warnings(check) if w.startswith(NO_ON_COSTS)]
    assert len(on_costs) == 1, _warnings(check)  # still warned: no on-costs are given
    assert on_costs[0].startswith(f"{NO_ON_COSTS}: Ashby's National Insurance and pension "
                                  "contributions for the post are not shared."), on_costs
    text = check.text()
    assert "£50,000" not in text and "Scaffold" not in text, text
    # the salary given: the same warning quotes it
    response = web.submit("payment", payment__salary="42000")
    assert response.status_code == 200, response.text
    check = Shown(web.client.get(f"{web.base}/check"))
    on_costs = [w for w in _warnings(check) if w.startswith(NO_ON_COSTS)]
    assert len(on_costs) == 1 and on_costs[0].startswith(
        f"{NO_ON_COSTS} (£42,000.00 a year): Ashby's"), _warnings(check)
    assert "£50,000" not in check.text()


def test_no_warning_on_a_new_post_quotes_a_stand_in(tmp_path: Path) -> None:
    """Every page a new post's warnings show on: check your answers, each section's page
    and its live check (the browser's enhancement) say no stand-in figure or name."""
    web = _new_post(tmp_path)
    pages = ["check", "tasks", "payment", "governance", "about"]
    for slug in pages:
        text = Shown(web.client.get(f"{web.base}/{slug}")).text()
        assert "£50,000" not in text and "Scaffold" not in text, (slug, text)
    for slug in ("payment", "governance"):
        live = web.client.post(f"{web.base}/{slug}/live", data=web.form(slug)).text
        assert "50,000" not in live and "Scaffold" not in live, (slug, live)
    assert any(w.startswith(NO_ON_COSTS) for w in _warnings(
        Shown(web.client.get(f"{web.base}/check"))))


def test_a_warning_the_stand_in_salary_decides_is_not_shown(tmp_path: Path) -> None:
    """A post whose salary is taken out: the pay range and the day rate are the officer's,
    the salary a stand-in. Neither "the salary is outside the pay range" nor "the fee is
    more than the post costs per day worked" can be said of a salary not given."""
    web = Interview.opened(tmp_path, "shared-legal-services-three-councils.yaml")
    web.submit("payment", payment__salary="")  # the page asks for it: not answered yet
    check = Shown(web.client.get(f"{web.base}/check"))
    said = " ".join(_warnings(check))
    assert "£50,000" not in check.text(), said
    assert "pay range" not in said and "per day worked" not in said, said
    assert any("Enter" in t and "salary" in t.casefold() for t, _ in check.errors()), \
        check.errors()  # asked for instead
