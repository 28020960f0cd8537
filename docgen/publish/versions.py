"""The versions of the libraries that shape a document's bytes, for the manifest.

A docxtpl, python-docx, lxml or Jinja upgrade can change the output with the
same inputs; recording them says which stack built a document.
"""

from __future__ import annotations

from functools import cache
from importlib import metadata

SHAPING = ("docxtpl", "python-docx", "lxml", "jinja2")


@cache
def library_versions() -> dict[str, str]:
    """Distribution name → installed version (``"not installed"`` if absent)."""
    versions = {}
    for name in SHAPING:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions
