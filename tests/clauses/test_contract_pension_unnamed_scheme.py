"""A lawyer's read of built contracts (7 December 2026, P06 and P09): a named post-holder whose
scheme the answers do not give was told "Your pension arrangements remain with the Employer, on
the same basis as for its other employees", which asserts that every employee of the employer
is on one basis, while the job specification speaks of the employer's pension scheme. docgen's
default scheme (what an employer of that kind offers a recruit) is not named: an existing
employee may have opted out or be in another scheme. The contract now says any membership of
the Employer's pension scheme continues as before; a scheme the answers give is still named."""

from __future__ import annotations

import copy

from legal_answers import NHS, answers, numbered


def _pension(data: dict) -> str:
    return next(v for v in numbered(data, "contract").values()
                if v.startswith(("Your pension arrangements", "You remain a member")))


def test_no_scheme_given_says_the_employers_scheme_and_no_other_employees() -> None:
    data = copy.deepcopy(answers(NHS))
    del data["postholder"]["pension_scheme"]
    said = _pension(data)
    assert said == ("Your pension arrangements remain with the Employer: any membership you "
                    "have of the Employer's pension scheme continues on the same basis as "
                    "before, and the Arrangement does not change it.")
    assert "NHS Pension Scheme" not in said


def test_a_scheme_given_is_named() -> None:
    assert _pension(answers(NHS)).startswith("You remain a member of the NHS Pension Scheme")
