"""``docgen new "nn/My Post.txt"`` suggested ``docgen new 'My Post.yaml'``, dropping the
folder the user named; the suggestion is now the path named, its ending made .yaml."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from docgen.cli import cli


@pytest.mark.parametrize(("named", "suggested"), [
    ("nn/My Post.txt", "nn/My Post.yaml"), ("nn/post", "nn/post.yaml"),
    ("post.json", "post.yaml")])
def test_the_suggestion_keeps_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         named: str, suggested: str) -> None:
    monkeypatch.chdir(tmp_path)
    Path("nn").mkdir()
    result = CliRunner().invoke(cli, ["new", named, "--like", "hr"])
    assert result.exit_code == 2 and not Path(named).exists()
    said = " ".join(result.output.split())
    assert f"docgen new --like hr {shlex.quote(suggested)}" in said, said
