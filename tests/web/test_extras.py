"""The ``serve`` extra installs everything ``docgen/web`` imports (else serve fails at start)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _name(requirement: str) -> str:
    return re.split(r"[\[<>=!~ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_the_serve_extra_covers_every_import_of_docgen_web():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    have = {_name(r) for r in [*project["dependencies"],
                               *project["optional-dependencies"]["serve"]]}
    dists = packages_distributions()
    needed: dict[str, str] = {}
    for path in (ROOT / "docgen" / "web").glob("*.py"):
        for node in ast.parse(path.read_text()).body:  # module level: imported at start
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level \
                else []
            for name in names:
                top = name.split(".")[0]
                if top == "docgen" or top in sys.stdlib_module_names:
                    continue
                for dist in dists.get(top, [top]):
                    needed[dist.lower().replace("_", "-")] = f"{path.name}: import {name}"
    pandoc = {"pypandoc", "pypandoc-binary"}
    missing = {d: why for d, why in needed.items()
               if d not in have and not (d in pandoc and have & pandoc)}
    assert not missing, f"add to the serve extra in pyproject.toml: {missing}"
