"""Two facts standing together: a party named in the same paragraph or table row as its
figure ("Westmere ... 40%"), found with ``str.find`` over all of a document's segments at
once rather than by testing each segment in turn (the same answer)."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Iterator

from docgen.ooxml.readback import norm


def mention_of(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern finding any of ``words`` (a party's names) as whole words."""
    return _mention(tuple(words))


@functools.lru_cache(maxsize=1024)
def _mention(words: tuple[str, ...]) -> re.Pattern[str]:
    """(remembered per list of names: a post asks for each party's several times a
    document, and a batch's posts share their parties)"""
    alternatives = sorted({norm(w) for w in words if w and w.strip()}, key=len, reverse=True)
    return re.compile("|".join(rf"(?<![\w-]){re.escape(a)}(?![\w-])" for a in alternatives))


class Segments:
    """A document's segments joined by a character no document holds (XML forbids it), so
    that :func:`together` finds a value in all of them with ``str.find`` (in C), then
    looks only at the segments holding it: the same answer as testing every segment."""

    def __init__(self, segments: list[str]) -> None:
        self.segments = segments
        self.joined = "\0".join(segments)
        self._segment_starts: list[int] | None = None

    def holding(self, value: str) -> Iterator[str]:
        """Each segment that contains ``value`` (every one for "", none for a value holding
        the separator, which no segment holds)."""
        if not value:
            yield from self.segments
            return
        joined = self.joined
        for at, end in self._found(value):
            yield joined[joined.rfind("\0", 0, at) + 1:end if end != -1 else len(joined)]

    def indices_holding(self, value: str) -> Iterator[int]:
        """The index of each segment that contains ``value`` (as :meth:`holding`)."""
        if not value:
            yield from range(len(self.segments))
            return
        for at, _ in self._found(value):
            yield bisect.bisect_right(self._starts(), at) - 1

    def _starts(self) -> list[int]:
        """Where each segment begins in :attr:`joined` (and where one more would): made
        when first asked, in C (counting separators up to each place found cost more)."""
        if self._segment_starts is None:
            self._segment_starts = list(itertools.accumulate(
                map((1).__add__, map(len, self.segments)), initial=0))
        return self._segment_starts

    def _found(self, value: str) -> Iterator[tuple[int, int]]:
        """Where ``value`` (not "") is first found in each segment holding it, and where
        that segment ends (-1 for the last)."""
        if "\0" in value:
            return
        joined = self.joined
        at = joined.find(value)
        while at != -1:
            end = joined.find("\0", at + len(value))
            yield at, end
            # on to the next segment: a value holds no separator, so any later match in
            # this one is in the same segment
            at = joined.find(value, end + 1) if end != -1 else -1


def together(doc: Segments, who: re.Pattern[str], value: str) -> bool:
    """True if one paragraph or table row names ``who`` and contains ``value``."""
    return any(who.search(seg) for seg in doc.holding(norm(value)))
