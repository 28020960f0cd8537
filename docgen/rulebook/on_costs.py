"""Rules on ``payment.on_costs``: the employer's costs on top of pay that the partners share
(pension by scheme, National Insurance above its threshold, none given at all). Kept apart
from :mod:`docgen.rulebook.payment` as the one part of ``payment`` with rules of its own
about scheme names and statutory rates."""

from __future__ import annotations

import re
from decimal import Decimal

from docgen.answers.model import AnswerFile
from docgen.facts.derive import Facts
from docgen.facts.formatting import money
from docgen.facts.jurisdictions import JURISDICTIONS
from docgen.facts.legal import kind_text
from docgen.facts.pensions import default_scheme
from docgen.rulebook.common import DOMAIN, Findings
from docgen.rulebook.postholder import scheme_problem
from docgen.rulebook.registry import rule, told, way
from docgen.rulebook.statutes import home_of

#: a scheme an on-cost's name names, by pattern: its kind and country ("": none named)
#: (compiled as the module loads, so the command's table of compiled patterns keeps them)
_ON_COST_SCHEMES = tuple((re.compile(pattern, re.IGNORECASE), family) for pattern, family in (
    (r"\bnilgosc\b", ("local", "northern_ireland")),
    (r"\bhsc\b", ("health", "northern_ireland")),
    (r"local government pension|\blgps\b", ("local", "")),
    (r"\bnhs ?ps\b|\bnhs\b[^,;]*\b(?:pension|superannuation)|(?:pension|superannuation)"
     r"[^,;]*\bnhs\b", ("health", ""))))
#: the country a scheme's name names, if any (England and Wales share theirs)
_COUNTRIES = tuple((re.compile(pattern, re.IGNORECASE), country) for pattern, country in (
    (r"scotland|scottish|\bsppa\b", "scotland"),
    (r"northern ireland|\bnilgosc\b|\bhsc\b", "northern_ireland")))
_SECTOR = {"local": "a local government scheme", "health": "a health service scheme"}


def _family(name: str, country: str = "") -> tuple[str, str] | None:
    """The kind of scheme (``local`` or ``health``) a name names and the country it names
    (``country`` when it names none, "" for any); None when it names no scheme docgen
    knows (Employer National Insurance, the Civil Service scheme)."""
    found = next((fam for pattern, fam in _ON_COST_SCHEMES if pattern.search(name)), None)
    if found is None:
        return None
    named = next((c for pattern, c in _COUNTRIES if pattern.search(name)), found[1] or country)
    return found[0], named


def _employers_scheme(a: AnswerFile, f: Facts) -> tuple[str, str]:
    """The scheme the post-holder is in (a named post-holder's, or a recruit's as the
    contract offers it), as stated or the default for the employer's kind and country, and
    the key that states it ("" for the default)."""
    if a.postholder is not None:
        key, stated = "postholder.pension_scheme", a.postholder.pension_scheme
    else:
        key, stated = "post.pension_scheme", a.post.pension_scheme
    if stated:
        return stated, key
    scheme = default_scheme(f.employer.kind, a.jurisdiction)
    return scheme.removesuffix(" administered by NILGOSC"), ""


@rule("GP061", "warning", "payment.on_costs", DOMAIN + " (money: employer on-costs, by "
      "pension scheme)", "a pension on-cost should name the scheme the post-holder is in, not "
      "another", clauses=("agreement.finance",))
def on_cost_scheme(a: AnswerFile, f: Facts) -> Findings:
    """An on-cost named for one scheme ("Employer pension contribution (LGPS)") when the
    post-holder is in another (an NHS employer's NHS Pension Scheme) charges the partners a
    contribution the employer does not pay, at another scheme's rate. The post-holder's
    scheme is the one stated, or the default for the employer's kind and country (as the
    contract offers a recruit); a stated scheme wrong in itself is GP052's to correct first.
    An on-cost that names no country matches a scheme of its kind in any country."""
    scheme, key = _employers_scheme(a, f)
    if key and scheme_problem(a, f, scheme):
        return  # GP052's finding
    here = "" if home_of(a.jurisdiction) == "england_and_wales" else a.jurisdiction
    own = _family(scheme, here) if scheme else None
    if own is None:
        return  # no scheme, or one docgen does not know: nothing to compare with
    for i, cost in enumerate(a.payment.on_costs):
        named = _family(cost.name)
        if named is None or (named[0] == own[0] and named[1] in ("", own[1])):
            continue
        kind = kind_text(f.employer.kind, a.jurisdiction)
        whose = ("as the contract says" if key or a.postholder is None else
                 f"the scheme {f.employer.short_name}, "
                 f"{'an' if kind[0] in 'aeiouN' else 'a'} {kind}, offers its staff")
        what = _SECTOR[named[0]] + (f" of {JURISDICTIONS[named[1]]['name']}"
                                    if named[1] not in ("", own[1]) else "")
        name = f"Employer pension contribution ({scheme})"
        ways = [way(f"payment.on_costs.{i}.name={name}")] + ([way(f"{key}=~")] if key else [])
        yield ("payment", "on_costs", i, "name"), told(
            f"the on-cost '{cost.name}' names {what}, but the post-holder is in the {scheme} "
            f"({whose}): the agreement would charge the partners a contribution the employer "
            "does not pay, at another scheme's rate. ", f"Name it '{name}' in "
            "payment.on_costs" + (f", or correct {key}" if key else ""), *ways,
            after=", and check the on-cost's percent against that scheme's employer rate")


#: an on-cost's name that says it is employer National Insurance
_NATIONAL_INSURANCE = re.compile(r"national insurance|\bnics?\b|\bni\b|\bclass 1\b", re.I)
#: employer National Insurance from 6 April 2025: 15% of pay above the secondary threshold
NI_RATE, NI_THRESHOLD = 15, 5000


@rule("GP062", "warning", "payment.on_costs", "HMRC, rates and thresholds for employers "
      "2025 to 2026 (Class 1 National Insurance: 15% above the secondary threshold of "
      "£5,000 a year)", "employer National Insurance at the full rate is due only on pay "
      "above the secondary threshold", clauses=("agreement.finance",))
def national_insurance_threshold(a: AnswerFile, f: Facts) -> Findings:
    """Employer National Insurance given at the full rate (15%) on all pay overstates the
    Cost Base, and every share of it, by 15% of the £5,000 a year it is not due on (£750).
    A lower percent may be an effective rate that allows for the threshold already, so only
    the full rate without a threshold is found."""
    for i, cost in enumerate(a.payment.on_costs):
        if (cost.above is None and cost.percent == NI_RATE
                and _NATIONAL_INSURANCE.search(cost.name)):
            yield ("payment", "on_costs", i, "percent"), told(
                f"the on-cost '{cost.name}' is {NI_RATE}% of all the pay, but employer "
                f"National Insurance is due only on pay above {money(Decimal(NI_THRESHOLD))} "
                f"a year, so the Cost Base is {money(Decimal(NI_RATE * NI_THRESHOLD) / 100)} "
                "too high. ", f"Set payment.on_costs.{i}.above: {NI_THRESHOLD}, or "
                "acknowledge GP062", way(f"payment.on_costs.{i}.above={NI_THRESHOLD}"),
                way("acknowledge=GP062"), after=f" if {NI_RATE}% already allows for it")


@rule("GP063", "warning", "payment.on_costs", DOMAIN + " (money: salary, premium and on-costs)",
      "a post whose cost is shared with no on-costs shares the pay alone",
      clauses=("agreement.finance",))
def no_on_costs(a: AnswerFile, f: Facts) -> Findings:
    """No on-costs: the Cost Base is pay alone, without employer NI and pension."""
    if a.payment.mechanism == "salary_share" and not a.payment.on_costs:
        employer = f.employer.short_name
        yield ("payment", "on_costs"), told(
            f"no on-costs are given, so the Cost Base is the pay alone ({f.money.cost_base_text}"
            f" a year): {employer}'s National Insurance and pension contributions for the post "
            "are not shared. ", "List them in payment.on_costs, or acknowledge GP063",
            way("payment.on_costs"), way("acknowledge=GP063"),
            after=f" with where the partners agreed that {employer} bears them alone")


#: the NHS Pension Scheme's employer rate from 1 April 2024, 23.7% of pensionable pay
#: (23.78% with the 0.08% administration levy), and the part NHS organisations in England
#: pay themselves, 14.38% (NHS England pays the other 9.4% centrally): NHS Business Services
#: Authority, employer contribution rates 2024/25; NHS Employers, 14 March 2024. The 2024
#: valuation sets the rate from 1 April 2027
NHS_FULL_RATES, NHS_LOCAL_RATE = (Decimal("23.7"), Decimal("23.78")), Decimal("14.38")


@rule("GP066", "warning", "payment.on_costs", "NHS Business Services Authority, NHS Pension "
      "Scheme employer contribution rates 2024/25 (23.7%, 23.78% with the administration "
      "levy; 14.38% collected from NHS organisations in England, 9.4% paid centrally by NHS "
      "England)", "an English NHS employer's pension on-cost should be the rate it bears, "
      "not the full rate partly paid centrally", clauses=("agreement.finance",))
def nhs_pension_full_rate(a: AnswerFile, f: Facts) -> Findings:
    """An NHS body in England employs the post-holder and the NHS Pension Scheme on-cost is
    the full employer rate (23.7% or 23.78%), though the NHS Business Services Authority
    collects 14.38% from NHS organisations, NHS England paying the rest centrally: the
    partners would share a contribution the employer does not bear. Only the full rate is
    found (another figure may be the employer's own), and only in England (where the
    central payment is NHS England's)."""
    if a.jurisdiction != "england" or f.employer.kind != "nhs_body":
        return
    for i, cost in enumerate(a.payment.on_costs):
        if cost.percent in NHS_FULL_RATES and _family(cost.name) == ("health", ""):
            yield ("payment", "on_costs", i, "percent"), told(
                f"the on-cost '{cost.name}' is {cost.percent}%, the NHS Pension Scheme's full "
                "employer rate, but the NHS Business Services Authority collects "
                f"{NHS_LOCAL_RATE}% (the administration levy included) from NHS "
                "organisations in England, NHS England paying the other 9.4% centrally, so the "
                f"partners would share a contribution {f.employer.short_name} does not bear. "
                f"Confirm the rate {f.employer.short_name} pays and ",
                f"set payment.on_costs.{i}.percent: {NHS_LOCAL_RATE}, or acknowledge GP066",
                way(f"payment.on_costs.{i}.percent={NHS_LOCAL_RATE}"),
                way("acknowledge=GP066"), after=" if it bears the full rate")
