"""The versions of the libraries that shape a document's bytes, for the manifest.

A docxtpl, python-docx, lxml or Jinja upgrade can change the output with the
same inputs; recording them says which stack built a document.

Each version is read from the ``METADATA`` of the distribution installed beside the
library's module, found without importing it (docxtpl would bring python-docx, 0.1 s);
``importlib.metadata``, which took 10-20 ms to load at every start, is asked only when
that finds nothing (an unusual install).
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
from functools import cache
from pathlib import Path

#: distribution name → the module it installs
SHAPING = {"docxtpl": "docxtpl", "python-docx": "docx", "lxml": "lxml", "jinja2": "jinja2"}


def _normal(name: str) -> str:
    """A distribution name as packaging compares them (PEP 503, with ``_`` for ``-``)."""
    return re.sub(r"[-_.]+", "_", name).lower()


def _beside_module(dist: str, module: str) -> str | None:
    """The version in ``<dist>-<version>.dist-info/METADATA`` next to ``module``'s package."""
    with contextlib.suppress(OSError, ValueError, ImportError):
        spec = importlib.util.find_spec(module)
        if spec is None or spec.origin is None:
            return None
        folder = Path(spec.origin).parent.parent  # site-packages, for package/__init__.py
        for info in folder.glob("*.dist-info"):
            if _normal(info.name.split("-")[0]) != _normal(dist):
                continue
            with (info / "METADATA").open(encoding="utf-8") as lines:
                for line in lines:
                    if line.startswith("Version:"):
                        return line.partition(":")[2].strip()
                    if not line.strip():
                        break
    return None


def _from_metadata(dist: str) -> str:
    import importlib.metadata  # only for an install the fast path cannot read

    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


@cache
def library_versions() -> dict[str, str]:
    """Distribution name → installed version (``"not installed"`` if absent)."""
    return {dist: _beside_module(dist, module) or _from_metadata(dist)
            for dist, module in SHAPING.items()}
