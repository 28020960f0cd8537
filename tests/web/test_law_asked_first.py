"""A partner typed in by hand has no profile to state its law, so "Which law applies?" and
the legal basis are left to the officer. Continue led to them only after every later
section (the post, the payment, the job): the law came last, after VAT and the rest were
answered under no law. While not started, the two now come first."""

from __future__ import annotations

from pathlib import Path

from .conftest import add_profiles
from .helpers import Interview
from .test_start import _states

ICB = "NHS Northbridge Integrated Care Board"


def test_the_law_and_the_basis_come_next_after_a_typed_in_partner(tmp_path: Path) -> None:
    web = Interview(add_profiles(tmp_path))
    response = web.begin("EWK-ICB-01", partners=("eastwick", "-other-"), employer="-other-",
                         other_name=ICB, other_kind="nhs_body")
    assert response.url.path.endswith("/partners/1"), response.url
    web.base = str(response.url).rsplit("/partners/", 1)[0]
    assert "jurisdiction" not in web.on_disk()
    sent = web.submit("partners/1", **{
        "parties.1.short_name": "ICB", "parties.1.address": "Riverside House, Northbridge NB1 1AA",
        "parties.1.signatory.name": "Sam Patel",
        "parties.1.signatory.title": "Chief Executive",
        "parties.1.notices.title": "Board Secretary",
        "parties.1.notices.email": "board@northbridge.example.nhs.uk"})
    assert sent.url.path.endswith("/partners"), (sent.url, sent.status_code)  # the list
    listed = web.client.post(f"{web.base}/partners", data={"csrf_token": web.token,
                                                           "action": "continue"})
    assert listed.url.path.endswith("/about"), (listed.url, listed.status_code)
    about = web.submit("about", jurisdiction="england")
    assert about.url.path.endswith("/basis"), about.url
    assert _states(web.client.get(f"{web.base}/tasks").text)["About the arrangement"] == \
        "Completed"
