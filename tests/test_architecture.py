"""The layout keeps its promises: imports run one way, no cycles, no hidden imports,
modules a newcomer can read, no side effects at import."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "docgen"
MAX_LINES = 400  # a module a newcomer reads in one sitting
#: imports allowed inside functions: optional dependencies behind an extra (docgen.web
#: needs the [serve] extra, so `docgen serve` imports it only when it runs), and heavy
#: libraries a one-post build does not need, loaded on first use to keep start-up short
#: (xlsxwriter: writing a register; openpyxl: reading a workbook; docxtpl: a template not
#: in the cache; python-docx: a clause book; the process pool: a batch). Never a docgen
#: module: that would hide a cycle.
OPTIONAL = {"python_redlines", "openpyxl", "xlsxwriter", "pypandoc", "playwright", "uvicorn",
            "docgen.web", "docxtpl", "docx", "multiprocessing", "concurrent"}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_import_contracts_hold() -> None:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe, "import-linter is part of the test extra"
    result = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative enough)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.find_modules_directly_imported_by(v):
            if not w.startswith("docgen"):
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(graph.modules):
        if module.startswith("docgen") and module not in index:
            visit(module)
    return found


def test_no_import_cycles() -> None:
    assert _cycles(grimp.build_graph("docgen")) == []


def test_no_function_level_imports() -> None:
    offenders = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(fn):
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                else:
                    continue
                if not all(n.split(".")[0] in OPTIONAL or n.startswith("docgen.web")
                           for n in names):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {names}")
    assert offenders == []


def test_modules_stay_readable() -> None:
    long = {str(p.relative_to(ROOT)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"split these modules (over {MAX_LINES} lines): {long}"


def test_import_has_no_side_effects(tmp_path: Path) -> None:
    """Importing docgen creates no folder (the Jinja cache is the CLI's choice) and leaves
    the umask alone."""
    code = ("import os; before = os.umask(0o27); import docgen, docgen.cli; "
            "after = os.umask(0o27); print(oct(after))")
    env = {"HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin"}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "0o27"
    assert list(tmp_path.iterdir()) == []


#: modules outside ooxml/ that still open zips or parse XML themselves (issue 24 point 5):
#: none: every zip and all raw XML are handled in ooxml/ (the import-linter contract holds it too)
RAW_XML_OR_ZIP_OUTSIDE_OOXML: set[str] = set()


def test_raw_xml_and_zips_stay_in_ooxml() -> None:
    """Only ooxml/ imports lxml or zipfile; the list of exceptions may shrink, never grow."""
    raw = {"lxml", "zipfile", "xml"}
    found = set()
    for path in _modules():
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("docgen/ooxml/"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] in raw for n in names):
                found.add(rel)
    assert found <= RAW_XML_OR_ZIP_OUTSIDE_OOXML, sorted(found - RAW_XML_OR_ZIP_OUTSIDE_OOXML)
