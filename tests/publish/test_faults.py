"""Faults: a post's documents are published as one consistent set, or not at all.

Each test makes a fault happen (a crash between two renames, a second build, an
answer file saved mid-build, a document changed by hand, a kill -9) and then
reads the output folder back: every post folder holds a complete set whose every
document matches its manifest and its answer file, and a plain rerun (no
``--force``) recovers. The kill -9 rounds are in tests/publish/test_faults_kill.py.
"""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from docgen.cli import cli
from docgen.errors import DocgenError
from docgen.publish import post as post_module
from docgen.publish import stage as stage_module
from docgen.publish.batch import build
from docgen.publish.files import MANIFEST, read_manifest
from docgen.publish.lock import output_lock
from docgen.publish.stage import STAGING
from docgen.publish.verify_folder import verify_folder

HR = next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml")
HR_REF = "EWK-WSM-HR-01"


@pytest.fixture()
def post(tmp_path: Path) -> Path:
    src = tmp_path / "inputs" / HR.name
    src.parent.mkdir()
    shutil.copy(HR, src)
    return src


def set_salary(path: Path, salary: int) -> None:
    text = re.sub(r"(?m)^  salary: \d+$", f"  salary: {salary}", path.read_text())
    path.write_text(text)


def tamper(docx: Path, old: str, new: str) -> None:
    """Change the first ``old`` in the document's XML to ``new`` (a hand edit in Word)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(docx) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                assert old.encode() in data, f"{old} not in {docx.name}"
                data = data.replace(old.encode(), new.encode(), 1)
            zout.writestr(info, data)
    docx.write_bytes(buf.getvalue())


def no_leftovers(out: Path) -> None:
    assert not (out / STAGING).exists(), list((out / STAGING).iterdir())
    assert not list(out.rglob("*.part"))


def test_shortened_documents_drop_the_job_spec_and_keep_a_persons_file(post: Path,
                                                                      tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build([post], out).ok
    folder = out / HR_REF
    (folder / "notes.txt").write_text("ask legal about clause 7")
    post.write_text(post.read_text() + "documents: [agreement, contract]\n")
    assert build([post], out).ok
    names = sorted(p.name for p in folder.iterdir())
    assert names == [f"{HR_REF}-agreement.docx", f"{HR_REF}-contract.docx", MANIFEST,
                     "notes.txt"]
    assert (folder / "notes.txt").read_text() == "ask legal about clause 7"
    assert verify_folder(folder, post) == []
    no_leftovers(out)


def test_a_hand_edited_document_that_would_be_dropped_is_guarded(post: Path,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build([post], out).ok
    spec = out / HR_REF / f"{HR_REF}-job-spec.docx"
    spec.write_bytes(spec.read_bytes() + b"\0")
    post.write_text(post.read_text() + "documents: [agreement, contract]\n")
    report = build([post], out)
    assert not report.ok and "job-spec.docx" in report.posts[0].message
    assert spec.is_file()


def test_crash_between_the_two_renames_puts_the_old_set_back(post: Path,
                                                              tmp_path: Path) -> None:
    """The window of the rename-aside fallback: the old set aside, no post folder."""
    out = tmp_path / "out"
    assert build([post], out).ok
    folder = out / HR_REF
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    aside = out / STAGING / f"{HR_REF}~crash.old"
    aside.parent.mkdir()
    folder.rename(aside)
    half = out / STAGING / f"{HR_REF}~crash2.new"  # the new set, half written
    half.mkdir()
    (half / f"{HR_REF}-agreement.docx").write_bytes(b"PK half")
    report = build([post], out)  # no --force
    assert report.ok, report.posts[0].message
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert verify_folder(folder, post) == []
    no_leftovers(out)


def test_leftovers_of_an_old_in_place_writer_are_removed(post: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build([post], out).ok
    part = out / HR_REF / f".{HR_REF}-contract.docx.x1y2.part"
    part.write_bytes(b"half a document")
    set_salary(post, 93000)
    assert build([post], out).ok
    no_leftovers(out)


def test_second_build_into_one_folder_is_refused_clearly(post: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with output_lock(out):
        with pytest.raises(DocgenError, match="another docgen build is writing to"):
            build([post], out)
        result = CliRunner().invoke(cli, ["build", str(post), "--out", str(out)])
        assert result.exit_code == 1
        assert "another docgen build is writing to" in result.output
        assert "Traceback" not in result.output
    assert build([post], out).ok  # the lock is released with its holder
    assert not (out / ".docgen-claims").exists()


def test_answer_file_saved_during_the_build_is_rebuilt_next_time(
        post: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The manifest hashes the bytes rendered, not the file as it is afterwards."""
    out = tmp_path / "out"
    real = post_module.render_checked

    def render_then_save(*args, **kwargs):  # a colleague saves the file mid-build
        rendered = real(*args, **kwargs)
        set_salary(post, 95000)
        return rendered

    monkeypatch.setattr(post_module, "render_checked", render_then_save)
    assert build([post], out).ok
    monkeypatch.setattr(post_module, "render_checked", real)
    folder = out / HR_REF
    stale = verify_folder(folder, post)
    assert any("£92,000.00" in p for p in stale), stale  # built from the old bytes
    report = build([post], out)
    assert report.posts[0].status == "built", report.posts[0].message  # not "skipped"
    assert verify_folder(folder, post) == []
    assert build([post], out).posts[0].status == "skipped"


@pytest.mark.parametrize(("kind", "old", "new", "what"), [
    ("contract", "92,000.00", "95,000.00", "£95,000.00"),
    ("agreement", "92,000.00", "95,000.00", "£95,000.00"),
    ("agreement", "invoice within 30 calendar days", "invoice within 60 calendar days", "60 days"),
])
def test_verify_names_a_figure_changed_in_the_xml(post: Path, tmp_path: Path, kind: str,
                                                  old: str, new: str, what: str) -> None:
    out = tmp_path / "out"
    assert build([post], out).ok
    folder = out / HR_REF
    tamper(folder / f"{HR_REF}-{kind}.docx", old, new)
    problems = verify_folder(folder, post)
    assert any(f"{HR_REF}-{kind}.docx: differs from the document docgen wrote" in p
               for p in problems), problems
    assert any(what in p and f"{kind}.docx" in p for p in problems), problems
    result = CliRunner().invoke(cli, ["verify", str(folder), "--answers", str(post)])
    assert result.exit_code == 1


def test_every_party_figure_is_checked(post: Path, tmp_path: Path) -> None:
    """Each party's annual cost and per-invoice amount, on-costs and cost base."""
    out = tmp_path / "out"
    assert build([post], out).ok
    agreement = out / HR_REF / f"{HR_REF}-agreement.docx"
    manifest = read_manifest(out / HR_REF)
    facts = post_module.check_post(post).facts
    assert facts is not None and manifest is not None
    figures = [p.annual_text for p in facts.parties] + [
        p.per_invoice_text for p in facts.parties if p.invoiced] + [
        line.text for line in facts.money.on_costs] + [facts.money.cost_base_text]
    original = agreement.read_bytes()
    amounts = [m for f in figures for m in re.findall(r"£[\d,]+\.\d\d", f)]
    assert len(amounts) >= 6
    for figure in dict.fromkeys(amounts):
        agreement.write_bytes(original)
        bumped = f"{figure[:-4]}{(int(figure[-4]) + 1) % 10}{figure[-3:]}"
        tamper(agreement, figure[1:], bumped[1:])
        problems = verify_folder(out / HR_REF, post)
        assert any(bumped in p for p in problems), (figure, bumped, problems)


def test_a_mixed_set_fails_verify(post: Path, tmp_path: Path) -> None:
    """The agreement of one build beside the contract of another."""
    out, other = tmp_path / "out", tmp_path / "other"
    assert build([post], out).ok
    set_salary(post, 97000)
    assert build([post], other).ok
    shutil.copy(other / HR_REF / f"{HR_REF}-agreement.docx", out / HR_REF)
    problems = verify_folder(out / HR_REF, post)
    assert any("agreement.docx: differs from the document docgen wrote" in p
               for p in problems), problems


def test_a_stray_document_beside_the_set_fails_verify(post: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    post.write_text(post.read_text() + "documents: [agreement, contract]\n")
    assert build([post], out).ok
    shutil.copy(out / HR_REF / f"{HR_REF}-contract.docx", out / HR_REF / f"{HR_REF}-job-spec.docx")
    problems = verify_folder(out / HR_REF, post)
    assert any("job-spec.docx: not part of the set" in p for p in problems), problems


def test_another_answer_file_with_the_reference_does_not_replace_the_set(
        post: Path, tmp_path: Path) -> None:
    """Two teams, one reference, separate runs: the second is refused, not silently kept."""
    out = tmp_path / "out"
    assert build([post], out).ok
    other = tmp_path / "team-b" / HR.name
    other.parent.mkdir()
    shutil.copy(post, other)
    set_salary(other, 99000)
    report = build([other], out)
    assert not report.ok
    assert f"holds the documents of {post.resolve()}" in report.posts[0].message
    assert verify_folder(out / HR_REF, post) == []
    post.unlink()  # the first file moved away: the second takes the reference over
    assert build([other], out).ok
    assert verify_folder(out / HR_REF, other) == []


def test_force_keeps_a_hand_edited_document_beside_the_new_set(post: Path,
                                                               tmp_path: Path) -> None:
    """--force replaces the document but never loses the person's edit."""
    out = tmp_path / "out"
    assert build([post], out).ok
    contract = out / HR_REF / f"{HR_REF}-contract.docx"
    tamper(contract, "92,000.00", "93,500.00")
    edited = contract.read_bytes()
    set_salary(post, 94000)
    report = build([post], out, force=True)
    assert report.ok
    kept = out / HR_REF / f"{HR_REF}-contract.edited-1.docx"
    assert kept.read_bytes() == edited
    assert any("kept the edited copy" in w.message for w in report.posts[0].warnings)
    assert verify_folder(out / HR_REF, post) == []  # the kept copy is not part of the set
    set_salary(post, 95000)
    assert build([post], out).ok and kept.read_bytes() == edited  # and it stays


def test_rename_aside_fallback_publishes_the_new_set(post: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Where folders cannot be exchanged atomically (macOS, Windows, some file systems)."""
    monkeypatch.setattr(stage_module, "_exchange", lambda a, b: False)
    out = tmp_path / "out"
    assert build([post], out).ok
    set_salary(post, 96000)
    assert build([post], out).ok
    assert verify_folder(out / HR_REF, post) == []
    no_leftovers(out)


def test_a_full_disk_midway_leaves_the_old_set(post: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills after the first document of the new set is written."""
    out = tmp_path / "out"
    assert build([post], out).ok
    before = {p.name: p.read_bytes() for p in (out / HR_REF).iterdir()}
    real = stage_module.write_synced

    def fills_up(folder: Path, files: dict[str, bytes]) -> None:
        first, second = list(files)[:2]
        real(folder, {first: files[first]})
        raise OSError(errno.ENOSPC, "No space left on device", str(folder / second))

    monkeypatch.setattr(post_module, "write_synced", fills_up)
    set_salary(post, 98000)
    report = build([post], out)
    assert not report.ok and "the disk is full" in report.posts[0].message
    assert {p.name: p.read_bytes() for p in (out / HR_REF).iterdir()} == before
    no_leftovers(out)
    monkeypatch.setattr(post_module, "write_synced", real)
    assert build([post], out).ok  # room again: no --force needed
    assert verify_folder(out / HR_REF, post) == []


def test_a_failed_sync_leaves_the_old_set_and_no_open_file(post: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    """The disk fills while the new set is synced (all its files written, the contract's
    sync fails): the old set stays, nothing is left behind and every file is closed."""
    out = tmp_path / "out"
    assert build([post], out).ok
    before = {p.name: p.read_bytes() for p in (out / HR_REF).iterdir()}
    real, synced = stage_module.os.fsync, []

    def contract_fails(fd: int) -> None:  # the set's files and folder are synced at once
        synced.append(fd)
        if os.readlink(f"/proc/self/fd/{fd}").endswith(f"{HR_REF}-contract.docx"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd)

    set_salary(post, 97000)
    open_before = len(list(Path("/proc/self/fd").iterdir()))
    monkeypatch.setattr(stage_module.os, "fsync", contract_fails)
    report = build([post], out, jobs=1)
    monkeypatch.setattr(stage_module.os, "fsync", real)
    assert not report.ok and "the disk is full" in report.posts[0].message
    assert len(synced) >= 5  # the set's four files and its folder were synced
    assert {p.name: p.read_bytes() for p in (out / HR_REF).iterdir()} == before
    assert len(list(Path("/proc/self/fd").iterdir())) == open_before
    no_leftovers(out)


def test_verify_finds_the_answer_file_from_anywhere(post: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The manifest's full path is tried first, so verify works from any folder."""
    out = tmp_path / "out"
    assert build([post], out).ok
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert verify_folder(out / HR_REF) == []
