"""Every rule, in the order they run and are listed: importing each book registers its
rules with :mod:`docgen.checks.registry`."""

from __future__ import annotations

from docgen.checks import book, book_posts
from docgen.checks.registry import RULES, Rule

BOOKS = (book, book_posts)  # the modules whose rules are in RULES, in registration order

__all__ = ["BOOKS", "RULES", "Rule"]
