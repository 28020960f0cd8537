""""Does this value appear in the documents?" for thousands of values at once.

Read-back checks that each free-text value of the answer file appears in a document.
Asked one value at a time (``value in text``), a post with 30,000 list items scans a
300,000-character text 30,000 times (seconds to minutes, holding a core). The index
here is built once, in one pass: the text's word starts, keyed on their first
characters; a value is then looked up, not searched for. Only a value that does not
start a word in the text (rare) is searched for the slow way.
"""

from __future__ import annotations

import re

KEY = 8  # characters a word start is keyed on
_WORD_START = re.compile(r"(?<!\w)")  # the start of the text, and after every non-word char


class TextIndex:
    """Substring tests on one long text, fast for values that start at a word start."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.positions = [m.start() for m in _WORD_START.finditer(text)]
        self.starts: dict[str, list[int]] = {}
        for i in self.positions:
            self.starts.setdefault(text[i:i + KEY], []).append(i)
        self.short: dict[int, set[str]] = {}  # by length, made when a value that short comes

    def _short(self, length: int) -> set[str]:
        found = self.short.get(length)
        if found is None:
            text = self.text
            found = self.short[length] = {text[i:i + length] for i in self.positions}
        return found

    def __contains__(self, value: str) -> bool:
        if len(value) < KEY:
            if value in self._short(len(value)):
                return True
        elif any(self.text.startswith(value, i) for i in self.starts.get(value[:KEY], ())):
            return True
        return value in self.text  # inside a word, or absent: the full search
