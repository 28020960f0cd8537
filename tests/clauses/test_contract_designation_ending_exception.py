"""A lawyer's review (round 3, point 1), read back from the built contract: the agreement
binds a council not to end a guarded designation "other than because the Arrangement ends or
the Post-holder leaves the Employer's employment, except by a resolution of its full council";
the contract said the council "may end your designation ... only by a resolution of the full
council", without the exception, so the two documents disagreed about a designation that ends
with the Arrangement or the employment. The contract now carries the same exception."""

from __future__ import annotations

from legal_answers import FOUR, answers, clause, text

CONTRACT = ("Hartmoor, Fenwick, Stowbridge and Cradley Vale may end your designation or "
            "appointment as their monitoring officer, other than because the Arrangement ends "
            "or you leave the Employer's employment, only by a resolution of the full council "
            "of the Partner Organisation concerned")
AGREEMENT = ("shall not end that designation or appointment, other than because the "
             "Arrangement ends or the Post-holder leaves the Employer's employment, except by a "
             "resolution of its full council")


def test_the_contract_carries_the_agreements_exception() -> None:
    roles = clause(text(answers(FOUR), "contract"), "Statutory roles", "Expenses and travel")
    assert CONTRACT in roles
    assert AGREEMENT in text(answers(FOUR))
