"""The law of a new post with an organisation typed in by hand on the start page (no
profile): "the law is never assumed" did not hold for them (HR officer's review). An
employer typed in took its partners' law, and a council typed in as a partner was taken
to be under the profiled employer's law: a Scottish council typed in beside an English
profiled council employing started under England's law with section 113 chosen, an
arrangement across the border that is the officer's (and a lawyer's) to settle.

Now an employer typed in is as an employer whose profile states no law: neither the law
nor a legal basis is chosen. While a council partner has no profile to state its law, no
legal basis is chosen (the law stays the profiled employer's, the post's law). An NHS
body typed in as a partner does not stop the power: section 113 reaches NHS bodies, and
the law is the employer's.

Also here: the standing trial's notice to leave is taken from the employer's notice only
when that is a whole number of months, not true or false."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.web.standing import standing  # noqa: E402

from .helpers import Interview, Shown, write_profile  # noqa: E402


def _started(folder: Path, employer: str, name: str, kind: str) -> Interview:
    """A new post between the English council Severn (profiled) and an organisation typed
    in by hand (``name``, of ``kind``), ``employer`` employing ("other": the typed one)."""
    write_profile(folder, "severn", "england")
    web = Interview(folder)
    response = web.begin("LAW-T", partners=("severn", "-other-"),
                         employer="-other-" if employer == "other" else employer,
                         other_name=name, other_kind=kind)
    assert response.status_code == 200, response.text
    web.base = str(response.url).split("/partners")[0]  # on to the typed one's own page
    return web


def _page(web: Interview, slug: str) -> Shown:
    return Shown(web.client.get(f"{web.base}/{slug}"))


@pytest.mark.parametrize("kind", ["local_authority", "nhs_body"])
def test_an_employer_typed_in_takes_no_partners_law(tmp_path: Path, kind: str) -> None:
    """Its law is its own, which nothing on the start page says."""
    web = _started(tmp_path, "other", "Glenmore Council", kind)
    assert _page(web, "about").checked("jurisdiction") == []
    assert _page(web, "basis").checked("legal_basis") == []
    web.submit("about", jurisdiction="scotland")  # the officer answers it
    assert _page(web, "about").checked("jurisdiction") == ["scotland"]


def test_a_council_typed_in_beside_a_profiled_employer_gets_no_legal_basis(
        tmp_path: Path) -> None:
    """A Scottish council typed in: section 113 is not chosen for it; the officer is. An
    NHS trust typed in keeps it (the power reaches NHS bodies; the law is the employer's)."""
    (tmp_path / "council").mkdir()
    (tmp_path / "trust").mkdir()
    web = _started(tmp_path / "council", "severn", "Glenmore Council", "local_authority")
    assert _page(web, "about").checked("jurisdiction") == ["england"]  # the employer's
    assert _page(web, "basis").checked("legal_basis") == []
    web.submit("basis", legal_basis="lga_1972_s113")  # the officer can still choose it
    assert _page(web, "basis").checked("legal_basis") == ["lga_1972_s113"]
    web = _started(tmp_path / "trust", "severn", "Glenmore NHS Trust", "nhs_body")
    assert _page(web, "about").checked("jurisdiction") == ["england"]
    assert _page(web, "basis").checked("legal_basis") == ["lga_1972_s113"]


def test_true_or_false_is_no_notice_to_shorten_the_trials_by() -> None:
    parties = [{"id": pid, "name": f"{pid.title()} Council", "kind": "local_authority"}
               for pid in ("ashby", "brent")]
    for notice in (True, False):
        review = standing(parties, "ashby", {"exit": {"notice_months": notice}})["review"]
        assert review["trial_notice_months"] == 3, (notice, review)
    review = standing(parties, "ashby", {"exit": {"notice_months": 3}})["review"]
    assert review["trial_notice_months"] == 2
