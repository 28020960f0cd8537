"""The manifest's library versions: what importlib.metadata reports, read from the metadata's
headers alone."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from docgen.publish.versions import SHAPING, _version, library_versions


def test_the_versions_are_those_importlib_metadata_reports() -> None:
    assert library_versions() == {name: metadata.version(name) for name in SHAPING}


class _Dist(metadata.Distribution):
    def __init__(self, text: str) -> None:
        self.text = text

    def read_text(self, filename: str) -> str | None:
        return self.text if filename == "METADATA" else None

    def locate_file(self, path: str | Path) -> Path:  # type: ignore[override]
        return Path(path)


def test_only_the_headers_are_read_and_the_parser_is_the_fallback() -> None:
    body = "Metadata-Version: 2.1\nName: x\nVersion: 1.2.3\n\nVersion: 9 (in the description)\n"
    assert _version(_Dist(body)) == "1.2.3"
    late = "Metadata-Version: 2.1\nName: x\n\nVersion: 9 (in the description)\n"
    assert _version(_Dist(late)) == _Dist(late).version  # no header: what the parser says
    assert _version(_Dist("Name: x\nVersion:  4.5 \n")) == "4.5"
