"""A reference that only changes case names the same post: references are compared
casefolded, as post folders are on Windows and macOS. Rebuilt from the same answer file
(or the same workbook row), the post's folder is replaced as one set and takes the new
spelling: one folder, one register line, ``docgen verify`` passes. Another file's folder
under the other spelling is refused as an exactly named one is; a document a person edited
there is guarded as ever. A build stopped between taking the new spelling and switching
the set in leaves one complete set, which a rerun finishes. (Stopped by an exception at
that step, after which the batch's own recovery runs, as after Ctrl-C; kill -9 at the case
rename and the switch after it is test_faults_kill.py's
``test_kill_9_around_a_case_only_reference_change_leaves_one_folder``.)"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from intake_programme import run, set_cells, write_programme

from docgen import read_register
from docgen.cli import cli
from docgen.publish import stage as stage_module
from docgen.publish.batch import build
from docgen.publish.files import MANIFEST, file_sha256, read_manifest
from docgen.publish.stage import STAGING, hand_edited
from publish.test_faults import post as post  # noqa: F401  (the shared fixture: inputs/<HR>)

OLD, NEW = "EWK-WSM-HR-01", "ewk-wsm-hr-01"
KINDS = ("agreement", "contract", "job-spec")


class Stopped(BaseException):
    """The build stopped at a step: nothing of the post after it runs (not caught as a
    build's failure; the batch's recovery in its ``finally`` still runs)."""


def respell(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert f"reference: {old}\n" in text
    path.write_text(text.replace(f"reference: {old}\n", f"reference: {new}\n"),
                    encoding="utf-8")


def posts(out: Path) -> list[str]:
    """The post folders in ``out`` (not docgen's dot folders)."""
    return sorted(p.name for p in out.iterdir() if p.is_dir() and not p.name.startswith("."))


def cli_build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, result.output


def untimed(text: str) -> str:
    """``text`` without the seconds the summary line ends with (0.0 s or 0.1 s by chance)."""
    return re.sub(r"; \d+(?:\.\d+)? s$", "; … s", text, flags=re.M)


def complete(folder: Path) -> dict[str, str]:
    """Each document ``folder``'s manifest records, all there with the bytes it records."""
    manifest = read_manifest(folder)
    assert manifest, f"{folder} has no manifest"
    files = {d["file"]: d["sha256"] for d in manifest["documents"].values()}
    assert {f: file_sha256(folder / f) for f in files} == files
    return files


def test_a_reference_respelt_replaces_its_folder_under_the_new_spelling(
        post: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli_build(str(post), "--out", str(out), "-q")[0] == 0
    respell(post, OLD, NEW)
    code, text = cli_build(str(post), "--out", str(out))
    assert code == 0, text
    assert "now has reference" not in text, text
    assert posts(out) == [NEW]
    assert read_manifest(out / NEW)["reference"] == NEW
    assert sorted(complete(out / NEW)) == sorted(
        f"{NEW}-{kind}.docx" for kind in KINDS)
    assert [r["reference"] for r in read_register(out / "register.csv")] == [NEW]
    verified = CliRunner().invoke(cli, ["verify", str(out / NEW), "--answers", str(post)])
    assert verified.exit_code == 0, verified.output
    assert not (out / STAGING).exists()
    # a later rename is told once, of the one folder
    respell(post, NEW, "EWK-WSM-HR-09")
    code, text = cli_build(str(post), "--out", str(out))
    assert code == 0 and text.count("now has reference") == 1, text


def test_a_workbook_row_respelt_keeps_one_folder(tmp_path: Path) -> None:
    book, out = write_programme(tmp_path, 2), tmp_path / "out"
    assert run("build", str(book), "--out", str(out))[0] == 0
    for sheet in ("Posts", "Responsibilities"):
        set_cells(book, {"A2": "ewk-0001"}, sheet=sheet)
    code, text = run("build", str(book), "--out", str(out))
    assert code == 0, text
    assert posts(out) == ["EWK-0002", "ewk-0001"]
    complete(out / "ewk-0001")
    refs = sorted(str(r["reference"]) for r in read_register(out / "register.csv"))
    assert refs == ["EWK-0002", "ewk-0001"]


def test_another_files_folder_in_other_case_is_refused(post: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build([post], out).ok
    before = {p.name: p.read_bytes() for p in (out / OLD).iterdir()}
    other = post.with_name("other.yaml")
    shutil.copy(post, other)
    code_same, text_same = cli_build(str(other), "--out", str(out))  # as today, same case
    respell(other, OLD, NEW)
    code, text = cli_build(str(other), "--out", str(out))
    assert (code, code_same) == (1, 1), text
    assert (f"{out / OLD} holds the documents of {post}, which also has reference '{NEW}'; "
            "give each post its own reference") in " ".join(text.split()), text
    assert untimed(text_same.replace(OLD, NEW).replace(f"{out / NEW}", f"{out / OLD}")) == \
        untimed(text.replace(f"FAILED {OLD}", f"FAILED {NEW}"))
    assert posts(out) == [OLD]
    assert {p.name: p.read_bytes() for p in (out / OLD).iterdir()} == before


def test_an_edited_document_in_the_old_spelling_is_guarded(post: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build([post], out).ok
    edited = out / OLD / f"{OLD}-contract.docx"
    edited.write_bytes(edited.read_bytes() + b"\0")
    kept = edited.read_bytes()
    respell(post, OLD, NEW)
    report = build([post], out)
    assert not report.ok and f"{OLD}-contract.docx" in report.posts[0].message
    assert posts(out) == [OLD] and edited.read_bytes() == kept
    report = build([post], out, force=True)
    assert report.ok, report.posts[0].message
    assert posts(out) == [NEW]
    copies = [p for p in (out / NEW).iterdir() if ".edited-" in p.name]
    assert [p.read_bytes() for p in copies] == [kept]
    said = [p.message for p in report.posts[0].problems if "edited by hand" in p.message]
    assert said == [f"{OLD}-contract.docx in {out / NEW} had been edited by hand; --force "
                    f"replaced it and kept the edited copy as {copies[0].name}"], said


def test_where_names_are_case_blind_the_new_spelling_is_the_recorded_file(
        post: Path, tmp_path: Path) -> None:
    """On Windows and macOS a document's name in the new spelling is the recorded file
    itself (emulated here by a hard link: one file under both names). Unchanged, it is not
    taken for a person's edit; edited, it is named once."""
    out = tmp_path / "out"
    assert build([post], out).ok
    folder = out / OLD
    names = [f"{NEW}-{kind}.docx" for kind in KINDS]
    for kind, name in zip(KINDS, names, strict=True):
        os.link(folder / f"{OLD}-{kind}.docx", folder / name)
    assert hand_edited(folder, names) == []
    with open(folder / names[1], "ab") as fh:  # in place: both names see it
        fh.write(b"\0")
    assert hand_edited(folder, names) == [names[1]]


def test_a_post_folder_under_two_other_spellings_is_refused(post: Path, tmp_path: Path) -> None:
    """Left by a docgen before this one: which of the two is the post cannot be told."""
    out = tmp_path / "out"
    assert build([post], out).ok
    shutil.copytree(out / OLD, out / "Ewk-Wsm-Hr-01")
    respell(post, OLD, NEW)
    report = build([post], out)
    assert not report.ok
    assert report.posts[0].message == (
        f"{out} holds EWK-WSM-HR-01 and Ewk-Wsm-Hr-01, one post's folder under two spellings "
        "(one folder on Windows and macOS); keep one of them, then build again")
    assert posts(out) == [OLD, "Ewk-Wsm-Hr-01"]


def _one_complete_set(out: Path) -> None:
    """Whatever step the build stopped at: one post folder, a whole set, nothing half."""
    names = posts(out)
    assert len(names) == 1, names
    complete(out / names[0])


def _finished(post: Path, out: Path) -> None:
    report = build([post], out)  # the rerun: no --force
    assert report.ok, report.posts[0].message
    assert posts(out) == [NEW]
    complete(out / NEW)
    assert json.loads((out / NEW / MANIFEST).read_text())["reference"] == NEW
    verified = CliRunner().invoke(cli, ["verify", str(out / NEW), "--answers", str(post)])
    assert verified.exit_code == 0, verified.output
    assert [r["reference"] for r in read_register(out / "register.csv")] == [NEW]
    assert not (out / STAGING).exists()


def test_a_build_stopped_between_the_new_spelling_and_the_exchange_is_finished(
        post: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert build([post], out).ok
    respell(post, OLD, NEW)

    def stopped(a: Path, b: Path) -> bool:
        assert b == out / NEW and b.is_dir()  # the folder has the new spelling already
        raise Stopped

    monkeypatch.setattr(stage_module, "_exchange", stopped)
    with pytest.raises(Stopped):
        build([post], out)
    monkeypatch.undo()
    _one_complete_set(out)
    _finished(post, out)


@pytest.mark.parametrize("nth", [1, 2, 3])
def test_a_build_stopped_at_each_rename_of_the_fallback_is_finished(
        post: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nth: int) -> None:
    """Without an atomic exchange: the case rename, the old set aside, the new set in."""
    out = tmp_path / "out"
    assert build([post], out).ok
    respell(post, OLD, NEW)
    real = stage_module.os.rename
    calls: list[tuple[str, str]] = []

    def rename(a: str | Path, b: str | Path) -> None:
        calls.append((Path(a).name, Path(b).name))
        if len(calls) == nth:
            raise Stopped
        real(a, b)

    monkeypatch.setattr(stage_module, "_exchange", lambda a, b: False)
    monkeypatch.setattr(stage_module.os, "rename", rename)
    with pytest.raises(Stopped):
        build([post], out)
    monkeypatch.undo()
    assert calls[0] == (OLD, NEW)
    # as the next run finds it (its recovery first): one complete set
    stage_module.recover(out)
    _one_complete_set(out)
    _finished(post, out)
