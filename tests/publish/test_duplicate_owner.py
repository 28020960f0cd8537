"""Two answer files with one reference, one of which built the post's folder: the outcome
does not depend on the order the files are named in (``build .`` names them sorted), the
file that owns the folder is never refused because of the other, and the register keeps
one row for the reference. The refusal says where the reference is written (file, line,
key) and whose post it is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from openpyxl import load_workbook

from docgen import build, read_register

EXAMPLE = ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml"
REFERENCE = "EWK-WSM-HR-01"


def _line_of_reference(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith("reference:"))


def _built(tmp_path: Path) -> tuple[Path, Path]:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    post = Path(shutil.copy(EXAMPLE, inputs / "post.yaml"))
    out = tmp_path / "out"
    assert build([post], out).posts[0].status == "built"
    return post, out


def _copy(post: Path, name: str, salary: str) -> Path:
    text = post.read_text(encoding="utf-8")
    assert "salary: 92000" in text
    copy = post.parent / name
    copy.write_text(text.replace("salary: 92000", f"salary: {salary}"), encoding="utf-8")
    return copy


def _register(out: Path) -> list[tuple[str, str]]:
    return [(r["reference"], r["build"]) for r in read_register(out / "register.csv")]


def _workbook_text(out: Path) -> str:
    book = load_workbook(out / "register.xlsx", read_only=True)
    return "\n".join(str(v) for sheet in book.worksheets
                     for row in sheet.iter_rows(values_only=True) for v in row if v)


@pytest.mark.parametrize("order", ["owner first", "copy first", "the folder"])
def test_the_owner_of_the_folder_is_never_refused_whatever_the_order(
        tmp_path: Path, order: str) -> None:
    post, out = _built(tmp_path)
    copy = _copy(post, "post-copy.yaml", "94000")
    paths = {"owner first": [post, copy], "copy first": [copy, post],
             "the folder": [post.parent]}[order]
    report = build(paths, out)
    by_file = {p.source.name: p for p in report.posts}
    assert by_file["post.yaml"].status == "skipped", by_file["post.yaml"].message
    refused = by_file["post-copy.yaml"]
    assert refused.status == "failed"
    where = f"{refused.source}:{_line_of_reference(copy)}: reference: "
    assert refused.message.startswith(where), refused.message
    assert f"'{REFERENCE}' is also used by {post}" in refused.message
    assert _register(out) == [(REFERENCE, "built")]


def test_the_outcome_is_the_same_whichever_file_is_named_first(tmp_path: Path) -> None:
    post, out = _built(tmp_path)
    copy = _copy(post, "post-copy.yaml", "94000")
    said = []
    for paths in ([post, copy], [copy, post]):
        report = build(paths, out)
        said.append(sorted((p.source.name, p.status, p.message) for p in report.posts))
    assert said[0] == said[1]


def test_a_copy_with_input_errors_leaves_the_owner_s_one_row(tmp_path: Path) -> None:
    post, out = _built(tmp_path)
    other = _copy(post, "other.yaml", '"£94,000"')
    [result] = build([other], out).posts
    assert result.status == "failed" and result.errors
    assert result.reference == REFERENCE
    assert f"{out / REFERENCE} holds the documents of {post.resolve()}" in result.message
    assert _register(out) == [(REFERENCE, "built")]
    assert "no documents from an earlier build" not in _workbook_text(out)
    # the owner, built with it, is built (its own change), the copy refused
    post.write_text(post.read_text().replace("salary: 92000", "salary: 93000"))
    for paths in ([post, other], [other, post]):
        report = build(paths, out)
        by_file = {p.source.name: p for p in report.posts}
        assert by_file["post.yaml"].status in ("built", "skipped")
        assert by_file["other.yaml"].status == "failed"
        assert _register(out) == [(REFERENCE, "built")]


def test_a_new_reference_in_two_files_goes_to_the_first_as_before(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    first = Path(shutil.copy(EXAMPLE, inputs / "a.yaml"))
    second = _copy(first, "b.yaml", "94000")
    report = build([inputs], tmp_path / "out")
    assert [(p.source.name, p.status) for p in report.posts] == [
        ("a.yaml", "built"), ("b.yaml", "failed")]
    assert report.posts[1].message.startswith(f"{second}:{_line_of_reference(second)}: ")


def test_a_copy_failing_a_rule_leaves_the_owner_s_one_row(tmp_path: Path) -> None:
    """An error the good-practice rules find (not one of reading the file): the same."""
    post, out = _built(tmp_path)
    text = post.read_text(encoding="utf-8")
    assert "  prior_service: employer\n" in text
    other = post.parent / "other.yaml"
    other.write_text(text.replace("  prior_service: employer\n", "  prior_service: employer\n"
                                  "  cost_shares: {eastwick: 50}\n"), encoding="utf-8")
    [result] = build([other], out).posts
    assert result.status == "failed"
    assert [p.rule for p in result.errors] == ["GE007"], result.errors
    assert f"{out / REFERENCE} holds the documents of {post.resolve()}" in result.message
    assert _register(out) == [(REFERENCE, "built")]
    assert "no documents from an earlier build" not in _workbook_text(out)


@pytest.mark.parametrize("force", [False, True])
def test_with_two_workers_the_owner_is_kept_and_the_copy_refused(tmp_path: Path,
                                                                  force: bool) -> None:
    """A batch of four or more files goes to worker processes (``jobs=2``); the reviewer's
    case: the copy sorts first among other posts. The owner is unchanged (or, forced,
    rebuilt), the copy refused, one row for the reference."""
    post, out = _built(tmp_path)
    before = {p.name: p.read_bytes() for p in (out / REFERENCE).glob("*.docx")}
    copy = _copy(post, "aa-copy.yaml", "94000")
    text = EXAMPLE.read_text(encoding="utf-8")
    for n in range(3):  # other posts, so the batch is shared between the workers
        (post.parent / f"other-{n}.yaml").write_text(
            text.replace(f"reference: {REFERENCE}", f"reference: OTHER-{n}"), encoding="utf-8")
    report = build([post.parent], out, jobs=2, force=force)
    status = {p.source.name: p.status for p in report.posts}
    assert status["post.yaml"] == ("built" if force else "skipped"), status  # unchanged
    assert status["aa-copy.yaml"] == "failed", status
    assert [status[f"other-{n}.yaml"] for n in range(3)] == ["built"] * 3
    [refused] = [p for p in report.posts if p.source == copy]
    assert f"'{REFERENCE}' is also used by" in refused.message, refused.message
    assert [r for r in _register(out) if r[0] == REFERENCE] == [(REFERENCE, "built")]
    if not force:
        assert {p.name: p.read_bytes() for p in (out / REFERENCE).glob("*.docx")} == before
