"""Hostile or mistaken inputs: resource bombs, paths leading out of the project, names
docgen keeps for itself, clause-file mistakes and the small cases of issue 12.

Each gives a clear error naming the file (and the key or line where there is
one), never a traceback, and finishes in a few seconds.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from zip_bomb import bomb_docx

from docgen import api
from docgen.answers.bounded import read_bounded
from docgen.answers.yamlfile import MAX_EXPANDED_CHARS, load_answer_file, parse_yaml
from docgen.clauses.library import load_library
from docgen.clauses.lint import lint
from docgen.cli import cli
from docgen.errors import AnswerFileError, DocgenError
from docgen.ooxml.bounds import read_docx_bytes
from docgen.publish import batch
from docgen.publish.batch import build
from docgen.publish.files import MANIFEST
from docgen.publish.redline import compare
from docgen.publish.verify_folder import verify_folder
from docgen.publish.workers import worker_count

HR = next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml")
TRI = next(e for e in EXAMPLES if e.name == "shared-legal-services-three-councils.yaml")
HR_REF = "EWK-WSM-HR-01"


@pytest.fixture()
def post(tmp_path: Path) -> Path:
    (tmp_path / "project").mkdir()
    return Path(shutil.copy(HR, tmp_path / "project" / HR.name))


def with_reference(post: Path, reference: str) -> Path:
    post.write_text(post.read_text().replace(f"reference: {HR_REF}", f"reference: {reference}"))
    return post


def errors_of(report) -> str:  # noqa: ANN001 - a Report
    return " | ".join(f"{p.message} {' '.join(map(str, p.problems))}" for p in report.posts)


# --- resource bombs ----------------------------------------------------------------------


def test_alias_amplification_is_bounded_by_size(tmp_path: Path) -> None:
    """Few nodes, one long string named thousands of times (the 285 KB, 5.8 GB file)."""
    long = "x" * 200_000
    text = f"docgen: 1\nbig: &b '{long}'\nmany: [{', '.join(['*b'] * 40)}]\n"
    assert len(text) < 300_000
    with pytest.raises(AnswerFileError, match=f"more than {MAX_EXPANDED_CHARS:,} characters"):
        parse_yaml(text.encode(), tmp_path / "bomb.yaml")


def test_dev_zero_and_a_fifo_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo):
        result = CliRunner().invoke(cli, ["check", str(path)])
        assert result.exit_code != 0
        assert "not a regular file" in result.output, result.output
        assert "Traceback" not in result.output


@pytest.mark.parametrize("name", ["post.yaml", "programme.xlsx"])
def test_a_folder_named_like_a_file_is_refused_in_words(tmp_path: Path, name: str) -> None:
    """A folder given where a file is expected: said in words, with the kind of file to give
    (it was "unexpected error (IsADirectoryError ...)" for a .yaml, "3: Is a directory" for
    a workbook), and the descriptor opened to look at it is closed again."""
    folder = tmp_path / name
    folder.mkdir()
    result = CliRunner().invoke(cli, ["check", str(folder)])
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert "not a regular file (a device, a pipe or a folder); give the path of a " \
        f"{folder.suffix} file" in said, said
    assert "unexpected" not in said and "Errno" not in said
    for _ in range(20):
        with pytest.raises(AnswerFileError, match="not a regular file"):
            read_bounded(folder)
    # no descriptor is left open on the folder (counting all of the process's descriptors
    # failed now and then: other threads of the test worker open and close their own)
    assert _open_on(folder) == []


def _open_on(path: Path) -> list[str]:
    """This process's file descriptors open on ``path``."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # closed since it was listed
            if os.readlink(f"/proc/self/fd/{fd}") == str(path.resolve()):
                found.append(fd)
    return found


def test_a_file_too_large_is_refused_while_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * 2_000_000)
    with pytest.raises(AnswerFileError, match="larger than 1,000,000 bytes"):
        load_answer_file(big)


def test_a_docx_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(bomb_docx())  # 300 MB of spaces in word/document.xml
    assert bomb.stat().st_size < 2_000_000
    with pytest.raises(DocgenError, match="would inflate to|zip bomb"):
        read_docx_bytes(bomb)
    folder = tmp_path / "out" / HR_REF
    folder.mkdir(parents=True)
    shutil.copy(bomb, folder / f"{HR_REF}-agreement.docx")
    (folder / MANIFEST).write_text(json.dumps({
        "reference": HR_REF, "answer_file": {"path": "x.yaml"},
        "documents": {"agreement": {"file": f"{HR_REF}-agreement.docx"}}}))
    problems = verify_folder(folder, HR)
    assert any("would inflate" in p or "zip bomb" in p for p in problems), problems


CLAUSE = """id: zz.{name}
title: {title}
version: 1
documents: [agreement]
order: 9990
text: |
  {text}
"""


def overlay(tmp_path: Path, text: str, name: str = "loop", title: str = "Loop",
            extra: str = "") -> Path:
    folder = tmp_path / f"ours-{name}"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.yaml").write_text(CLAUSE.format(name=name, title=title, text=text)
                                         + extra)
    return folder


@pytest.mark.parametrize(("text", "expected"), [
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "range() of 100,000 items"),
    ("{% for i in range(1000) %}{% for j in range(1000) %}x{% endfor %}{% endfor %}",
     "more than 20,000 times"),
    ("{{ 'x' * 100000000 }}", "repeated text"),
    ("{{ 9 ** 9999999 }}", "exponent"),
    ("{% for c in 'x' * 150000 %}{% for d in 'x' * 150000 %}{% endfor %}{% endfor %}",
     "more than 200,000 times"),
])
def test_clause_rendering_is_bounded(tmp_path: Path, text: str, expected: str) -> None:
    report = build([HR], tmp_path / "out", overlays=[overlay(tmp_path, text)])
    assert not report.ok
    message = report.posts[0].message
    assert expected in message and "loop.yaml" in message and "zz.loop" in message, message


def test_an_alias_bomb_in_a_clause_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "bomb.yaml").write_text(
        "id: zz.bomb\ntitle: B\nversion: 1\ndocuments: [agreement]\norder: 1\n"
        f"a: &a '{'x' * 100_000}'\nb: &b [{', '.join(['*a'] * 30)}]\ntext: hi\n")
    with pytest.raises(DocgenError, match="bomb.yaml.*more than"):
        load_library([folder])


# --- confinement -------------------------------------------------------------------------


def test_extends_outside_the_project_is_refused(tmp_path: Path, post: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "_s.yaml").write_text("docgen: 1\n")
    post.write_text(f"extends: ../secret/_s.yaml\n{post.read_text()}")
    report = api.check(post)
    assert not report.ok
    problem = report.errors[0]
    assert problem.line == 1 and problem.key == "extends"
    assert "leads outside the project folder" in problem.message


def test_extends_through_a_symlink_out_is_refused(tmp_path: Path, post: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "_s.yaml").write_text("docgen: 1\n")
    (post.parent / "_base.yaml").symlink_to(secret / "_s.yaml")
    post.write_text(f"extends: _base.yaml\n{post.read_text()}")
    assert "leads outside the project folder" in api.check(post).errors[0].message


@pytest.mark.parametrize("folder", ["/", "../..", "../other"])
def test_clause_folders_outside_the_project_are_refused(post: Path, folder: str) -> None:
    post.write_text(f"{post.read_text()}\nclauses: ['{folder}']\n")
    result = CliRunner().invoke(cli, ["build", str(post), "--out",
                                      str(post.parent / "out")])
    assert result.exit_code == 1
    said = " ".join(result.output.split())
    assert "leads outside the project folder" in said or "not an absolute path" in said
    assert "clauses[0]" in said


def test_a_base_in_a_folder_named_on_the_command_line_is_allowed(tmp_path: Path) -> None:
    root = tmp_path / "inputs"
    (root / "team").mkdir(parents=True)
    shutil.copy(HR, root / "_base.yaml")
    (root / "team" / "post.yaml").write_text("extends: ../_base.yaml\n"
                                             "reference: EWK-WSM-HR-09\n")
    report = build([root], tmp_path / "out")
    assert report.ok, errors_of(report)


@pytest.mark.parametrize("reference", ["register.csv", "register.xlsx", "manifest.json",
                                       "Register.CSV", "EWK.", "NUL", "com1.x",
                                       "register-parties.csv", "REGISTER-Parties.CSV"])
def test_references_docgen_cannot_use_are_refused(post: Path, tmp_path: Path,
                                                  reference: str) -> None:
    with_reference(post, f"'{reference}'")
    out = tmp_path / "out"
    report = build([post], out)
    assert not report.ok
    assert "choose another reference" in errors_of(report)
    assert not (out / reference).is_dir()
    shutil.copy(HR, post)  # a later run is unharmed
    assert build([post], out).ok
    assert (out / "register.csv").is_file()
    result = CliRunner().invoke(cli, ["check", str(with_reference(post, f"'{reference}'"))])
    assert result.exit_code == 1 and "choose another reference" in " ".join(
        result.output.split())


# --- the output folder -------------------------------------------------------------------


def test_out_being_a_file_is_a_clear_error(post: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("not a folder")
    result = CliRunner().invoke(cli, ["build", str(post), "--out", str(out)])
    assert result.exit_code == 2  # a usage error, said before anything is read
    assert "is a file, not a folder" in result.output and "Traceback" not in result.output


def test_read_only_file_system_is_a_clear_error(post: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    real_mkdir = Path.mkdir

    def read_only(self: Path, *args, **kwargs):
        if self.name.endswith(".new"):  # the folder a post's new set is staged in
            raise OSError(errno.EROFS, "Read-only file system", str(self))
        return real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", read_only)
    result = CliRunner().invoke(cli, ["build", str(post), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "the file system is read-only" in result.output, result.output
    assert "Traceback" not in result.output and "unexpected" not in result.output


def test_a_symlinked_post_folder_is_refused(post: Path, tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / HR_REF).symlink_to(elsewhere, target_is_directory=True)
    report = build([post], out)
    assert not report.ok and "is a symbolic link" in report.posts[0].message
    assert list(elsewhere.iterdir()) == []


def test_a_manifest_that_is_a_list(post: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build([post], out).ok
    (out / HR_REF / MANIFEST).write_text("[]")
    result = CliRunner().invoke(cli, ["verify", str(out / HR_REF), "--answers", str(post)])
    assert result.exit_code == 1 and "no readable manifest.json" in result.output
    report = build([post], out)  # the documents are now unaccounted for: guarded, no crash
    assert not report.ok and "edited by hand" in report.posts[0].message
    assert build([post], out, force=True).ok


def test_jobs_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    cores = os.cpu_count() or 1
    assert worker_count(1000, 2000) == 4 * cores
    assert worker_count(1000, 3) == 3
    assert worker_count(None, 1) == 1
    # by default one more than the cores: it has a core while another waits for the disk;
    # one core builds in its own process
    for machine, workers in ((1, 1), (2, 3), (8, 9)):
        monkeypatch.setattr(os, "cpu_count", lambda machine=machine: machine)
        assert worker_count(None, 1000) == workers
        assert worker_count(2, 1000) == 2
    # by default each worker has three posts or more: a project's few posts are built in
    # this process (forking and warming up workers cost more than they saved), unless asked
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert [worker_count(None, n) for n in (1, 5, 6, 8, 9, 1000)] == [1, 1, 2, 2, 3, 3]
    assert worker_count(2, 5) == 2 and worker_count(3, 3) == 3


def test_a_few_posts_built_here_still_share_two_converters_for_their_pdfs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three posts are built in this process, but their PDFs are still converted by two
    LibreOffice processes, as before posts needed three to a worker (converting is slow)."""
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    asked: list[int] = []
    monkeypatch.setattr(batch, "_review_outputs", lambda report, out, formats, jobs:
                        asked.append(jobs))
    posts = [Path(shutil.copy(e, tmp_path / e.name)) for e in EXAMPLES]
    assert build(posts, tmp_path / "out", jobs=None, formats=("docx", "pdf")).ok
    assert asked and min(asked[0], 2) == 2


# --- answer-file details -----------------------------------------------------------------


@pytest.mark.parametrize("shares", ["{ashby: 33.3, brookfield: 33.3, coldharbour: 33.4}",
                                    "{ashby: 12.5, brookfield: 0.1, coldharbour: 87.4}"])
def test_shares_adding_to_100_in_decimals(shares: str) -> None:
    text = TRI.read_text().replace(
        "unit: days_per_week\n  shares: {ashby: 2, brookfield: 1.5, coldharbour: 1.5}",
        f"unit: percent\n  shares: {shares}")
    assert "unit: percent" in text
    data, _ = parse_yaml(text.encode(), Path("t.yaml"))
    assert str(data["time_split"]["shares"]["ashby"]) in shares  # kept as written
    assert not [p for p in api.check(text).errors if "add up" in p.message]


def test_whole_numbers_not_written_plainly_are_kept_as_typed() -> None:
    """YAML 1.1 reads 012345 as octal 5349 and 1:30 as 90: a reference or grade typed that
    way would change silently (the post's folder named 5349, the grade printed as 8)."""
    data, _ = parse_yaml(b"a: 012345\nb: 010\nc: 0x1F\nd: 1:30\ne: 2027_01\nf: +5\ng: 42\n"
                         b"h: -7\ni: 0\n", Path("t.yaml"))
    assert data == {"a": "012345", "b": "010", "c": "0x1F", "d": "1:30", "e": "2027_01",
                    "f": "+5", "g": 42, "h": -7, "i": 0}
    text = HR.read_text()
    text = re.sub(r"(?m)^reference: .*$", "reference: 012345", text, count=1)
    text = re.sub(r"(?m)^  grade: .*$", "  grade: 010", text, count=1)
    assert api.check(text).ok
    job_spec = api.render(text, documents=["job_spec"]).documents["job_spec"]
    with zipfile.ZipFile(io.BytesIO(job_spec)) as z:
        body = re.sub(r"<[^>]+>", "", z.read("word/document.xml").decode())
    assert "Grade010" in body and "012345" in body
    # a number field reads the text as a decimal number, or says it cannot
    assert api.check(text.replace("payment_days: 30", "payment_days: 030")).ok
    bad = api.check(text.replace("payment_days: 30", "payment_days: 0x1E")).errors
    assert [p.key for p in bad] == ["payment.invoicing.payment_days"]
    assert "found '0x1E'" in bad[0].message


def test_merge_keys_report_the_right_line_and_no_false_duplicate() -> None:
    text = (b"base: &b\n  x: 1\n  y: 2\nother:\n  <<: *b\n  y: 3\n")
    data, lines = parse_yaml(text, Path("t.yaml"))
    assert data["other"] == {"x": 1, "y": 3}
    assert lines[("other", "y")][1] == 6 and lines[("other", "x")][1] == 5


def test_an_impossible_date_names_the_key(post: Path) -> None:
    post.write_text(re.sub(r"start_date: \S+", "start_date: 2027-02-30", post.read_text(),
                           count=1))
    with pytest.raises(AnswerFileError) as err:
        load_answer_file(post)
    problem = err.value.problems[0]
    assert problem.key.endswith("start_date") and "not a real date" in problem.message


# --- clause files ------------------------------------------------------------------------


@pytest.mark.parametrize(("change", "expected"), [
    (("version: 1", "version: abc"), "version: 'abc' is not a whole number"),
    (("  {text}", "  {{% include 'x' %}}"), "{% include %} is not allowed"),
    (("  {text}", "  Text {{%- include 'x' %}}"), "{% include %} is not allowed"),
    (("  {text}", "  {{%+\n  import 'x' as y %}}"), "{% import %} is not allowed"),
    (("  {text}", "  {{% from 'x' import y %}}"), "{% from … import %} is not allowed"),
    (("  {text}", "  {{%extends 'x' %}}"), "{% extends %} is not allowed"),
    (("order: 9990", "order: 9990\nwhen: 1/0"), "when: the condition `1/0`"),
])
def test_clause_file_mistakes_name_the_file_and_key(tmp_path: Path, change: tuple[str, str],
                                                    expected: str) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    text = CLAUSE.replace(*change).format(name="bad", title="Bad", text="Hello.")
    (folder / "bad.yaml").write_text(text)
    report = build([HR], tmp_path / "out", overlays=[folder])
    message = report.posts[0].message
    assert not report.ok and expected in message and "bad.yaml" in message, message
    assert "unexpected error" not in message


def test_an_overlay_id_near_a_standard_one_names_it(tmp_path: Path) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "exit.yaml").write_text(
        "id: exit\ntitle: Exit\nversion: 1\ndocuments: [agreement]\norder: 2000\n"
        "text: |\n  A Party may leave on 1 month's notice.\n")
    report = build([HR], tmp_path / "out", overlays=[folder])
    assert not report.ok
    assert "the nearest is 'agreement.exit'" in report.posts[0].message
    result = CliRunner().invoke(cli, ["clauses", "lint", "--clauses", str(folder)])
    assert result.exit_code != 0 and "agreement.exit" in result.output


def test_two_clauses_on_one_topic_are_flagged(tmp_path: Path) -> None:
    title = next(c.title for c in load_library().clauses.values() if c.id == "agreement.exit")
    folder = overlay(tmp_path, "A Party may leave on 1 month's notice.", name="leaving",
                     title=title)
    issues = [i for i in lint([folder]) if "both about" in str(i)]
    assert issues, lint([folder])
    report = build([HR], tmp_path / "out", overlays=[folder])
    assert not report.ok and "both about" in report.posts[0].message


# --- compare -----------------------------------------------------------------------------


def test_compare_names_the_bad_input(tmp_path: Path) -> None:
    junk = tmp_path / "junk.docx"
    junk.write_text("not a document")
    good = tmp_path / "out"
    assert build([HR], good).ok
    agreement = good / HR_REF / f"{HR_REF}-agreement.docx"
    with pytest.raises(DocgenError, match="junk.docx: not a readable Word document"):
        compare(agreement, junk, tmp_path / "cmp")
    bad = tmp_path / "feb.yaml"
    bad.write_text(re.sub(r"start_date: \S+", "start_date: 2027-02-30", HR.read_text(),
                          count=1))
    result = CliRunner().invoke(cli, ["compare", str(HR), str(bad), "--out",
                                      str(tmp_path / "cmp")])
    assert result.exit_code == 1 and "feb.yaml" in result.output
    assert "not a real date" in result.output and "Traceback" not in result.output


def test_comparing_an_agreement_with_a_contract_warns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The warning comes from the two documents' kinds: the comparison itself (1.5 s of CPU
    in the engine) is left out here, each redline standing in as the new document. The real
    comparison of an agreement with a contract, both ways round, with this warning in what
    ``docgen compare`` prints, is test_compare_notes.py's
    ``test_documents_of_different_kinds_never_replace_a_real_redline``."""
    pytest.importorskip("python_redlines")
    compared: list[int] = []

    def not_compared(old: bytes, new: bytes, *_args: object) -> bytes:
        compared.append(len(old))
        return new

    monkeypatch.setattr("docgen.publish.redline.redline_bytes", not_compared)
    out = tmp_path / "out"
    assert build([HR], out).ok
    notes: list[str] = []
    made = compare(out / HR_REF / f"{HR_REF}-agreement.docx",
                   out / HR_REF / f"{HR_REF}-contract.docx", tmp_path / "cmp", notes)
    assert len(compared) == 1
    assert notes and "is an agreement but" in notes[0] and "is a contract" in notes[0]
    assert [p.name for p in made] == [f"{HR_REF}-agreement-vs-{HR_REF}-contract-redline.docx"]


def test_a_clause_file_linked_from_outside_the_folder_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("password: hunter2\n")
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "leak.yaml").symlink_to(secret)
    with pytest.raises(DocgenError, match="a link to a file outside the clause folder"):
        load_library([folder])
    (folder / "leak.yaml").unlink()
    (folder / "elsewhere").symlink_to(tmp_path, target_is_directory=True)
    assert load_library([folder]).clauses == load_library().clauses  # a linked folder: not read


def test_a_clause_file_linked_from_inside_the_folder_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "ours"
    (folder / "drafts").mkdir(parents=True)
    (folder / "drafts" / "extra.yaml").write_text(
        "id: schedule.extra_note\ntitle: An extra note\nversion: 1\n"
        "documents: [agreement]\norder: 999\ntext: Read from inside the folder.\n")
    (folder / "extra.yaml").symlink_to(folder / "drafts" / "extra.yaml")
    with pytest.raises(DocgenError, match="duplicate clause id 'schedule.extra_note'"):
        load_library([folder])  # read twice, once through the link: both inside


@pytest.mark.parametrize("damage", [{"documents": "x"}, {"answer_file": "x"},
                                    {"documents": {"agreement": 3}}, {"extra": {"a": 1}}])
def test_a_damaged_manifest_never_blocks_a_forced_rebuild(post: Path, tmp_path: Path,
                                                          damage: dict) -> None:
    out = tmp_path / "out"
    assert build([post], out).ok
    manifest = out / HR_REF / "manifest.json"
    manifest.write_text(json.dumps({**json.loads(manifest.read_text()), **damage}))
    result = build([post], out, force=True)
    assert result.ok, result.posts[0].message
    assert "unexpected" not in result.posts[0].message
    assert json.loads(manifest.read_text())["documents"]["agreement"]["sha256"]
