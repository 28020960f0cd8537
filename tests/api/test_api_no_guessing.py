"""Issue 24 point 4: ``check``/``render`` accept what ``load`` returns and never guess.

Three defects the audit found: a model ignored ``workspace=`` (its house styles were
"files on disk answers in memory cannot name"); a model naming clause folders could not
be rendered the way its own error said (``render(clauses=[...])``); and a one-line string
starting with ``{`` was read as YAML text, though ``{hr}.yaml`` is a file name the
command line reads.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import docgen

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"
STYLED = ROOT / "inputs" / "shared-head-of-hr-house-style.yaml"


def test_a_model_is_read_as_if_written_in_the_workspace_given() -> None:
    answers = docgen.load(STYLED)
    assert answers.parties[0].house_style  # names a file relative to inputs/
    report = docgen.check(answers, workspace=STYLED.parent)
    assert report.ok, [str(p) for p in report.errors]
    by_model = docgen.render(answers, workspace=STYLED.parent)
    assert by_model.documents == docgen.render(STYLED).documents


def test_a_model_naming_house_styles_without_a_workspace_says_to_give_one() -> None:
    report = docgen.check(docgen.load(STYLED))
    assert not report.ok and "workspace=FOLDER" in report.errors[0].message


def _post_with_clauses(tmp_path: Path) -> tuple[Path, Path]:
    overlay = tmp_path / "ov" / "ours"
    overlay.mkdir(parents=True)
    post = tmp_path / "post.yaml"
    post.write_text(HR.read_text() + "\nclauses: [ov/ours]\n")
    return post, overlay


def test_a_model_naming_clause_folders_renders_with_the_folders_given(tmp_path: Path) -> None:
    post, overlay = _post_with_clauses(tmp_path)
    answers = docgen.load(post)
    with pytest.raises(docgen.AnswerFileError) as exc:
        docgen.render(answers)
    message = exc.value.problems[0].message
    assert "render(clauses=[...])" in message and "workspace=FOLDER" in message
    result = docgen.render(answers, clauses=[overlay])  # as the error says
    assert result.documents == docgen.render(post).documents


def test_a_model_naming_clause_folders_renders_from_its_workspace(tmp_path: Path) -> None:
    post, _ = _post_with_clauses(tmp_path)
    answers = docgen.load(post)
    assert docgen.check(answers, workspace=tmp_path).ok
    assert docgen.render(answers, workspace=tmp_path).documents == \
        docgen.render(post).documents


def test_a_mapping_naming_clause_folders_renders_with_the_folders_given(
        tmp_path: Path) -> None:
    post, overlay = _post_with_clauses(tmp_path)
    data = docgen.load(post).model_dump(mode="json", exclude_unset=True)
    assert docgen.render(data, clauses=[overlay]).documents == docgen.render(post).documents


def test_text_naming_clause_folders_renders_with_the_folders_given(tmp_path: Path) -> None:
    post, overlay = _post_with_clauses(tmp_path)
    text = post.read_text()
    with pytest.raises(docgen.AnswerFileError) as exc:
        docgen.render(text)
    assert "render(clauses=[...])" in exc.value.problems[0].message
    assert exc.value.problems[0].line  # where the text names them
    assert docgen.render(text, clauses=[overlay]).documents == docgen.render(post).documents
    assert docgen.render(text.encode(), workspace=tmp_path).documents == \
        docgen.render(post).documents
    with pytest.raises(docgen.AnswerFileError) as exc:  # a mistake still has its line
        docgen.render(text.replace("employer: eastwick", "employer: nobody"),
                      clauses=[overlay])
    lines = [p.line for p in exc.value.problems if p.key == "employer"]
    assert lines and None not in lines, [str(p) for p in exc.value.problems]


@pytest.mark.parametrize("name", ["{hr}.yaml", "{ hr }.yaml", "{x: 1}"])
def test_a_one_line_string_is_a_path_even_when_it_starts_with_a_brace(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(HR, tmp_path / name)
    assert docgen.load(name).reference == "EWK-WSM-HR-01"
    assert docgen.check(name).ok
    assert docgen.render(name).documents == docgen.render(HR).documents


def test_one_line_json_is_no_path_and_the_error_says_to_use_loads(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    report = docgen.check('{"reference": "X-1"}')
    assert not report.ok and "docgen.loads(text)" in report.errors[0].message
    with pytest.raises(docgen.AnswerFileError):
        docgen.loads('{"reference": "X-1"}')  # read as text: the answers' own errors


def test_text_with_a_line_break_is_still_text() -> None:
    assert docgen.check(HR.read_text()).ok
    assert docgen.load(HR.read_text()) == docgen.load(HR)


@pytest.mark.xfail(strict=True, reason="left open (issue 24 point 4): a model keeps no record "
                   "of the clause folders its employer's organisation profile named, and its "
                   "parties are written out in full, so no profile is read again, even with "
                   "workspace=; render(load(path)) then silently lacks that wording")
def test_a_model_renders_with_its_employer_profiles_clause_folders(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "inputs" / "organisations", tmp_path / "organisations")
    profile = tmp_path / "organisations" / "eastwick.yaml"
    profile.write_text(profile.read_text() + "\nclauses: [../ours]\n")
    (tmp_path / "ours").mkdir()
    (tmp_path / "ours" / "law.yaml").write_text(
        "id: agreement.law\ntitle: Governing law and jurisdiction\nversion: 99\n"
        "replaces_version: 1\ndocuments: [agreement]\norder: 9999\n"
        "text: This Agreement is governed by the law the Parties chose.\n")
    post = tmp_path / "post.yaml"
    shutil.copy(ROOT / "inputs" / "shared-head-of-procurement.yaml", post)  # by id
    answers = docgen.load(post)
    assert docgen.render(answers, workspace=tmp_path).documents == \
        docgen.render(post).documents
