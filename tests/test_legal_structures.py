"""Issue 20 (legal review, December 2026): the less common structures. Each test builds
an answer file of tests/data/legal/ (an ICB employer, a Welsh joint chief executive, four
districts sharing a monitoring officer, a Scottish council and health board, an NI council
and HSC Trust) in memory and reads the documents back as a reviewing lawyer would."""

from __future__ import annotations

import copy
import io
import re
from functools import cache
from pathlib import Path
from typing import Any

import docx
import yaml
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from docgen import check, render

LEGAL = Path(__file__).parent / "data" / "legal"
NHS, WALES, FOUR = "nhs-icb-employs-dass", "wales-joint-chief-executive", \
    "four-districts-monitoring-officer"
SCOT, NI = "scotland-council-health-board", "ni-council-hsc-trust"
ALL = (NHS, WALES, FOUR, SCOT, NI)


@cache
def _load(name: str) -> dict[str, Any]:
    return yaml.safe_load((LEGAL / f"{name}.yaml").read_text("utf-8"))


def answers(name: str, **changes: Any) -> dict[str, Any]:
    """An answer file with dotted keys changed (``payment__during_absence="pauses"``)."""
    data = copy.deepcopy(_load(name))
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        node = data
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        node[last] = value
    return data


@cache
def _text(blob: str, kind: str) -> str:
    data = yaml.safe_load(blob)
    document = docx.Document(io.BytesIO(render(data, documents=[kind]).documents[kind]))
    return "\n".join(Paragraph(p, document).text
                     for p in document.element.body.iter(qn("w:p")))


def text(data: dict[str, Any], kind: str = "agreement") -> str:
    return _text(yaml.safe_dump(data, sort_keys=False), kind)


def clause(t: str, heading: str, until: str) -> str:
    """The text between a clause heading and the next heading named ``until``."""
    start = t.index("\n" + heading + "\n")
    return t[start:t.index("\n" + until + "\n", start + 1)]


def rules_fired(data: dict[str, Any]) -> set[str]:
    return {p.rule for p in check(data).problems if p.rule and not p.acknowledged}


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
    assert "section 65Z5 (joint working and delegation arrangements) and section 75" in t


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
