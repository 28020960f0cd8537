"""Issue 5: batches — skip unchanged posts, --force, the edited-file guard, safe writes,
a failing file among good ones, and the programme register."""

from __future__ import annotations

import contextlib
import csv
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, ROOT, copy_examples
from docx_read import full_text

from docgen import build
from docgen.cli import cli
from docgen.publish import batch
from docgen.publish import files as writing
from docgen.publish.workers import chunks


@pytest.fixture()
def programme(tmp_path: Path) -> Path:
    return copy_examples(tmp_path / "inputs")


def test_unchanged_posts_are_skipped_and_force_rebuilds(programme: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build([programme], out, jobs=2)
    assert first.count("built") == 3
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.docx")}
    again = build([programme], out, jobs=2)
    assert again.count("skipped") == 3 and again.count("built") == 0
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.docx")} == stamps
    # a change to one answer file rebuilds that post only
    hr = programme / "shared-head-of-hr.yaml"
    hr.write_text(hr.read_text().replace("notice_months: 6", "notice_months: 9"))
    third = build([programme], out)
    assert {p.reference: p.status for p in third.posts}["EWK-WSM-HR-01"] == "built"
    assert third.count("skipped") == 2
    forced = build([programme], out, force=True)
    assert forced.count("built") == 3


def test_changed_clause_library_rebuilds(programme: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([programme], out)
    overlay = tmp_path / "ours"
    overlay.mkdir()
    (overlay / "extra.yaml").write_text(
        "id: zz.extra\ntitle: Extra\nversion: 1\ndocuments: [agreement]\norder: 9999\n"
        "text: |\n  An extra clause.\n")
    again = build([programme], out, overlays=[overlay])
    assert again.count("built") == 3


def test_edited_document_is_not_overwritten_without_force(programme: Path,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([programme], out)
    doc = out / "EWK-WSM-HR-01" / "EWK-WSM-HR-01-agreement.docx"
    edited = doc.read_bytes() + b"\0"  # any change a person's save would make
    doc.write_bytes(edited)
    hr = programme / "shared-head-of-hr.yaml"
    hr.write_text(hr.read_text().replace("notice_months: 6", "notice_months: 9"))
    runner = CliRunner()
    result = runner.invoke(cli, ["build", str(programme), "--out", str(out)])
    assert result.exit_code == 1
    assert "EWK-WSM-HR-01-agreement.docx" in result.output and "--force" in result.output
    assert doc.read_bytes() == edited
    result = runner.invoke(cli, ["build", str(programme), "--out", str(out), "--force"])
    assert result.exit_code == 0
    assert doc.read_bytes() != edited


def test_interrupted_write_leaves_no_partial_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "doc.docx"
    target.write_bytes(b"the previous version")

    def interrupted(src, dst):  # the process is killed between writing and renaming
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        writing.atomic_write(target, b"new contents " * 1000)
    assert target.read_bytes() == b"the previous version"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.docx"], "temporary file left behind"


def test_failing_file_among_good_ones(programme: Path, tmp_path: Path) -> None:
    bad = programme / "broken.yaml"
    bad.write_text((programme / "shared-head-of-hr.yaml").read_text()
                   .replace("reference: EWK-WSM-HR-01", "reference: BROKEN-01")
                   .replace("employer: eastwick", "employer: nobody"))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(programme), "--out", str(out), "-j", "2"])
    assert result.exit_code == 1
    assert "3 built, 0 unchanged, 1 failed" in result.output
    assert "broken.yaml" in result.output and "'nobody' is not a party id" in result.output
    assert len(list(out.rglob("*.docx"))) == 9
    assert not (out / "BROKEN-01").exists()


def test_register_lists_every_post(programme: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([programme], out)
    with (out / "register.csv").open(encoding="utf-8-sig") as fh:
        rows = {r["Reference"]: r for r in csv.DictReader(fh)}
    assert set(rows) == {"NBC-ICB-DPH-2027", "EWK-WSM-HR-01", "TRI-LEGAL-01"}
    hr = rows["EWK-WSM-HR-01"]
    assert hr["Employer"] == "London Borough of Eastwick"
    assert hr["Time split"] == "Eastwick 60%; Westmere 40%"
    assert hr["Cost base"] == "132844.32"
    assert hr["Start date"] == "2027-04-01" and hr["Next review"] == "2027-10-01"
    assert hr["Status"] == "draft" and int(hr["Warnings"]) >= 1
    from openpyxl import load_workbook

    wb = load_workbook(out / "register.xlsx")
    values = [[c.value for c in row] for row in wb["Register"].iter_rows()]
    assert values[0][0] == "Reference" and len(values) == 4
    parties = [[c.value for c in row] for row in wb["Parties"].iter_rows()]
    assert any(r[0] == "TRI-LEGAL-01" and r[1] == "Ashby Vale District Council"
               and r[6] == 34710 for r in parties)
    # a skipped post keeps its row
    build([programme], out)
    with (out / "register.csv").open(encoding="utf-8-sig") as fh:
        assert len(list(csv.DictReader(fh))) == 3


def test_build_format_writes_pdf_and_review_copies(tmp_path: Path) -> None:
    from conftest import pdf_text, require_soffice

    require_soffice()
    hr = tmp_path / "hr.yaml"
    shutil.copy(next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml"), hr)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(hr), "--out", str(out),
                                      "--format", "docx,pdf,md"])
    assert result.exit_code == 0, result.output
    folder = out / "EWK-WSM-HR-01"
    pdf = folder / "EWK-WSM-HR-01-agreement.pdf"
    assert "Westmere" in pdf_text(pdf) and "Page 1 of" in pdf_text(pdf)
    md = (folder / "EWK-WSM-HR-01-agreement.md").read_text()
    assert "£53,137.73" in md
    # unchanged inputs with the same formats: skipped; the PDF is now guarded too
    again = CliRunner().invoke(cli, ["build", str(hr), "--out", str(out), "--format", "pdf"])
    assert "1 unchanged, 0 failed" in again.output
    pdf.write_bytes(pdf.read_bytes() + b"%edited")
    hr.write_text(hr.read_text().replace("notice_months: 6", "notice_months: 9"))
    changed = CliRunner().invoke(cli, ["build", str(hr), "--out", str(out), "--format",
                                       "docx,pdf"])
    assert changed.exit_code == 1 and "EWK-WSM-HR-01-agreement.pdf" in changed.output


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--format", "docx,rtf", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "rtf" in result.output


@pytest.mark.parametrize("jobs", [1, 2])
def test_duplicate_references_never_share_a_folder(tmp_path: Path, jobs: int) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    hr = next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml").read_text()
    for i, title in enumerate(["First post", "Second post", "Third", "Fourth"]):
        text = hr.replace("title: Shared Head of Human Resources", f"title: {title}")
        if i >= 2:  # two more posts with their own references, to run a parallel batch
            text = text.replace("EWK-WSM-HR-01", f"EWK-WSM-HR-0{i + 1}")
        (folder / f"{i}.yaml").write_text(text)
    out = tmp_path / "out"
    for _ in range(2):  # the second run is incremental: the duplicate must still fail
        report = build([folder], out, jobs=jobs)
        by_file = {p.source.name: p for p in report.posts}
        assert by_file["0.yaml"].status in ("built", "skipped")
        assert by_file["1.yaml"].status == "failed"
        assert "also used by" in by_file["1.yaml"].message
        from docx_read import full_text

        text = full_text(out / "EWK-WSM-HR-01" / "EWK-WSM-HR-01-job-spec.docx")
        assert "First post" in text and "Second post" not in text


def test_instalments_add_up_to_the_annual_sum(tmp_path: Path) -> None:
    from decimal import Decimal

    from docgen.answers.validation import load
    from docgen.facts.derive import derive

    for ex in EXAMPLES:
        facts = derive(load(ex)[0])
        n = facts.money.invoices_per_year
        for p in facts.parties:
            if p.invoiced:
                assert (n - 1) * p.per_invoice + p.final_invoice == p.annual
                assert abs(p.final_invoice - p.per_invoice) < Decimal("0.01") * n
    hr = derive(load(next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml"))[0])
    westmere = hr.party["westmere"]
    assert westmere.per_invoice_text == "£13,284.43 (the last £13,284.44)"


def test_outputs_are_readable_by_colleagues(tmp_path: Path) -> None:
    out = tmp_path / "out"
    build([next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml")], out)
    umask = os.umask(0o022)
    os.umask(umask)
    for doc in [*out.rglob("*.docx"), *out.rglob("*.json"), out / "register.csv"]:
        assert doc.stat().st_mode & 0o777 == 0o666 & ~umask, doc


def test_dropping_an_overlay_folder_rebuilds(tmp_path: Path) -> None:
    """A post built with --clauses and then without is rebuilt, not skipped with the
    overlay's wording left in place."""
    overlay = tmp_path / "ours"
    overlay.mkdir()
    (overlay / "extra.yaml").write_text(
        "id: zz.extra\ntitle: Our extra clause\nversion: 1\ndocuments: [agreement]\n"
        "order: 9990\ntext: |\n  Our own words about parking.\n", encoding="utf-8")
    src = tmp_path / "post.yaml"
    src.write_bytes((ROOT / "inputs" / "shared-head-of-hr.yaml").read_bytes())
    out = tmp_path / "out"
    first = build([src], out, overlays=[overlay])
    assert first.posts[0].status == "built"
    agreement = out / "EWK-WSM-HR-01" / "EWK-WSM-HR-01-agreement.docx"
    assert "Our own words about parking." in full_text(agreement)
    again = build([src], out)
    assert again.posts[0].status == "built", again.posts[0].message
    assert "Our own words about parking." not in full_text(agreement)
    assert build([src], out).posts[0].status == "skipped"


@pytest.mark.parametrize(("posts", "jobs"), [(1, 2), (7, 2), (100, 2), (1000, 2), (1000, 8)])
def test_posts_go_to_workers_in_order_in_chunks_with_a_tail_of_single_posts(
        posts: int, jobs: int) -> None:
    tasks = [(Path(f"p{i}.yaml"), None) for i in range(posts)]
    made = chunks(tasks, jobs)
    assert [t for chunk in made for t in chunk] == tasks  # each once, in order
    assert all(1 <= len(chunk) <= 8 for chunk in made)
    size = max(1, min(8, posts // (jobs * 4)))
    tail = made[-min(posts, 2 * jobs * size):]
    assert all(len(chunk) == 1 for chunk in tail)  # no worker idles behind a long last chunk
    if posts >= 1000:
        assert len(made) < posts / 4  # most posts still travel eight at a time


def test_a_batch_builds_every_post_from_the_library_as_it_found_it(
        programme: Path, tmp_path: Path) -> None:
    """The clause folders are looked at once for a batch (not 88 stats a post): a clause
    edited while the batch runs reaches none of its posts, and the next build, finding the
    library changed, rebuilds them all with the edit."""
    overlay = tmp_path / "ours"
    overlay.mkdir()
    clause = overlay / "extra.yaml"
    words = "id: zz.extra\ntitle: Our extra clause\nversion: 1\ndocuments: [agreement]\n" \
            "order: 9990\ntext: |\n  Our own words about {}.\n"
    clause.write_text(words.format("parking"), encoding="utf-8")
    out = tmp_path / "out"
    edits: list[str] = []

    def edit_after_the_first(post: object) -> None:  # in the batch's process, between posts
        if not edits:
            clause.write_text(words.format("bicycles and their storage"), encoding="utf-8")
            edits.append("done")

    first = build([programme], out, overlays=[overlay], jobs=1, progress=edit_after_the_first)
    assert first.count("built") == 3 and edits
    texts = [full_text(p) for p in sorted(out.rglob("*-agreement.docx"))]
    assert len(texts) == 3
    assert all("Our own words about parking." in t for t in texts)
    again = build([programme], out, overlays=[overlay], jobs=1)
    assert again.count("built") == 3, [p.message for p in again.posts]
    assert all("Our own words about bicycles and their storage." in full_text(p)
               for p in out.rglob("*-agreement.docx"))


def test_a_batch_that_waited_for_the_folder_looks_at_the_clauses_after_waiting(
        programme: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A clause edited while the build waited for another to finish (--wait) is looked at
    after the wait: the library the build loads is kept under the files it read. Looked at
    before, the edited library was kept under the old files' names, sizes and times, so
    a later build in the same process with the old file put back (times and all) was
    built from the edit."""
    overlay = tmp_path / "ours"
    overlay.mkdir()
    clause = overlay / "extra.yaml"
    words = "id: zz.extra\ntitle: Our extra clause\nversion: 1\ndocuments: [agreement]\n" \
            "order: 9990\ntext: |\n  Our own words about {}.\n"
    clause.write_text(words.format("parking"), encoding="utf-8")  # the same length as ...
    before = clause.stat().st_mtime_ns
    real = batch.output_lock

    @contextlib.contextmanager
    def waited(out: Path, wait: float = 0) -> Iterator[None]:
        clause.write_text(words.format("cycling"), encoding="utf-8")  # ... the edit
        os.utime(clause, ns=(before + 10**9, before + 10**9))
        with real(out, wait):
            yield

    monkeypatch.setattr(batch, "output_lock", waited)
    out = tmp_path / "out"
    assert build([programme], out, overlays=[overlay], jobs=1).count("built") == 3
    monkeypatch.undo()
    assert all("Our own words about cycling." in full_text(p)
               for p in out.rglob("*-agreement.docx"))
    clause.write_text(words.format("parking"), encoding="utf-8")  # put back, times and all
    os.utime(clause, ns=(before, before))
    again = build([programme], out, overlays=[overlay], jobs=1, force=True)
    assert again.count("built") == 3, [p.message for p in again.posts]
    assert all("Our own words about parking." in full_text(p)
               for p in out.rglob("*-agreement.docx"))
