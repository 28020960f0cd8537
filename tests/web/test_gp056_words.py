"""The browser's words for GP056 (an office of the other country, England or Wales) fit each
case the rule finds, the "England and Wales" one included: a Director of Social Services in a
post under England and Wales gets no statutory wording until Wales is chosen, so the browser
must say to choose Wales (it used to say only "name the office this post's country has").
Each case is checked as docgen finds it and on the check-your-answers page."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
import yaml  # noqa: E402
from yaml_text import load_yaml  # noqa: E402

import docgen  # noqa: E402
from docgen.web.messages import BY_RULE, problem_text  # noqa: E402
from docgen.web.views import party_names  # noqa: E402

from .helpers import Interview  # noqa: E402
from .test_wording import assert_plain, visible_text  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"

#: (which law applies, the role given to Eastwick, a council)
CASES = {
    "the Welsh office under England and Wales": ("england_and_wales",
                                                 "Director of Social Services"),
    "the Welsh office in an English post": ("england", "Director of Social Services"),
    "an English office in a Welsh post": ("wales", "Director of Adult Social Services"),
    "a council's director of public health in Wales": ("wales", "Director of Public Health"),
}


def _data(jurisdiction: str, role: str) -> dict[str, Any]:
    data = copy.deepcopy(load_yaml(EXAMPLE.read_text(encoding="utf-8")))
    data["jurisdiction"] = jurisdiction
    data["post"]["statutory_roles"] = [{"party": "eastwick", "role": role}]
    return data


def _said(data: dict[str, Any]) -> str:
    [p] = [p for p in docgen.check(data).problems if p.rule == "GP056"]
    return problem_text(p.message, p.path, party_names(data), p.severity, code=p.code,
                        rule=p.rule, fix=p.fix)


@pytest.mark.parametrize("case", sorted(CASES))
def test_gp056_says_what_to_do_in_each_case(case: str) -> None:
    said = _said(_data(*CASES[case]))
    assert BY_RULE["GP056"] in said
    # whichever country the councils are in, the words say what to choose and write
    assert "If the councils are in Wales, choose Wales for which law applies and call the " \
        "role Director of Social Services" in said
    assert "if they are in England, choose England and call it Director of Adult Social " \
        "Services or Director of Children's Services" in said
    assert "public health role belongs to the Local Health Board" in said
    # the post's country is not taken as known: under England and Wales it is not
    assert "law of another country than this post's" not in said


def test_the_england_and_wales_case_reads_plainly_on_check_your_answers(
        tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump(_data(*CASES[
        "the Welsh office under England and Wales"]), sort_keys=False), encoding="utf-8")
    web = Interview(tmp_path)
    web.open("bad.yaml")
    page = web.client.get(f"{web.base}/check").text
    assert_plain(page, "check your answers")
    text = visible_text(page)
    assert BY_RULE["GP056"] in text and "choose Wales for which law applies" in text
