"""A template part is compiled with each paragraph on a line of its own, and the rendered
part is joined again before it is zipped, so no line break is written into a document
(:mod:`docgen.word.templatecache` prepares the parts, :mod:`docgen.word.fill` joins them)."""

from __future__ import annotations

import re

#: a paragraph's start tag (compiled as the module loads, so the command's table of compiled
#: patterns keeps it: :mod:`docgen._codecache`)
_PARAGRAPH = re.compile(r"<w:p([ >])")


def paragraphs_on_lines(xml: str) -> str:
    """Each ``<w:p>`` on a line of its own, as a part is compiled as a template (the
    rendered part goes through :func:`paragraphs_joined`, so no line break is written)."""
    return _PARAGRAPH.sub(r"\n<w:p\1", xml)


def paragraphs_joined(xml: str) -> str:
    r"""A rendered part without the line breaks :func:`paragraphs_on_lines` put in (two
    plain replaces: the same as ``re.sub(r"\n<w:p([ >])", r"<w:p\1")`` without a Python
    call per match, on every part of every document)."""
    return xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")


def paragraphs_joined_utf8(xml: str) -> bytes:
    """``paragraphs_joined(xml).encode("utf-8")``, joined on the UTF-8 bytes: a document
    part holds a few hundred paragraphs, and each ``str.replace`` of its text (not ASCII:
    the templates hold dashes) costs as much as encoding it; two ``bytes.replace`` take a
    fifth fewer instructions than one regular expression finding the same breaks (whose
    engine steps through every byte of the part). Text that UTF-8 cannot encode is joined
    first, so the error names its place in the joined text."""
    try:
        data = xml.encode("utf-8")
    except UnicodeEncodeError:
        return paragraphs_joined(xml).encode("utf-8")
    return data.replace(b"\n<w:p ", b"<w:p ").replace(b"\n<w:p>", b"<w:p>")


__all__ = ["paragraphs_on_lines", "paragraphs_joined", "paragraphs_joined_utf8"]
