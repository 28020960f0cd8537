"""docs/architecture.md names real modules: its table of where each kind of fact lives is
how a newcomer finds a fact's one home, so a module renamed or split must take the page
with it.

Checked: every ``docgen/...`` path (globs and ``<placeholders>`` must match a file),
every dotted ``docgen.x.y`` (a module, or a name a module gives), every path the page
writes relative to the package (``word/fill.py``, ``ooxml/spreadsheet.scan_sheet``), and
every bare module file name (``terms.py``) is somewhere in the package; and the other
way: every module of the package is named on the page (the map a newcomer reads).
"""

from __future__ import annotations

import collections
import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "docgen"
PAGE = ROOT / "docs" / "architecture.md"
TEXT = PAGE.read_text(encoding="utf-8")
#: the package's folders, which the page names paths from ("word/fill.py")
LAYERS = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
#: not inside another path ("~/.cache/docgen/jinja" is the cache folder, not the package)
FULL_PATH = re.compile(r"(?<![\w./~-])docgen/[\w./*<>-]*[\w*>/]")
DOTTED = re.compile(r"(?<![\w./-])docgen(?:\.[A-Za-z_]\w*)+")
QUOTED = re.compile(r"`([^`\s]+)`")
RELATIVE = re.compile(rf"^(?:{'|'.join(LAYERS)})/[\w./*<>-]*$")
BARE_MODULE = re.compile(r"^\w+\.py$")


def relative_paths() -> list[str]:
    return sorted({m for m in QUOTED.findall(TEXT) if RELATIVE.match(m)})


def exists(path: str) -> bool:
    """A path relative to the root, a glob or placeholder matching at least one file; a
    last part ``module.name`` is a name that module defines."""
    pattern = re.sub(r"<[^>]+>", "*", path.rstrip("/"))
    pattern = re.sub(r"\*\*(?!/|$)", "**/*", pattern)  # "clauses/**.yaml": any depth
    if "*" in pattern:
        return any(ROOT.glob(pattern))
    if (ROOT / pattern).exists():
        return True
    folder, _, last = pattern.rpartition("/")
    module, _, name = last.partition(".")
    return bool(name) and (ROOT / folder / f"{module}.py").is_file() and defines(
        ".".join([*folder.split("/"), module]), name)


def defines(module: str, name: str) -> bool:
    """``module`` (imported) has ``name``."""
    return hasattr(importlib.import_module(module), name)


def dotted_exists(dotted: str) -> bool:
    """A module of the package (found by its file, so an extra's module is not imported),
    or a name the longest such module gives."""
    parts = dotted.split(".")
    for n in range(len(parts), 0, -1):
        base = ROOT.joinpath(*parts[:n])
        if base.with_suffix(".py").is_file() or (base / "__init__.py").is_file():
            return n == len(parts) or defines(".".join(parts[:n]), ".".join(parts[n:]))
    return False


def test_the_page_names_modules() -> None:
    """The patterns find what the page names (a page reworded past them checks nothing)."""
    assert "docgen/answers/kinds.py" in FULL_PATH.findall(TEXT)
    assert "docgen.render" in DOTTED.findall(TEXT)
    assert "word/fill.py" in relative_paths()
    assert "docgen/jinja" not in FULL_PATH.findall(TEXT)


@pytest.mark.parametrize("path", sorted(set(FULL_PATH.findall(TEXT))))
def test_each_docgen_path_exists(path: str) -> None:
    assert exists(path), f"docs/architecture.md names {path}, which is not in the checkout"


@pytest.mark.parametrize("dotted", sorted(set(DOTTED.findall(TEXT))))
def test_each_dotted_name_exists(dotted: str) -> None:
    assert dotted_exists(dotted), f"docs/architecture.md names {dotted}, which docgen lacks"


@pytest.mark.parametrize("path", relative_paths())
def test_each_path_in_the_package_exists(path: str) -> None:
    assert exists(f"docgen/{path}"), f"docs/architecture.md names {path}, not in docgen/"


def test_each_module_file_named_is_in_the_package() -> None:
    named = {m for m in QUOTED.findall(TEXT) if BARE_MODULE.match(m)}
    assert named
    found = {p.name for p in PACKAGE.rglob("*.py")}
    assert not named - found, f"docs/architecture.md names {sorted(named - found)}"


#: every module of the package (its ``__init__.py`` files aside), relative to docgen/
MODULES = sorted(p.relative_to(PACKAGE) for p in PACKAGE.rglob("*.py")
                 if p.name != "__init__.py" and "__pycache__" not in p.parts)
#: how many modules have each file name: a name several have is named by its path
STEMS = collections.Counter(p.stem for p in MODULES)


def named(module: Path) -> bool:
    """The page names ``module`` (``answers/kinds.py`` relative to docgen/): by its path
    (``docgen/answers/kinds.py``, ``answers/kinds.py``, ``answers/kinds.KINDS``), dotted
    (``docgen.answers.kinds``, ``answers.kinds``), or, its file name being the package's
    only one of that name, by that name (``kinds.py``, `` `kinds` ``)."""
    slash = module.with_suffix("").as_posix()
    dotted = slash.replace("/", ".")
    if re.search(rf"(?<![\w/.])(?:docgen/)?{re.escape(slash)}\b", TEXT) or \
            re.search(rf"(?<![\w/.])(?:docgen\.)?{re.escape(dotted)}\b(?!/)", TEXT):
        return True
    stem = re.escape(module.stem)
    return STEMS[module.stem] == 1 and bool(
        re.search(rf"(?<![\w/.]){stem}\.py\b", TEXT) or re.search(rf"`{stem}[`.]", TEXT))


def test_the_module_rule_finds_names() -> None:
    assert named(Path("answers/kinds.py")) and named(Path("regular_files.py"))
    assert named(Path("answers/origin.py"))  # "(`answers/origin.py`: ..."
    assert not named(Path("answers/none_such.py"))
    assert STEMS["book"] > 1  # "`book.py`" alone does not name clauses/, intake/ or ooxml/'s


def test_every_module_is_named_on_the_page() -> None:
    unnamed = [m.as_posix() for m in MODULES if not named(m)]
    assert not unnamed, ("docs/architecture.md does not name these modules of docgen/ (add "
                         f"each, one short line, where the page describes its stage): {unnamed}")
