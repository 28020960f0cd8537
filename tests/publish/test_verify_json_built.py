"""A post folder built before answer files were ``.yaml``/``.yml`` only, from ``post.json``:
``docgen verify`` said the file "is outside this folder and the project, or not an answer
file, and is not the file these documents were built from" though its hash matched. It now
says the name is what is wrong, how to rename it, and the command to verify after."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES_DIR

from docgen.cli import cli

HR = EXAMPLES_DIR / "shared-head-of-hr.yaml"


def test_verify_says_to_rename_the_json_it_was_built_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("inputs").mkdir()
    shutil.copy(HR, "inputs/post.yaml")
    assert CliRunner().invoke(cli, ["build", "inputs"]).exit_code == 0
    (manifest,) = Path("build").glob("*/manifest.json")
    data = json.loads(manifest.read_text(encoding="utf-8"))  # as a build from post.json wrote
    Path("inputs/post.yaml").rename("inputs/post.json")
    data["answer_file"].update(path="post.json",
                               resolved=str((tmp_path / "inputs/post.json").resolve()))
    manifest.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(cli, ["verify", str(manifest.parent)])
    said = " ".join(result.output.split())
    assert result.exit_code == 1
    assert "outside this folder" not in said and "not the file these" not in said, said
    assert "ends .json; rename it, for example to post.yaml" in said, said
    assert f"docgen verify {manifest.parent} --answers " in said
    renamed = said.split("--answers ")[1].split()[0]
    Path(renamed).parent.mkdir(exist_ok=True)
    Path("inputs/post.json").rename(renamed)
    again = CliRunner().invoke(cli, ["verify", str(manifest.parent), "--answers", renamed])
    assert again.exit_code == 0, again.output
