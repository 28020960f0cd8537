"""Shortcuts in filling a template give exactly what the plain way gave: a rendered part's
line breaks taken out of its UTF-8 bytes in one pass (``paragraph_lines.paragraphs_joined_utf8``),
and a small part zipped with the same bytes as before taken as deflated then
(``zipfiles._pack_small``)."""

from __future__ import annotations

import io
import random
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st

import docgen
from docgen.ooxml import paragraph_lines, zipfiles
from docgen.resources import BUILTIN_EXAMPLES

PIECES = ["\n", "<w:p ", "<w:p>", "<w:p", "<w:pPr>", "\n<w:p ", "\n\n<w:p>", "\n<w:r>", "p>",
          "<w:", " ", ">", "–", "é", "£", "\r", "x", "</w:p>", "\n<w:p\n<w:p ", "\U0001f600"]


def _plain(xml: str) -> bytes | str:
    try:
        return paragraph_lines.paragraphs_joined(xml).encode("utf-8")
    except UnicodeEncodeError as exc:
        return str(exc)


def _fast(xml: str) -> bytes | str:
    try:
        return paragraph_lines.paragraphs_joined_utf8(xml)
    except UnicodeEncodeError as exc:
        return str(exc)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40))
def test_joined_bytes_are_the_joined_text_encoded(pieces: list[str]) -> None:
    xml = "".join(pieces)
    assert _fast(xml) == _plain(xml)


def test_a_character_utf8_cannot_hold_is_reported_where_the_joined_text_has_it() -> None:
    xml = "<w:document>" + "\n<w:p>a</w:p>" * 5 + "\ud800" + "\n<w:p>b</w:p>"
    said = _fast(xml)
    assert said == _plain(xml) and isinstance(said, str)
    assert "position 72" in said  # in the joined text (77 in the text as rendered)


def test_the_rendered_parts_of_the_examples_join_alike() -> None:
    result = docgen.render(BUILTIN_EXAMPLES / "shared-head-of-hr.yaml")
    for data in result.documents.values():
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for name in ("word/document.xml", "word/header1.xml", "word/footer1.xml"):
                xml = paragraph_lines.paragraphs_on_lines(z.read(name).decode("utf-8"))
                assert _fast(xml) == _plain(xml) == z.read(name)


def test_small_parts_zipped_again_are_the_members_packing_makes() -> None:
    rng = random.Random(24)
    words = [b"<w:p>", b"</w:p>", b"Page ", b"DRAFT", b"\xe2\x80\x93", b" ", b"REF-1"]
    parts = [(f"word/part{i}.xml", b"".join(rng.choice(words) for _ in range(rng.randint(0, n))))
             for i, n in enumerate([0, 1, 40, 400, 3000, 9000, 20000, 400])]
    small = sum(len(d) <= zipfiles.SMALL_PART for _, d in parts)
    assert 0 < small < len(parts)
    hits = zipfiles._pack_small.cache_info().hits
    for level in (1, 6):
        expected = zipfiles.write_zip([zipfiles.pack(n, d, level) for n, d in parts])
        for _ in range(3):  # made again: the small ones come from the cache
            assert zipfiles.write_zip(parts, level) == expected
    assert zipfiles._pack_small.cache_info().hits - hits >= 2 * 2 * small
