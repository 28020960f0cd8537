"""Every rule, in the order they run and are listed: importing each book registers its
rules with :mod:`docgen.rulebook.registry`."""

from __future__ import annotations

from docgen.rulebook import book, book_agreement, book_legal, book_people, book_posts
from docgen.rulebook.registry import RULES, Rule

# the modules whose rules are in RULES, in registration order
BOOKS = (book, book_posts, book_agreement, book_people, book_legal)

__all__ = ["BOOKS", "RULES", "Rule"]
