"""A house style's fonts and this computer's: a font whose metric-compatible twin is
installed (Liberation Sans for Arial) breaks lines and pages in a PDF made here as Word
does, so it is not reported; a font without one is, naming the twin to install. (The
warning is about this computer, not the answers, so ``build`` gives it and the pure
``docgen.check`` does not.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from house_style_helpers import make_styles_module, post_using

from docgen import build
from docgen.publish import fonts


def style_in(font: str) -> bytes:
    make = make_styles_module()
    council = make.COUNCILS[0].__class__(**{**make.COUNCILS[0].__dict__, "font": font})
    return make.build(council)


def font_warnings(tmp_path: Path, font: str, installed: set[str],
                  monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setattr(fonts, "installed_fonts", lambda: frozenset(installed))
    (tmp_path / "styles").mkdir()
    (tmp_path / "styles" / "council.docx").write_bytes(style_in(font))
    report = build([post_using(tmp_path, "council.docx")], tmp_path / "out", jobs=1)
    assert report.ok, [str(p) for p in report.posts[0].errors]
    return [str(p) for p in report.posts[0].warnings
            if "not installed on this computer" in str(p)]


@pytest.mark.parametrize(("font", "twin"), [("Arial", "liberationsans"),
                                            ("Times New Roman", "liberationserif"),
                                            ("Calibri", "carlito")])
def test_a_font_whose_twin_is_installed_is_not_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, font: str, twin: str) -> None:
    assert font_warnings(tmp_path, font, {twin, "dejavusans"}, monkeypatch) == []


def test_a_font_without_its_twin_names_the_package_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warnings = font_warnings(tmp_path, "Calibri", {"liberationsans", "dejavusans"},
                             monkeypatch)
    assert len(warnings) == 1, warnings
    assert "council.docx uses the font 'Calibri', which is not installed" in warnings[0]
    # one instruction, said once (it read "To make PDFs here, install …, to see it here")
    assert warnings[0].endswith(
        "For PDFs that break as Word does, install the font, or its twin of the same "
        "measurements (Debian's fonts-crosextra-carlito package) on this computer"), warnings


def test_a_font_with_no_known_twin_is_still_reported(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    warnings = font_warnings(tmp_path, "Frutiger Council Sans", {"liberationsans"},
                             monkeypatch)
    assert len(warnings) == 1 and warnings[0].endswith(
        "For PDFs that break as Word does, install the font on this computer"), \
        warnings
