"""The browser's words for GP056 (an office of the other country, England or Wales) fit each
case the rule finds, each by its code (``rulebook/offices.OTHER_COUNTRY_CODES``). They used
to be one wording for every case, so a Welsh post with Wales already chosen was told "If the
councils are in Wales, choose Wales for which law applies" (an HR officer's review); the
"England and Wales" case must still say to choose Wales, since the documents give the Welsh
office no legal basis until it is chosen. Each case is checked as docgen finds it and on the
check-your-answers page."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
import yaml  # noqa: E402
from yaml_text import load_yaml  # noqa: E402

import docgen  # noqa: E402
from docgen.web.messages import BY_CODE, problem_text  # noqa: E402
from docgen.web.views import party_names  # noqa: E402

from .helpers import Interview  # noqa: E402
from .test_wording import assert_plain, visible_text  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples" / \
    "shared-head-of-hr.yaml"

#: (which law applies, the role given to Eastwick, a council) → what the officer must read,
#: and what would be wrong for that case
CASES = {
    "the Welsh office under England and Wales": (
        ("england_and_wales", "Director of Social Services"),
        ["If the councils are in Wales, choose Wales for which law applies",
         "if they are in England, choose England and call the role Director of Adult Social "
         "Services or Director of Children's Services"], []),
    "the Welsh office in an English post": (
        ("england", "Director of Social Services"),
        ["Call the role one or both of those", "If the post is in Wales, choose Wales"],
        ["choose England"]),
    "an English office in a Welsh post": (
        ("wales", "Director of Adult Social Services"),
        ["Call the role Director of Social Services", "If the post is in England, choose "
         "England"], ["choose Wales"]),
    "a council's director of public health in Wales": (
        ("wales", "Director of Public Health"),
        ["public health is led by the NHS, through each Local Health Board",
         "Give the role to the Local Health Board"], ["choose Wales", "Director of Social"]),
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
    given, says, never = CASES[case]
    said = _said(_data(*given))
    for words in says:
        assert words in said, said
    for words in never:
        assert words not in said, said
    # the post's country is not taken as known: under England and Wales it is not
    assert "law of another country than this post's" not in said


def test_each_case_has_words_of_its_own() -> None:
    said = {case: _said(_data(*given)) for case, (given, _, _) in CASES.items()}
    assert len(set(said.values())) == len(CASES), said
    assert all(any(text in s for text in BY_CODE.values()) for s in said.values())


def test_the_england_and_wales_case_reads_plainly_on_check_your_answers(
        tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(yaml.safe_dump(_data(*CASES[
        "the Welsh office under England and Wales"][0]), sort_keys=False), encoding="utf-8")
    web = Interview(tmp_path)
    web.open("bad.yaml")
    page = web.client.get(f"{web.base}/check").text
    assert_plain(page, "check your answers")
    text = visible_text(page)
    assert " ".join(BY_CODE["office_of_wales_not_said"].split()) in " ".join(text.split())
    assert "choose Wales for which law applies" in text
