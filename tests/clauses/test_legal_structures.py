"""Issue 20 (legal review, December 2026), points 1 to 9: an NHS employer, a Welsh chief
executive, the employer withdrawing, time fees and absence, exit-cost shares, the trial review,
political restriction by contract and the monitoring officer. Each test builds an answer file
of tests/data/legal/ in memory and reads the documents back as a reviewing lawyer would."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from legal_answers import (
    ALL,
    FOUR,
    NHS,
    WALES,
    answers,
    clause,
    numbered,
    rules_fired,
    text,
)

from docgen import check

# --- 1. an NHS body as employer: s.113(1A)(b) ---------------------------------------------

def test_icb_employer_recites_s113_1a_b_for_the_council_and_not_s113_1() -> None:
    t = clause(text(answers(NHS)), "Background", "Interpretation")
    assert ("The ICB places the services of the Post-holder at the disposal of the Council for "
            "the purposes of its functions under section 113(1A)(b) of that Act") in t
    assert "section 113(1) of that Act" not in t
    assert "113(1A)(a)" not in t
    # the DASS designation rests on an intended deeming, with a note for review
    assert "treated as its officer for the purposes of the statutory role listed in clause 18" \
        in t
    assert "Pinfold North Ltd v Humberside Fire Authority [2010] EWHC 2944 (QB)" in t
    assert "its powers under the National Health Service Act 2006." in t
    assert "section 75" not in t  # no partnership arrangement is answered


def test_council_employer_with_nhs_host_recites_s113_1a_a() -> None:
    data = answers(NHS, employer="council", exit__postholder_reverts_to="council",
                   management__hr_lead="council")
    t = clause(text(data), "Background", "Interpretation")
    assert ("placed at the disposal of the ICB, this Agreement is made under section "
            "113(1A)(a) of that Act") in t
    assert "113(1A)(b)" not in t and "Pinfold" not in t


def test_gp017_accepts_an_nhs_employer_placing_with_a_council() -> None:
    assert "GP017" not in rules_fired(answers(NHS))
    assert not any("a NHS body" in p.message for p in check(answers(NHS)).problems)


# --- 2. a Welsh joint chief executive under s.54 LGE(W)A 2021 --------------------------------

def test_wales_chief_executive_is_a_s54_appointment_approved_by_each_full_council() -> None:
    t = clause(text(answers(WALES)), "Statutory roles", "Political restriction")
    assert ("Chief Executive of Bro Hafren, appointed under section 54 of the Local Government "
            "and Elections (Wales) Act 2021.") in t
    assert ("Dyffryn Teifi and Bro Hafren each appoint the Post-holder as their chief executive "
            "under section 54") in t
    assert ("The full council of each Party that appoints the Post-holder shall approve the "
            "appointment before any offer of appointment is made") in t
    # the host appoints an officer placed with it under s.113, with a note to confirm it
    assert "the appointment by Bro Hafren is of an officer of the Employer" in t
    assert "confirm that section 54 of the Local Government and Elections (Wales) Act 2021 " \
        "allows Bro Hafren to appoint" in t
    # pay policy of each appointing council, and the IRPW prompt
    assert "pay policy statement under sections 38 to 41 of the Localism Act 2011 of each " \
        "Party that appoints the Post-holder" in t
    assert "Independent Remuneration Panel for Wales" in t
    assert "section 143A of the Local Government (Wales) Measure 2011" in t
    # the Welsh standing-orders list names the chief executive, not a head of paid service
    assert "a chief executive, monitoring officer, chief finance officer or head of " \
        "democratic services" in t
    assert "head of paid service" not in t.lower()


def test_wales_contract_names_s54_and_gp046_flags_a_head_of_paid_service() -> None:
    t = text(answers(WALES), "contract")
    assert "Chief Executive of Dyffryn Teifi, appointed under section 54" in t
    assert "only by a resolution of the full council of the Partner Organisation concerned" in t
    hops = answers(WALES, post__statutory_roles=[{"party": "hafren",
                                                   "role": "Head of Paid Service"}])
    assert "GP046" in rules_fired(hops)
    assert "GP046" not in rules_fired(answers(WALES))


# --- 8. the monitoring officer: s.5(7) deputy, s.5(1)(b) resources, ending by full council ----

def test_monitoring_officer_deputies_resources_and_safeguards() -> None:
    t = clause(text(answers(FOUR)), "Statutory roles", "Political restriction")
    assert "the Post-holder shall nominate, under section 5(7) of the Local Government and " \
        "Housing Act 1989, a member of the staff that each of them provides" in t
    assert "for Fenwick: Democratic Services Manager, Fenwick;" in t
    assert "designate a deputy" not in t
    assert ("such staff, accommodation and other resources as are, in the Post-holder's "
            "opinion, sufficient") in t and "section 5(1)(b)" in t
    assert ("shall not end that designation or appointment, other than because the Arrangement "
            "ends or the Post-holder leaves the Employer's employment, except by a resolution "
            "of its full council, after it has taken into account the advice of a panel that "
            "includes at least two independent persons") in t
    assert "Nothing in this Agreement requires a Party to make or keep a designation" not in t
    c = text(answers(FOUR), "contract")
    assert "Local Authorities (Standing Orders) (England) Regulations 2001, as amended in 2015" \
        in c
    assert "section 5(7) of the Local Government and Housing Act 1989" in c


# --- 3. the employer withdraws from a four-party arrangement ---------------------------------

def test_employer_withdrawing_ends_the_arrangement_unless_a_new_employer_is_agreed() -> None:
    t = clause(text(answers(FOUR)), "Termination and exit", "Notices")
    assert "If a Party other than the Employer withdraws, this Agreement continues between " \
        "the remaining Parties" in t
    assert ("If the Employer gives notice to withdraw, the Arrangement ends for all Parties on "
            "the Employer's Exit Date") in t
    assert "the remaining Parties agree in writing that one of them will employ the " \
        "Post-holder; that change needs the Post-holder's agreement" in t
    assert "novation of this Agreement" in t
    assert "If the Arrangement ends because the Employer withdraws, any cost that is shared " \
        "under this clause is shared as on any other ending" in t
    alone = clause(text(answers(FOUR, exit__employer_withdrawal_costs="employer")),
                   "Termination and exit", "Notices")
    assert "If the Arrangement ends because the Employer withdraws, the Employer bears alone " \
        "any cost that would otherwise be shared under this clause." in alone
    c = text(answers(FOUR), "contract")
    assert "If the Employer leaves, the Arrangement ends for all the Partner Organisations " \
        "unless the others agree that one of them will employ you" in c
    # two parties: a withdrawal simply ends the Arrangement
    two = clause(text(answers(WALES)), "Termination and exit", "Notices")
    assert "If a Party withdraws, the Arrangement ends on the Exit Date." in two
    assert "Employer gives notice to withdraw" not in two


# --- 5. exit-cost shares by time, totalling exactly 100% ------------------------------------

def _printed_shares(t: str) -> dict[str, Decimal]:
    line = next(x for x in t.splitlines() if "those proportions are" in x)
    found = re.findall(r"([A-Z][A-Za-z ]+?) (\d+(?:\.\d+)?)%", line.split("those proportions "
                                                                         "are", 1)[1])
    return {name.removeprefix("and ").strip(): Decimal(v) for name, v in found}


def test_exit_costs_follow_the_time_split_not_the_day_rate_margin() -> None:
    t = clause(text(answers(FOUR)), "Termination and exit", "Notices")
    assert "in proportion to their shares of the Post-holder's time under clause 7.1" in t
    assert "not in proportion to the fees under clause 13" in t
    assert _printed_shares(t) == {"Hartmoor": 40, "Fenwick": 20, "Stowbridge": 20,
                                  "Cradley Vale": 20}
    assert "36.59" not in t and "21.14" not in t


def test_exit_shares_that_do_not_divide_evenly_still_total_exactly_100() -> None:
    data = answers(FOUR, time_split={"unit": "hours_per_week", "shares": {
        "hartmoor": 13, "fenwick": 8, "stowbridge": 8, "cradley": 8}})
    shares = _printed_shares(clause(text(data), "Termination and exit", "Notices"))
    assert len(shares) == 4 and sum(shares.values()) == 100, shares
    # 13/37 = 35.135…%, 8/37 = 21.621…%: the odd hundredth goes to the largest remainder
    assert shares["Hartmoor"] == Decimal("35.14")
    assert shares["Fenwick"] == Decimal("21.62")


def test_a_stated_exit_split_is_printed_and_checked() -> None:
    data = answers(FOUR, exit__cost_shares={"hartmoor": 55, "fenwick": 15, "stowbridge": 15,
                                            "cradley": 15})
    t = clause(text(data), "Termination and exit", "Notices")
    assert "which they have agreed for these costs apart from the payments under clause 13: " \
        "Hartmoor 55%, Fenwick 15%, Stowbridge 15% and Cradley Vale 15%." in t
    bad = answers(FOUR, exit__cost_shares={"hartmoor": 55, "fenwick": 15})
    problems = [p for p in check(bad).problems if p.rule == "GE007"]
    assert problems and "Stowbridge and Cradley Vale have no share" in problems[0].message


# --- 4. a time fee's reconciliation counts paid absence as time worked ----------------------

def test_time_fee_reconciliation_treats_paid_absence_as_worked() -> None:
    t = clause(text(answers(FOUR)), "Costs and payment", "Confidentiality")
    absence = next(x for x in t.splitlines() if x.startswith("The Host Parties' payments under "
                                                               "this clause continue while"))
    assert "sickness, maternity" in absence
    recon = next(x for x in t.splitlines() if "shall reconcile the instalments" in x)
    assert ("For this purpose, a working day on which the Post-holder is absent for a reason "
            "listed in clause 13.12 is treated as worked for each Host Party in its agreed "
            "share of the Post-holder's time.") in recon
    # clause 13.12 is the absence rule the reconciliation cites
    n = numbered(answers(FOUR))
    assert n["13.12"].startswith("The Host Parties' payments under this clause continue")


# --- 9. payments that pause, with invoices in advance -----------------------------------------

def test_paused_payments_invoiced_in_advance_are_credited_or_refunded() -> None:
    t = clause(text(answers(NHS)), "Costs and payment", "Confidentiality")
    assert "for more than four consecutive weeks because of sickness, maternity" in t
    assert ("any sum paid in advance for a period in which payments have stopped under this "
            "clause is credited against the next invoice or, if no further invoice is due, "
            "refunded within 30 calendar days") in t
    longer = clause(text(answers(NHS, payment__pause_after_weeks=13,
                                 payment__family_leave="continues")),
                    "Costs and payment", "Confidentiality")
    assert "for more than 13 consecutive weeks because of sickness, other leave apart from " \
        "the family leave described below" in longer
    assert "stop from the end of week 13" in longer
    assert "The Host Party's payments continue while the Post-holder is on maternity, " \
        "paternity, adoption or shared parental leave" in longer
    # in arrears nothing is paid in advance, so no refund sentence
    arrears = clause(text(answers(NHS, payment__invoicing={"frequency": "quarterly",
                                                           "timing": "arrears",
                                                           "payment_days": 30})),
                     "Costs and payment", "Confidentiality")
    assert "paid in advance for a period" not in arrears
    # exit shares no longer depend on what was paid at the Exit Date
    exit_t = clause(text(answers(NHS)), "Termination and exit", "Notices")
    assert "as varied under clause" in exit_t and "annual amounts they bore" not in exit_t


# --- 6. the end-of-trial review comes before the last day for trial notice -------------------

def _date(s: str) -> dt.date:
    return dt.datetime.strptime(s, "%d %B %Y").date()


def test_every_trial_review_falls_before_the_trial_notice_deadline() -> None:
    for name in ALL:
        t = text(answers(name))
        deadline = _date(re.search(r"written notice no later than (\d+ \w+ \d{4}), the last "
                                   r"day of the Trial Period", t).group(1))
        review = re.search(r"“Review Date” means ([^;]*);", t).group(1)
        dates = [_date(d) for d in re.findall(r"\d{1,2} [A-Z][a-z]+ \d{4}", review)]
        trial_reviews = [d for d in dates if deadline - dt.timedelta(days=92) <= d]
        assert trial_reviews, (name, review)
        assert all(d < deadline for d in trial_reviews[:1]), (name, review, deadline)
        assert "The formal review of the Trial Period takes place on" in t, name
    wales = text(answers(WALES))
    assert "“Review Date” means each of 1 March 2028 and 1 August 2028" in wales
    assert "no later than 31 August 2028, the last day of the Trial Period" in wales


# --- 7. an NHS-employed post-holder: restriction and s.117 duty by contract -----------------

def test_nhs_employee_political_restriction_and_s117_are_contractual() -> None:
    t = clause(text(answers(NHS)), "Political restriction", "Liabilities and insurance")
    assert "The Parties treat the Post as politically restricted. The Employer shall make it " \
        "a term of the Contract" in t
    assert "for the purposes of the Council, as if the Post-holder were its officer" in t
    assert "is a politically restricted post within the meaning of section 2" not in t
    assert "Note for legal review: section 2 of the Local Government and Housing Act 1989 " \
        "applies to posts under a local authority" in t
    c = text(answers(NHS), "contract")
    assert "As a term of your employment, you must observe the restrictions" in c
    assert "The Post is a politically restricted post under section 2" not in c
    assert "your duty under section 117" not in c
    assert ("You must also give the Council written notice of any pecuniary interest in a "
            "contract with it, as section 117 of the Local Government Act 1972 requires of an "
            "officer of a local authority. This is a term of your employment") in c
    a = clause(text(answers(NHS)), "Conflicts of interest", "Statutory roles")
    assert "the Post-holder's duty under section 117" not in a
    assert "as a term of the Contract, to give the Council written notice" in a
    data = answers(NHS, job__special_conditions=[])
    assert "The post is treated as politically restricted: the restrictions apply as a term " \
        "of the contract of employment." in text(data, "job_spec")
    # a council employer keeps the statutory wording
    wales = text(answers(WALES))
    assert "The Post is a politically restricted post within the meaning of section 2" in wales
    assert "duty under section 117 of the Local Government Act 1972" in wales
