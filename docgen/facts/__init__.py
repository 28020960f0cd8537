"""Stage 2: the facts every document states, computed once (money in Decimal, dates, wording).

The facts as plain data (``docgen.check(...).facts``) load the first time they are asked
for, as ``docgen.facts.export`` (PEP 562 module ``__getattr__``, see :mod:`docgen.publish`):
a build from the command line never uses them.
"""

from __future__ import annotations

from docgen._lazy import on_first_use

#: loaded on first use
ON_FIRST_USE = ("export",)

__getattr__ = on_first_use(__name__, ON_FIRST_USE)
