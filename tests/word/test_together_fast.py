"""verify's "named together" test (docgen.word.together) finds a value with str.find over
all segments at once: it must answer as testing each segment in turn did, and so must
readback.norm's short cut for text that is already normal."""

from __future__ import annotations

import random
import re

from docgen.ooxml.readback import norm
from docgen.word.together import Segments, mention_of, together

_WORDS = ["Eastwick", "Westmere", "ICB", "60%", "40%", "Employer", "full", "time", "the",
          "|", "", " ", "£1,000.00", "Eastwick-Vale", "x"]
_SPACES = [" ", "  ", "\t", "\n", "\u00a0", "\u2009", "\u3000", "\x1c", "\u2028", ""]


def _slow(segments: list[str], who: re.Pattern[str], value: str) -> bool:
    value = norm(value)
    return any(value in seg and who.search(seg) for seg in segments)


def test_together_answers_as_testing_each_segment() -> None:
    rnd = random.Random(24)
    for _ in range(3000):
        segments = [" ".join(rnd.choice(_WORDS) for _ in range(rnd.randint(0, 6)))
                    for _ in range(rnd.randint(0, 8))]
        who = mention_of(rnd.sample(["Eastwick", "Westmere", "the Employer", "ICB", ""],
                                    rnd.randint(1, 3)))
        value = rnd.choice([*_WORDS, "60% |", "full time", "a\0b", "Eastwick 60%"])
        assert together(Segments(segments), who, value) == _slow(segments, who, value), (
            segments, who.pattern, value)
        # the blanking-out of the user's own text asks which segments hold it
        held = {i for i, seg in enumerate(segments) if value in seg}
        assert set(Segments(segments).indices_holding(value)) == held, (segments, value)


def test_norm_short_cut_is_the_split_and_join() -> None:
    rnd = random.Random(7)
    pieces = [*_SPACES, "a", "b", ".", "\u00e9", "\u200b", "\ufeff", "\x00"]
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        assert norm(text) == " ".join(text.split()), repr(text)
