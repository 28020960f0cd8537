"""No warning the officer is shown quotes a stand-in. The live checks fill the answers not
given yet with stand-ins (a salary of £50,000, ...) so that the rules can run; a new post's
on-costs warning then said "the Cost Base is the pay alone (£50,000.00 a year)", a salary
the officer never typed. The warning is still true (no on-costs are given) and is still
shown, without the figure; once the salary is given, it quotes the salary given."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("starlette")

import docgen  # noqa: E402
from docgen.web.checking import _moved, _scaffold  # noqa: E402

from .helpers import Interview, Shown, two_councils  # noqa: E402

#: the test profiles (two London boroughs), copied and changed by a test
DATA = Path(__file__).parent / "data"

#: the on-costs warning's words, up to where it quotes the Cost Base
NO_ON_COSTS = "No on-costs are given, so the Cost Base is the pay alone"


def _new_post(tmp_path: Path) -> Interview:
    return two_councils(tmp_path, "FIGURES-1")


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


#: a Scottish council's own office, which the rules find out of place under another law
CSWO = "Chief Social Work Officer"


def _scottish_councils_stating_no_law(tmp_path: Path) -> Interview:
    """The test profiles as two Scottish councils stating no law (``jurisdiction`` left
    out), and a new post between them with the chief social work officer's role: neither
    the law nor the legal basis is chosen, so the live check's are stand-ins."""
    (tmp_path / "organisations").mkdir()
    for pid, name in (("eastwick", "Kelvin"), ("westmere", "Tayside")):
        said = (DATA / "organisations" / f"{pid}.yaml").read_text(encoding="utf-8")
        said = re.sub(r"(?m)^jurisdiction:.*\n", "", said)
        said = re.sub(r"(?m)^name:.*$", f"name: {name} Council", said)
        said = re.sub(r"(?m)^short_name:.*$", f"short_name: {name}", said)
        assert "jurisdiction" not in said
        (tmp_path / "organisations" / f"{pid}.yaml").write_text(said, encoding="utf-8")
    web = Interview(tmp_path)
    web.begin("CSWO-1")
    assert web.form("about").get("jurisdiction") is None  # the law is not chosen
    response = web.submit(
        "post", post__title=CSWO, post__purpose="To lead the councils' social work",
        **{"post__start_date-day": "1", "post__start_date-month": "4",
           "post__start_date-year": "2030"}, post__hours_per_week="37",
        post__politically_restricted="no", post__statutory_roles__0__party="eastwick",
        post__statutory_roles__0__role=CSWO)
    assert response.status_code == 200 and not Shown(response).errors(), response.text
    return web


def test_no_warning_follows_the_stand_in_law_of_a_post_whose_law_is_not_chosen(
        tmp_path: Path) -> None:
    """The scaffold's law is England and Wales: a Scottish post whose law is not chosen was
    told "“England and Wales” does not say whether the parties are in England or in Wales"
    (GP034) and that its chief social work officer "is an office of Scottish councils, which
    this post's country does not have" (GP056), wrong for it. Once Scotland's law is chosen,
    the warnings of that law are said."""
    web = _scottish_councils_stating_no_law(tmp_path)
    check = Shown(web.client.get(f"{web.base}/check"))
    live = web.client.post(f"{web.base}/post/live", data=web.form("post")).text
    for said in (check.text(), live):
        assert "England and Wales" not in said and "country does not have" not in said, said
    assert any(w.startswith("The recharge is treated as outside the scope of VAT")
               for w in _warnings(check)), _warnings(check)  # a warning of any law stays
    # Scotland's law chosen: its warnings are the officer's own
    response = web.submit("about", jurisdiction="scotland")
    assert response.status_code == 200, response.text
    restricted = "chief social work officer, which may make it politically restricted"
    check = Shown(web.client.get(f"{web.base}/check"))
    assert any(restricted in w for w in _warnings(check)), _warnings(check)
    live = web.client.post(f"{web.base}/post/live", data=web.form("post")).text
    assert restricted in live and "country does not have" not in live, live


def test_every_stand_in_word_is_moved_whatever_its_case() -> None:
    """"SCAFFOLD-1" and "scaffold@example.org" are stand-ins as "Scaffold" is: a warning
    quoting one changes with it, and waits."""
    moved = _moved(_scaffold(["ashby", "brent"]))
    assert "scaffold" not in repr(moved).casefold(), moved
    assert docgen.check(moved).ok
