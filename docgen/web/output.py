"""Documents out of the interview: the HTML review copy of each, and a zip of the .docx.

Both go through ``docgen.render`` (verified by reading back), so what is
previewed is what ``docgen build`` publishes. The preview is the review copy
``docgen build --format html`` writes: clause numbers as text, by pandoc.
"""

from __future__ import annotations

import functools
import html as markup
import re
import tempfile
from pathlib import Path
from typing import Any

import pypandoc

from docgen.answers.kinds import KINDS
from docgen.api.interview import document_file_name, pdf_copies, review_copy, zip_of
from docgen.errors import DocgenError

TITLES: dict[str, str] = {k.kind: k.label for k in KINDS}


@functools.lru_cache(maxsize=32)
def to_html(docx: bytes) -> str:
    """The body of the HTML review copy (clause numbers shown), for the preview page.

    Cached by the document's bytes: pandoc takes most of a second, and a person
    flicks between the documents and back without changing anything.
    """
    with tempfile.TemporaryDirectory(prefix="docgen-web-") as tmp:
        path = Path(tmp) / "preview.docx"
        path.write_bytes(review_copy(docx))
        try:
            html: str = pypandoc.convert_file(str(path), "html5", format="docx",
                                              extra_args=["--wrap=none"])
            return under_title(stackable(html))
        except (OSError, RuntimeError) as exc:
            raise DocgenError(f"the preview could not be made by pandoc ({exc}); the "
                              "documents themselves can still be downloaded") from None


#: a table this many columns wide stacks on a phone (app.css ``docgen-stack``)
STACK_FROM = 4
_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.DOTALL)
_HEADER = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)


def stackable(html: str) -> str:
    """Pandoc's HTML with each table of ``STACK_FROM`` or more columns marked to stack on a
    phone, each body cell carrying its column's heading (``data-label``)."""
    def one(found: re.Match[str]) -> str:
        table = found.group(0)
        head, sep, body = table.partition("</thead>")
        labels = [markup.escape(" ".join(re.sub(r"<[^>]+>", "", h).split()))
                  for h in _HEADER.findall(head)]
        if not sep or len(labels) < STACK_FROM:
            return table

        def row(tr: re.Match[str]) -> str:
            cells = iter(labels)
            return re.sub(r"<td\b", lambda _: f'<td data-label="{next(cells, "")}"',
                          tr.group(0))
        body = re.sub(r"<tr\b.*?</tr>", row, body, flags=re.DOTALL)
        head = re.sub(r"^<table\b", '<table class="docgen-stack"', head)
        return head + sep + body
    return _TABLE.sub(one, html)


_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>", re.DOTALL)


def under_title(html: str) -> str:
    """The document's headings demoted below the preview page's own title (its one h1),
    none more than one level below the heading it follows: the document's title was a
    second h1, then its contents and parties h3s, so a screen reader's list of headings
    had two titles and a skipped level. Headings of the same level stay siblings."""
    open_: list[tuple[int, int]] = []  # (level in the document, level shown) of each open

    def one(found: re.Match[str]) -> str:
        level = int(found.group(1))
        while open_ and open_[-1][0] >= level:
            open_.pop()
        shown = min(open_[-1][1] + 1 if open_ else 2, 6)
        open_.append((level, shown))
        return f"<h{shown}{found.group(2)}>{found.group(3)}</h{shown}>"
    return _HEADING.sub(one, html)


def zip_documents(reference: str, documents: dict[str, bytes],
                  extra: dict[str, bytes] | None = None) -> bytes:
    """A zip of the documents, named as ``docgen build`` names them, with fixed dates."""
    named = [(document_file_name(reference, kind), data) for kind, data in documents.items()]
    return zip_of([*named, *(extra or {}).items()])


def pdfs(reference: str, documents: dict[str, bytes]) -> dict[str, bytes]:
    """PDF copies of the documents by LibreOffice (one process; a few seconds), by file name."""
    return pdf_copies({document_file_name(reference, kind): data
                       for kind, data in documents.items()})


def content_disposition(name: str) -> dict[str, Any]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}
