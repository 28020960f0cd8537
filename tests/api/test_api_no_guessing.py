"""Issue 24 point 4: ``check``/``render`` accept what ``load`` returns and never guess.

Three defects the audit found: a model ignored ``workspace=`` (its house styles were
"files on disk answers in memory cannot name"); a model naming clause folders could not
be rendered the way its own error said (``render(clauses=[...])``); and a one-line string
starting with ``{`` was read as YAML text, though ``{hr}.yaml`` is a file name the
command line reads. And one found later: a model from ``load`` lost the clause folders its
employer's organisation profile named, so ``render(load(path))`` silently lacked that
wording; the model now keeps what loading read (``docgen.answers.origin``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import docgen
from docgen.answers.model import AnswerFile
from tests.api.test_api_roundtrip import PROFILE_CLAUSES, _post

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


def by_hand(answers: AnswerFile) -> AnswerFile:
    """The same answers as a model built by hand: it carries no folder."""
    return AnswerFile.model_validate(answers.model_dump(mode="json", exclude_unset=True))


def test_a_model_by_hand_naming_house_styles_without_a_workspace_says_to_give_one() -> None:
    report = docgen.check(by_hand(docgen.load(STYLED)))
    assert not report.ok and "workspace=FOLDER" in report.errors[0].message
    assert docgen.check(docgen.load(STYLED)).ok  # what load returns keeps its folder


def _post_with_clauses(tmp_path: Path) -> tuple[Path, Path]:
    overlay = tmp_path / "ov" / "ours"
    overlay.mkdir(parents=True)
    post = tmp_path / "post.yaml"
    post.write_text(HR.read_text() + "\nclauses: [ov/ours]\n")
    return post, overlay


def test_a_model_naming_clause_folders_renders_with_the_folders_given(tmp_path: Path) -> None:
    post, overlay = _post_with_clauses(tmp_path)
    answers = by_hand(docgen.load(post))
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
    if not name.endswith(".yaml"):  # read as the file it names, refused for its name
        with pytest.raises(docgen.AnswerFileError, match="rename it"):
            docgen.load(name)
        name = f"{name}.yaml"
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


def _profile_with_clauses(tmp_path: Path) -> Path:
    """A post in ``tmp_path`` whose employer (eastwick, by id) has a profile naming a
    clause folder that replaces the agreement's governing-law clause (made as the round
    trip's test makes it)."""
    return _post(PROFILE_CLAUSES, tmp_path)


def test_a_model_renders_with_its_employer_profiles_clause_folders(tmp_path: Path) -> None:
    post = _profile_with_clauses(tmp_path)
    answers = docgen.load(post)
    by_path = docgen.render(post)
    assert [c for c in by_path.manifest["agreement"]["clauses"] if c["source"] == "overlay"]
    assert docgen.render(answers, workspace=tmp_path).documents == by_path.documents
    assert docgen.render(answers).documents == by_path.documents
    assert docgen.render(docgen.load(answers)).documents == by_path.documents


def test_a_model_by_hand_has_no_profile_folders_and_equals_the_loaded_one(
        tmp_path: Path) -> None:
    post = _profile_with_clauses(tmp_path)
    answers = docgen.load(post)
    assert by_hand(answers) == answers  # where it was read is not part of the answers
    assert "origin" not in str(answers.model_dump()) and answers.model_dump() == \
        by_hand(answers).model_dump()
    overlaid = docgen.render(answers).manifest["agreement"]["clauses"]
    plain = docgen.render(by_hand(answers)).manifest["agreement"]["clauses"]
    assert [c["id"] for c in overlaid if c["source"] == "overlay"] == ["agreement.law"]
    assert not [c for c in plain if c["source"] == "overlay"]


def test_a_model_with_profile_folders_and_another_workspace_is_refused(
        tmp_path: Path) -> None:
    post = _profile_with_clauses(tmp_path / "a")
    other = tmp_path / "b"
    shutil.copytree(tmp_path / "a", other)
    answers = docgen.load(post)
    with pytest.raises(docgen.AnswerFileError) as exc:
        docgen.render(answers, workspace=other)
    assert "workspace=" in exc.value.problems[0].message
    report = docgen.check(answers, workspace=other)
    assert not report.ok and "workspace=" in report.errors[0].message
    assert docgen.render(answers, workspace=tmp_path / "a").report.ok  # its own: fine


def test_a_model_whose_profile_folder_is_gone_is_refused(tmp_path: Path) -> None:
    post = _profile_with_clauses(tmp_path)
    answers = docgen.load(post)
    shutil.rmtree(tmp_path / "ours")
    with pytest.raises(docgen.AnswerFileError) as exc:
        docgen.render(answers)
    assert "is gone" in exc.value.problems[0].message
    assert "is gone" in docgen.check(answers).errors[0].message


def test_a_changed_copy_keeps_its_profile_folders_unless_its_employer_changed(
        tmp_path: Path) -> None:
    post = _profile_with_clauses(tmp_path)
    answers = docgen.load(post)
    final = answers.model_copy(update={"version": "2"})
    edited = tmp_path / "v2.yaml"
    edited.write_text(post.read_text() + "\nversion: '2'\n")
    assert docgen.render(final).documents == docgen.render(edited).documents
    other = answers.model_copy(update={"employer": "westmere"})
    with pytest.raises(docgen.AnswerFileError) as exc:
        docgen.render(other)
    assert exc.value.problems[0].key == "employer"
    assert "load it again" in exc.value.problems[0].message


def test_a_model_loaded_by_a_relative_path_is_refused_from_another_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    post = _profile_with_clauses(tmp_path / "a")
    monkeypatch.chdir(tmp_path)
    relative, absolute = docgen.load("a/post.yaml"), docgen.load(post)
    expected = docgen.render(post).documents
    assert docgen.render(relative).documents == expected
    shutil.copytree(tmp_path / "a", tmp_path / "b" / "a")  # another a/, other wording
    law = tmp_path / "b" / "a" / "ours" / "law.yaml"
    law.write_text(law.read_text().replace("the Parties chose", "someone else chose"))
    monkeypatch.chdir(tmp_path / "b")
    with pytest.raises(docgen.AnswerFileError) as exc:
        docgen.render(relative)  # a/ here is another folder: never read
    assert "load them again" in exc.value.problems[0].message
    assert docgen.render(absolute).documents == expected  # a full path is the same anywhere


def test_a_changed_copy_reads_what_it_changed_in_its_folder_and_no_further(
        tmp_path: Path) -> None:
    shutil.copytree(ROOT / "inputs", tmp_path / "inputs")
    post = tmp_path / "inputs" / STYLED.name
    answers = docgen.load(post)
    renamed = [p.model_copy(update={"name": p.name + " Council"}) if p.id == "westmere"
               else p for p in answers.parties]
    copy = answers.model_copy(update={"parties": renamed})  # house_style among them
    edited = post.with_name("edited.yaml")
    edited.write_text(post.read_text().replace(
        f"name: {answers.parties[1].name}", f"name: {answers.parties[1].name} Council", 1))
    by_copy, by_file = docgen.render(copy), docgen.render(edited)
    assert by_copy.documents == by_file.documents
    assert by_copy.manifest["contract"]["house_style"] == by_file.manifest["contract"][
        "house_style"]
    assert [(p.rule, p.key, p.message) for p in docgen.check(copy).problems] == \
        [(p.rule, p.key, p.message) for p in docgen.check(edited).problems]
    outside = answers.model_copy(update={"clauses": ["../../elsewhere"]})
    (tmp_path / "elsewhere").mkdir()
    with pytest.raises(docgen.AnswerFileError) as exc:
        docgen.render(outside)
    assert "outside" in exc.value.problems[0].message, exc.value.problems[0].message


def test_a_changed_copy_keeps_the_warnings_found_as_its_file_was_read(
        tmp_path: Path) -> None:
    post, edited = tmp_path / "post.yaml", tmp_path / "edited.yaml"
    text = HR.read_text().replace("  purpose: >-\n", "  purpose: >-\n    Lead\u2028", 1)
    post.write_text(text)
    edited.write_text(text.replace("reference: EWK-WSM-HR-01", "reference: EWK-WSM-HR-02"))
    copy = docgen.load(post).model_copy(update={"reference": "EWK-WSM-HR-02"})

    def said(report: docgen.CheckReport) -> list[tuple[str, str, str]]:
        return [(p.rule, p.key, p.message) for p in report.problems]
    assert ("INPUT", "post.purpose") in [(r, k) for r, k, _ in said(docgen.check(post))]
    assert said(docgen.check(copy)) == said(docgen.check(edited))
    assert docgen.render(copy).documents == docgen.render(edited).documents
