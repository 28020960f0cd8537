"""GP061 compares a pension on-cost with the post-holder's scheme (GP052 checks the scheme
itself). The auditor made the
Head of HR's employer an NHS trust in the NHS Pension Scheme and kept the on-cost
"Employer pension contribution (LGPS)": the agreement charged the partners a local
government contribution the employer does not pay, and nothing warned. The warning names
the on-cost, the scheme the post-holder is in, and the fix as data (the on-cost's new name,
or the stated scheme to change)."""

from __future__ import annotations

from typing import Any

from docgen.errors import Problem
from docgen.rulebook.registry import way

from .test_rules import example, problems_for

NHS = "Employer pension contribution (NHS Pension Scheme)"


def _on_cost_warnings(**changes: Any) -> list[Problem]:
    """GP061's findings on the Head of HR with Eastwick an NHS trust."""
    data = example("hr")
    data["parties"][0]["kind"] = "nhs_body"  # Eastwick employs
    data["postholder"]["pension_scheme"] = "NHS Pension Scheme"
    assert data["payment"]["on_costs"][0]["name"] == "Employer pension contribution (LGPS)"
    for key, value in changes.items():
        section, name = key.split("__")
        data[section][name] = value
    return [p for p in problems_for(data) if p.rule == "GP061"]


def test_an_lgps_on_cost_for_a_post_holder_in_the_nhs_scheme_is_warned_about() -> None:
    [found] = _on_cost_warnings()
    assert found.path == ("payment", "on_costs", 0, "name")
    assert found.message == (
        "the on-cost 'Employer pension contribution (LGPS)' names a local government "
        "scheme, but the post-holder is in the NHS Pension Scheme (as the contract says): "
        "the agreement would charge the partners a contribution the employer does not pay, "
        f"at another scheme's rate. Name it '{NHS}' in payment.on_costs, or correct "
        "postholder.pension_scheme, and check the on-cost's percent against that scheme's "
        "employer rate")
    assert found.fix is not None
    assert found.fix.ways == (way(f"payment.on_costs.0.name={NHS}"),
                              way("postholder.pension_scheme=~"))
    assert found.documents == ("agreement",) and found.clauses == ("agreement.finance",)


def test_the_default_scheme_of_the_employer_counts_when_none_is_stated() -> None:
    """No scheme stated: an NHS trust's staff are in the NHS Pension Scheme."""
    [found] = _on_cost_warnings(postholder__pension_scheme=None)
    assert "but the post-holder is in the NHS Pension Scheme (the scheme Eastwick, an NHS " \
        "body, offers its staff)" in found.message
    assert found.fix is not None and found.fix.ways == (way(f"payment.on_costs.0.name={NHS}"),)


def test_the_warning_is_gone_once_the_on_cost_names_the_scheme() -> None:
    on_costs = [{"name": NHS, "percent": 23.7}, {"name": "Employer NI", "percent": 13.9}]
    assert not _on_cost_warnings(payment__on_costs=on_costs)
    on_costs[0]["name"] = "Employer contribution (NHSPS)"
    assert not _on_cost_warnings(payment__on_costs=on_costs)


def test_a_scheme_of_another_country_is_named_and_an_unnamed_country_matches() -> None:
    """A Scottish council's staff are in the LGPS (Scotland): an on-cost "LGPS" names no
    country and matches; "LGPS (Northern Ireland)" or "HSC pension" do not."""
    data = example("hr")
    data.update(jurisdiction="scotland", legal_basis="lgs_1966_s35")
    data["postholder"]["pension_scheme"] = None
    assert not {"GP052", "GP061"} & {p.rule for p in problems_for(data)}
    for name, what in (("Employer pension (LGPS Northern Ireland)",
                        "a local government scheme of Northern Ireland"),
                       ("Employer HSC pension contribution",
                        "a health service scheme of Northern Ireland")):
        data["payment"]["on_costs"][0]["name"] = name
        [found] = [p for p in problems_for(data) if p.rule == "GP061"]
        assert found.message.startswith(
            f"the on-cost '{name}' names {what}, but the post-holder is in the Local "
            "Government Pension Scheme (Scotland) (the scheme Eastwick, a local authority, "
            "offers its staff)"), found.message


def test_a_stated_scheme_wrong_in_itself_is_corrected_first() -> None:
    """An NHS trust with its post-holder in the LGPS: GP052 says the scheme is wrong; the
    LGPS on-cost agrees with it, and GP061 does not send the reader the other way."""
    data = example("hr")
    data["parties"][0]["kind"] = "nhs_body"
    data["payment"]["on_costs"][0]["name"] = NHS
    rules = {p.rule for p in problems_for(data)}
    assert "GP052" in rules and "GP061" not in rules


def test_the_shipped_examples_on_costs_raise_nothing() -> None:
    for name in ("hr", "dph", "legal"):
        assert "GP061" not in {p.rule for p in problems_for(example(name))}, name
