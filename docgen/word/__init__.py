"""Stage 5: Word documents: fill the templates, drafting notes, and read-back verification.

What only some posts need loads the first time it is asked for, as
``docgen.word.styling`` (PEP 562 module ``__getattr__``, see :mod:`docgen.publish`):
house styles (``styling``, with the house-style modules of ``ooxml/``), for a post that
names one, and the wording of drafting notes (``note_wording``), for a draft with a note.
"""

from __future__ import annotations

from docgen._lazy import on_first_use

#: loaded on first use: a post in docgen's own style, with no open warning, needs neither
ON_FIRST_USE = ("note_wording", "styling")

__getattr__ = on_first_use(__name__, ON_FIRST_USE)
