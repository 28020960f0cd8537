"""Every rule's warning, worded for the browser, reads as a sentence: a setting the
message names becomes a noun ("the post they return to"), never the question the
interview asks about it ("… returns to the post in which post do they return to").

The cases are the rulebook's own (each rule fired on an example, in
tests/rulebook/test_rules.py), so a rule added or reworded is checked here too.
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

import pytest

pytest.importorskip("starlette")

from docgen.rulebook.registry import way  # noqa: E402
from docgen.web.fixes import _way  # noqa: E402
from docgen.web.messages import problem_text  # noqa: E402
from docgen.web.views import party_names  # noqa: E402
from docgen.web.wording import CHOICES, WORDS  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rulebook"))
import test_rules  # noqa: E402

from .test_round3_words import yaml_pairs  # noqa: E402
from .test_wording import FORBIDDEN  # noqa: E402

#: the interview's questions, as they would read inlined into a sentence ("which post do
#: they return to"): none may appear inside a rule's wording
QUESTIONS = sorted({w.label.rstrip("?").lower() for w in WORDS.values()
                    if w.label.endswith("?") and len(w.label.split()) > 2}, key=len)


@cache
def _fired() -> tuple[tuple[str, str], ...]:
    """(rule id, the browser's words) for every problem of every firing case: worked out
    once for the file (it ran every rule case again for each of some thirty tests)."""
    out = []
    for rule, name, modify, fires in test_rules.CASES:
        if not fires:
            continue
        data = test_rules.example(name)
        modify(data)
        names = party_names(data)
        for p in test_rules.problems_for(data):
            if p.rule == rule:
                out.append((rule, problem_text(p.message, p.path, names, p.severity,
                                               code=p.code, rule=p.rule, fix=p.fix)))
    return tuple(out)


def test_no_rule_warning_inlines_a_question() -> None:
    fired = _fired()
    assert len({rule for rule, _ in fired}) >= 50  # every rule has a firing case
    # "choose Scotland for which law applies" names the question on purpose (a rule's
    # instruction, worded from its data); anywhere else a question is a noun gone wrong
    bad = [(rule, said, q) for rule, said in fired for q in QUESTIONS
           if re.search(rf"(?<=\w )(?<!\bfor )\b{re.escape(q)}\b", said.lower())]
    assert not bad, "\n".join(f"{rule}: {said!r} says {q!r}" for rule, said, q in bad)


#: the answer file's words, never the browser's: a key path or snake_case word (not "e.g."
#: nor part of an address typed in an answer), a rule id, a command or its option, a
#: mapping's braces, and "acknowledge" (the answer file's list of accepted warnings: the
#: browser says "accept this warning"); with test_wording's FORBIDDEN and YAML pairs
ANSWER_FILE_WORDS = re.compile(
    r"(?<![\w@.])(?!e\.g\b|i\.e\b)[a-z]+(?:[._][a-z][a-z0-9]*)+\b|\bG[EP]\d{3}\b"
    r"|\bdocgen [a-z]+|--[a-z]|[{}]|\backnowledg", re.IGNORECASE)


def _every_problem() -> dict[str, str]:
    """The browser's words for every problem of every case, firing or quiet (a case made to
    fire one rule may fire others too, in words of their own): rule id by what it says."""
    out = {}
    for _, name, modify, _ in test_rules.CASES:
        data = test_rules.example(name)
        modify(data)
        names = party_names(data)
        for p in test_rules.problems_for(data):
            out[problem_text(p.message, p.path, names, p.severity, code=p.code, rule=p.rule,
                             fix=p.fix)] = p.rule
    return out


def test_no_rule_case_says_a_key_path_yaml_a_rule_id_or_a_command() -> None:
    every = _every_problem()
    assert len(set(every.values())) >= 50
    bad = [(rule, said, [m.group() for m in ANSWER_FILE_WORDS.finditer(said)]
            + yaml_pairs(said) + [m.group() for f in FORBIDDEN for m in f.finditer(said)])
           for said, rule in every.items()]
    bad = [b for b in bad if b[2]]
    assert not bad, "\n".join(f"{rule}: {found} in {said!r}" for rule, said, found in bad)


#: a choice's raw value left after a colon, its underscores made spaces ("which law applies:
#: england and Wales", from "jurisdiction: england_and_wales"): the browser says a choice
#: by its label (‘England and Wales’); a value is lower-case only as the answer file has it
#: (a label, "England", "Employer", starts upper-case or is quoted)
LEFTOVER = re.compile(r"(?<=\w): (?:" + "|".join(
    re.escape(k.replace("_", " ")) for k in sorted(CHOICES, key=len, reverse=True)
    if k[:1].islower()) + r")\b")


def test_no_rule_case_leaves_a_choices_raw_value_after_a_label() -> None:
    every = _every_problem()
    bad = [(rule, said) for said, rule in every.items() if LEFTOVER.search(said)]
    assert not bad, "\n".join(f"{rule}: {said!r}" for rule, said in bad)


def test_a_choices_raw_value_after_a_label_is_found() -> None:
    """GP067 once read "choose the law of England and Wales (which law applies: england and
    Wales)"; a label, a choice's own label or a quoted value after a colon is English."""
    assert LEFTOVER.search("England and Wales (which law applies: england and Wales)")
    for fine in ("Legal basis: An integration joint board", "Exit: ‘England’ or ‘Wales’",
                 "choose ‘England and Wales’ for ‘Which law applies?’"):
        assert not LEFTOVER.search(fine), fine


def test_the_answer_files_words_are_found() -> None:
    """The check above finds what it looks for, and lets English pass."""
    for leak in ("set post.end_date", "add it to statutory_roles", "acknowledge this",
                 "see GP020", "run docgen check", "use --force", "e.g. cost_shares: {a: 1}"):
        assert ANSWER_FILE_WORDS.search(leak) or yaml_pairs(leak), leak
    for fine in ("e.g. chief executives", "s.113(1A)(b) of the Act", "write to hr@eastwick.gov.uk",
                 "not the employer: that is a change", "accept this warning"):
        assert not ANSWER_FILE_WORDS.search(fine) and not yaml_pairs(fine), fine


def test_the_named_post_holders_terms_warning_reads_as_a_sentence() -> None:
    said = [s for rule, s in _fired() if rule == "GP049"]
    assert said and all("reversion post" in s and "?" not in s for s in said), said


def test_answers_left_blank_together_are_said_once() -> None:
    """Three answers to leave blank on one page: one verb, one "blank", one page (not
    "leave ‘A’ blank and ‘B’ blank and leave ‘C’ blank")."""
    said = _way(way("exit.reversion_post=-", "exit.reversion_grade=-",
                    "exit.pay_protection_months=-"), {})
    assert said == ("leave ‘Which post do they return to?’, ‘Grade of that post’ and ‘Months "
                    "of pay protection if that post pays less’ blank on the page ‘Exit’")
    assert _way(way("exit.reversion_post", "exit.reversion_grade"), {}) == (
        "answer ‘Which post do they return to?’ and ‘Grade of that post’ on the page ‘Exit’")


#: rules whose instruction was worded by the browser's general rules ("List these in what
#: the post-holder is not expected to do", "set the months between later reviews (12 or
#: 24)", "e.g. Ashby Vale District Council 40%"): each now gives it as data, and the
#: browser names the question, the page and, in a repeating group, the row
WORDED: dict[str, tuple[str, ...]] = {
    # the page asks no fee of the employer: entering the others' drops the employer's
    # fixed fees: what each partner pays; a time fee: the highest rate the cost base covers
    "GE001": ("so the Council's share would be -£25,893.20; enter what each partner pays the "
              "employer a year on the page ‘Payment’ so they add up to no more than the cost "
              "base", "so Ashby Vale's share would be -£160,650.00; enter £782 or less for ‘Fee’ "
              "on the page ‘Payment’ so they add up to no more than the cost base"),
    "GE002": ("it cannot invoice itself a fee of £1,000.00. Enter what each partner pays the "
              "employer a year on the page ‘Payment’: the employer bears the balance",),
    "GE005": ("falls after the post ends on 31 December 2027; remove it, or enter a date on "
              "or after 1 March 2028 for ‘When does it end?’ on the page ‘The post’",
              "enter 9 or fewer for ‘Trial period in months’ on the page ‘Review’, or enter a "
              "date on or after 31 March 2028 for ‘When does it end?’ on the page ‘The post’"),
    "GE006": ("from every partner. Add members on the page ‘Governance’",),
    "GE007": ("Exit: Coldharbour has no share; enter each partner's share of redundancy and "
              "pension strain costs on the page ‘Exit’",
              # the page asks a share of each partner only: saving it drops any other
              "Exit: The exit-cost shares give a share to ‘nobody’, which is not one of the "
              "parties; enter each partner's share of redundancy and pension strain costs on "
              "the page ‘Exit’",
              "Exit: The exit-cost shares add up to 90%; enter figures that add up to 100 for "
              "‘Each partner's share of redundancy and pension strain costs’ on the page "
              "‘Exit’"),
    "GP001": ("There is no trial period; new arrangements usually start as a trial with a "
              "formal review after 6 to 12 months (enter from 6 to 12 for ‘Trial period in "
              "months’ on the page ‘Review’)",),
    # "acknowledge GP007" is the answer file's way to accept a warning: the browser's is
    # "accept this warning" (it used to say "acknowledge this")
    "GP003": ("legally responsible for them; choose London Borough of Eastwick for ‘Which "
              "partner handles appraisal, pay, discipline and leave?’ on the page ‘Management’, "
              "or accept this warning with the delegation agreed",),
    "GP007": ("Align the payments with the time split, or accept this warning with the reason "
              "for the difference",),
    "GP009": ("Check it against the job evaluation, or accept this warning with the reason",),
    "GP014": ("Confirm the treatment with your VAT adviser and accept this warning with their "
              "view",),
    "GP015": ("between the parties. Add what the post-holder is not expected to do on the "
              "page ‘The post’",),
    "GP020": ("trial; add 12 to ‘Reviews, in months after the start’ on the page ‘Review’ so "
              "the partners decide formally whether to continue",),
    "GP021": ("after the first ones; enter from 12 to 24 for ‘Then a review every how many "
              "months?’ on the page ‘Review’",),
    # the pay range is not asked in the browser: the salary is put within it, in whole
    # pounds, and a premium for the shared role apart from it
    "GP023": ("£96,000.00; enter from £88,000 to £96,000 for ‘Salary’ on the page ‘Payment’, "
              "and "
              "answer ‘Extra pay for the shared role, as a percentage of the salary’ if it "
              "applies",),
    # two offices one person may not hold for one council: either row removed
    "GE003": ("for the same council. Remove statutory role 1 on the page ‘The post’, or remove "
              "statutory role 4 and have the council designate someone else for the other",),
    "GE004": ("may not be its head of paid service. Remove statutory role 3 on the page ‘The "
              "post’, or remove statutory role 4 and have the council designate someone else "
              "for the other",
              "may not be its chief executive. Remove statutory role 1 on the page ‘The post’, "
              "or remove statutory role 2 and have the council designate someone else for the "
              "other"),
    "GP005": ("likely to arise, so add steps to settle a dispute on the page ‘Governance’ (e.g. "
              "chief executives, then independent mediation)",),
    "GP033": ("to keep them apart, answer ‘Who tries to settle it’ in step 1 on the page "
              "‘Governance’, or answer ‘Who tries to settle it’ in step 2",),
    "GP006": ("No matters are excluded; add matters the post-holder must not act in on the "
              "page ‘Conflicts of interest’ (e.g. contracts or disputes between the parties)",),
    "GP019": ("who is consulted before the appointment ends; add special conditions on the "
              "page ‘Job’ saying so",),
    # consulted 7 days before a start on 1 April 2027: by 18 March, or start from 8 April
    "GP022": ("with time to respond. Enter a date on or before 18 March 2027 for ‘When were "
              "they consulted about being shared?’ on the page ‘Post-holder’, or enter a date "
              "on or after 8 April 2027 for ‘When does the arrangement start?’ on the page ‘The "
              "post’",),
    # only the answers missing (the post, the grade), and pay protection if it applies
    "GP042": ("the right to return is uncertain. Answer ‘Which post do they return to?’ and "
              "‘Grade of that post’ on the page ‘Exit’, and answer ‘Months of pay protection "
              "if that post pays less’ if it applies",
              "the right to return is uncertain. Answer ‘Grade of that post’ on the page "
              "‘Exit’, and answer ‘Months of pay protection if that post pays less’ if it "
              "applies"),
    "GP028": ("in each organisation. Add a location for Royal Borough of Westmere to ‘Places "
              "of work’ on the page ‘The post’",),
    "GP025": ("Revert to the employer, or take HR advice and accept this warning",),
    "GP031": ("Set the rate at cost, or accept this warning with the reason for the margin "
              "(the agreement then records that reason)",),
    "GP043": ("needs 12 months' notice, no shorter than the 12 months' notice at any other "
              "time", "Enter from 1 to 3 for ‘Months of notice to leave after the trial’ on the "
              "page ‘Review’ (1 to 3 months is usual)"),
    "GP046": ("head of paid service; enter ‘Chief Executive’ for ‘Role’ in statutory role 1 "
              "on the page ‘The post’ (a community council is not affected)",),
    "GP051": ("follows. Enter ‘Chief Executive and Head of Paid Service’ for ‘Role’ in "
              "statutory role 4 on the page ‘The post’",),
    "GP052": ("Check the scheme and answer ‘Pension scheme’ on the page ‘Post-holder’",),
    # employer National Insurance given its threshold: a figure to type, not a choice
    "GP062": ("Enter 5000 for ‘Due only on pay above, in pounds a year’ in on-cost 2 on the "
              "page ‘Payment’",),
    # the on-cost renamed for the post-holder's scheme, or the scheme stated changed
    "GP061": ("at another scheme's rate. Enter ‘Employer pension contribution (NHS Pension "
              "Scheme)’ for ‘What it is’ in on-cost 1 on the page ‘Payment’, or change ‘Pension "
              "scheme’ on the page ‘Post-holder’, and check the on-cost's percent",),
    "GP053": ("which is written for Great Britain. Remove statutory role 1 on the page ‘The "
              "post’, or add "
              "special conditions on the page ‘Job’",),
    # the power of the post's jurisdiction named, or a secondment
    "GP016": ("is a power in England and Wales, not Scotland; choose ‘Section 35 of the Local "
              "Government (Scotland) Act 1966’ or ‘A secondment’ for ‘Under which power does "
              "the post-holder work for the other partners?’ on the page ‘Legal basis’, and "
              "have it confirmed by a lawyer",
              "is a power in Scotland, not England and Wales; choose ‘Section 113 of the Local "
              "Government Act 1972 (England and Wales)’ or ‘A secondment’ for ‘Under which "
              "power does the post-holder work for the other partners?’ on the page ‘Legal "
              "basis’",
              # s.35 does not reach a health board: a secondment, or another power named
              "so it does not reach Westmere. Choose ‘A secondment’ for ‘Under which power "
              "does the post-holder work for the other partners?’ on the page ‘Legal basis’, "
              "or choose ‘Another power (name it below)’ and answer ‘Name the power’ (the "
              "Public Bodies (Joint Working) (Scotland) Act 2014 and an integration scheme are "
              "no power to share staff), and have it confirmed by a lawyer"),
    # s.35 outside Scotland: the power of the post's own country (Northern Ireland's)
    "GP047": ("applies only in Scotland, not Northern Ireland; choose ‘Section 105 of the "
              "Local Government Act (Northern Ireland) 1972’ or ‘A secondment’ for ‘Under "
              "which power does the post-holder work for the other partners?’",),
    # under a secondment in Scotland, where s.113 does not extend: the host's own officer,
    # or the host employs the post-holder
    "GP054": ("then treated as its officer. Remove statutory role 1 on the page ‘The post’, or "
              "choose Royal Borough of Westmere for ‘Which partner employs the post-holder?’ on "
              "the page ‘Employer’",),
}


@pytest.mark.parametrize("rule", sorted(WORDED))
def test_a_rules_instruction_names_the_question_and_its_page(rule: str) -> None:
    said = [s for r, s in _fired() if r == rule]
    for expected in WORDED[rule]:
        assert any(expected in s for s in said), "\n".join(said)
    for s in said:  # never the answer file's words: a key path, "e.g. key: {…}", "set …"
        assert not re.search(r"\b[a-z]+_[a-z_]+\b|\b[a-z]+\.[a-z_]+\b(?<!e\.g)|\{", s), s


def test_a_group_rows_answer_and_a_list_of_numbers_are_said_as_the_page_asks() -> None:
    """A setting in one row of a repeating group names the row as the page heads it; a
    row to remove, the row; a number to add to a list of numbers, added; words to type,
    entered (not "chosen"); a figure for each partner, entered once for each."""
    names: dict[str, str] = {}
    assert _way(way("post.statutory_roles.1.role=Head of Paid Service"), names) == (
        "enter ‘Head of Paid Service’ for ‘Role’ in statutory role 2 on the page ‘The post’")
    assert _way(way("post.statutory_roles.0=-"), names) == (
        "remove statutory role 1 on the page ‘The post’")
    assert _way(way("review.reviews_after_months=9..12"), names) == (
        "add a number from 9 to 12 to ‘Reviews, in months after the start’ on the page "
        "‘Review’")
    assert _way(way("review.trial_months=6..6"), names) == (
        "enter 6 for ‘Trial period in months’ on the page ‘Review’")
    assert _way(way("exit.cost_shares"), names) == (
        "enter each partner's share of redundancy and pension strain costs on the page "
        "‘Exit’")
    assert _way(way("post.locations=eastwick", "post.locations=westmere"), {
        "eastwick": "Eastwick", "westmere": "Westmere"}) == (  # a row to add for a partner
        "add a location for Eastwick to ‘Places of work’ and add a location for Westmere to "
        "‘Places of work’ on the page ‘The post’")
    assert _way(way("payment.salary=88000..96000"), names) == (  # money, in whole pounds
        "enter from £88,000 to £96,000 for ‘Salary’ on the page ‘Payment’")
    assert _way(way("payment.fee.rate=<=782"), names) == (
        "enter £782 or less for ‘Fee’ on the page ‘Payment’")
    assert _way(way("exit.cost_shares=100"), names) == (  # figures with a total
        "enter figures that add up to 100 for ‘Each partner's share of redundancy and pension "
        "strain costs’ on the page ‘Exit’")


def test_a_date_bound_is_said_as_the_day_to_reach() -> None:
    """A date to move says the day it must reach, in words, not just the question."""
    assert _way(way("post.end_date=>=2028-03-31"), {}) == (
        "enter a date on or after 31 March 2028 for ‘When does it end?’ on the page ‘The post’")
    assert _way(way("post.start_date=<=2027-04-01"), {}).startswith(
        "enter a date on or before 1 April 2027 for ‘")


def test_an_answer_to_give_as_well_if_it_applies_comes_last() -> None:
    """A setting of "?" is an answer to give as well if it applies: said after the others,
    its page named only when it is another page."""
    assert _way(way("exit.reversion_grade", "exit.pay_protection_months=?"), {}) == (
        "answer ‘Grade of that post’ on the page ‘Exit’, and answer ‘Months of pay protection "
        "if that post pays less’ if it applies")
    assert _way(way("post.end_date=>=2028-03-31", "exit.pay_protection_months=?"), {}) == (
        "enter a date on or after 31 March 2028 for ‘When does it end?’ on the page ‘The "
        "post’, and answer ‘Months of pay protection if that post pays less’ on the page "
        "‘Exit’ if it applies")
    assert _way(way("payment.premium_percent=?"), {}) == (
        "answer ‘Extra pay for the shared role, as a percentage of the salary’ on the page "
        "‘Payment’ if it applies")


def test_one_role_naming_two_offices_that_cannot_be_held_together_is_reworded() -> None:
    """One row names both offices (GE003): removing it would keep neither, so the browser
    asks for its role to be reworded."""
    data = test_rules.example("legal")
    data["post"]["statutory_roles"][1]["role"] = "Monitoring Officer and Section 151 Officer"
    [p] = [p for p in test_rules.problems_for(data) if p.rule == "GE003"]
    said = problem_text(p.message, p.path, party_names(data), p.severity, rule=p.rule,
                        fix=p.fix)
    assert said.endswith("for the same council. Answer ‘Role’ in statutory role 2 on the page "
                         "‘The post’ and have the council designate someone else for the "
                         "other"), said


@pytest.mark.parametrize("role", ("Chief Executive and Head of Democratic Services",
                                  "Chief Finance Officer and Head of Democratic Services"))
def test_one_welsh_row_naming_a_head_of_democratic_services_and_another_is_reworded(
        role: str) -> None:
    """GE012 as GE003: removing the one row would end the chief executive's (or chief
    finance officer's) appointment too, so the browser asks for the role to be reworded."""
    data = test_rules.example("hr")
    data["jurisdiction"] = "wales"
    data["post"]["statutory_roles"] = [{"party": "eastwick", "role": role}]
    [p] = [p for p in test_rules.problems_for(data) if p.rule == "GE012"]
    said = problem_text(p.message, p.path, party_names(data), p.severity, rule=p.rule,
                        fix=p.fix)
    assert "Remove statutory role" not in said, said
    assert said.endswith("Answer ‘Role’ in statutory role 1 on the page ‘The post’ and have "
                         "the council designate another of its officers for the other"), said
