"""``docgen build --json`` lists as a post's ``outputs`` only files that exist: a post whose
PDFs cannot be made is not published, its staged set is removed, and its record lists no
outputs (before, it listed the staged paths, gone by the time the record was read)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES_DIR

from docgen.cli import cli

HR = "shared-head-of-hr.yaml"


def _build(*args: str) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(cli, ["build", *args, "--json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, json.loads(result.stdout)


@pytest.mark.parametrize("built_before", [False, True])
def test_a_post_that_failed_lists_no_outputs_that_do_not_exist(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built_before: bool) -> None:
    hr, out = tmp_path / HR, tmp_path / "out"
    hr.write_bytes((EXAMPLES_DIR / HR).read_bytes())
    if built_before:  # its documents stand in the folder, as they were
        code, records = _build(str(hr), "--out", str(out))
        assert code == 0 and len(records[0]["outputs"]) == 3
        assert all(Path(o).is_file() for o in records[0]["outputs"])
    # a LibreOffice that is there (so the build starts) but cannot convert
    broken = tmp_path / "soffice"
    broken.write_text("#!/bin/sh\necho 'cannot convert' >&2\nexit 1\n")
    broken.chmod(0o755)
    monkeypatch.setenv("DOCGEN_SOFFICE", str(broken))
    code, records = _build(str(hr), "--out", str(out), "--format", "docx,pdf")
    assert code == 1
    (record,) = [r for r in records if r["status"] != "notice"]
    assert record["status"] == "failed" and "could not convert" in record["message"]
    assert record["outputs"] == []
    assert not list(out.glob(".docgen-staging/*"))
    standing = sorted(p.name for p in out.glob("*/*.docx"))
    assert len(standing) == (3 if built_before else 0)
