"""The manifest's library versions: what importlib.metadata reports, read from the names of
the ``.dist-info`` folders on ``sys.path``, or else from the metadata's headers alone (the
e-mail parser, which reads the whole file, only as the last resort)."""

from __future__ import annotations

import email.message
from importlib import metadata
from pathlib import Path

import pytest

from docgen.publish import versions
from docgen.publish.versions import SHAPING, _version, library_versions


def test_the_versions_are_those_importlib_metadata_reports() -> None:
    assert library_versions() == {name: metadata.version(name) for name in SHAPING}
    assert versions.installed_version("XlsxWriter") == metadata.version("xlsxwriter")


def test_folder_names_are_read_first_match_winning_as_importlib_metadata_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, names in ((first, ["python_docx-1.2.0.dist-info", "Jinja2-3.1.6.dist-info",
                                   "oldlib-1.0.egg-info", "README.txt"]),
                          (second, ["python_docx-0.8.11.dist-info", "docxtpl-0.20.2.dist-info"])):
        for name in names:
            (folder / name).mkdir(parents=True)
    monkeypatch.setattr(versions.sys, "path", [str(tmp_path / "gone"), str(first), str(second)])
    found = versions._dist_info_versions(tuple(versions.sys.path))
    assert found == {"python-docx": "1.2.0", "jinja2": "3.1.6", "docxtpl": "0.20.2"}
    # an .egg-info install says its version inside, not in its name: importlib.metadata reads it
    asked = []
    monkeypatch.setattr(versions, "_from_metadata", lambda name: asked.append(name) or "9")
    versions.installed_version.cache_clear()
    try:
        assert versions.installed_version("oldlib") == "9" and asked == ["oldlib"]
        assert versions.installed_version("Python.Docx") == "1.2.0" and asked == ["oldlib"]
    finally:
        versions.installed_version.cache_clear()


class _Dist(metadata.Distribution):
    """A distribution whose METADATA is ``text``; ``parsed`` counts the parser's uses."""

    def __init__(self, text: str, version: str | None = None) -> None:
        self.text, self.parsed_version, self.parsed = text, version, 0

    def read_text(self, filename: str) -> str | None:
        return self.text if filename == "METADATA" else None

    def locate_file(self, path: str | Path) -> Path:  # type: ignore[override]
        return Path(path)

    @property
    def metadata(self) -> email.message.Message:  # type: ignore[override]
        self.parsed += 1
        message = email.message.Message()
        if self.parsed_version is not None:
            message["Version"] = self.parsed_version
        return message


@pytest.mark.parametrize("text, expected", [
    ("Metadata-Version: 2.1\nName: x\nVersion: 1.2.3\n\nVersion: 9 (the description)\n",
     "1.2.3"),
    ("Name: x\nVersion:  4.5 \n", "4.5"),
])
def test_the_version_header_is_read_without_the_parser(text: str, expected: str) -> None:
    dist = _Dist(text, version="from the parser")
    assert _version(dist) == expected
    assert dist.parsed == 0


def test_without_a_header_the_parser_decides() -> None:
    late = "Metadata-Version: 2.1\nName: x\n\nVersion: 9 (in the description)\n"
    dist = _Dist(late, version="7.0")
    assert _version(dist) == "7.0" and dist.parsed == 1
    assert _version(_Dist(late)) == "unknown"  # no version anywhere: said so, not None
