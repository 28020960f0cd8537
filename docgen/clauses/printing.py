"""How clause text prints a value: ``{{ value }}`` compiled to one call.

Jinja compiles ``{{ value }}`` in an autoescaping environment to
``escape(environment.finalize(value))``. Clause text's finalize
(:func:`docgen.clauses.engine.finalize`) escapes every value itself and returns markup,
so Jinja's escape only made a copy of it: about a microsecond of each of the 150 values a
document prints. :class:`FinalizedOutput` compiles the call alone for a finalize marked
:func:`escaping`; what a template prints is only ever joined into text, so the text is the
same. (Part of the code that compiles clause text: the bytecode cache is named for it.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame

#: the mark of a ``finalize`` that escapes every value itself (:func:`escaping`)
ESCAPES = "docgen_escapes"


def escaping(finalize: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Mark ``finalize`` as returning every value escaped (markup, or ``""``), so that a
    :class:`~docgen.clauses.sandbox.BoundedEnvironment` prints what it returns as it is."""
    setattr(finalize, ESCAPES, True)
    return finalize


class FinalizedOutput(CodeGenerator):
    """Code that prints ``{{ value }}`` as ``environment.finalize(value)`` where Jinja
    writes ``escape(environment.finalize(value))``: for a finalize marked :func:`escaping`,
    the second escape only copied its markup (a microsecond of each of the 150 values a
    document prints). The text printed is the same: what is printed is only ever joined."""

    def _output_child_pre(self, node: nodes.Expr, frame: Frame,
                          finalize: CodeGenerator._FinalizeInfo) -> None:
        if _finalized(frame, finalize):
            self.write("environment.finalize(")
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Frame,
                           finalize: CodeGenerator._FinalizeInfo) -> None:
        if _finalized(frame, finalize):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


def _finalized(frame: Frame, finalize: CodeGenerator._FinalizeInfo) -> bool:
    """Jinja would write ``escape(environment.finalize(...))`` here (autoescaping known when
    compiling, a finalize taking only the value)."""
    ctx = frame.eval_ctx
    return bool(ctx.autoescape) and not ctx.volatile and finalize.src == "environment.finalize("
