"""The I/O shell: publish posts into an output folder (batches, manifests, the register),
PDF and review copies, redlines, and checks of finished folders.

The modules a one-post build does not use load the first time they are asked for, as
``docgen.publish.convert`` (PEP 562 module ``__getattr__``, as in :mod:`docgen.api`):
PDFs (LibreOffice, through ``subprocess``), review copies, redlines, reading a register
back, checking a finished folder, and the fonts of a house style. Whoever uses one writes
``import docgen.publish`` and, for type checkers and readers, imports the module itself
under ``TYPE_CHECKING``.
"""

from __future__ import annotations

from docgen._lazy import on_first_use

#: loaded on first use: ``docgen build`` of a post with no house style needs none of them
ON_FIRST_USE = ("convert", "fonts", "redline", "register_read", "review", "verify_folder")

__getattr__ = on_first_use(__name__, ON_FIRST_USE)
