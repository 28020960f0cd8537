"""The hash of the source of some modules, to name what their code makes by it.

A cache entry named by the hash of the code that made it is never served to other code:
an edited module names new entries, without anyone remembering to bump a number. The
command line's cache folder (:func:`docgen.clauses.cachefolder.code_hash`) and the answer
model's kept validator (:mod:`docgen.answers.prepared`) both name their entries so.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType


def source_hash(modules: Iterable[ModuleType | None], versions: Sequence[str] = ()
                ) -> str | None:
    """The hash of ``versions`` (of the libraries the code calls, and such) and of each
    module's source; None when a module is missing, built in or frozen, or its source
    cannot be read: the caller then keeps no entries."""
    code = hashlib.sha256("\0".join(versions).encode())
    for module in modules:
        source = getattr(module, "__file__", None)
        if source is None:
            return None
        try:
            code.update(Path(source).read_bytes())
        except OSError:
            return None
    return code.hexdigest()
