"""Incremental builds and organisation profiles: a post is skipped only when it would read
the very profile files its manifest records, so a profile that takes over (a .yaml beside
the .yml used, a nearer organisations/ folder) rebuilds it."""

from __future__ import annotations

import shutil
from pathlib import Path

from docx_read import full_text
from yaml_text import load_yaml

import docgen

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = "EWK-WSM-PROC-01"
#: Eastwick's legal name as its profile gives it (its corporate name)
EASTWICK = load_yaml((ROOT / "inputs" / "organisations" / "eastwick.yaml").read_text(
    "utf-8"))["name"]


def _project(tmp_path: Path, sub: str = "") -> tuple[Path, Path]:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "inputs" / "organisations", project / "organisations")
    folder = project / sub
    folder.mkdir(parents=True, exist_ok=True)
    post = folder / "post.yaml"
    shutil.copy(ROOT / "inputs" / "shared-head-of-procurement.yaml", post)
    return project, post


def _renamed(profile: Path, name: str) -> str:
    text = profile.read_text(encoding="utf-8")
    assert f"name: {EASTWICK}\n" in text
    return text.replace(f"name: {EASTWICK}\n", f"name: {name}\n", 1)


def _statuses(project: Path, out: Path) -> list[str]:
    return [p.status for p in docgen.build([project], out).posts]


def _agreement(out: Path) -> str:
    return full_text(out / REFERENCE / f"{REFERENCE}-agreement.docx")


def test_unchanged_is_skipped(tmp_path: Path) -> None:
    project, _ = _project(tmp_path)
    out = tmp_path / "out"
    assert _statuses(project, out) == ["built"]
    assert _statuses(project, out) == ["skipped"]


def test_a_nearer_organisations_folder_rebuilds(tmp_path: Path) -> None:
    project, post = _project(tmp_path, "sub")
    out = tmp_path / "out"
    assert _statuses(project, out) == ["built"]
    nearer = post.parent / "organisations"
    shutil.copytree(project / "organisations", nearer)
    (nearer / "eastwick.yaml").write_text(
        _renamed(nearer / "eastwick.yaml", "Nearer Borough of Eastwick"), encoding="utf-8")
    assert _statuses(project, out) == ["built"]
    assert "Nearer Borough of Eastwick" in _agreement(out)
    assert _statuses(project, out) == ["skipped"]


def test_a_yaml_beside_the_yml_used_is_an_error_not_a_skip(tmp_path: Path) -> None:
    project, _ = _project(tmp_path)
    out = tmp_path / "out"
    yml = project / "organisations" / "eastwick.yml"
    (project / "organisations" / "eastwick.yaml").rename(yml)
    assert _statuses(project, out) == ["built"]
    (project / "organisations" / "eastwick.yaml").write_text(
        _renamed(yml, "New Yaml Borough of Eastwick"), encoding="utf-8")
    report = docgen.build([project], out)
    assert [p.status for p in report.posts] == ["failed"]
    assert "keep one" in str(report.posts[0].problems[0])
    assert EASTWICK in _agreement(out)  # the last good set stays


def test_the_profile_file_moving_rebuilds(tmp_path: Path) -> None:
    """The .yml used is renamed .yaml (same bytes, another file): rebuilt, not skipped."""
    project, _ = _project(tmp_path)
    out = tmp_path / "out"
    assert _statuses(project, out) == ["built"]
    profile = project / "organisations" / "eastwick.yaml"
    profile.rename(profile.with_suffix(".yml"))
    assert _statuses(project, out) == ["built"]
