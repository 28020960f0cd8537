"""GP059: the VAT rationale the agreement prints (here Eastwick's profile policy, as the
auditor found it) cites section 113 of the Local Government Act 1972, though the post is
in Northern Ireland under section 105 of the Local Government Act (Northern Ireland) 1972.
The warning says what to write instead; written, the agreement cites the Northern Irish
power and the warning is gone."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from yaml_text import load_yaml

import docgen
from docgen.errors import Problem

ROOT = Path(__file__).resolve().parents[2]
NI_S105 = "section 105 of the Local Government Act (Northern Ireland) 1972"
#: s.105(1)(b): the council provides the post-holder's professional services; it places no
#: officer at another body's disposal (the agreement's 2.2 says so)
INSTEAD = ("Professional services of the Post-holder provided to another local authority under "
           "section 105(1)(b) of the Local Government Act (Northern Ireland) 1972.")


def _post(tmp_path: Path, rationale: str | None = None) -> Path:
    shutil.copytree(ROOT / "inputs" / "organisations", tmp_path / "organisations")
    text = (ROOT / "inputs" / "shared-head-of-procurement.yaml").read_text(encoding="utf-8")
    for old, new in (("jurisdiction: england_and_wales", "jurisdiction: northern_ireland"),
                     ("legal_basis: lga_1972_s113", "legal_basis: lgni_1972_s105")):
        assert old in text
        text = text.replace(old, new)
    if rationale is not None:  # the post's own, over the profile's policy
        text = text.replace("payment:\n", f"payment:\n  vat:\n    treatment: outside_scope\n"
                            f"    rationale: \"{rationale}\"\n", 1)
    post = tmp_path / "post.yaml"
    post.write_text(text, encoding="utf-8")
    return post


def _finance(post: Path) -> str:
    document = docx.Document(io.BytesIO(docgen.render(post).documents["agreement"]))
    return "\n".join(p.text for p in document.paragraphs)


def _gp059(post: Path) -> list[Problem]:
    return [p for p in docgen.check(post).warnings if p.rule == "GP059"]


def test_a_rationale_citing_section_113_in_northern_ireland_is_warned_about(
        tmp_path: Path) -> None:
    post = _post(tmp_path)
    assert "under section 113 of the Local Government Act 1972" in _finance(post)
    [warning] = _gp059(post)
    assert warning.path == ("payment", "vat", "rationale")
    assert warning.message == (
        "the VAT rationale cites section 113 of the Local Government Act 1972, but that is a "
        "power in England and Wales, which does not apply in Northern Ireland; with your VAT "
        f"adviser's agreement, set payment.vat.rationale: {INSTEAD}")
    assert warning.fix is not None
    assert warning.fix.ways == (((("payment", "vat", "rationale"), INSTEAD),),)


def test_the_rationale_written_as_told_cites_the_northern_irish_power(tmp_path: Path) -> None:
    post = _post(tmp_path, rationale=INSTEAD)
    assert not _gp059(post)
    said = _finance(post)
    assert INSTEAD in said and "Local Government Act 1972" not in said


def test_the_browser_says_what_to_enter() -> None:
    pytest.importorskip("starlette")
    from docgen.web.messages import problem_text
    data = load_yaml((ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml")
                     .read_text(encoding="utf-8"))
    data.update(jurisdiction="northern_ireland", legal_basis="lgni_1972_s105")
    [found] = [p for p in docgen.check(data).warnings if p.rule == "GP059"]
    said = problem_text(found.message, found.path, {}, found.severity, code=found.code,
                        rule=found.rule, fix=found.fix)
    assert f"enter ‘{INSTEAD}’ for ‘Why does that treatment apply?’" in said, said
    assert "payment.vat" not in said and "rationale:" not in said, said


def _example(name: str, **answers: str) -> dict[str, object]:
    data: dict[str, object] = load_yaml(
        (ROOT / "docgen" / "data" / "examples" / f"{name}.yaml").read_text(encoding="utf-8"))
    data.update(answers)
    return data


def test_no_ready_made_sentence_when_the_power_does_not_reach_every_host() -> None:
    """s.35 LG(S)A 1966 does not reach the ICB (the agreement says so): the warning asks for
    the adviser's own words, not a sentence placing the post-holder with it under s.35."""
    data = _example("joint-director-public-health", jurisdiction="scotland",
                    legal_basis="lgs_1966_s35")
    [warning] = [p for p in docgen.check(data).warnings if p.rule == "GP059"]
    assert "section 35" not in warning.message, warning.message
    assert warning.message.endswith(
        "reword payment.vat.rationale to give the reason without that Act, in your VAT "
        "adviser's words")


@pytest.mark.parametrize(("answers", "rationale"), [
    ({"jurisdiction": "northern_ireland", "legal_basis": "lgni_1972_s105"},
     f"Officer placed under {NI_S105}, the equivalent of section 113 of the Local "
     "Government Act 1972."),
    ({"jurisdiction": "scotland", "legal_basis": "lgs_1966_s35"},
     "Officer placed under s.35 of the Local Government (Scotland) Act 1966 (not s.113 LGA "
     "1972)."),
])
def test_a_rationale_citing_the_posts_own_power_beside_another_is_not_warned_about(
        answers: dict[str, str], rationale: str) -> None:
    data = _example("shared-head-of-hr", **answers)
    data["payment"]["vat"] = {"treatment": "outside_scope", "rationale": rationale}  # type: ignore[index]
    assert not [p for p in docgen.check(data).warnings if p.rule == "GP059"]
