"""A bounded memo safe across threads: what was worked out last kept, the least recently
used dropped first.

docgen keeps what it has worked out already in several places: the clause libraries a
server alternates between, the interview's checks and the YAML it read and wrote, what the
clause lint found in each text. Each is a :class:`Kept` with its own key and bound; what a
value depends on must all be in its key (or, for the interview's checks, in its key and
its age). Values are shared by every caller: keep them immutable, or hand out copies.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Kept(Generic[K, V]):
    """Up to ``size`` values by key (None is never a value: :meth:`get` says "not kept")."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        """The value kept for ``key`` (now the most recently used), or None."""
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        """Keep ``value`` for ``key``, dropping the least recently used beyond ``size``."""
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __len__(self) -> int:
        return len(self._values)

    def __iter__(self) -> Iterator[K]:
        """The keys, least recently used first (a copy: the memo may change meanwhile)."""
        with self._lock:
            return iter(list(self._values))
