"""Helpers for the house-style tests: the example styles script, a styled post, zip edits."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
import zipfile
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ROOT / "inputs"
STYLED = INPUTS / "shared-head-of-hr-house-style.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def make_styles_module() -> ModuleType:
    """scripts/make_house_styles.py, loaded as a module (scripts/ is not a package)."""
    path = ROOT / "scripts" / "make_house_styles.py"
    spec = importlib.util.spec_from_file_location("make_house_styles", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def zip_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def rezip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def post_using(folder: Path, style_name: str, *, agreement_style: str | None = None,
               employer_style: bool = True) -> Path:
    """The Head of HR example in ``folder`` with Eastwick (the employer) naming
    ``styles/<style_name>`` as its house style; ``folder`` must hold that file."""
    text = (INPUTS / "shared-head-of-hr.yaml").read_text()
    if employer_style:
        text = text.replace("    notices: {title: Director of Law and Governance, email: "
                            "legal@eastwick.example.gov.uk}\n",
                            "    notices: {title: Director of Law and Governance, email: "
                            "legal@eastwick.example.gov.uk}\n"
                            f"    house_style: styles/{style_name}\n", 1)
        assert f"styles/{style_name}" in text
    if agreement_style:
        text += f"\nagreement_style: {agreement_style}\n"
    path = folder / "post.yaml"
    path.write_text(text)
    return path


def header_parts(parts: dict[str, bytes]) -> dict[str, str]:
    return {n: d.decode() for n, d in parts.items()
            if re.fullmatch(r"word/(header|footer)\d+\.xml", n)}
