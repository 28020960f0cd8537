"""Drafting notes in a draft: each one a Word comment anchored on its paragraph (the
comments part, with its relationship and content type), and all of them in the
'Drafting notes' block at the front; the plain point first, the rule id and key after it
in small grey type.

Apart from :mod:`docgen.ooxml.wordml` (which numbers each paragraph's comments as it
writes the body) because a comment is a part of the package of its own, added to the
zip's members after the body is written, and only when there are notes.
"""

from __future__ import annotations

from docgen.ooxml.wordml import HEADING_STYLE, NOTE_STYLE, W_NS, Note, NoteText, run_xml
from docgen.ooxml.zipfiles import Packed

COMMENTS_PART = "word/comments.xml"
COMMENT_LINKED = ("word/_rels/document.xml.rels", "[Content_Types].xml")  # edited for comments
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


def note_runs(note: NoteText) -> str:
    """The plain point as ordinary text; the rule id and key after it in small grey type."""
    if isinstance(note, Note) and note.small:
        return run_xml(note.text) + run_xml(" " + note.small, small=True)
    return run_xml(str(note))


def comments_xml(comments: list[NoteText], author: str = "docgen") -> bytes:
    """The comments part; no date attribute, so builds stay byte-identical."""
    items = "".join(
        f'<w:comment w:id="{i}" w:author="{author}" w:initials="DG"><w:p>{note_runs(text)}'
        "</w:p></w:comment>" for i, text in enumerate(comments))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:comments xmlns:w="{W_NS}">{items}</w:comments>').encode()


def add_comments_part(members: list[tuple[str, bytes] | Packed], comments: list[NoteText]
                      ) -> list[tuple[str, bytes] | Packed]:
    """Add (or replace) the comments part, its relationship and its content type."""
    if not comments:
        return members
    out: list[tuple[str, bytes] | Packed] = []
    for member in members:
        name = member.name if isinstance(member, Packed) else member[0]
        if name == COMMENTS_PART:
            continue
        if isinstance(member, Packed) or name not in COMMENT_LINKED:
            out.append(member)
            continue
        text = member[1].decode("utf-8")
        if name == "word/_rels/document.xml.rels" and COMMENTS_REL not in text:
            text = text.replace("</Relationships>", f'<Relationship Id="rIdDocgenComments" '
                                f'Type="{COMMENTS_REL}" Target="comments.xml"/>'
                                "</Relationships>")
        elif name == "[Content_Types].xml" and "/word/comments.xml" not in text:
            text = text.replace("</Types>", '<Override PartName="/word/comments.xml" '
                                f'ContentType="{COMMENTS_TYPE}"/></Types>')
        out.append((name, text.encode("utf-8")))
    out.append((COMMENTS_PART, comments_xml(comments)))
    return out


def note_paragraphs(title: str, notes: list[NoteText]) -> str:
    """The 'Drafting notes' block at the front of a draft."""
    if not notes:
        return ""
    parts = [f'<w:p><w:pPr><w:pStyle w:val="{HEADING_STYLE}"/></w:pPr>{run_xml(title)}</w:p>']
    parts += [f'<w:p><w:pPr><w:pStyle w:val="{NOTE_STYLE}"/></w:pPr>{note_runs(n)}</w:p>'
              for n in notes]
    return "".join(parts)
