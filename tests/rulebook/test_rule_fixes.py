"""A rule's instruction given as data (``Problem.fix``, through ``told`` in
docgen/rulebook/registry.py) beside its message: it names answers the model has and values
it allows, stands in the message word for word (a reader puts its own words in that
place), and leaves the message the command line prints as it was."""

from __future__ import annotations

import datetime as dt
import typing

import pytest

from docgen.answers.forms import field_at
from docgen.errors import Problem
from docgen.rulebook.registry import told, way

from .test_rules import CASES, example, problems_for

FIRING = [(rule, name, modify) for rule, name, modify, fires in CASES if fires]


def _literals(tp: object) -> set[str]:
    """Every value a ``Literal`` inside the annotation allows."""
    if typing.get_origin(tp) is typing.Literal:
        return {str(v) for v in typing.get_args(tp)}
    return {v for arg in typing.get_args(tp) for v in _literals(arg)}


def _fixes() -> list[tuple[str, Problem]]:
    out = []
    for rule, name, modify in FIRING:
        data = example(name)
        modify(data)
        out += [(rule, p) for p in problems_for(data) if p.rule == rule and p.fix is not None]
    return out


FIXES = _fixes()


def test_some_rules_give_their_instruction_as_data() -> None:
    assert len({rule for rule, _ in FIXES}) >= 14


@pytest.mark.parametrize(("rule", "problem"), FIXES, ids=[f"{r}-{i}" for i, (r, _) in
                                                          enumerate(FIXES)])
def test_a_fix_names_answers_the_model_has(rule: str, problem: Problem) -> None:
    fix = problem.fix
    assert fix is not None and fix.said and fix.ways
    assert problem.message.count(fix.said) == 1, problem.message
    for one in fix.ways:
        for path, value in one:
            if path == ("acknowledge",):  # accepting the warning: the rule's own id
                assert value == rule
                continue
            info = field_at(path)
            if info is None and path[-1] == "shared":  # the shared entry of a party map
                info = field_at(path[:-1])
            assert info is not None, (rule, path)
            allowed = _literals(info.annotation)
            if value in ("true", "false"):
                assert info.annotation in (bool, bool | None), (rule, path)
            elif value in ("-", "?"):  # left out, or given as well if it applies: the
                assert not info.is_required(), (rule, path)  # model has a default for it
            elif value[:2] in ("<=", ">=") and "date" in str(info.annotation):
                dt.date.fromisoformat(value[2:])  # a date on or after (before) a day
            elif value.isdigit() and "dict" in str(info.annotation):
                assert "Decimal" in str(info.annotation), (rule, path)  # figures' total
            elif ".." in value or value[:2] in ("<=", ">="):  # a number in a range
                assert all(n.isdigit() for n in value.lstrip("<>=").split("..")), value
                assert "int" in str(info.annotation) or "Decimal" in str(info.annotation), (
                    rule, path, info.annotation)  # whole pounds for a sum of money
            elif value and allowed:  # (a party id or steering_group: any text)
                assert value in allowed, (rule, path, value, allowed)


def test_the_command_line_prints_the_message_the_rule_always_printed() -> None:
    """The instruction as data is beside the message, never instead of it: ``told`` makes
    the message from its parts, word for word."""
    said = told("the appraisal is done by X alone. ", "Set management.appraisal: joint",
                way("management.appraisal=joint"), after=" (or acknowledge)")
    assert said.message == ("the appraisal is done by X alone. Set management.appraisal: "
                            "joint (or acknowledge)")
    assert said.fix is not None
    assert said.fix.ways == (((("management", "appraisal"), "joint"),),)


def test_a_date_to_move_later_says_how_late() -> None:
    """An end date to move later gives the day it must reach (the last review, the trial's
    end), so a reader can say "a date on or after 31 March 2028", not just "the end date"."""
    data = example("hr")
    data["post"]["end_date"] = dt.date(2027, 12, 31)
    fixes = [p.fix for p in problems_for(data) if p.rule == "GE005" and p.fix is not None]
    ways = [dict(w) for fix in fixes for w in fix.ways]
    assert {w.get(("post", "end_date")) for w in ways} - {None} == {
        ">=2028-03-01", ">=2028-03-31"}


def test_a_salary_outside_the_pay_range_says_the_range_and_the_premium_apart() -> None:
    """GP023 gives the salary's range in whole pounds (the interview does not ask the pay
    range) and the premium for the shared role as an answer to give as well if it applies;
    GP022 the day by which to consult, or the day from which to start."""
    data = example("hr")
    data["payment"]["salary"] = 100000
    [fix] = [p.fix for p in problems_for(data) if p.rule == "GP023"]
    assert fix is not None and fix.ways == (((("payment", "salary"), "88000..96000"),
                                            (("payment", "premium_percent"), "?")),)
    data = example("hr")
    data["postholder"]["consulted_on"] = dt.date(2027, 3, 25)  # a start on 1 April 2027
    [fix] = [p.fix for p in problems_for(data) if p.rule == "GP022"]
    assert fix is not None and fix.ways == (((("postholder", "consulted_on"), "<=2027-03-18"),),
                                            ((("post", "start_date"), ">=2027-04-08"),))


def test_a_fee_rate_above_the_cost_base_says_the_highest_rate_it_covers() -> None:
    """GE001 on a time fee gives the highest rate in whole pounds whose days a year the cost
    base covers: at that rate the employer's share is not below nothing, a pound more it
    is."""
    data = example("legal")
    data["payment"]["fee"]["rate"] = 2000
    [fix] = [p.fix for p in problems_for(data) if p.rule == "GE001"]
    assert fix is not None and fix.ways == (((("payment", "fee", "rate"), "<=782"),),)
    data["payment"]["fee"]["rate"] = 782
    assert "GE001" not in {p.rule for p in problems_for(data)}
    data["payment"]["fee"]["rate"] = 783
    assert "GE001" in {p.rule for p in problems_for(data)}
