"""docgen/kept.py: the bounded memo the libraries, the lint and the interview keep values in."""

from __future__ import annotations

from docgen.kept import Kept


def test_the_least_recently_used_goes_first() -> None:
    kept: Kept[str, int] = Kept(2)
    kept.put("a", 1)
    kept.put("b", 2)
    assert kept.get("a") == 1  # now the most recently used
    kept.put("c", 3)
    assert "b" not in kept and list(kept) == ["a", "c"] and len(kept) == 2
    assert kept.get("b") is None
    kept.put("a", 4)  # kept again: the new value, the most recently used
    kept.put("d", 5)
    assert list(kept) == ["a", "d"] and kept.get("a") == 4
    kept.clear()
    assert not kept
