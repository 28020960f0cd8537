"""Bounded memos of what a pure check finds in a text, keyed by the text's SHA-256 digest.

The lint finds the same things in the same clause texts each time one process lints the
library again (an import lints it as it would be; tests lint the built-in library many
times). A memo keyed by the text itself would keep every text alive (a clause file may hold
200 kB, and a server lints many folders); keyed by its digest, an entry costs the digest,
what was found and a reference to its configuration (one object for every text linted with
an equal one), and a text of any length is remembered. Only what is found from the text
and immutable configuration (given as a hashable ``config``) may be remembered: never what
depends on a file, unless the key holds its content. Values must be immutable (tuples,
frozensets, frozen dataclasses), as every caller gets the same one.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from docgen.kept import Kept

V = TypeVar("V")
#: configurations a memo keeps one object of (a library's terms; a few libraries at once)
CONFIGS_KEPT = 64


def text_digest(text: str) -> bytes:
    """The SHA-256 of ``text`` (a lone surrogate, which YAML's escapes can write, encoded as
    itself, so two texts never share a digest by failing to encode alike)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class TextMemo(Generic[V]):
    """What ``make`` found in a text with a configuration, remembered for up to ``size``
    (text, configuration) pairs, the least recently used going first."""

    def __init__(self, size: int) -> None:
        self._found: Kept[tuple[bytes, Hashable], V] = Kept(size)
        #: each configuration once (a caller makes new frozensets for every text it asks
        #: about: a key keeping its own would hold hundreds of words an entry)
        self._configs: dict[Hashable, Hashable] = {}
        self._lock = threading.Lock()  # a server may lint in several threads at once
        self.misses = 0  # how many times ``make`` ran (for tests)

    def get(self, text: str, config: Hashable, make: Callable[[], V]) -> V:
        """``make()`` for ``text`` and ``config``, or what it returned before for them."""
        with self._lock:
            config = self._configs.setdefault(config, config)
            if len(self._configs) > CONFIGS_KEPT:  # a server linting many folders
                self._configs = {config: config}
        key = (text_digest(text), config)
        found = self._found.get(key)
        if found is not None:
            return found
        value = make()  # outside any lock: a slow parse does not hold up other threads
        with self._lock:
            self.misses += 1
        self._found.put(key, value)
        return value

    def __len__(self) -> int:
        return len(self._found)

    def clear(self) -> None:
        """Forget everything (a test measuring a cold lint)."""
        self._found.clear()
        with self._lock:
            self._configs.clear()
