"""Every door takes the same answer files: ``.yaml`` or ``.yml`` in any case, the one list in
``docgen/answers/answer_names.py``. A post saved as ``post.json`` was checked and built when
named alone, never found in a folder and refused by ``compare`` as not ".yaml"; now each
door refuses it saying how to rename it, and ``UP.YAML`` is a post everywhere."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES_DIR

from docgen.answers.answer_names import ANSWER_SUFFIXES, is_answer_name
from docgen.api import answer_files
from docgen.cli import cli
from docgen.publish.verify_folder import _recorded_bytes

HR = EXAMPLES_DIR / "shared-head-of-hr.yaml"
ROOT = Path(__file__).resolve().parents[2]
RENAME = "ends .json; rename it, for example to post.yaml"


def _folder(tmp_path: Path) -> Path:
    """post.json (the example as JSON) beside UP.YAML (another post)."""
    data = yaml.safe_load(HR.read_text(encoding="utf-8"))
    (tmp_path / "post.json").write_text(json.dumps(data, default=str, indent=1),
                                        encoding="utf-8")
    text = HR.read_text(encoding="utf-8")
    (tmp_path / "UP.YAML").write_text(re.sub(r"(?m)^reference: .*$", "reference: EWK-UP-1",
                                             text), encoding="utf-8")
    return tmp_path


def test_the_endings_are_yaml_and_yml_in_any_case() -> None:
    assert ANSWER_SUFFIXES == (".yaml", ".yml")
    assert all(map(is_answer_name, ("a.yaml", "UP.YAML", "b.Yml")))
    assert not any(map(is_answer_name, ("post.json", "post", "x.yaml.txt")))


def test_check_and_build_refuse_a_json_file_saying_how_to_rename_it(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    for command in (["check"], ["build", "--out", str(tmp_path / "out")]):
        result = CliRunner().invoke(cli, [*command, str(folder / "post.json")])
        assert result.exit_code == 1, result.output
        assert "post.json" in result.output and RENAME in " ".join(result.output.split())
    assert not (tmp_path / "out" / "EWK-WSM-HR-01").exists()


def test_a_folder_takes_upper_case_yaml_and_says_why_post_json_is_left_out(
        tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    found, left_out = answer_files([folder])
    assert [p.name for p in found] == ["UP.YAML"]
    assert [(p.name, RENAME in why) for p, why in left_out] == [("post.json", True)]
    result = CliRunner().invoke(cli, ["check", str(folder)])
    assert "skipped" in result.output and RENAME in " ".join(result.output.split())


def test_a_json_file_that_is_not_a_post_is_left_out_without_a_word(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text('{"title": "notes"}', encoding="utf-8")
    shutil.copy(HR, tmp_path / "post.yml")
    found, left_out = answer_files([tmp_path])
    assert [p.name for p in found] == ["post.yml"] and left_out == []


def test_compare_names_both_endings_and_how_to_rename(tmp_path: Path) -> None:
    post = _folder(tmp_path) / "post.json"
    result = CliRunner().invoke(cli, ["compare", str(post), str(post), "--out",
                                      str(tmp_path / "cmp")])
    said = " ".join(result.output.split())
    assert result.exit_code == 1
    assert "compare two answer files (.yaml or .yml)" in said and RENAME in said


def test_verify_reads_a_recorded_answer_file_by_the_same_endings(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    assert _recorded_bytes(folder / "UP.YAML") is not None
    assert _recorded_bytes(folder / "post.json") is None


#: a hand-written pair of answer endings (".yaml", ".yml"), in any order or quotes
ENDINGS_PAIR = re.compile(r"""["']\.ya?ml["']\s*,\s*["']\.ya?ml["']""")


def test_the_doors_spell_no_endings_of_their_own() -> None:
    for door in ("publish/discover.py", "publish/redline.py", "publish/verify_folder.py",
                 "api/interview.py", "web/drafts.py", "web/finish.py", "web/start.py"):
        text = (ROOT / "docgen" / door).read_text(encoding="utf-8")
        assert '".yml"' not in text and '".json")' not in text, door
    for path in sorted((ROOT / "docgen").rglob("*.py")):  # nor any other module
        name = path.relative_to(ROOT / "docgen").as_posix()
        if name != "answers/answer_names.py":  # the one home
            text = path.read_text(encoding="utf-8")
            assert not ENDINGS_PAIR.search(text), f"{name}: use answer_names.ANSWER_SUFFIXES"


def test_new_starts_no_answer_file_the_other_doors_would_refuse(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["new", "post.json", "--like", "hr"])
    assert result.exit_code == 2 and not (tmp_path / "post.json").exists()
    assert "docgen new --like hr post.yaml" in result.output
    assert CliRunner().invoke(cli, ["new", "UP.YAML", "--like", "hr"]).exit_code == 0
