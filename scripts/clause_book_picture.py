"""Draw docs/clause-book-page.png: a page of the agreement's clause book as Word prints it.

Exports the book, converts it to PDF with LibreOffice and renders the page holding the
finance clause with pdftoppm (poppler-utils). Run again after changing how the book looks
(docgen/ooxml/book.py, docgen/data/clause-book.yaml).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen.clauses.library import load_library  # noqa: E402
from docgen.word.clausebook import export_book  # noqa: E402

TARGET = ROOT / "docs" / "clause-book-page.png"
PAGE_WITH = "[agreement.confidentiality, version"


def main() -> None:
    soffice = shutil.which("soffice") or sys.exit("needs LibreOffice (soffice)")
    for tool in ("pdftoppm", "pdftotext"):
        shutil.which(tool) or sys.exit(f"needs {tool} (apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "book.docx"
        book.write_bytes(export_book(load_library(), "agreement"))
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/lo", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(book)],
                       check=True, capture_output=True, timeout=300)
        pdf = Path(tmp) / "book.pdf"
        pages = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                               text=True).stdout.split("\f")
        page = next(i for i, text in enumerate(pages, 1) if PAGE_WITH in text)
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(TARGET.with_suffix(""))], check=True)
    print(f"drew page {page} of the agreement's clause book in {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
