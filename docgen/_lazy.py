"""A package's submodules loaded the first time they are asked for (PEP 562 module
``__getattr__``): ``docgen.publish.convert`` imports ``docgen.publish.convert`` then, so a
one-post build never pays for PDFs, redlines or house styles it does not use."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType


def on_first_use(package: str, names: tuple[str, ...]) -> Callable[[str], ModuleType]:
    """The ``__getattr__`` of ``package`` that imports each of its submodules ``names`` when
    first asked for; any other missing name is an AttributeError, as without it."""

    def __getattr__(name: str) -> ModuleType:
        if name in names:
            return importlib.import_module(f"{package}.{name}")
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
