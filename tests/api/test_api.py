"""The public API: load, check and render in memory; the README's example runs as written."""

from __future__ import annotations

import io
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pytest
import yaml
from click.testing import CliRunner
from yaml_text import load_yaml

import docgen
from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"


@pytest.fixture(scope="module")
def answers() -> dict:
    return load_yaml(HR.read_text(encoding="utf-8"))


def test_public_names_are_exactly_the_documented_ones() -> None:
    assert set(docgen.__all__) == {
        "__version__", "AnswerFileError", "CheckReport", "DocgenError", "Notice", "PostResult",
        "Problem", "RenderResult", "Report", "BuildReport", "build", "check", "load", "loads",
        "read_register", "render", "rules", "organisations", "sources"}
    for name in docgen.__all__:
        assert getattr(docgen, name) is not None


def test_render_from_a_dict_gives_three_documents_that_open(answers: dict) -> None:
    result = docgen.render(answers)
    assert sorted(result.documents) == ["agreement", "contract", "job_spec"]
    for data in result.documents.values():
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
        assert "Eastwick" in text
    money = result.facts["money"]
    parties = {p["id"]: p for p in result.facts["parties"]}
    # the cost base is salary plus premium plus on-costs; each party bears its share of it
    shares = sum(float(p["annual"]) for p in parties.values())
    assert abs(shares - float(money["cost_base"])) < 0.01
    assert result.report.ok and result.report.reference == answers["reference"]


def test_render_is_the_same_from_a_path_text_and_dict(answers: dict) -> None:
    by_path = docgen.render(HR).documents
    by_text = docgen.render(HR.read_text(encoding="utf-8")).documents
    by_dict = docgen.render(answers).documents
    assert by_path == by_text == by_dict


def test_render_matches_what_build_writes(tmp_path: Path, answers: dict) -> None:
    report = docgen.build([HR], tmp_path)
    assert report.ok
    written = {p.name: p.read_bytes() for p in (tmp_path / answers["reference"]).glob("*.docx")}
    rendered = docgen.render(answers).documents
    assert sorted(written.values()) == sorted(rendered.values())


def test_render_writes_nothing(tmp_path: Path, answers: dict, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    docgen.render(answers)
    assert list(tmp_path.iterdir()) == []


def test_render_from_many_threads_gives_the_same_bytes(answers: dict) -> None:
    variants = []
    for salary in (60000, 70000, 80000, 90000):
        a = load_yaml(yaml.safe_dump(answers))
        a["payment"]["salary"] = salary
        variants.append(a)
    serial = [docgen.render(a).documents for a in variants]
    with ThreadPoolExecutor(8) as pool:
        parallel = list(pool.map(lambda a: docgen.render(a).documents, variants * 4))
    assert parallel == serial * 4


def test_only_the_chosen_documents(answers: dict) -> None:
    assert sorted(docgen.render(answers, documents=["job_spec"]).documents) == ["job_spec"]


def test_bad_dict_raises_with_the_cli_message(tmp_path: Path, answers: dict) -> None:
    bad = {**answers, "employer": "nobody"}
    with pytest.raises(docgen.AnswerFileError) as exc:
        docgen.load(bad)
    problem = exc.value.problems[0]
    assert problem.key == "employer"
    assert "'nobody' is not a party id of this file" in problem.message
    assert problem.hint and "the parties are" in problem.hint
    # the CLI says the same about the same file
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(bad), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert result.exit_code == 1
    assert "is not a party id of this file" in re.sub(r"\s+", " ", result.output)


def test_yaml_text_errors_carry_lines() -> None:
    text = HR.read_text(encoding="utf-8").replace("hr_lead:", "hr_leed:")
    with pytest.raises(docgen.AnswerFileError) as exc:
        docgen.load(text)
    problem = exc.value.problems[0]
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "hr_leed:" in ln)
    assert (problem.line, problem.key) == (line, "management.hr_leed")
    assert "did you mean 'hr_lead'" in problem.message


def test_check_report_is_plain_json_data(answers: dict) -> None:
    import json

    data = docgen.check(answers).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["ok"] is True
    assert {"rule", "severity", "key", "line", "message"} <= set(data["warnings"][0])


def test_rules_catalogue() -> None:
    rules = docgen.rules()
    assert {"GP014", "GE004"} <= {r["id"] for r in rules}
    assert all(r["severity"] in ("error", "warning") and r["source"] for r in rules)


def test_readme_python_example_runs(tmp_path: Path, monkeypatch) -> None:
    """The README's Python API example, run exactly as printed, from a project folder."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API"):]
    code = section[section.index("```python") + len("```python"):]
    code = code[:code.index("```")]
    (tmp_path / "inputs").mkdir()
    (tmp_path / "inputs" / HR.name).write_bytes(HR.read_bytes())
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {})
    assert (tmp_path / "agreement.docx").is_file()
    assert (tmp_path / "build" / "register.csv").is_file()


def test_unknown_document_kinds_are_refused(answers: dict) -> None:
    for bad in (["nope"], ["../x"], []):
        with pytest.raises(ValueError, match="agreement, contract, job_spec"):
            docgen.render(answers, documents=bad)


def test_answers_in_memory_cannot_name_clause_folders(answers: dict, tmp_path: Path) -> None:
    """Text or data from an API call has no project folder to keep overlays inside."""
    with pytest.raises(docgen.AnswerFileError) as exc:
        docgen.render({**answers, "clauses": [str(tmp_path)]})
    assert exc.value.problems[0].key == "clauses"
    text = HR.read_text(encoding="utf-8") + f"\nclauses: [{tmp_path}]\n"
    with pytest.raises(docgen.AnswerFileError) as exc:
        docgen.load(text)
    assert "render(clauses=" in exc.value.problems[0].message


def test_final_with_open_warnings_is_an_error_for_check_and_render(answers: dict) -> None:
    final = {**answers, "status": "final", "acknowledge": []}  # GP014 open again
    report = docgen.check(final)
    assert not report.ok and [p.rule for p in report.errors] == ["FINAL"]
    with pytest.raises(docgen.AnswerFileError):
        docgen.render(final)


def test_continuous_service_not_known_yet_is_a_gap_not_a_crash(answers: dict) -> None:
    data = load_yaml(yaml.safe_dump(answers))
    data["postholder"]["continuous_service_from"] = "tbc"
    report = docgen.check(data)
    assert report.ok and "TBC" in {p.rule for p in report.warnings}
    assert sorted(docgen.render(data).documents) == ["agreement", "contract", "job_spec"]
