"""Stage 2: the facts every document states, computed once (money in Decimal, dates, wording)."""
