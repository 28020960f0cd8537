"""Saving a post changes only the lines of the answers changed, in the file's own layout: a
file written by PyYAML (lists at their key's column, long answers folded over lines at 80
characters, "\\xA3" for a pound sign) had 224 lines rewritten in docgen's way for one
salary; docgen's own layout stays docgen's. Its indentation is read from where ruamel read
each list and mapping (docgen/web/yamltext.py ``written_indent``), and each line the round
trip would write otherwise is taken back from the file while its answer is unchanged
(``in_own_lines``): an unchanged draft of it is the file, not "changes not saved yet"."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

pytest.importorskip("starlette")

from docgen.web.yamltext import dump, in_own_lines, parse  # noqa: E402

from .conftest import EXAMPLES  # noqa: E402
from .helpers import Interview  # noqa: E402

EXAMPLE = (EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8")


def _saved(folder: Path, text: str) -> tuple[list[str], list[str]]:
    """The lines taken out of and put into ``text`` by changing the salary and saving."""
    (folder / "post.yaml").write_text(text, "utf-8")
    web = Interview(folder)
    web.open("post.yaml")
    assert web.submit("payment", payment__salary="93000").status_code == 200
    assert "saved=post.yaml" in str(web.save("post.yaml").url)
    after = (folder / "post.yaml").read_text("utf-8")
    diff = [line for line in difflib.unified_diff(text.splitlines(), after.splitlines(),
                                                   lineterm="", n=0)
            if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    return [d[1:] for d in diff if d[0] == "-"], [d[1:] for d in diff if d[0] == "+"]


def test_a_pyyaml_file_changes_only_the_answer(tmp_path: Path) -> None:
    text = yaml.safe_dump(yaml.safe_load(EXAMPLE), sort_keys=False)
    assert "\n- id: eastwick\n" in text  # PyYAML's lists: the dash at the key's column
    assert "  purpose: To lead the human resources function of both councils, harmonising " \
        "HR policy\n    and delivering" in text and '"\\xA3' in text  # folded, escaped
    assert _saved(tmp_path, text) == (["  salary: 92000"], ["  salary: 93000"])


def test_a_changed_long_answer_is_the_only_one_rewritten(tmp_path: Path) -> None:
    """An answer changed is written ruamel's way (on one line); the answers around it keep
    the file's lines."""
    text = yaml.safe_dump(yaml.safe_load(EXAMPLE), sort_keys=False)
    (tmp_path / "post.yaml").write_text(text, "utf-8")
    web = Interview(tmp_path)
    web.open("post.yaml")
    purpose = "To lead HR for both councils."
    assert web.submit("post", post__purpose=purpose).status_code == 200
    assert "saved=post.yaml" in str(web.save("post.yaml").url)
    after = (tmp_path / "post.yaml").read_text("utf-8")
    assert f"  purpose: {purpose}\n  start_date:" in after
    before = text.splitlines()
    at = next(i for i, line in enumerate(before) if line.startswith("  purpose:"))
    assert after.splitlines() == [*before[:at], f"  purpose: {purpose}", *before[at + 3:]]


def test_an_unchanged_pyyaml_file_has_no_changes_to_save(tmp_path: Path) -> None:
    (tmp_path / "post.yaml").write_text(
        yaml.safe_dump(yaml.safe_load(EXAMPLE), sort_keys=False), "utf-8")
    web = Interview(tmp_path)
    web.open("post.yaml")
    assert web.submit("post").status_code == 200  # Continue, nothing changed
    assert "not saved yet" not in web.open("post.yaml")  # said "You have changes ..."


def test_a_docgen_file_changes_only_the_answer(tmp_path: Path) -> None:
    assert "\n  - id: eastwick\n" in EXAMPLE  # docgen's lists: the dash in by 2
    assert _saved(tmp_path, EXAMPLE) == (["  salary: 92000"], ["  salary: 93000"])


def test_a_draft_kept_over_a_restart_keeps_the_file_lines(tmp_path: Path) -> None:
    """The file's text is kept with the draft on disk: saved after a restart, the answer
    changed is still the only change."""
    text = yaml.safe_dump(yaml.safe_load(EXAMPLE), sort_keys=False)
    (tmp_path / "post.yaml").write_text(text, "utf-8")
    web = Interview(tmp_path)
    web.open("post.yaml")
    assert web.submit("payment", payment__salary="93000").status_code == 200
    again = Interview(tmp_path)  # a new server on the same folder
    assert "not saved yet" in again.open("post.yaml")  # the draft kept on disk
    assert again.base == web.base
    assert "saved=post.yaml" in str(again.save("post.yaml").url)
    assert (tmp_path / "post.yaml").read_text("utf-8") == text.replace(
        "  salary: 92000\n", "  salary: 93000\n")


def test_a_file_with_windows_line_endings_keeps_them_all(tmp_path: Path) -> None:
    """A file written on Windows (CRLF) saved with one answer changed: every line ends the
    file's way, the changed one too (it ended in LF, the rest CRLF: a reviewer's find), and
    only that answer's line changed."""
    text = (EXAMPLES / "shared-head-of-hr.yaml").read_text("utf-8").replace("\n", "\r\n")
    (tmp_path / "post.yaml").write_bytes(text.encode("utf-8"))
    web = Interview(tmp_path)
    web.open("post.yaml")
    assert web.submit("payment", payment__salary="93000").status_code == 200
    assert "saved=post.yaml" in str(web.save("post.yaml").url)
    after = (tmp_path / "post.yaml").read_bytes().decode("utf-8")
    assert after.count("\n") == after.count("\r\n"), "a line ends in LF alone"
    changed = [line for line in difflib.unified_diff(text.splitlines(), after.splitlines(),
                                                      lineterm="", n=0)
               if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changed == ["-  salary: 92000", "+  salary: 93000"], changed


def test_a_very_long_file_is_saved_the_round_trips_way_in_bounded_time() -> None:
    """Matching a file's lines costs time with their count squared at worst: past a bound
    (an answer file has some 250 lines) the answers are written ruamel's way, unchanged."""
    text = yaml.safe_dump(yaml.safe_load(EXAMPLE), sort_keys=False)  # folded: not ruamel's
    small = parse(text, keep=False)
    small["payment"]["salary"] = 93000
    assert in_own_lines(text, dump(small), small) != dump(small)  # the file's own lines
    big = text.replace("\njob:\n", "\n" + "".join(f"# note {i}\n" for i in range(3000))
                       + "job:\n")
    doc = parse(big, keep=False)
    doc["payment"]["salary"] = 93000
    assert in_own_lines(big, dump(doc), doc) == dump(doc)  # not matched line by line


def _mixed(text: str) -> str:
    """``text`` (LF) with every third line and the salary's ending LF, the others CRLF: a
    file edited on Windows and elsewhere."""
    return "".join(line if i % 3 == 0 or line.startswith("  salary:")
                   else line.replace("\n", "\r\n")
                   for i, line in enumerate(text.splitlines(keepends=True)))


def _saved_bytes(folder: Path, text: str, slug: str, **changes: str) -> bytes:
    """The file's bytes after ``text`` is opened, ``changes`` sent on ``slug`` and saved."""
    (folder / "post.yaml").write_bytes(text.encode("utf-8"))
    web = Interview(folder)
    web.open("post.yaml")
    assert web.submit(slug, **changes).status_code == 200
    assert "saved=post.yaml" in str(web.save("post.yaml").url)
    return (folder / "post.yaml").read_bytes()


@pytest.mark.parametrize("layout", ["docgen", "pyyaml"])
def test_a_file_of_mixed_line_endings_keeps_each_lines_own(tmp_path: Path, layout: str) -> None:
    """Some lines CRLF, some LF, one answer changed: every other line is byte for byte as it
    was, and the changed line keeps the LF of the line it replaces (every line was given
    CRLF). A file PyYAML wrote keeps its folded lines too (with CRLF none was matched, so
    every long answer was rewritten on one line)."""
    text = _mixed(EXAMPLE if layout == "docgen"
                  else yaml.safe_dump(yaml.safe_load(EXAMPLE), sort_keys=False))
    assert text.count("\r\n") > text.count("\n") / 2 and "  salary: 92000\n" in text
    after = _saved_bytes(tmp_path, text, "payment", payment__salary="93000")
    assert after == text.replace("  salary: 92000\n", "  salary: 93000\n").encode("utf-8")


def test_a_windows_file_written_by_pyyaml_keeps_its_folded_lines(tmp_path: Path) -> None:
    """All CRLF, in PyYAML's layout: only the answer changed is another line."""
    text = yaml.safe_dump(yaml.safe_load(EXAMPLE), sort_keys=False).replace("\n", "\r\n")
    after = _saved_bytes(tmp_path, text, "payment", payment__salary="93000")
    assert after == text.replace("  salary: 92000\r\n", "  salary: 93000\r\n").encode("utf-8")


def test_a_new_answer_in_a_mixed_file_ends_as_most_of_its_lines(tmp_path: Path) -> None:
    """An answer the file did not give is a new line, ending as most of the file's lines do
    (CRLF here); every line the file had is still there with its own ending."""
    text = _mixed(EXAMPLE)
    assert "pause_after_weeks" not in text
    after = _saved_bytes(tmp_path, text, "payment", payment__pause_after_weeks="26")
    lines = after.decode("utf-8").splitlines(keepends=True)
    added = [line for line in lines if "pause_after_weeks" in line]
    assert added == ["  pause_after_weeks: 26\r\n"], added
    assert [line for line in lines if line not in added] == text.splitlines(keepends=True)


def test_a_file_ending_without_a_line_break_keeps_its_lines_when_an_answer_is_added() -> None:
    """A file whose last line has no break (as Notepad may save it), given a new answer at
    its end: the file's lines stay as they were (the last line was joined to the new one, so
    the whole file was written the round trip's way), the new line ends as most do."""
    text = _mixed(yaml.safe_dump(yaml.safe_load(EXAMPLE), sort_keys=False)).rstrip("\r\n")
    doc = parse(text, keep=False)
    doc["notes"] = "Agreed"
    saved = in_own_lines(text, dump(doc), doc)
    assert saved == text + "\r\nnotes: Agreed\r\n", saved[-200:]
