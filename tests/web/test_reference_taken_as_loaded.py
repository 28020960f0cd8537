"""The interview's "another post already has this reference" gives the answer ``docgen
check`` gives: a post's reference as docgen loads it, so one a base it ``extends`` sets,
or one written JSON-style (``"reference": "X"``), counts; each file is read again only
when it or a base it extends changes (the check runs on every page)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

pytest.importorskip("starlette")

import docgen.api.interview as interview  # noqa: E402
from docgen.cli import cli  # noqa: E402
from docgen.web.drafts import reference_taken  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[2] / "docgen" / "data" / "examples"
HR = EXAMPLES / "shared-head-of-hr.yaml"
REF = "EWK-WSM-HR-01"


def _folder(tmp_path: Path) -> Path:
    """b.yaml takes its reference from _base.yaml; z.yaml states the same one."""
    text = HR.read_text(encoding="utf-8")
    (tmp_path / "_base.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("extends: _base.yaml\n", encoding="utf-8")
    (tmp_path / "z.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_a_reference_a_base_gives_is_taken_as_docgen_check_says(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    said = " ".join(CliRunner().invoke(cli, ["check", str(folder)]).output.split())
    assert "b.yaml" in said and REF in said  # the command line: z.yaml's is b.yaml's
    assert reference_taken(folder, REF, "z.yaml") == "b.yaml"
    assert reference_taken(folder, REF.lower(), "b.yaml") == "z.yaml"


def test_a_reference_written_json_style_is_taken(tmp_path: Path) -> None:
    data = yaml.safe_load(HR.read_text(encoding="utf-8")) | {"reference": "EWK-J-1"}
    (tmp_path / "j.yaml").write_text(json.dumps(data, default=str, indent=1),
                                     encoding="utf-8")
    assert reference_taken(tmp_path, "EWK-J-1") == "j.yaml"


def test_each_file_is_read_again_only_when_it_or_its_base_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path)
    loads: list[Path] = []
    real = interview.load_answer_file

    def counted(path: Path) -> object:
        loads.append(Path(path))
        return real(path)

    monkeypatch.setattr(interview, "load_answer_file", counted)
    assert reference_taken(folder, REF, "z.yaml") == "b.yaml"
    first = len(loads)
    assert reference_taken(folder, REF, "z.yaml") == "b.yaml"
    assert len(loads) == first  # nothing changed: nothing read
    base = folder / "_base.yaml"
    base.write_text(base.read_text(encoding="utf-8").replace(REF, "EWK-OTHER-2"),
                    encoding="utf-8")
    assert reference_taken(folder, REF, "z.yaml") is None  # b.yaml's base changed
    assert [p.name for p in loads[first:]] == ["b.yaml"]
    assert reference_taken(folder, "EWK-OTHER-2", "z.yaml") == "b.yaml"
