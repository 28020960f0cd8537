"""What a newcomer meets first: install hints that name the packages an extra needs (PyPI's
``docgen`` is another project), a build refused at once when a format it was asked for
cannot be made here, usage errors that exit 2, and ``check`` saying what it was run as."""

from __future__ import annotations

import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import EXAMPLES_DIR
from packaging.requirements import Requirement

import docgen.publish.review as review
from docgen.api.files import install_hint, missing_tools
from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
HR = "shared-head-of-hr.yaml"
EXTRAS = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
    "optional-dependencies"]


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, result.output


def _post(tmp_path: Path, name: str = "post.yaml") -> Path:
    post = tmp_path / name
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_bytes((EXAMPLES_DIR / HR).read_bytes())
    return post


def _named(hint: str) -> list[str]:
    """The requirements a hint's ``pip install "..." "..."`` names, before the bracket
    (double quotes: cmd.exe reads a single quote as a character, and ``>`` as redirection)."""
    command = hint.split(" (", 1)[0]
    assert command.startswith("pip install "), hint
    assert "'" not in command, hint
    return re.findall(r'"([^"]+)"', command)


@pytest.mark.parametrize("extra", ["review", "serve", "redline"])
def test_the_hint_names_exactly_the_packages_pyproject_lists(extra: str) -> None:
    hint = install_hint(extra)
    assert "docgen[" not in hint  # `pip install 'docgen[...]'` fetches PyPI's other docgen
    named = [Requirement(r) for r in _named(hint)]
    listed = [Requirement(r) for r in EXTRAS[extra]]
    assert [(r.name, r.extras, r.specifier) for r in named] == \
        [(r.name, r.extras, r.specifier) for r in listed]
    assert f'pip install -e ".[{extra}]"' in hint  # the clone's way
    assert 'pip install "path/to/docgen-' in hint and f'-py3-none-any.whl[{extra}]"' in hint


def test_without_docgens_metadata_the_hint_still_says_how(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def gone(_name: str) -> None:
        raise importlib.metadata.PackageNotFoundError("docgen")

    monkeypatch.setattr(importlib.metadata, "distribution", gone)
    hint = install_hint("review")
    assert "docgen[" not in hint and 'pip install -e ".[review]"' in hint
    assert review.extra_packages("review") is None


def test_pypis_other_docgen_is_not_read_as_ours(monkeypatch: pytest.MonkeyPatch) -> None:
    class Other:
        version = "0.1.1"
        requires = ['markdown; extra == "review"']

    monkeypatch.setattr(importlib.metadata, "distribution", lambda _name: Other())
    assert review.extra_packages("review") is None
    assert "markdown" not in install_hint("review")


@pytest.mark.parametrize("formats", ["md", "docx,html", "md,pdf"])
def test_a_build_without_pandoc_is_refused_before_anything_is_built(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, formats: str) -> None:
    monkeypatch.setitem(sys.modules, "pypandoc", None)  # the review extra not installed
    posts = [_post(tmp_path, "a/post.yaml"), _post(tmp_path, "b/post.yaml")]
    out = tmp_path / "out"
    code, output = _invoke("build", *map(str, posts), "--format", formats, "--out", str(out))
    assert code == 2, output
    assert "nothing was built" in output and 'pip install "pypandoc-binary>=1.13"' in output
    assert "docgen[" not in output
    assert "built" not in output.replace("nothing was built", "")  # no post, no summary
    assert "FAILED" not in output and "previous documents stay" not in output
    assert output.count("Error:") == 1
    assert not out.exists()  # no folder, register or lock


def test_a_build_refused_leaves_an_existing_out_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    post, out = _post(tmp_path), tmp_path / "out"
    code, output = _invoke("build", str(post), "--out", str(out))
    assert code == 0, output
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    monkeypatch.setitem(sys.modules, "pypandoc", None)
    code, output = _invoke("build", str(post), "--out", str(out), "--force", "--format", "md")
    assert code == 2, output
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_a_pdf_build_without_libreoffice_is_refused_at_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCGEN_SOFFICE", str(tmp_path / "no-such-soffice"))
    post, out = _post(tmp_path), tmp_path / "out"
    for extra in ([], ["--json"]):
        code, output = _invoke("build", str(post), "--format", "docx,pdf", "--out", str(out),
                               *extra)
        assert code == 2, output
        assert "DOCGEN_SOFFICE" in output and "nothing was built" in output
        assert not out.exists()


def test_missing_tools_is_empty_for_word_alone_and_names_each_missing_tool(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pypandoc", None)
    monkeypatch.setenv("DOCGEN_SOFFICE", str(tmp_path / "no-such-soffice"))
    assert missing_tools(["docx"]) == []
    md, pdf = missing_tools(["docx", "pdf", "md", "html"])
    assert "pandoc" in md and "DOCGEN_SOFFICE" in pdf


def test_out_naming_a_file_is_a_usage_error(tmp_path: Path) -> None:
    post, out = _post(tmp_path), tmp_path / "out"
    out.write_text("mine")
    code, output = _invoke("build", str(post), "--out", str(out))
    assert code == 2 and "is a file, not a folder" in output
    assert out.read_text() == "mine"


def test_a_missing_clauses_folder_is_said_once_before_any_post(tmp_path: Path) -> None:
    posts = [_post(tmp_path, "a/post.yaml"), _post(tmp_path, "b/post.yaml")]
    out = tmp_path / "out"
    code, output = _invoke("build", *map(str, posts), "--clauses", str(tmp_path / "nodir"),
                           "--out", str(out))
    assert code == 2, output
    assert output.count("nodir") == 1 and "does not exist" in output
    assert "FAILED" not in output and not out.exists()


def test_check_says_what_was_run(tmp_path: Path) -> None:
    code, output = _invoke("check", "--help")
    assert code == 0 and "docgen check --project" in " ".join(output.split())
    assert "docgen build --project" not in " ".join(output.split())
    code, output = _invoke("build", "--help")
    assert "docgen build --project" in " ".join(output.split())
    code, output = _invoke("check", str(tmp_path / "missing.yaml"))
    assert code == 2 and "(docgen check post.yaml)" in output
    assert "docgen build" not in output


def test_check_shows_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    data = yaml.safe_load((EXAMPLES_DIR / HR).read_text("utf-8"))
    data["payment"]["salary"] = "lots"
    (tmp_path / "bad").mkdir()
    Path("bad/split.yaml").write_text(yaml.safe_dump(data, sort_keys=False), "utf-8")
    code, output = _invoke("check", "bad/split.yaml")
    assert code == 1
    assert re.search(r"\sbad/split\.yaml:\d+\s", output), output
    code, built = _invoke("build", "bad/split.yaml", "--out", "out")
    assert re.search(r"bad/split\.yaml:\d+", built), built  # as build shows it


def test_check_verbose_says_where_values_came_from_before_the_summary(
        tmp_path: Path) -> None:
    code, output = _invoke("check", "-v", str(_post(tmp_path)))
    assert code == 0, output
    lines = output.rstrip("\n").splitlines()
    assert lines[-1] == "1 answer file, 0 with errors"
    assert any("where each value came from" in line for line in lines[:-1])


def test_errors_that_stop_the_rules_are_not_reported_as_no_warnings(tmp_path: Path) -> None:
    blank, good = tmp_path / "blank.yaml", _post(tmp_path)
    code, output = _invoke("new", str(blank), "--no-ask")
    assert code == 0, output
    code, output = _invoke("check", str(blank))
    assert code == 1 and "0 warnings" not in output
    assert "the good-practice checks run once the errors are fixed" in output
    code, output = _invoke("build", str(blank), "--out", str(tmp_path / "out"))
    assert code == 1 and "0 warnings" not in output
    assert output.rstrip().splitlines()[-1].startswith(
        "0 built, 0 unchanged, 1 failed; the good-practice checks run once the errors are "
        "fixed; ")
    code, output = _invoke("build", str(blank), str(good), "--out", str(tmp_path / "out2"))
    last = output.rstrip().splitlines()[-1]
    assert re.match(r"1 built, 0 unchanged, 1 failed; \d+ warnings?.*, and the good-practice "
                    r"checks of 1 post run once its errors are fixed; ", last), last


def test_a_profile_with_errors_is_not_promised_good_practice_checks(tmp_path: Path) -> None:
    profile = tmp_path / "organisations" / "eastwick.yaml"
    profile.parent.mkdir()
    profile.write_text("docgen_organisation: 1\nid: eastwick\nkind: nonsense\n", "utf-8")
    code, output = _invoke("check", str(profile))
    assert code == 1, output
    assert "good-practice" not in output
