"""Every mistake of a clause book found in one import: each paragraph that cannot be read,
and each clause whose conditions do not pair up, is reported with the others (each naming its
clause and paragraph), so that a lawyer corrects them all in one round; still nothing is
written while any is left."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from docgen.clauses.book import MARKER
from docgen.clauses.booklines import CONTROLS
from docgen.errors import DocgenError
from docgen.ooxml.book import BookPara

#: a paragraph that cannot be read stands in for itself, in the clause's text, as its
#: condition and repetition markers alone: the clause's markers are still paired up
STAND_IN = {"if": "{% if x %}", "elif": "{% elif x %}", "else": "{% else %}",
            "endif": "{% endif %}", "for": "{% for x in y %}", "endfor": "{% endfor %}"}


class BookProblems(DocgenError):
    """Several mistakes of one book, each a sentence naming its clause and paragraph."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(dict.fromkeys(problems))
        if len(self.problems) == 1:
            super().__init__(self.problems[0])
        else:
            super().__init__(f"{len(self.problems)} problems; correct each of them in the "
                             "book and import it again:\n  " +
                             "\n  ".join(f"{n}. {p}" for n, p in enumerate(self.problems, 1)))


class Problems:
    """The mistakes found so far: :meth:`each` collects the one a check raises, and
    :meth:`raise_any` raises them all together."""

    def __init__(self) -> None:
        self.found: list[str] = []

    @contextmanager
    def each(self) -> Iterator[None]:
        try:
            yield
        except BookProblems as exc:
            self.found += exc.problems
        except DocgenError as exc:
            self.found.append(str(exc))

    def raise_any(self) -> None:
        if self.found:
            raise BookProblems(self.found)


def stand_in(para: BookPara) -> str:
    """The line a paragraph that cannot be read stands for: its condition and repetition
    markers only (or a word, so that the clause keeps one line a paragraph)."""
    tags = []
    for m in MARKER.finditer(para.text):
        inner = m.group(0)[1:-1].strip()
        word = next((w for pattern, w in CONTROLS if m.group(0).startswith("⟦")
                     and pattern.match(inner)), None)
        if word in STAND_IN:
            tags.append(STAND_IN[word])
    return "".join(tags) or "x"
