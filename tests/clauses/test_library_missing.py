"""An install without the standard clauses is refused with a way to reinstall that works:
"pip install --force-reinstall docgen" fetched another project of that name from PyPI."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.clauses.library import require_library
from docgen.errors import DocgenError


def test_an_empty_library_says_how_to_reinstall_from_the_clone_or_the_wheel(
        tmp_path: Path) -> None:
    with pytest.raises(DocgenError) as caught:
        require_library(tmp_path)
    said = str(caught.value)
    assert str(tmp_path) in said
    assert "pip install --force-reinstall -e ." in said
    assert 'pip install --force-reinstall "path/to/docgen-<version>-py3-none-any.whl"' in said
    assert "force-reinstall docgen" not in said
