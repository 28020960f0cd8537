""""Not known yet" is a real value: tbc (and TBC, TBA, XXX, ?, [name]) is a highlighted gap
in the documents, a warning from check and an error when final; never printed as the answer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES_DIR
from docx_read import full_text, raw_xml

from docgen import build
from docgen.answers.notknown import is_not_known, partly_not_known
from docgen.cli import cli

HR = (EXAMPLES_DIR / "shared-head-of-hr.yaml").read_text()
CHANGES = {
    "signatory: {name: Priya Shah, title: Chief Executive}":
        "signatory: {name: Priya Shah, title: TBC}",
    "grade: Chief Officer Grade 3": "grade: XXX",
    "  address: 14 Orchard Lane, London E17 3CD\n": "  address: '[address]'\n",
    "  consulted_on: 2027-01-18\n": "  consulted_on: tbc\n",
    "  continuous_service_from: 2019-09-02\n": "",
    "pension_scheme: Local Government Pension Scheme": "pension_scheme: TBA",
    "line_managers:\n    eastwick: Chief Executive": "line_managers:\n    eastwick: '?'",
}


def answers(status: str = "draft", changes: dict[str, str] = CHANGES) -> str:
    text = HR
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new)
    return text.replace("status: draft", f"status: {status}")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("tbc")
    src = folder / "post.yaml"
    src.write_text(answers())
    report = build([src], folder / "out", jobs=1)
    assert report.ok, [str(p) for post in report.posts for p in post.problems]
    return {d.stem.split("-")[-1] if "job-spec" not in d.stem else "job-spec": d
            for d in (folder / "out").rglob("*.docx")}


def body(path: Path) -> str:
    """The document without its drafting notes (which quote what was written)."""
    return "\n".join(line for line in full_text(path).splitlines()
                     if "not known yet" not in line.lower() and not line.startswith("TBC · "))


@pytest.mark.parametrize("text", ["tbc", "TBC", " Tbc ", "TBA", "tbd", "XXX", "xxxx", "?",
                                  "???", "[name]", "[Post-holder address]", "To be confirmed",
                                  "not known yet", "TBC."])
def test_ways_of_writing_not_known(text: str) -> None:
    assert is_not_known(text)


@pytest.mark.parametrize("text", ["Chief Executive", "Tbilisi", "[1] Example", "XXL Ltd",
                                  "Who? Someone", "tbc-house", "Director [interim] of HR"])
def test_real_values_are_not_mistaken(text: str) -> None:
    assert not is_not_known(text)


def test_no_leaks_into_the_documents(built: dict[str, Path]) -> None:
    agreement, contract = body(built["agreement"]), body(built["contract"])
    for text in (agreement, contract, body(built["job-spec"])):
        assert not re.search(r"\b(TBC|TBA|XXX|tbc)\b|\[address\]|'\?'", text), text[:2000]
    # "Morgan Ellis of TBC"-style leaks are a highlighted gap instead
    assert "Morgan Ellis of [to be confirmed]" in contract
    assert "graded [to be confirmed]" in contract
    assert "graded [to be confirmed]" in agreement
    assert re.search(r"Priya Shah\n.*\n?Title\t\[to be confirmed\]", agreement)
    assert "Morgan Ellis" in contract  # the known part of the post-holder block is printed


def test_gaps_are_highlighted_placeholders(built: dict[str, Path]) -> None:
    xml = raw_xml(built["contract"])
    runs = re.findall(r'<w:r><w:rPr><w:rStyle w:val="DGPlaceholder"/>.*?<w:t[^>]*>([^<]*)</w:t>',
                      xml)
    assert runs.count("[to be confirmed]") >= 4, runs


def test_check_warns_for_each_and_final_is_an_error(tmp_path: Path) -> None:
    src = tmp_path / "post.yaml"
    src.write_text(answers())
    result = CliRunner().invoke(cli, ["check", str(src)])
    assert result.exit_code == 0, result.output
    for key in ("parties[0].signatory.title", "post.grade", "postholder.address",
                "postholder.consulted_on", "postholder.pension_scheme",
                "management.line_managers.eastwick"):
        assert re.search(rf"warning\s+TBC\s+\S+\s+{re.escape(key)}\n", result.output), key
    src.write_text(answers("final"))
    result = CliRunner().invoke(cli, ["check", str(src)])
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "postholder.address is not known yet ('[address]') but status is final" in said
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(src), "--out", str(out)])
    assert result.exit_code == 1 and not list(out.rglob("*.docx"))


def test_partly_known_postholder_is_allowed(tmp_path: Path) -> None:
    block = HR[HR.index("postholder:"):HR.index("time_split:")]
    src = tmp_path / "post.yaml"
    src.write_text(HR.replace(block, "postholder:\n  name: Morgan Ellis\n\n"))
    result = CliRunner().invoke(cli, ["check", str(src)])
    assert result.exit_code == 0, result.output
    assert "postholder.address" in result.output and "not given, so tbc" in result.output
    report = build([src], tmp_path / "out", jobs=1)
    assert report.ok
    contract = body(next((tmp_path / "out").rglob("*-contract.docx")))
    assert "Morgan Ellis of [to be confirmed]" in contract


def test_tbc_where_a_figure_is_needed_is_an_error_with_the_right_form(tmp_path: Path) -> None:
    src = tmp_path / "post.yaml"
    src.write_text(HR.replace("  salary: 92000", "  salary: TBC"))
    result = CliRunner().invoke(cli, ["check", str(src)])
    assert result.exit_code == 1
    assert "payment.salary" in result.output and "is not known yet" in result.output
    assert "fill it in, e.g. salary: 92000" in " ".join(result.output.split())


PARTLY = {"grade: Chief Officer Grade 3": "grade: Chief Officer Grade TBC",
          "  name: Morgan Ellis\n": "  name: Morgan Ellis (TBC)\n",
          "  address: 14 Orchard Lane, London E17 3CD\n":
              "  address: tbc - awaiting confirmation from HR\n",
          "signatory: {name: Priya Shah, title: Chief Executive}":
              "signatory: {name: Priya Shah, title: <title>}"}


def test_a_marker_inside_a_longer_value_warns_and_blocks_final(tmp_path: Path) -> None:
    """"Grade TBC" cannot be a highlighted gap: it prints as written, so a draft warns and
    a final post is refused (before, a final contract read "Morgan Ellis (TBC) of tbc -
    awaiting confirmation from HR" with no word from check)."""
    src = tmp_path / "post.yaml"
    src.write_text(answers(changes=PARTLY))
    result = CliRunner().invoke(cli, ["check", str(src)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    for key, marker in (("post.grade", "TBC"), ("postholder.name", "TBC"),
                        ("postholder.address", "tbc"), ("parties[0].signatory.title",
                                                        "<title>")):
        assert f"{key} still holds '{marker}'; the documents print it as written" in said
    src.write_text(answers("final", PARTLY))
    result = CliRunner().invoke(cli, ["check", str(src)])
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "post.grade still holds 'TBC' but status is final" in said
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(src), "--out", str(out)])
    assert result.exit_code == 1 and not list(out.rglob("*.docx"))


@pytest.mark.parametrize("text", ["Director [interim] of HR", "Targets to be agreed each year",
                                  "tbc-house Ltd", "Tbilisi office", "XXL Ltd"])
def test_real_values_holding_marker_like_text_are_left_alone(text: str) -> None:
    assert partly_not_known({"post": {"title": text}}) == []


def test_reasons_for_acknowledging_may_say_tbc() -> None:
    data = {"acknowledge": [{"rule": "GP014", "reason": "the VAT view is TBC"}],
            "post": {"grade": "Grade TBC"}}
    assert partly_not_known(data) == [(("post", "grade"), "TBC")]
