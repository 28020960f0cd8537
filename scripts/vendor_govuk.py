"""Copy GOV.UK Frontend into docgen/web/static, without the GOV.UK-only font.

Usage: npm pack govuk-frontend@5.14.0 && tar xzf govuk-frontend-5.14.0.tgz
       python scripts/vendor_govuk.py package

Outside GOV.UK the GDS Transport font and the crown may not be used, so the
@font-face rules are dropped and the font stack becomes the system's.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

SYSTEM_FONTS = 'system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif'
MIT = """MIT License (govuk-frontend's package.json: "license": "MIT")

Copyright (c) 2016 Government Digital Service

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def main(package: Path) -> None:
    version = json.loads((package / "package.json").read_text())["version"]
    dist = package / "dist" / "govuk"
    out = Path(__file__).resolve().parent.parent / "docgen/web/static" / f"govuk-frontend-{version}"
    out.mkdir(parents=True, exist_ok=True)
    css = (dist / "govuk-frontend.min.css").read_text(encoding="utf-8")
    css = re.sub(r"@font-face\{[^}]*\}", "", css)
    css = css.replace("GDS Transport,arial,sans-serif", SYSTEM_FONTS)
    css = css.replace("font-family:GDS Transport", f"font-family:{SYSTEM_FONTS}")
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
    (out / "govuk-frontend.min.css").write_text(css, encoding="utf-8")
    js = (dist / "govuk-frontend.min.js").read_text(encoding="utf-8")
    js = re.sub(r"//# sourceMappingURL=\S+", "", js)
    (out / "govuk-frontend.min.js").write_text(js, encoding="utf-8")
    (out / "LICENSE").write_text(MIT, encoding="utf-8")
    (out / "README.md").write_text(
        f"GOV.UK Frontend {version} (npm `govuk-frontend`), copied by scripts/vendor_govuk.py.\n"
        "Changed: the GDS Transport @font-face rules removed and the font stack replaced by\n"
        "the system's (the font and the crown are for GOV.UK only); no fonts or images are\n"
        "shipped.\n", encoding="utf-8")
    shutil.rmtree(out / "assets", ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
