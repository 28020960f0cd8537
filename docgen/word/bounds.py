"""Moved to :mod:`docgen.ooxml.bounds` (zip handling lives in ``ooxml/``); this name stays
only until the intake branch in flight, which imports it, is merged. Import from
``docgen.ooxml.bounds``."""

from docgen.ooxml.bounds import MAX_DOCX_BYTES, check_docx_bounds, read_docx_bytes

__all__ = ["MAX_DOCX_BYTES", "check_docx_bounds", "read_docx_bytes"]
