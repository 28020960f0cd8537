"""The README agrees with the program: every command it lists exists (and every command is
listed), and its developer commands are the ones `.ci/run` runs."""

from __future__ import annotations

import re
from pathlib import Path

import click
from click.testing import CliRunner

from docgen.cli import cli

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end if end != -1 else None]


def test_every_command_in_the_table_exists_and_every_command_is_listed() -> None:
    table = [line for line in _section("Command line").splitlines() if line.startswith("| `")]
    listed = {re.match(r"\| `docgen (\w+)", line).group(1) for line in table}  # type: ignore[union-attr]
    commands = cli.list_commands(click.Context(cli))
    assert listed == set(commands), (listed, commands)
    for name in listed:  # and each answers --help
        assert CliRunner().invoke(cli, [name, "--help"]).exit_code == 0, name
    serve = next(line for line in table if line.startswith("| `docgen serve"))
    for option in ("[FOLDER]", "--host", "--port", "--open"):
        assert option in serve
    help_text = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert all(o in help_text for o in ("--host", "--port", "--open"))


def test_clauses_subcommands_in_the_table_exist() -> None:
    rows = [line for line in README.splitlines() if line.startswith("| `docgen clauses")]
    named: set[str] = set()
    for row in rows:
        named |= set(re.findall(r"`(?:docgen clauses )?(\w+)(?: ID)?`", row.split("|")[1]))
        named |= set(re.findall(r"`docgen clauses (\w+) ", row.split("|")[1]))
    assert named == {"list", "show", "lint", "export", "import"}
    clauses = cli.get_command(click.Context(cli), "clauses")
    assert set(clauses.commands) == named  # type: ignore[union-attr]


def test_the_ci_script_runs_the_readme_test_command_and_installs_what_it_says() -> None:
    commands = re.findall(r"^(python3 -m venv .*)$", _section("Two commands (developers)"),
                          re.MULTILINE)
    assert len(commands) == 2, commands
    test_command = commands[1]
    assert "'.[test]'" in test_command and test_command.endswith("-m pytest")
    ci_lines = [line.replace("pip install -q ", "pip install ") for line in CI_RUN.splitlines()]
    assert test_command in ci_lines, "the README's test command (pip's -q aside) is not in .ci/run"
    # the Debian packages the README names are those .ci/run installs with apt-get
    said = re.search(r"`sudo apt-get install\s+([^`]+)`", _section("Two commands (developers)"))
    assert said, "the README says which Debian packages the tests need"
    installed = set(re.findall(r"need\+=\(([\w.-]+)\)", CI_RUN))
    assert set(said.group(1).split()) == installed == {
        "libreoffice-writer-nogui", "libreoffice-calc-nogui", "poppler-utils",
        "fonts-liberation", "chromium"}
    assert "apt-get install" in CI_RUN and 'export CI="${CI:-1}"' in CI_RUN


def test_serve_is_documented_for_users() -> None:
    section = _section("Guided interview in the browser")
    assert "pip install -e '.[serve]'" in section and "docgen serve" in section
    assert "127.0.0.1" in section and "(docs/web.md)" in section
    installing = _section("Installing")
    assert "`pip install -e '.[serve]'`" in installing
    assert "docgen-0.1.0-py3-none-any.whl[serve]" in installing
    # PyPI's docgen is another project: the README never sends anyone there
    assert "a plain `pip install docgen` fetches another project" in " ".join(
        installing.split())
    assert "docgen[" not in README
    assert (ROOT / "docs" / "web.md").is_file()
