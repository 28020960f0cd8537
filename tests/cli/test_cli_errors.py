"""A file system error is one clear line and exit 1, never a traceback (as users run it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def docgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "docgen", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_schema_into_a_missing_folder_is_a_usage_error(tmp_path):
    """A path that does not exist is a usage error (exit 2, as the README's exit codes
    say), with the command that makes the folder, as docgen new says it; nothing made."""
    out = tmp_path / "nonexistent2" / "x" / "s.json"
    result = docgen("schema", "--out", str(out), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert f"{out.parent} does not exist; create it first (mkdir -p " in result.stderr
    assert "for example --out s.json (in this folder)" in result.stderr
    assert not (tmp_path / "nonexistent2").exists()
    (tmp_path / "afile").write_text("mine", encoding="utf-8")
    under = docgen("schema", "--out", "afile/s.json", cwd=tmp_path)
    assert under.returncode == 2 and "afile is a file, not a folder; name another --out" \
        in under.stderr, under.stderr
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "mine"


def test_new_under_a_file_or_a_missing_folder_is_refused(tmp_path):
    a_file = tmp_path / "contract.docx"
    a_file.write_bytes(b"not a folder")
    result = docgen("new", str(a_file / "x.yaml"), "--no-ask", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr  # a usage error
    assert f"{a_file} is a file, not a folder" in result.stderr
    missing = tmp_path / "nonexistent" / "dir"
    result = docgen("new", str(missing / "x.yaml"), "--no-ask", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{missing} does not exist" in result.stderr and "mkdir -p" in result.stderr
    assert not (tmp_path / "nonexistent").exists()  # no folders made that nobody asked for
    assert a_file.read_bytes() == b"not a folder"


def test_compare_date_in_another_form_is_said_in_words(tmp_path):
    """Not "does not match the formats '%Y-%m-%d', ..." (strptime codes)."""
    post = tmp_path / "post.yaml"
    post.write_text("docgen: 1\n")
    result = docgen("compare", "--date", "01/03/2027", str(post), str(post), cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert ("'01/03/2027' is not a date docgen can read; write a date as YYYY-MM-DD, for "
            "example 2027-03-01") in result.stderr
    assert "%" not in result.stderr
    assert "--date YYYY-MM-DD" in docgen("compare", "--help", cwd=tmp_path).stdout
