"""A post that fails on its very first build: its register row carries the reference its
answer file states (or says plainly why there is none), and never takes the place of
another answer file's post that has the same reference."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES_DIR

from docgen import build, read_register

HR = "shared-head-of-hr.yaml"
REFERENCE = "EWK-WSM-HR-01"


def _bad_salary(folder: Path, name: str) -> Path:
    text = (EXAMPLES_DIR / HR).read_text(encoding="utf-8")
    assert "  salary: 92000\n" in text
    path = folder / name
    path.write_text(text.replace("  salary: 92000\n", "  salary: -5\n"), encoding="utf-8")
    return path


def _rows(out: Path) -> list[tuple[str, str, str]]:
    rows = read_register(out / "register.csv")
    assert rows == read_register(out / "register.xlsx")
    return [(r["reference"], r["title"], r["build"]) for r in rows]


def test_a_first_build_that_fails_has_the_answer_file_s_reference(tmp_path: Path) -> None:
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    inputs.mkdir()
    bad = _bad_salary(inputs, "hr.yaml")
    report = build([inputs], out)
    assert [p.status for p in report.posts] == ["failed"]
    assert _rows(out) == [(REFERENCE, str(bad), "failed")]


def test_a_row_without_a_reference_says_why(tmp_path: Path) -> None:
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    inputs.mkdir()
    (inputs / "broken.yaml").write_text("docgen: 1\npost: [\n", encoding="utf-8")
    (inputs / "noref.yaml").write_text("docgen: 1\npost: {title: Head of HR}\n",
                                       encoding="utf-8")
    (inputs / "badref.yaml").write_text("docgen: 1\nreference: ../x\n", encoding="utf-8")
    assert not build([inputs], out).ok
    rows = {title.split(" ")[0]: (reference, title) for reference, title, _ in _rows(out)}
    assert rows[str(inputs / "broken.yaml")] == ("", f"{inputs / 'broken.yaml'} (reference not "
                                                 "known: the answer file cannot be read: this "
                                                 "is not valid YAML: did not find expected node "
                                                 "content (while parsing a flow node); check "
                                                 "the indentation and quote values that contain "
                                                 "':' or '#')")
    assert rows[str(inputs / "noref.yaml")] == ("", f"{inputs / 'noref.yaml'} (reference not "
                                                "known: the answer file gives no reference)")
    assert rows[str(inputs / "badref.yaml")] == ("", f"{inputs / 'badref.yaml'} (reference not "
                                                 "known: the answer file's reference '../x' "
                                                 "cannot name a post)")


def test_a_failing_file_never_replaces_another_file_s_post_of_that_reference(
        tmp_path: Path) -> None:
    inputs, out = tmp_path / "inputs", tmp_path / "out"
    inputs.mkdir()
    (inputs / HR).write_bytes((EXAMPLES_DIR / HR).read_bytes())
    assert build([inputs], out).ok
    title = next(r["title"] for r in read_register(out / "register.csv"))
    copy = _bad_salary(inputs, "copy-of-hr.yaml")
    report = build([inputs], out)
    assert not report.ok
    # one row per reference: the copy, refused as the other file's post, has none of its
    # own (it built no documents anywhere), and the post's row stands as built
    assert _rows(out) == [(REFERENCE, title, "built")]
    refused = next(p for p in report.posts if p.source == copy)
    assert refused.status == "failed" and "is also used by" in refused.message
