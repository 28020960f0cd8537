"""The API round-trips and does not guess: ``check``/``render`` take what ``load`` returns,
``loads`` takes text, a one-line string is a path, and the package's example runs."""

from __future__ import annotations

import doctest
import json
import shutil
from pathlib import Path

import pytest
from yaml_text import load_yaml

import docgen
from docgen.answers.model import AnswerFile
from docgen.api import problem_dict

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"
LEGAL = ROOT / "inputs" / "shared-legal-services-three-councils.yaml"
EXAMPLES = sorted(p.name for p in (ROOT / "inputs").glob("*.yaml"))
PROFILE_CLAUSES = "a post whose employer's profile names a clause folder"
PROFILE_STYLE = "a post whose employer's profile names a house style"


def _post(name: str, tmp_path: Path) -> Path:
    """A shipped example, or a post in ``tmp_path`` whose employer (eastwick, by id) has a
    profile naming a house style, or a clause folder replacing the agreement's
    governing-law clause."""
    if name not in (PROFILE_CLAUSES, PROFILE_STYLE):
        return ROOT / "inputs" / name
    shutil.copytree(ROOT / "inputs" / "organisations", tmp_path / "organisations")
    profile = tmp_path / "organisations" / "eastwick.yaml"
    profile.write_text(profile.read_text() + ("\nclauses: [../ours]\n" if name == PROFILE_CLAUSES
                                              else "\nhouse_style: styles/eastwick.docx\n"))
    (tmp_path / "ours").mkdir()
    (tmp_path / "ours" / "law.yaml").write_text(
        "id: agreement.law\ntitle: Governing law and jurisdiction\nversion: 99\n"
        "replaces_version: 1\ndocuments: [agreement]\norder: 9999\n"
        "text: This Agreement is governed by the law the Parties chose.\n")
    post = tmp_path / "post.yaml"
    shutil.copy(ROOT / "inputs" / "shared-head-of-procurement.yaml", post)
    return post


@pytest.mark.parametrize("name", [*EXAMPLES, PROFILE_CLAUSES, PROFILE_STYLE])
def test_what_load_returns_renders_and_checks_as_its_file_does(name: str,
                                                               tmp_path: Path) -> None:
    """Byte for byte (docgen fixes the documents' times), the same problems to the line,
    with and without the workspace the file was read in."""
    post = _post(name, tmp_path)
    by_path, checked = docgen.render(post), docgen.check(post)
    if name == PROFILE_CLAUSES:
        assert [c["id"] for c in by_path.manifest["agreement"]["clauses"]
                if c["source"] == "overlay"] == ["agreement.law"]
    if name == PROFILE_STYLE:
        assert by_path.manifest["contract"]["house_style"]["party"] == "eastwick"
    for workspace in (None, post.parent):
        answers = docgen.load(post, workspace=workspace)
        by_model = docgen.render(answers, workspace=workspace)
        assert by_model.documents == by_path.documents
        assert by_model.manifest == by_path.manifest
        assert by_model.facts == by_path.facts
        overlay = tmp_path / "given"  # render(clauses=[...]) adds to them, as for the path
        overlay.mkdir(exist_ok=True)
        assert docgen.render(answers, clauses=[overlay]).documents == \
            docgen.render(post, clauses=[overlay]).documents
        for report in (docgen.check(answers, workspace=workspace), by_model.report):
            assert [problem_dict(p) for p in report.problems] == \
                [problem_dict(p) for p in checked.problems]


def test_render_accepts_what_load_returns_and_makes_the_same_bytes() -> None:
    answers = docgen.load(HR)
    assert isinstance(answers, AnswerFile)
    by_model = docgen.render(answers)
    by_path = docgen.render(HR)
    assert by_model.documents == by_path.documents
    assert by_model.facts == by_path.facts


def test_check_accepts_what_load_returns_and_finds_the_same_problems() -> None:
    for path in (HR, LEGAL):
        text = path.read_text()
        from_text, from_model = docgen.check(text), docgen.check(docgen.loads(text))
        assert from_model.reference == from_text.reference
        assert [(p.rule, p.key, p.message) for p in from_model.problems] == \
            [(p.rule, p.key, p.message) for p in from_text.problems]
        assert from_model.facts == from_text.facts


def test_a_model_with_a_tbc_value_round_trips() -> None:
    text = HR.read_text().replace("  name: Morgan Ellis", "  name: tbc", 1)
    assert "name: tbc" in text
    answers = docgen.loads(text)
    report = docgen.check(answers)
    assert ("TBC", "postholder.name") in [(w.rule, w.key) for w in report.warnings]
    assert docgen.render(answers).documents == docgen.render(text).documents


def test_loads_reads_text_only_and_load_reads_a_path() -> None:
    assert docgen.loads(HR.read_text()) == docgen.load(HR) == docgen.load(str(HR))
    assert docgen.loads(HR.read_bytes()) == docgen.load(HR)
    data = load_yaml(HR.read_text())
    assert docgen.load(data) == docgen.load(HR)
    # JSON text is YAML too
    assert docgen.loads(json.dumps(data, default=str)) == docgen.load(HR)


def test_one_line_yaml_is_text_to_loads_and_never_a_path_to_it() -> None:
    with pytest.raises(docgen.AnswerFileError) as exc:
        docgen.loads("docgen: 1")
    keys = {p.key for p in exc.value.problems}
    assert {"reference", "parties", "employer"} <= keys, keys  # read as answers, not a file


def test_a_one_line_string_is_a_path_and_the_error_says_how_to_pass_text() -> None:
    with pytest.raises(docgen.AnswerFileError) as exc:
        docgen.load("docgen: 1")
    assert "docgen.loads(text)" in exc.value.problems[0].message
    report = docgen.check("docgen: 1")
    assert not report.ok and "docgen.loads(text)" in report.errors[0].message


def test_a_file_whose_name_looks_like_yaml_is_still_read_as_a_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("post: 1.yaml").write_text(HR.read_text())
    assert docgen.load("post: 1.yaml").reference == "EWK-WSM-HR-01"


def test_a_model_naming_clause_folders_says_how_to_pass_them(tmp_path: Path) -> None:
    overlay = tmp_path / "ours"
    overlay.mkdir()
    post = tmp_path / "post.yaml"
    post.write_text(HR.read_text() + "\nclauses: [ours]\n")
    answers = docgen.load(post)
    assert answers.clauses == ["ours"]
    by_hand = AnswerFile.model_validate(answers.model_dump())  # carries no folder
    with pytest.raises(docgen.AnswerFileError) as exc:
        docgen.render(by_hand)
    assert exc.value.problems[0].key == "clauses"
    assert "render(clauses=[...])" in exc.value.problems[0].message
    # the path carries its folder, and so does what load returns for it
    assert docgen.render(post).documents == docgen.render(answers).documents


def test_build_returns_a_build_report_and_report_is_its_old_name(tmp_path: Path) -> None:
    assert docgen.Report is docgen.BuildReport
    report = docgen.build([HR], tmp_path, jobs=1)
    assert isinstance(report, docgen.BuildReport) and report.ok


def test_the_example_in_the_package_docstring_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    results = doctest.testmod(docgen, optionflags=doctest.ELLIPSIS)
    assert results.attempted >= 8
    assert results.failed == 0
