"""A key of the schedules' words left without words is refused with docgen's own words
for that key as the example (it was "Start date" for every key)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from docgen.errors import DocgenError
from docgen.resources import BUILTIN_TEMPLATES
from docgen.word.wording import WORDING_FILE, wording


@pytest.mark.parametrize(("old", "new", "example"), [
    ("  salary: Salary\n", '  salary: ""\n', "salary: Salary"),
    ('  hours_value: "{hours} hours a week over {days} days"\n', '  hours_value: " "\n',
     "hours_value: '{hours} hours a week over {days} days'"),  # quoted: YAML
])
def test_a_key_without_words_is_shown_docgen_s_own_words_for_it(
        tmp_path: Path, old: str, new: str, example: str) -> None:
    folder = tmp_path / "templates"
    shutil.copytree(BUILTIN_TEMPLATES, folder)
    path = folder / WORDING_FILE
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DocgenError, match=f"e.g. `{re.escape(example)}`; it is "):
        wording(folder)
