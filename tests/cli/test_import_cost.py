"""Start-up stays cheap: ``import docgen`` loads no heavy dependency, the API loads only
what its call needs, and the command line never loads the web stack or pandoc for a check.

Checked by the modules a fresh interpreter has loaded (a count that does not depend on how
busy the machine is); the times are in the README, measured with ``python -X importtime``.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ["pydantic", "openpyxl", "xlsxwriter", "docxtpl", "lxml", "jinja2", "yaml",
         "pypandoc", "starlette", "uvicorn", "python_redlines", "docgen.api", "docgen.web"]


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=120).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_import_docgen_loads_no_heavy_dependency() -> None:
    loaded = loaded_after("import docgen")
    assert not [m for m in HEAVY if m in loaded]
    assert {"docgen", "docgen.errors", "docgen._version"} <= loaded


def test_the_public_names_load_on_first_use() -> None:
    loaded = loaded_after("import docgen\nassert docgen.check and docgen.BuildReport")
    assert {"docgen.api", "pydantic"} <= loaded
    assert "docgen.web" not in loaded and "starlette" not in loaded


def test_checking_a_post_loads_neither_openpyxl_nor_pandoc_nor_the_web_stack() -> None:
    post = ROOT / "inputs" / "shared-head-of-hr.yaml"
    loaded = loaded_after(f"import docgen\nassert docgen.check({str(post)!r}).ok")
    assert not [m for m in ("openpyxl", "xlsxwriter", "pypandoc", "starlette", "uvicorn",
                            "python_redlines") if m in loaded]
    cli = loaded_after("from click.testing import CliRunner\nfrom docgen.cli import cli\n"
                       f"assert CliRunner().invoke(cli, ['check', {str(post)!r}]).exit_code == 0")
    assert not [m for m in ("openpyxl", "pypandoc", "starlette", "uvicorn") if m in cli]
    # nor the clause commands (and the clause lint with them): only a clause file named to
    # check or build loads them (they loaded for every check for a while, e95375d)
    assert "docgen.cli.build" in cli
    assert not cli & {"docgen.cli.clauses", "docgen.api.clauses", "docgen.api.clause_files"}


def test_unknown_names_are_still_attribute_errors() -> None:
    import docgen

    assert "render" in dir(docgen) and "BuildReport" in dir(docgen)
    try:
        docgen.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("docgen.no_such_name did not raise")


def test_a_one_post_build_with_a_warm_cache_loads_no_docxtpl_and_no_process_pool(
        tmp_path: Path) -> None:
    """`docgen build` of one post: the prepared templates come from the cache folder (so
    neither docxtpl nor python-docx is imported), no worker pool is started, and the
    other commands' modules stay unloaded, nor importlib.metadata (the manifest's library
    versions come from the .dist-info folders' names). The register is written with XlsxWriter:
    openpyxl, which only reads workbooks, is not loaded; rebuilding the post with the
    same register rows loads neither (the workbook in the folder is already theirs)."""
    post = ROOT / "inputs" / "shared-head-of-hr.yaml"
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    loaded = []
    for run in ("cold", "warm", "warm"):
        probe = ("import json, sys\nfrom docgen.cli import main\n"
                 f"sys.argv = ['docgen', 'build', {str(post)!r}, '--force', '--out', "
                 f"{str(tmp_path / run)!r}]\n"
                 "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc\n"
                 "print(json.dumps(sorted(sys.modules)))")
        out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                             text=True, check=True, timeout=300, env=env).stdout
        loaded.append(set(json.loads(out.splitlines()[-1])))
        assert list((tmp_path / run).rglob("*.docx"))
    assert "docxtpl" in loaded[0]  # the cold run prepared the templates
    # the manifest's library versions come from the .dist-info folders' names:
    # importlib.metadata (11-14 ms to import) is the fallback, loaded only when needed (a
    # cold cache's first build loads it through pydantic's plugin loader, so the warm runs)
    for modules in loaded[1:]:
        assert "docgen.publish.versions" in modules
        assert "importlib.metadata" not in modules
    assert "xlsxwriter" in loaded[1] and (tmp_path / "warm" / "register.xlsx").is_file()
    assert "xlsxwriter" not in loaded[2]
    assert not [m for m in ("docxtpl", "docx", "openpyxl", "concurrent.futures.process",
                            "pypandoc", "starlette", "docgen.cli.serve", "docgen.cli.new",
                            "docgen.cli.rules",  # a check's report tables
                            "docgen.cli.clauses", "docgen.cli.intake", "docgen.intake.run",
                            "docgen.word.clausebook", "docgen.clauses.book",
                            "docgen.api.clauses", "docgen.api.workbooks",
                            "docgen.api.starters", "docgen.api.files",
                            *(m for modules, _ in ON_FIRST_USE.values() for m in modules))
                if m in loaded[1]]
    assert any(p.name.startswith("__docgen_bounded") for p in (tmp_path / "cache").rglob("*"))


HR = ROOT / "inputs" / "shared-head-of-hr.yaml"
STYLED = ROOT / "inputs" / "shared-head-of-hr-house-style.yaml"
#: what a one-post build (docgen's own style, no open warning, no PDF) leaves unloaded, each
#: with code that uses it, run in a fresh interpreter: the modules load when it does
ON_FIRST_USE: dict[str, tuple[tuple[str, ...], str]] = {
    "a house style": (
        ("docgen.word.styling", "docgen.ooxml.housestyle", "docgen.ooxml.restyle",
         "docgen.ooxml.hdrpictures", "docgen.ooxml.revisions", "docgen.publish.fonts"),
        f"report = docgen.build([{str(STYLED)!r}], OUT, jobs=1)\n"
        "assert report.ok and len(report.posts[0].outputs) == 3, report.posts[0].message\n"
        "folder = report.posts[0].outputs[0].parent\n"
        "assert json.loads((folder / 'manifest.json').read_text())['house_styles']"),
    "drafting notes": (
        ("docgen.word.note_wording",),
        "import yaml\n"
        f"answers = yaml.safe_load(Path({str(HR)!r}).read_text())\n"
        "del answers['acknowledge']  # GP014 is open: a draft notes it\n"
        f"result = docgen.render(answers, workspace={str(HR.parent)!r})\n"
        "assert b'word/comments.xml' in result.documents['agreement']"),
    "PDFs": (
        ("docgen.publish.convert", "docgen.ooxml.packages"),
        "os.environ['DOCGEN_SOFFICE'] = '/no/such/soffice'\n"
        f"report = docgen.build([{str(HR)!r}], OUT, jobs=1, formats=('docx', 'pdf'))\n"
        "assert 'DOCGEN_SOFFICE' in report.posts[0].message, report.posts[0].message"),
    "review copies": (
        ("docgen.publish.review",),
        f"report = docgen.build([{str(HR)!r}], OUT, jobs=1, formats=('docx', 'md'))\n"
        "assert report.ok and any(p.suffix == '.md' for p in report.posts[0].outputs)"),
    "docgen verify": (
        ("docgen.publish.verify_folder",),
        f"assert docgen.build([{str(HR)!r}], OUT, jobs=1).ok\n"
        "assert 'docgen.publish.verify_folder' not in sys.modules\n"
        "result = CliRunner().invoke(cli, ['verify', str(OUT / 'EWK-WSM-HR-01')])\n"
        "assert result.exit_code == 0, result.output"),
    "docgen compare": (
        ("docgen.publish.redline", "docgen.ooxml.tracked"),
        "result = CliRunner().invoke(cli, ['compare', '--help'])\n"
        "assert result.exit_code == 0 and '[default: docgen]' in result.output, result.output\n"
        "from docgen.api import COMPARE_AUTHOR\nassert COMPARE_AUTHOR == 'docgen'"),
    "docgen schema": (
        ("docgen.answers.schema", "docgen.answers.reference"),
        "result = CliRunner().invoke(cli, ['schema'])\n"
        "assert result.exit_code == 0 and '\"$schema\"' in result.output, result.output\n"
        "result = CliRunner().invoke(cli, ['schema', '--markdown'])\n"
        "assert result.exit_code == 0 and result.output.startswith('#'), result.output"),
    "a report's facts and reading a register": (
        ("docgen.facts.export", "docgen.publish.register_read"),
        f"assert docgen.check({str(HR)!r}).facts['reference'] == 'EWK-WSM-HR-01'\n"
        f"assert docgen.build([{str(HR)!r}], OUT, jobs=1).ok\n"
        "(row,) = docgen.read_register(OUT / 'register.xlsx')\n"
        "assert row['reference'] == 'EWK-WSM-HR-01'"),
}


@pytest.mark.parametrize("feature", sorted(ON_FIRST_USE))
def test_what_a_one_post_build_leaves_out_loads_when_used(feature: str, tmp_path: Path
                                                          ) -> None:
    """Each module a one-post build does not load (its package's ``__getattr__`` loads it
    on first use) still loads, and works, in a fresh interpreter when its feature runs."""
    modules, code = ON_FIRST_USE[feature]
    probe = ("import json, os, sys\nfrom pathlib import Path\nimport docgen\n"
             "from click.testing import CliRunner\nfrom docgen.cli import cli\n"
             f"OUT = Path({str(tmp_path / 'out')!r})\n"
             f"before = {list(modules)!r}\n"
             "assert not [m for m in before if m in sys.modules], 'loaded before use'\n"
             f"{code}\nprint(json.dumps(sorted(sys.modules)))")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                         text=True, timeout=300, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    loaded = set(json.loads(run.stdout.splitlines()[-1]))
    assert [m for m in modules if m not in loaded] == []


def test_version_loads_neither_the_model_nor_the_clause_engine() -> None:
    """``docgen --version`` answers at once: the cache folder is chosen without the clause
    engine, which (with pydantic and Jinja) loads when a command runs. (``--help`` loads
    the commands' modules: it prints each command's first line of help.)"""
    for flag in ("--version",):
        loaded = loaded_after("import sys\nfrom docgen.cli import main\n"
                              f"sys.argv = ['docgen', {flag!r}]\n"
                              "try:\n    main()\nexcept SystemExit as exc:\n"
                              "    assert not exc.code, exc")
        assert not [m for m in ("pydantic", "jinja2", "lxml", "yaml", "docgen.api",
                                "docgen.clauses.engine") if m in loaded], flag


@functools.cache
def garbage_collection() -> tuple[list[str], list[str]]:
    """What ``docgen check`` run as the command, and ``import docgen`` in a program, say of
    the garbage collector, each in one fresh interpreter shared by the two tests below (each
    started both before: a second ``docgen check`` and a second import, the same start-up).

    The command: whether the collector was on, the freeze count once its modules were in
    (``_startup.loaded``, watched) and at its end. The program: whether the collector is on,
    the freeze count, $PYDANTIC_DISABLE_PLUGINS, then the freeze count after
    ``_startup.finished()``."""
    post = str(ROOT / "inputs" / "shared-head-of-hr.yaml")
    probe = ("import gc, sys\nsys.argv = ['docgen', 'check', {post!r}]\n"
             "import docgen\nassert not gc.isenabled(), 'off while loading'\n"
             "from docgen import _startup\nfrom docgen.cli import main\n"
             "seen = []\nloaded = _startup.loaded\n"
             "_startup.loaded = lambda: (loaded(), seen.append(gc.get_freeze_count()))\n"
             "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc\n"
             "import os\nassert os.environ['PYDANTIC_DISABLE_PLUGINS'] == '__all__'\n"
             "print(gc.isenabled(), seen[0], gc.get_freeze_count())")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    command = subprocess.run([sys.executable, "-c", probe.format(post=post)], cwd=ROOT,
                             env=env, capture_output=True, text=True, check=True,
                             timeout=120).stdout
    library = subprocess.run(
        [sys.executable, "-c", "import gc, os, docgen\nassert docgen.check\n"
         "said = (gc.isenabled(), gc.get_freeze_count(), os.environ.get("
         "'PYDANTIC_DISABLE_PLUGINS'))\n"
         "from docgen import _startup\n_startup.finished()\n"
         "print(*said, gc.get_freeze_count())"],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=120, env=env).stdout
    return command.split()[-3:], library.split()[-4:]


def test_the_command_loads_without_collecting_garbage_then_collects_again() -> None:
    """The ``docgen`` command starts with the garbage collector off (loading its modules
    makes objects that live to the end); once the command's modules are in, the collector
    is back on with those objects frozen. It asks pydantic not to look for plugins. A
    program that imports docgen is left alone."""
    (enabled, _, frozen), library = garbage_collection()
    assert enabled == "True" and int(frozen) > 10_000
    assert library[:3] == ["True", "0", "None"]


def test_the_command_ends_with_everything_frozen() -> None:
    """At its end the command freezes what is still alive, so the collections Python runs
    while it shuts down do not traverse the objects the command made (about 4 ms of a
    one-post build). In a program that imports docgen, nothing is frozen: docgen's end is
    not the program's."""
    (_, after_loading, at_the_end), library = garbage_collection()
    assert int(at_the_end) > int(after_loading) + 1_000  # the check's own objects, frozen too
    assert library[3] == "0"


def test_a_spawned_worker_collects_garbage_again() -> None:
    """A batch worker started by spawn (Windows) imports docgen with the command's argv,
    so it starts with the collector off too: the worker's set-up turns it back on."""
    probe = ("import gc, os, sys\nsys.argv = ['docgen', 'build']\n"
             "from docgen.publish import workers\nassert not gc.isenabled()\n"
             "from pathlib import Path\n"
             "workers._init_worker(workers.Run(Path('out'), workers.BuildOptions(),"
             " os.getppid()))\n"
             "print(gc.isenabled())")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                         text=True, check=True, timeout=120).stdout
    assert out.split()[-1] == "True"

