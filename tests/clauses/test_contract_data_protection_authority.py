"""A lawyer's read of built contracts (7 December 2026): clause 12.2 said the post-holder
processes each controller's personal data "as its officer and under its instructions", which
is untrue where the post-holder is not that body's officer (a secondment, section 105 of the
Local Government Act (Northern Ireland) 1972, an NHS body's officer placed under section
113(1A)(b) of the Local Government Act 1972). It now says what holds for every structure:
on the controller's behalf, under its authority and on its instructions (Article 29 UK GDPR)."""

from __future__ import annotations

import pytest
from legal_answers import FOUR, NHS, NI, answers, numbered

SAID = ("Each Partner Organisation is the controller of the personal data you process for its "
        "work, and you process that data on its behalf, under its authority and only on its "
        "instructions, unless the law requires otherwise, as Article 29 of the UK GDPR "
        "provides.")


@pytest.mark.parametrize("name", [NHS, NI, FOUR])
def test_the_controller_clause_does_not_call_the_post_holder_its_officer(name: str) -> None:
    data = answers(name, confidentiality__data_protection="separate_controllers")
    subs = numbered(data, "contract").values()
    assert SAID in subs
    assert not any("as its officer" in s for s in subs)
