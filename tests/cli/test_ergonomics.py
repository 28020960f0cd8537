"""Issue 16: batch ergonomics — progress and summary, -q/-v, --json, honest
acknowledgements, folders that hold posts only, portability."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, with_only_the_vat_warning
from lxml import etree

import docgen
from docgen import check
from docgen.cli import build as cli_build
from docgen.cli import cli
from docgen.publish import batch, convert
from docgen.publish.redline import revision_time

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HR = next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml")
ACK = "\nacknowledge:\n  - rule: GP014\n    reason: VAT adviser confirmed, 1 March 2027.\n"
SUMMARY = re.compile(r"^\d+ built, \d+ unchanged, \d+ failed; \d+ warnings?"
                     r"( \(\d+ acknowledged\))?"
                     # a post whose errors stopped the good-practice rules: not "0 warnings"
                     r"(, and the good-practice checks of \d+ posts? run once "
                     r"(its|their) errors are fixed)?; \d+\.\d s$")


def clean_posts(folder: Path, n: int, *, ack: bool = True) -> list[Path]:
    """``n`` valid posts (the Head of HR example under new references), warnings accepted."""
    folder.mkdir(parents=True, exist_ok=True)
    text = with_only_the_vat_warning(HR.read_text(encoding="utf-8")) + (ACK if ack else "")
    paths = []
    for i in range(n):
        path = folder / f"post-{i:02d}.yaml"
        path.write_text(text.replace("EWK-WSM-HR-01", f"EWK-WSM-HR-{i + 10}"), encoding="utf-8")
        paths.append(path)
    return paths


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- 1. progress, summary, -q and -v ---------------------------------------------------------

def test_quiet_clean_batch_prints_only_the_summary(tmp_path: Path) -> None:
    clean_posts(tmp_path / "in", 4)
    code, out, err = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q",
                         "-j", "2")
    assert code == 0, out + err
    assert err == ""
    lines = out.splitlines()
    assert len(lines) == 1 and SUMMARY.match(lines[0]), out
    assert lines[0].startswith("4 built, 0 unchanged, 0 failed; 4 warnings (4 acknowledged)")


def test_log_output_is_one_line_per_post_and_verbose_lists_files(tmp_path: Path) -> None:
    clean_posts(tmp_path / "in", 3)
    code, out, _ = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines[:3]] == ["built"] * 3 and len(lines) == 4
    assert "EWK-WSM-HR-10 (" in lines[0]
    # nothing changed: one "unchanged" line per post, still no detail
    code, out, _ = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"))
    assert [line.split()[0] for line in out.splitlines()[:3]] == ["unchanged"] * 3
    # ... and the summary still says how many are acknowledged (audit: it dropped them)
    assert out.splitlines()[-1].startswith(
        "0 built, 3 unchanged, 0 failed; 3 warnings (3 acknowledged);")
    code, out, _ = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-v",
                       "--force")
    assert out.count("  wrote ") == 9
    assert out.count("(acknowledged: VAT adviser confirmed") == 3


def test_terminal_shows_one_bar_then_problems_and_summary(tmp_path: Path,
                                                          monkeypatch) -> None:
    posts = clean_posts(tmp_path / "in", 5)
    broken = posts[1]
    broken.write_text(broken.read_text().replace("employer: eastwick", "employer: nobody"))
    posts[3].write_text(posts[3].read_text().replace(ACK, "\n"))  # one open warning
    monkeypatch.setattr(cli_build, "is_terminal", lambda: True)
    code, out, err = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                         "-j", "2")
    assert code == 1
    assert err.count("Building") == 1  # one bar (drawn on stderr; hidden off a terminal)
    assert "built EWK-WSM-HR-10" not in out + err  # clean posts print no line of their own
    assert re.search(r"FAILED \S*post-01.yaml", err) and "'nobody' is not a party id" in err
    assert re.search(r"warning \[GP014\] on 1 post \(EWK-WSM-HR-13\)", out), out
    last = out.splitlines()[-1]
    assert SUMMARY.match(last) and last.startswith("4 built, 0 unchanged, 1 failed"), last


def test_quiet_and_verbose_together_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run("build", "-q", "-v", str(HR), "--out", str(tmp_path))
    assert code == 2 and "-q" in out + err


def test_many_warnings_across_a_batch_are_grouped_by_rule(tmp_path: Path) -> None:
    clean_posts(tmp_path / "in", 6, ack=False)
    code, out, _ = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "-q",
                       "-j", "2")
    assert code == 0
    assert "on 6 posts (EWK-WSM-HR-10, EWK-WSM-HR-11, EWK-WSM-HR-12 and 3 more)" in out
    assert out.count("VATSC03540") == 0  # the rule's summary, not six copies of the message
    assert len(out.splitlines()) == 3


# --- 2. --json ---------------------------------------------------------------------------

def test_build_json_parses_with_one_record_per_post(tmp_path: Path) -> None:
    posts = clean_posts(tmp_path / "in", 2, ack=False)
    posts[1].write_text(posts[1].read_text().replace("employer: eastwick", "employer: nobody"))
    (tmp_path / "in" / "notes.yaml").write_text("todo: ask finance about VAT\n")
    code, out, _ = run("build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--json")
    assert code == 1
    records = json.loads(out)
    by_source = {Path(r["source"]).name: r for r in records}
    good, bad = by_source["post-00.yaml"], by_source["post-01.yaml"]
    assert good["status"] == "built" and good["reference"] == "EWK-WSM-HR-10"
    assert sorted(Path(o).name for o in good["outputs"]) == [
        "EWK-WSM-HR-10-agreement.docx", "EWK-WSM-HR-10-contract.docx",
        "EWK-WSM-HR-10-job-spec.docx"]
    gp014 = next(p for p in good["problems"] if p["rule"] == "GP014")
    assert gp014["severity"] == "warning" and gp014["key"] == "payment.vat.treatment"
    assert isinstance(gp014["line"], int) and gp014["acknowledged"] is None
    assert bad["status"] == "failed" and bad["outputs"] == []
    error = next(p for p in bad["problems"] if p["severity"] == "error")
    assert error["key"] == "employer" and "'nobody' is not a party id" in error["message"]
    assert by_source["notes.yaml"]["status"] == "not-an-answer-file"


def test_check_json_and_format_json_agree(tmp_path: Path) -> None:
    clean_posts(tmp_path / "in", 1)
    code, out, _ = run("check", str(tmp_path / "in"), "--json")
    assert code == 0
    records = json.loads(out)
    assert records[0]["status"] == "checked" and records[0]["reference"] == "EWK-WSM-HR-10"
    assert records[0]["problems"][0]["acknowledged"].startswith("VAT adviser")
    assert json.loads(run("check", str(tmp_path / "in"), "--format", "json")[1]) == records


# --- 6. folders hold posts only ----------------------------------------------------------

CLAUSE = ("id: zz.local\ntitle: Local terms\nversion: 1\ndocuments: [agreement]\norder: 9999\n"
          "text: |\n  Our own wording.\n")


def test_marked_clause_folder_is_not_read_as_posts(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    clean_posts(folder, 2)
    ours = folder / "our-clauses"
    (ours / "finance").mkdir(parents=True)
    (ours / batch.CLAUSES_MARKER).write_text("")
    (ours / "finance" / "local.yaml").write_text(CLAUSE)
    files, left_out = batch.find_answer_files([folder])
    assert [f.name for f in files] == ["post-00.yaml", "post-01.yaml"] and left_out == []
    # the same overlay, unmarked: reported with how to mark it, never built
    (ours / batch.CLAUSES_MARKER).unlink()
    files, left_out = batch.find_answer_files([folder])
    assert len(files) == 2
    [(path, reason)] = left_out
    assert path.name == "local.yaml" and batch.CLAUSES_MARKER in reason


def test_non_answer_yaml_in_a_folder_is_reported_not_built(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    clean_posts(folder, 1)
    (folder / "notes.yml").write_text("todo: ask finance about VAT\n")
    (folder / "_base.yaml").write_text(HR.read_text())  # an extends base: silent, as before
    (folder / "child.yaml").write_text("extends: _base.yaml\nreference: EWK-WSM-HR-99\n")
    code, out, err = run("build", str(folder), "--out", str(tmp_path / "out"), "-q")
    assert code == 0, out + err
    assert re.search(r"skipped \S*notes\.yml: not an answer file .*docgen: 1", err), err
    assert "_base.yaml" not in err
    assert out.splitlines()[-1].startswith("2 built, 0 unchanged, 0 failed, 1 not answer file")
    assert not (tmp_path / "out" / "notes").exists()
    assert err.count("notes.yml") == 1  # printed once, by the command
    # named on its own, the same file is taken as a post, and loading it says what is wrong
    code, out, err = run("check", str(folder / "notes.yml"))
    assert code == 1 and "todo" in out + err


def test_a_run_that_would_do_nothing_says_why(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty folder, or an --out that names none, is an error with the fix; a file
    named POST.YAML is an answer file like post.yaml (found by a bad-input audit: each
    printed nothing and exited 0, or wrote into the current folder)."""
    empty = tmp_path / "empty"
    empty.mkdir()
    for command in ("check", "build"):
        code, _, err = run(command, str(empty), "--out", str(tmp_path / "o")) \
            if command == "build" else run(command, str(empty))
        assert code == 1 and f"no answer files in {empty}" in err and "docgen: 1" in err
    assert not (tmp_path / "o").exists()
    upper = tmp_path / "upper"
    upper.mkdir()
    (upper / "POST.YAML").write_text(clean_posts(tmp_path / "in", 1)[0].read_text())
    files, left_out = batch.find_answer_files([upper])
    assert [f.name for f in files] == ["POST.YAML"] and left_out == []
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    code, _, err = run("build", str(upper), "--out", "")
    assert code == 2 and "give a folder for the documents, for example --out build" in err
    assert list(here.iterdir()) == []


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path: Path) -> None:
    """A missing workbook exits 2 like a missing answer file (audit: `docgen check
    nonexist.xlsx` exited 1, `docgen check nonexist.yaml` 2)."""
    for name in ("nonexist.yaml", "nonexist.xlsx"):
        missing = str(tmp_path / name)
        for args in (("check", missing), ("build", missing, "--out", str(tmp_path / "o"))):
            code, _, err = run(*args)
            assert code == 2 and name in err and "Traceback" not in err, (args, err)
    code, _, err = run("intake", "read", str(tmp_path / "nonexist.xlsx"))
    assert code == 2 and "does not exist" in err
    assert not (tmp_path / "o").exists()


def test_library_calls_report_non_answer_yaml_too(tmp_path: Path) -> None:
    """docgen.build and the batch check list what they left out, with why, in the report;
    the CLI (which finds the files itself) still prints each once."""
    folder = tmp_path / "in"
    clean_posts(folder, 1)
    (folder / "notes.yml").write_text("todo: ask finance about VAT\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "local.yaml").write_text(CLAUSE)
    report = docgen.build([folder], tmp_path / "out")
    assert [p.source.name for p in report.posts] == ["post-00.yaml"] and report.ok
    assert [p.status for p in report.posts] == ["built"]
    left = {n.source.name: n.reason for n in report.not_posts}
    assert set(left) == {"notes.yml", "local.yaml"}
    assert "not an answer file" in left["notes.yml"] and "docgen: 1" in left["notes.yml"]
    assert batch.CLAUSES_MARKER in left["local.yaml"]
    assert not (tmp_path / "out" / "notes").exists()
    checked = batch.check([folder / "*.y*ml"])
    assert [p.status for p in checked.posts] == ["checked"]
    assert [n.source.name for n in checked.not_posts] == ["notes.yml"]
    # named directly, nothing is left out: the file is a post and its errors say why
    assert docgen.build([folder / "post-00.yaml"], tmp_path / "out").not_posts == []
    code, out, _ = run("check", str(folder), "--json")
    records = json.loads(out)
    assert sorted(r["source"].rsplit("/", 1)[-1] for r in records
                  if r["status"] == "not-an-answer-file") == ["local.yaml", "notes.yml"]


# --- 4. redline dates and author ---------------------------------------------------------

def _require_redlines() -> None:
    """python-redlines is in the test extra: missing in CI is a failure, locally a skip."""
    try:
        import python_redlines  # noqa: F401
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail('python-redlines is not installed: pip install -e ".[test]"')
        pytest.skip("python-redlines is not installed")


def _revisions(docx: Path) -> list[tuple[str, str]]:
    """(w:author, w:date) of every w:ins and w:del in the document body."""
    root = etree.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    return [(el.get(f"{W}author"), el.get(f"{W}date"))
            for el in root.iter(f"{W}ins", f"{W}del")]


@pytest.fixture(scope="module")
def hr_pair(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(old, new): the Head of HR example's documents and those of a copy with 9 months'
    notice, built once for both redline tests. Each test compares one pair of documents:
    the answer-file compare (both sides built, three redlines) took some 4 s a test, and
    the date and author reach every redline through the same call (publish/redline.py
    ``redline_bytes``); comparing answer files is test_review.py's
    ``test_compare_answer_files_writes_tracked_changes``."""
    _require_redlines()
    base = tmp_path_factory.mktemp("redline-pair")
    new = base / "new.yaml"
    new.write_text(HR.read_text(encoding="utf-8").replace("notice_months: 6",
                                                          "notice_months: 9"),
                   encoding="utf-8")
    for side, src in (("old", HR), ("new", new)):
        report = docgen.build([src], base / side, jobs=1)
        assert report.ok, report.posts[0].message
    return base / "old" / "EWK-WSM-HR-01", base / "new" / "EWK-WSM-HR-01"


def test_redline_carries_the_given_date_and_author(hr_pair: tuple[Path, Path],
                                                   tmp_path: Path) -> None:
    old, new = hr_pair
    out = tmp_path / "redlines"
    name = "EWK-WSM-HR-01-agreement.docx"
    code, stdout, stderr = run("compare", str(old / name), str(new / name), "--out", str(out),
                               "--date", "2027-03-01T14:30:00", "--author", "Legal team")
    assert code == 0, stdout + stderr
    revisions = _revisions(out / "EWK-WSM-HR-01-agreement-redline.docx")
    assert revisions and set(revisions) == {("Legal team", "2027-03-01T14:30:00Z")}


def test_redline_is_dated_with_the_time_of_comparison(hr_pair: tuple[Path, Path],
                                                      tmp_path: Path) -> None:
    old, new = hr_pair
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    out = tmp_path / "redlines"
    name = "EWK-WSM-HR-01-contract.docx"
    code, stdout, stderr = run("compare", str(old / name), str(new / name), "--out", str(out))
    after = dt.datetime.now(dt.UTC)
    assert code == 0, stdout + stderr
    revisions = _revisions(out / "EWK-WSM-HR-01-contract-redline.docx")
    assert {author for author, _ in revisions} == {"docgen"}
    [stamp] = {date for _, date in revisions}
    when = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    assert before <= when <= after


def test_revision_time_accepts_dates_and_zones() -> None:
    assert revision_time(dt.date(2027, 3, 1)) == "2027-03-01T00:00:00Z"
    plus_one = dt.timezone(dt.timedelta(hours=1))
    assert revision_time(dt.datetime(2027, 6, 1, 10, 0, tzinfo=plus_one)) == "2027-06-01T09:00:00Z"


# --- 5. acknowledgements kept honest -----------------------------------------------------

def test_acknowledgement_that_no_longer_applies_is_reported(tmp_path: Path) -> None:
    text = HR.read_text(encoding="utf-8") + ACK
    post = tmp_path / "post.yaml"
    post.write_text(text, encoding="utf-8")
    [gp014] = [p for p in check(post).warnings if p.rule == "GP014"]
    assert gp014.acknowledged.startswith("VAT adviser")
    assert not [p for p in check(post).warnings if "no longer applies" in p.message]
    # the VAT treatment changes: GP014 no longer fires, and the stale acknowledgement shows
    post.write_text(text.replace("treatment: outside_scope", "treatment: standard_rated"),
                    encoding="utf-8")
    report = check(post)
    assert not [p for p in report.problems if p.rule == "GP014"]
    [stale] = [p for p in report.warnings if "no longer applies" in p.message]
    assert stale.message == "GP014 acknowledged but no longer applies; remove it"
    assert stale.key == "acknowledge[0].rule" and stale.acknowledged is None
    assert stale.line == text.splitlines().index("  - rule: GP014") + 1
    code, out, _ = run("build", str(post), "--out", str(tmp_path / "out"))
    assert code == 0 and "GP014 acknowledged but no longer applies; remove it" in out


# --- 7. portable ------------------------------------------------------------------------

class _FakeProc:
    pid = 4321

    def __init__(self) -> None:
        self.killed = False

    def kill(self) -> None:
        self.killed = True

    def wait(self, timeout: float | None = None) -> int:
        return -9


def test_timeout_kill_without_process_groups_ends_the_tree(monkeypatch) -> None:
    """Windows has no os.killpg: taskkill /T ends LibreOffice and what it started."""
    calls: list[list[str]] = []
    monkeypatch.delattr(os, "killpg", raising=False)
    monkeypatch.setattr(convert.subprocess, "run",
                        lambda cmd, **kw: calls.append(cmd) or subprocess.CompletedProcess(cmd, 0))
    proc = _FakeProc()
    convert._kill(proc)  # type: ignore[arg-type]
    assert calls == [["taskkill", "/F", "/T", "/PID", "4321"]] and proc.killed
    # taskkill missing too: the process itself is still killed
    def no_taskkill(cmd, **kw):
        raise FileNotFoundError(cmd[0])
    monkeypatch.setattr(convert.subprocess, "run", no_taskkill)
    proc = _FakeProc()
    convert._kill(proc)  # type: ignore[arg-type]
    assert proc.killed


def test_timeout_kill_on_posix_signals_the_group(monkeypatch) -> None:
    sent: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "killpg", lambda pid, sig: sent.append((pid, sig)), raising=False)
    convert._kill(_FakeProc())  # type: ignore[arg-type]
    assert sent == [(4321, getattr(convert.signal, "SIGKILL", convert.signal.SIGTERM))]


def test_libreoffice_is_found_in_the_usual_install_folders(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ProgramFiles", str(tmp_path / "PF"))
    [first, *_] = convert.soffice_locations("win32")
    assert first == tmp_path / "PF" / "LibreOffice" / "program" / "soffice.exe"
    mac = convert.soffice_locations("darwin")
    assert Path("/Applications/LibreOffice.app/Contents/MacOS/soffice") in mac
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.delenv("DOCGEN_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr(convert, "soffice_locations", lambda: [tmp_path / "nope", fake])
    assert convert.find_soffice() == str(fake)
    monkeypatch.setattr(convert, "soffice_locations", lambda: [])
    with pytest.raises(convert.DocgenError, match="DOCGEN_SOFFICE"):
        convert.find_soffice()
    assert "winget" in convert.install_hint("win32") and "brew" in convert.install_hint("darwin")


def test_shell_completion_script_is_generated() -> None:
    result = subprocess.run([sys.executable, "-c", "from docgen.cli import main; main()"],
                            env={**os.environ, "_DOCGEN_COMPLETE": "bash_source"},
                            capture_output=True, text=True, timeout=60)
    assert "_docgen_completion" in result.stdout and "complete " in result.stdout
