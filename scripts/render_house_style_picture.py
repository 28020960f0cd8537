"""Render the picture in docs/house-style.md: the first page of the styled example's
contract, built by docgen, converted to PDF by LibreOffice and to PNG by pdftoppm.

Run from a checkout after changing the example styles or templates:
``python scripts/render_house_style_picture.py`` (needs ``soffice`` and ``pdftoppm``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen import build  # noqa: E402

EXAMPLE = ROOT / "inputs" / "shared-head-of-hr-house-style.yaml"
TARGET = ROOT / "docs" / "house-style-first-page.png"
KINDS = ("contract", "agreement")


def main() -> None:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        sys.exit("needs LibreOffice (soffice) and poppler-utils (pdftoppm)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        report = build([EXAMPLE], out / "out", jobs=1)
        if not report.ok:
            sys.exit(f"the styled example did not build: {report.posts[0].message}")
        folder = out / "out" / report.posts[0].reference
        docs = [folder / f"{report.posts[0].reference}-{kind.replace('_', '-')}.docx"
                for kind in KINDS]
        subprocess.run([soffice, f"-env:UserInstallation=file://{out / 'profile'}",
                        "--headless", "--convert-to", "pdf", "--outdir", str(out),
                        *map(str, docs)], check=True, capture_output=True, timeout=300)
        for doc, target in zip(docs, (TARGET, TARGET.with_name("house-style-agreement.png")),
                               strict=True):
            stem = out / doc.stem
            subprocess.run([pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1",
                            "-singlefile", str(out / (doc.stem + ".pdf")), str(stem)],
                           check=True, timeout=120)
            shutil.copyfile(stem.with_suffix(".png"), target)
            print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
