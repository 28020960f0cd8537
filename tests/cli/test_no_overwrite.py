"""Commands that write a file given by --out never replace one a person wrote or edited
unless told to with --force (audit: `docgen schema --out notes.md` replaced the notes)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from docgen.cli import cli


def test_schema_out_refuses_a_file_that_is_not_the_schema(tmp_path: Path) -> None:
    runner = CliRunner()
    for args, name in ((["--markdown"], "notes.md"), ([], "mine.json")):
        mine = tmp_path / name
        mine.write_text("my notes\n", encoding="utf-8")
        result = runner.invoke(cli, ["schema", *args, "--out", str(mine)])
        assert result.exit_code == 2, result.output  # a usage error, as docgen new
        assert (f"{mine} already exists and is not the schema docgen writes; choose "
                "another --out, or add --force to replace it") in result.output
        assert mine.read_text(encoding="utf-8") == "my notes\n"
        result = runner.invoke(cli, ["schema", *args, "--out", str(mine), "--force"])
        assert result.exit_code == 0, result.output
        assert mine.read_text(encoding="utf-8") != "my notes\n"


def test_schema_out_writes_the_same_schema_again(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "answer-file.schema.json"
    assert runner.invoke(cli, ["schema", "--out", str(out)]).exit_code == 0
    first = out.read_bytes()
    result = runner.invoke(cli, ["schema", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == first
    # a schema file is not a reference: the Markdown would replace it, so it is refused
    result = runner.invoke(cli, ["schema", "--markdown", "--out", str(out)])
    assert result.exit_code == 2 and out.read_bytes() == first
