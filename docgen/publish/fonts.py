"""Fonts a house style names that this computer does not have (a warning, not an error).

Word shows the font wherever it is installed, so the documents are right; but a PDF made
here (LibreOffice) uses a substitute, so whoever prints or checks it should know. The
font list comes from fontconfig (``fc-list``, as LibreOffice uses) where there is one,
else from the names of the files in the usual font folders.

A font with a *metric-compatible* twin installed is not missing for this purpose: the twin
has the same width for every character (fontconfig and LibreOffice put Liberation Sans in
for Arial), so a PDF made here breaks lines and pages where Word does. Without that, every
council in Arial or Times New Roman was warned on a Linux server with only the Liberation
fonts; a font with a twin that is not installed is named with the twin to install.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

from docgen.errors import Problem
from docgen.pipeline import Checked
from docgen.word.housestyle import style_key

FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts",
             "/Library/Fonts", "/System/Library/Fonts", "~/Library/Fonts",
             os.path.join(os.environ.get("WINDIR", "C:\\Windows"), "Fonts"))
MAX_FONT_FILES = 20_000

#: fonts common in council and NHS house styles -> their metric-compatible free twins
#: (squashed names), with the Debian package that has them
METRIC_TWINS: dict[str, tuple[tuple[str, ...], str]] = {
    "arial": (("liberationsans", "arimo"), "fonts-liberation"),
    "helvetica": (("liberationsans", "arimo"), "fonts-liberation"),
    "timesnewroman": (("liberationserif", "tinos"), "fonts-liberation"),
    "couriernew": (("liberationmono", "cousine"), "fonts-liberation"),
    "calibri": (("carlito",), "fonts-crosextra-carlito"),
    "cambria": (("caladea",), "fonts-crosextra-caladea"),
}


#: what a font name loses when compared (compiled as the module loads, so the command's table
#: of compiled patterns keeps it)
_NOT_ALNUM = re.compile(r"[^a-z0-9]")


def _squash(name: str) -> str:
    return _NOT_ALNUM.sub("", name.lower())


@lru_cache(maxsize=1)
def installed_fonts() -> frozenset[str]:
    """Squashed family names (``liberationsans``) or font file stems, once per process."""
    fc = shutil.which("fc-list")
    if fc:
        try:
            out = subprocess.run([fc, ":", "family"], capture_output=True, text=True,
                                 timeout=10, check=False).stdout
            names = {_squash(n) for line in out.splitlines() for n in line.split(",")}
            if names:
                return frozenset(names)
        except (OSError, subprocess.SubprocessError):
            pass
    found: set[str] = set()
    for folder in FONT_DIRS:
        root = Path(folder).expanduser()
        if not root.is_dir():
            continue
        for i, path in enumerate(root.rglob("*")):
            if i > MAX_FONT_FILES:
                break
            if path.suffix.lower() in (".ttf", ".otf", ".ttc"):
                found.add(_squash(path.stem.split("-")[0]))
    return frozenset(found)


def missing_font_warnings(checked: Checked) -> list[Problem]:
    """One warning per font a chosen house style names that is not installed here."""
    if not any(choice.style.fonts for choice in checked.styles.values()):
        return []  # nothing to look for: fontconfig is not asked (a process, 5-10 ms)
    have = installed_fonts()
    if not have:
        return []  # no way to tell: say nothing rather than warn about every font
    index = {p.id: i for i, p in enumerate(checked.answers.parties)}
    out: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for choice in checked.styles.values():
        for font in choice.style.fonts:
            name = _squash(font)
            twins, package = METRIC_TWINS.get(name, ((), ""))
            if name in have or any(t in have for t in twins) or (
                    choice.party, font) in seen:
                continue
            seen.add((choice.party, font))
            fix = (f"install the font, or its twin of the same measurements (Debian's "
                   f"{package} package)" if package else "install the font")
            out.append(checked.located.problem(
                style_key(index[choice.party]),
                f"{choice.path.name} uses the font '{font}', which is not installed on this "
                "computer; Word shows it where it is installed, but PDFs made here use a "
                f"substitute, so lines and pages may break elsewhere. For PDFs that break as "
                f"Word does, {fix} on this computer", severity="warning", rule="HOUSE_STYLE"))
    return out


__all__ = ["installed_fonts", "missing_font_warnings"]
