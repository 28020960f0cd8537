"""A partner whose id is a common word ("the Council" gives the id ``council``; also
``icb``, ``trust``, ``board``, ``authority``) is never put into docgen's own words: GP054's
"a statutory office a council gives" read "… a Northbridge City Council gives" in the
browser. Ids docgen writes as ids (quoted, 'eastwick') are still put into names."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")

from docgen.web.messages import plain, problem_text  # noqa: E402
from docgen.web.views import party_names  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rulebook"))
import test_rules  # noqa: E402

#: common words a partner's id may be, each with the name it would stand for
COMMON = {"council": "Northbridge City Council", "icb": "Southvale ICB",
          "trust": "Shawbury Community Health NHS Foundation Trust",
          "board": "Fife Health Board", "authority": "Northbridge Fire Authority"}


def _renamed(data: Any, old: str, new: str) -> Any:
    """``data`` with the party id ``old`` written ``new`` wherever it is a value or a key."""
    if isinstance(data, dict):
        return {(new if k == old else k): _renamed(v, old, new) for k, v in data.items()}
    if isinstance(data, list):
        return [_renamed(v, old, new) for v in data]
    return new if data == old else data


def _words(data: dict[str, Any], rule: str) -> list[str]:
    names = party_names(data)
    return [problem_text(p.message, p.path, names, p.severity, code=p.code, rule=p.rule,
                         fix=p.fix) for p in test_rules.problems_for(data) if p.rule == rule]


def test_gp054_keeps_a_council_when_a_partner_is_called_council() -> None:
    data = test_rules.example("legal")
    data["legal_basis"] = "secondment"
    host = next(p["id"] for p in data["parties"] if p["id"] != data["employer"])
    data = _renamed(data, host, "council")
    [said] = _words(data, "GP054")
    assert "a statutory office a council gives" in said, said
    name = next(p["name"] for p in data["parties"] if p["id"] == "council")
    assert f"a {name}" not in said and f"an {name}" not in said


@pytest.mark.parametrize(("rule", "name", "modify"), [
    (rule, name, modify) for rule, name, modify, fires in test_rules.CASES if fires])
def test_no_rule_message_is_rewritten_by_a_common_word_id(rule: str, name: str,
                                                           modify: Any) -> None:
    """Every rule's firing case says the same with or without partners whose ids are
    common words: none of those ids is a partner here, so a difference is prose
    rewritten."""
    data = test_rules.example(name)
    modify(data)
    names = party_names(data)
    more = party_names(data)
    more.update({k: v for k, v in COMMON.items() if k not in names})
    for p in test_rules.problems_for(data):
        args = (p.message, p.path)
        kw = {"code": p.code, "rule": p.rule, "fix": p.fix}
        assert problem_text(*args, more, p.severity, **kw) == \
            problem_text(*args, names, p.severity, **kw)


def test_quoted_and_underscored_ids_are_still_put_into_names() -> None:
    names = {"eastwick": "London Borough of Eastwick", "north_vale": "North Vale Council",
             **COMMON}
    assert plain("the exit-cost shares give a share to 'eastwick', which is not one of "
                 "the parties", names) == ("The exit-cost shares give a share to London "
                                           "Borough of Eastwick, which is not one of the "
                                           "parties")
    assert plain("a share to 'council'", names) == "A share to Northbridge City Council"
    assert "North Vale Council" in plain("north_vale has no share", names)
    assert plain("a statutory office a council gives; the trust and each board",
                 names) == "A statutory office a council gives; the trust and each board"


def test_the_shipped_public_health_example_whose_ids_are_council_and_icb() -> None:
    """Its partners' ids are ``council`` and ``icb``: GP052 read "the Council is a
    Northbridge City Council … so no Northbridge City Council staff transferred"."""
    data = test_rules.example("dph")
    data["jurisdiction"] = "wales"  # public health stayed with the NHS there
    [said] = _words(data, "GP052")
    assert "the Council is a council" in said and "no council staff" in said, said
