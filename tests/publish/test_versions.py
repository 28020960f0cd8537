"""The manifest's library versions (docgen/publish/versions.py), read beside each module
without importing it, are the versions ``importlib.metadata`` reports."""

from __future__ import annotations

from importlib import metadata

import pytest

from docgen.publish import versions


def test_each_version_is_the_one_importlib_metadata_reports() -> None:
    found = versions.library_versions()
    assert found == {dist: metadata.version(dist) for dist in versions.SHAPING}
    assert all(versions._beside_module(d, m) for d, m in versions.SHAPING.items())


def test_a_library_not_found_beside_its_module_is_asked_of_importlib_metadata(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(versions, "SHAPING", {"jinja2": "no_such_module_here",
                                              "no-such-dist": "no_such_module_either"})
    versions.library_versions.cache_clear()
    try:
        assert versions.library_versions() == {"jinja2": metadata.version("jinja2"),
                                               "no-such-dist": "not installed"}
    finally:
        versions.library_versions.cache_clear()


@pytest.mark.parametrize(("dist", "name"), [("python-docx", "python_docx"),
                                            ("jinja2", "Jinja2"), ("a.b-c", "A_B_C")])
def test_distribution_names_compare_as_packaging_compares_them(dist: str, name: str) -> None:
    assert versions._normal(dist) == versions._normal(name)
