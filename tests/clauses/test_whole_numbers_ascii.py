"""A superscript two passes ``str.isdigit`` but not ``int()``: where docgen read a whole
number that way, a clause file's ``version: ²`` (and a crafted form or Content-Length
header in the interview) ended in a traceback instead of the usual message."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.clauses.library import _whole_number
from docgen.errors import DocgenError


@pytest.mark.parametrize("value", ["²", "¹²", " ³ "])
def test_a_superscript_version_is_not_a_whole_number(value: str) -> None:
    with pytest.raises(DocgenError, match="is not a whole number"):
        _whole_number(Path("clauses/x.yaml"), {"version": value}, "version", 1)


def test_a_plain_version_is_read() -> None:
    assert _whole_number(Path("clauses/x.yaml"), {"version": " 3 "}, "version", 1) == 3
