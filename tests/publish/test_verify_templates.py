"""``docgen verify`` of a post folder reads the schedule tables' words from the templates
folder the documents were filled from, which the manifest records: it read docgen's own
schedules.yaml, so a post built with an edited one failed with false "says … but the answer
file says …" lines (and an edited hours wording left the hours unchecked). A folder gone or
whose schedules.yaml changed since the build is said in one line, with what to do."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx_read import edit_text

import docgen
from docgen.api import read_register, verify
from docgen.cli import cli
from docgen.resources import BUILTIN_TEMPLATES
from docgen.word.wording import WORDING_FILE

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"
OPEN_ENDED = ("  open_ended: Open-ended\n", "  open_ended: Open-ended (no fixed term)\n")
SALARY = ("salary of £92,000.00;", "salary of £93,000.00;")
HOURS = ('  hours_value: "{hours} hours a week over {days} days"\n',
         '  hours_value: "{hours} hours a week, over {days} days"\n')


def _templates(where: Path, old: str = "", new: str = "") -> Path:
    """A copy of docgen's templates folder, its schedules.yaml with ``old`` made ``new``."""
    shutil.copytree(BUILTIN_TEMPLATES, where)
    path = where / WORDING_FILE
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1 or not old, old
    path.write_text(text.replace(old, new) if old else text, encoding="utf-8")
    return where


def _build(tmp_path: Path, templates: Path | None, **options: object) -> Path:
    """The HR post built into ``tmp_path/out`` (with ``templates``): its folder."""
    post = tmp_path / "post.yaml"
    if not post.is_file():
        shutil.copy(HR, post)
    if templates is not None:
        options["template_dir"] = templates
    report = docgen.build([post], tmp_path / "out", **options)  # type: ignore[arg-type]
    assert report.ok, report.posts[0].message
    return tmp_path / "out" / "EWK-WSM-HR-01"


def _verify(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["verify", *args])
    return result.exit_code, [line for line in result.output.splitlines() if line.strip()]


def test_a_post_built_with_edited_schedule_words_verifies(tmp_path: Path) -> None:
    """The reproduction: it failed with 'says “Open-ended (no fixed term)” for the end
    date, but the answer file says Open-ended' for the agreement and the job spec."""
    folder = _build(tmp_path, _templates(tmp_path / "templates", *OPEN_ENDED))
    code, lines = _verify(str(folder))
    assert code == 0, lines
    assert verify(folder) == []
    recorded = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["templates"]
    assert recorded["resolved"] == str((tmp_path / "templates").resolve())


def test_a_hand_edit_of_the_hours_in_edited_words_is_reported(tmp_path: Path) -> None:
    """docgen's own hours wording does not match "37 hours a week, over 5 days", so the row
    went unchecked: a hand edit to 4 days was missed (only the document's hash told)."""
    folder = _build(tmp_path, _templates(tmp_path / "templates", *HOURS))
    agreement = next(folder.glob("*-agreement.docx"))
    agreement.write_bytes(edit_text(agreement.read_bytes(), ", over 5 days", ", over 4 days"))
    problems = verify(folder)
    assert any("says “37 hours a week, over 4 days” for the working hours, but the answer "
               "file says 37 hours a week, over 5 days" in p for p in problems), problems


def test_schedules_changed_since_the_build_is_said_once(tmp_path: Path) -> None:
    templates = _templates(tmp_path / "templates", *OPEN_ENDED)
    folder = _build(tmp_path, templates)
    wording = templates / WORDING_FILE
    wording.write_text(wording.read_text(encoding="utf-8").replace(
        "(no fixed term)", "(no end date)"), encoding="utf-8")
    code, lines = _verify(str(folder))
    assert code == 1
    assert len(lines) == 2, lines  # the line, and "1 problem(s) in …"
    assert f"the documents were filled from the templates folder {templates}, whose " \
        f"{WORDING_FILE} has changed since" in lines[0], lines
    assert "rebuild the post, or pass the templates folder it was built with" in lines[0]


def test_a_templates_folder_gone_is_said_once_and_can_be_named(tmp_path: Path) -> None:
    templates = _templates(tmp_path / "templates", *OPEN_ENDED)
    folder = _build(tmp_path, templates)
    moved = templates.rename(tmp_path / "moved")
    code, lines = _verify(str(folder))
    assert code == 1 and len(lines) == 2, lines
    assert "which is no longer there; pass it where it is now (--templates FOLDER)" in lines[0]
    code, lines = _verify(str(folder), "--templates", str(moved))
    assert code == 0, lines
    assert verify(folder, template_dir=moved) == []


def test_a_folder_that_kept_docgens_schedules_needs_no_folder(tmp_path: Path) -> None:
    """Templates restyled but schedules.yaml as docgen's: gone, the words are still known."""
    templates = _templates(tmp_path / "templates")
    folder = _build(tmp_path, templates)
    shutil.rmtree(templates)
    assert verify(folder) == []


def test_a_recorded_folder_is_read_only_for_the_hash(tmp_path: Path) -> None:
    """A manifest naming another folder whose schedules.yaml is not the one recorded: it is
    not parsed (this one would be an error naming its file), only said to differ."""
    folder = _build(tmp_path, _templates(tmp_path / "templates", *OPEN_ENDED))
    other = tmp_path / "other"
    other.mkdir()
    (other / WORDING_FILE).write_text("not: the words\n", encoding="utf-8")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["templates"].update(path=str(other), resolved=str(other))
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (problem,) = verify(folder)
    assert f"templates folder {other}, whose {WORDING_FILE} has changed" in problem


def test_docgens_own_templates_are_not_recorded(tmp_path: Path) -> None:
    """A manifest without the entry (docgen's own templates, or written before it) reads
    with docgen's own, as before."""
    folder = _build(tmp_path, None)
    assert "templates" not in json.loads((folder / "manifest.json").read_text("utf-8"))
    assert verify(folder) == []


def test_the_entry_does_not_rebuild_an_unchanged_post(tmp_path: Path) -> None:
    """Built again with the same templates folder, the post is skipped (the inputs hash is
    unchanged). The register still reads the manifests."""
    templates = _templates(tmp_path / "templates", *OPEN_ENDED)
    _build(tmp_path, templates)
    report = docgen.build([tmp_path / "post.yaml"], tmp_path / "out", template_dir=templates)
    assert [p.status for p in report.posts] == ["skipped"], report.posts[0].message
    (row,) = read_register(tmp_path / "out" / "register.csv")
    assert row["reference"] == "EWK-WSM-HR-01"


@pytest.mark.parametrize("entry", [None, "another folder"])
def test_a_manifest_without_the_entry_is_written_again(tmp_path: Path,
                                                       entry: str | None) -> None:
    """A manifest written before the entry (or naming another folder), of a post built
    with a folder of one's own, was skipped by every rebuild with the same inputs: never
    written, so verify read docgen's own words and reported false differences. The next
    build writes it (then skips the post); a default build is skipped as before."""
    templates = _templates(tmp_path / "templates", *OPEN_ENDED)
    folder = _build(tmp_path, templates)
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if entry is None:
        del manifest["templates"]
    else:
        manifest["templates"].update(path=str(tmp_path / entry),
                                     resolved=str(tmp_path / entry))
    path.write_text(json.dumps(manifest), encoding="utf-8")
    assert verify(folder) != []  # docgen's words, or a folder that is not there
    statuses = []
    for _ in range(2):
        report = docgen.build([tmp_path / "post.yaml"], tmp_path / "out",
                              template_dir=templates)
        statuses += [p.status for p in report.posts]
    assert statuses == ["built", "skipped"], report.posts[0].message
    assert json.loads(path.read_text(encoding="utf-8"))["templates"]["resolved"] == \
        str(templates.resolve())
    assert verify(folder) == []


def test_a_default_build_is_skipped_without_resolving_the_templates(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docgen's own templates: no entry, the post skipped, no ``resolve`` to tell."""
    _build(tmp_path, None)
    resolved: list[Path] = []
    real = Path.resolve

    def resolve(self: Path, strict: bool = False) -> Path:
        if self == BUILTIN_TEMPLATES:
            resolved.append(self)
        return real(self, strict)

    monkeypatch.setattr(Path, "resolve", resolve)
    report = docgen.build([tmp_path / "post.yaml"], tmp_path / "out")
    assert [p.status for p in report.posts] == ["skipped"], report.posts[0].message
    assert resolved == []


@pytest.mark.parametrize("how", ["gone", "changed"])
def test_the_other_checks_run_when_the_schedules_words_are_not_known(tmp_path: Path,
                                                                     how: str) -> None:
    """The recorded folder gone, or its schedules.yaml changed: the one line, and every
    check that does not read the schedules' words still runs (verify returned the line
    alone, so a hand-edited salary went unreported). The schedule rows are not read
    ("Open-ended (no fixed term)" is no difference); the hours still are, as the clauses
    print them."""
    templates = _templates(tmp_path / "templates", *OPEN_ENDED)
    folder = _build(tmp_path, templates)
    if how == "gone":
        shutil.rmtree(templates)
    else:
        wording = templates / WORDING_FILE
        wording.write_text(wording.read_text(encoding="utf-8").replace(
            "(no fixed term)", "(no end date)"), encoding="utf-8")
    agreement = next(folder.glob("*-agreement.docx"))
    data = edit_text(agreement.read_bytes(), *SALARY)
    agreement.write_bytes(edit_text(data, "works 37 hours a week over 5 days",
                                    "works 37 hours a week over 4 days"))
    code, lines = _verify(str(folder))
    assert code == 1
    assert sum("the words of the schedule tables" in line for line in lines) == 1, lines
    assert any("£93,000.00" in line for line in lines), lines
    assert any("says “37 hours a week over 4 days” for the working hours" in line
               for line in lines), lines
    assert not any("end date" in line for line in lines), lines


#: names of the templates folder a manifest may hold that verify does not look at
UNREAD = ["x" * 5000, "/" + "x" * 5000, 42, ["templates"], None,
          "//host/share/templates", "\\\\host\\share\\templates"]


@pytest.mark.parametrize("name", UNREAD)
def test_a_recorded_folder_name_not_read_is_one_line(tmp_path: Path, name: object,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A name too long crashed verify ("File name too long", from ``is_dir``, not naming
    manifest.json); one not a string, or a network path, is not looked at either (a
    manifest never makes verify reach a host). One line naming manifest.json, and the
    other checks still run."""
    folder = _build(tmp_path, _templates(tmp_path / "templates", *OPEN_ENDED))
    agreement = next(folder.glob("*-agreement.docx"))
    agreement.write_bytes(edit_text(agreement.read_bytes(), *SALARY))
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["templates"].update(path=name, resolved=name)
    path.write_text(json.dumps(manifest), encoding="utf-8")
    looked: list[str] = []
    real = Path.stat

    def stat(self: Path, *, follow_symlinks: bool = True) -> os.stat_result:
        if "host" in str(self):
            looked.append(str(self))
        return real(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "stat", stat)
    code, lines = _verify(str(folder))
    assert code == 1, lines
    (line,) = [line for line in lines if "the words of the schedule tables" in line]
    assert "manifest.json does not record the templates folder the documents were filled " \
        "from as a folder name docgen reads" in line
    assert len(line) < 600 and looked == []
    assert any("£93,000.00" in line for line in lines), lines


def test_a_templates_entry_not_a_mapping_is_one_line(tmp_path: Path) -> None:
    folder = _build(tmp_path, _templates(tmp_path / "templates", *OPEN_ENDED))
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["templates"] = "templates"
    path.write_text(json.dumps(manifest), encoding="utf-8")
    (line,) = verify(folder)
    assert "does not record the templates folder" in line


def test_a_folder_named_relatively_is_found_in_the_moved_project(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The project (post, templates, output) moved: the folder as given, ``templates``, is
    read in the project the post is verified in."""
    project = tmp_path / "project"
    project.mkdir()
    _templates(project / "templates", *OPEN_ENDED)
    monkeypatch.chdir(project)
    folder = _build(project, Path("templates"))
    assert json.loads((folder / "manifest.json").read_text("utf-8"))["templates"]["path"] \
        == "templates"
    moved = project.rename(tmp_path / "moved")
    monkeypatch.chdir(moved)
    assert verify(moved / folder.relative_to(project)) == []


def test_an_answer_file_name_too_long_is_not_there(tmp_path: Path) -> None:
    """The same for the answer file's recorded path: "File name too long" crashed verify;
    it is a candidate not there, and the file is found by its name in the project."""
    folder = _build(tmp_path, None)
    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["answer_file"]["resolved"] = "x" * 5000
    path.write_text(json.dumps(manifest), encoding="utf-8")
    assert verify(folder, project=tmp_path) == []
