"""Stage 2: the facts every document states, computed once (money in Decimal, dates, wording).

The facts as plain data (``docgen.check(...).facts``) load the first time they are asked
for, as ``docgen.facts.export`` (PEP 562 module ``__getattr__``, see :mod:`docgen.publish`):
a build from the command line never uses them.
"""

from __future__ import annotations

import importlib
from types import ModuleType

#: loaded on first use
ON_FIRST_USE = ("export",)


def __getattr__(name: str) -> ModuleType:
    if name in ON_FIRST_USE:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
