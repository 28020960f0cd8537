"""The versions of the libraries that shape a document's bytes, for the manifest.

A docxtpl, python-docx, lxml or Jinja upgrade can change the output with the
same inputs; recording them says which stack built a document.

Installers name each distribution's metadata folder ``{name}-{version}.dist-info``
(the packaging specification's "Recording installed projects"), so the versions are
read from the folder names on ``sys.path``, first match winning as for
:mod:`importlib.metadata`: one listing of each folder, 0.7 ms for five libraries where
``importlib.metadata.distribution`` took 2.5 ms here (it searches the path once for each
name; more where more is installed). It remains the fallback, for an ``.egg-info``
install or a zipped path, and is imported only then: importing it took 11-14 ms of a
one-post build's start.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib import metadata

SHAPING = ("docxtpl", "python-docx", "lxml", "jinja2")


@cache
def library_versions() -> dict[str, str]:
    """Distribution name → installed version (``"not installed"`` if absent)."""
    return {name: installed_version(name) for name in SHAPING}


@cache
def installed_version(name: str) -> str:
    """The installed version of distribution ``name`` (``"not installed"`` if absent),
    found without importing it."""
    found = _dist_info_versions(tuple(sys.path)).get(_normal(name))
    return found if found is not None else _from_metadata(name)


#: what a distribution name's separators are (compiled as the module loads, so the command's
#: table of compiled patterns keeps it)
_SEPARATORS = re.compile(r"[-_.]+")


def _normal(name: str) -> str:
    """A distribution name as the specification compares them (``python_docx`` is
    ``python-docx``, ``Jinja2`` is ``jinja2``)."""
    return _SEPARATORS.sub("-", name).lower()


@cache
def _dist_info_versions(path: tuple[str, ...]) -> dict[str, str]:
    """Normal name → version of each ``.dist-info`` folder on ``path``, the first wins."""
    versions: dict[str, str] = {}
    for entry in path:
        try:
            names = os.listdir(entry or ".")
        except OSError:  # a zip, a folder since removed
            continue
        for folder in names:
            if not folder.endswith(".dist-info"):
                continue
            dist, _, version = folder[:-len(".dist-info")].partition("-")
            if dist and version:
                versions.setdefault(_normal(dist), version)
    return versions


def _from_metadata(name: str) -> str:
    """The slow way, for what the folder names do not say."""
    found = importlib.import_module("importlib.metadata")
    try:
        return _version(found.distribution(name))
    except found.PackageNotFoundError:
        return "not installed"


def _version(dist: metadata.Distribution) -> str:
    """The ``Version`` header of the distribution's metadata, read from the headers alone:
    ``Distribution.version`` parses the whole file (the long description too) with the
    e-mail parser, 1.5 ms of a one-post build for four libraries."""
    for line in (dist.read_text("METADATA") or "").splitlines():
        if line.startswith("Version:"):
            return line.partition(":")[2].strip()
        if not line.strip():  # the end of the headers
            break
    return dist.version or "unknown"  # None: metadata without a version
