"""Documents out of the interview: the HTML review copy of each, and a zip of the .docx.

Both go through ``docgen.render`` (verified by reading back), so what is
previewed is what ``docgen build`` publishes. The preview is the review copy
``docgen build --format html`` writes: clause numbers as text, by pandoc.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path
from typing import Any

import pypandoc

from docgen.answers.kinds import KINDS
from docgen.errors import DocgenError
from docgen.ooxml.packages import archive
from docgen.publish.convert import find_soffice, to_pdf
from docgen.publish.review import numbered_copy

SUFFIX: dict[str, str] = {k.kind: k.suffix for k in KINDS}
TITLES: dict[str, str] = {k.kind: k.label for k in KINDS}


def file_name(reference: str, kind: str) -> str:
    return f"{reference}-{SUFFIX.get(kind, kind)}.docx"


@functools.lru_cache(maxsize=32)
def to_html(docx: bytes) -> str:
    """The body of the HTML review copy (clause numbers shown), for the preview page.

    Cached by the document's bytes: pandoc takes most of a second, and a person
    flicks between the documents and back without changing anything.
    """
    with tempfile.TemporaryDirectory(prefix="docgen-web-") as tmp:
        path = Path(tmp) / "preview.docx"
        path.write_bytes(numbered_copy(docx))
        try:
            html: str = pypandoc.convert_file(str(path), "html5", format="docx",
                                              extra_args=["--wrap=none"])
            return html
        except (OSError, RuntimeError) as exc:
            raise DocgenError(f"the preview could not be made by pandoc ({exc}); the "
                              "documents themselves can still be downloaded") from None


def zip_documents(reference: str, documents: dict[str, bytes],
                  extra: dict[str, bytes] | None = None) -> bytes:
    """A zip of the documents, named as ``docgen build`` names them, with fixed dates."""
    named = [(file_name(reference, kind), data) for kind, data in documents.items()]
    return archive([*named, *(extra or {}).items()])


def pdf_available() -> bool:
    """LibreOffice is installed, so the zip can carry PDFs too."""
    try:
        find_soffice()
    except DocgenError:
        return False
    return True


def pdfs(reference: str, documents: dict[str, bytes]) -> dict[str, bytes]:
    """PDF copies of the documents by LibreOffice (one process; a few seconds), by file name."""
    with tempfile.TemporaryDirectory(prefix="docgen-web-pdf-") as tmp:
        paths = []
        for kind, data in documents.items():
            path = Path(tmp) / file_name(reference, kind)
            path.write_bytes(data)
            paths.append(path)
        return {p.name: p.read_bytes() for p in to_pdf(paths, jobs=1)}


def content_disposition(name: str) -> dict[str, Any]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}
