"""``docgen check`` and ``docgen build`` of one workbook give one list of problems.

A half-filled row (Reference, Job title and Partners, the partners profiled, no Employer)
was said with 18 problems by ``check`` and more by ``build``, which added "this post gives
no Confidentiality", "... Conflicts of interest" and "... Disputes": the build checked the
file it keeps, with the parties written out in full, where the checker no longer knows an
employer's policy would give them once the Employer is filled in."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from answers.test_profiles import PROFILES
from intake_programme import run
from openpyxl import load_workbook


def _problems(output: str) -> dict[str, list[tuple[str, str, str]]]:
    return {record["source"]: [(p["severity"], p["cell"], p["message"])
                               for p in record["problems"]]
            for record in json.loads(output)}


def test_check_and_build_of_a_half_filled_row_say_the_same_problems(tmp_path: Path) -> None:
    shutil.copytree(PROFILES, tmp_path / "organisations")
    book = tmp_path / "posts.xlsx"
    assert run("intake", "new", str(book))[0] == 0
    wb = load_workbook(book)
    posts = wb["Posts"]
    heads = [c.value for c in posts[1]]
    for heading, value in (("Reference", "HALF-01"), ("Job title", "Shared Head of Culture"),
                           ("Partners", "eastwick, westmere")):
        posts.cell(row=2, column=heads.index(heading) + 1, value=value)
    wb.save(book)
    code, checked = run("check", str(book), "--json")
    assert code == 1
    code, built = run("build", str(book), "--out", str(tmp_path / "out"), "--json")
    assert code == 1
    said = _problems(checked)
    assert said == _problems(built)
    messages = " ".join(m for _, _, m in said["posts.xlsx row 2"])
    assert "the Employer cell of row 2 is empty" in messages
    assert "gives no Confidentiality" not in messages  # the employer's policy gives it
