"""A house style file whose bytes are damaged (corrupt deflate data, a bad CRC, cut short),
or a house_style naming a folder: one plain error at the house_style line (the answer
file's or the profile's), naming the Word file and what to do; never "unexpected error"."""

from __future__ import annotations

import io
import json
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from house_style_helpers import INPUTS, post_using

from docgen import build
from docgen.cli import cli
from docgen.ooxml.bounds import MAX_DOCX_BYTES

EASTWICK = (INPUTS / "organisations/styles/eastwick.docx").read_bytes()
DAMAGED = "is damaged ({}); open it in Word and save it again"


def _spoilt(part: str, flip: slice, stored: bool = False) -> bytes:
    """EASTWICK with bytes of ``part``'s data flipped; its zip directory left whole."""
    data = EASTWICK
    if stored:  # the part kept uncompressed, so the flip is a bad CRC, not bad deflate
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(EASTWICK)) as src, zipfile.ZipFile(out, "w") as z:
            for info in src.infolist():
                z.writestr(info.filename, src.read(info), zipfile.ZIP_STORED if
                           info.filename == part else zipfile.ZIP_DEFLATED)
        data = out.getvalue()
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(part)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    spoilt = bytearray(data)
    for i in range(start + flip.start, start + flip.stop):
        spoilt[i] ^= 0x55
    return bytes(spoilt)


def _error_of(tmp_path: Path, name: str, data: bytes) -> str:
    (tmp_path / "styles").mkdir(exist_ok=True)
    (tmp_path / "styles" / name).write_bytes(data)
    post = post_using(tmp_path, name)
    result = build([post], tmp_path / "out", jobs=1).posts[0]
    assert result.status == "failed"
    errors = [str(p) for p in result.errors]
    assert len(errors) == 1, (errors, result.message)
    assert errors[0].startswith(f"{post}:"), errors[0]
    assert ": parties[0].house_style: " in errors[0]
    assert str(tmp_path / "styles" / name) in errors[0]
    return errors[0]


def test_corrupt_deflate_data(tmp_path: Path) -> None:
    error = _error_of(tmp_path, "deflate.docx", _spoilt("word/styles.xml", slice(20, 60)))
    assert DAMAGED.format("word/styles.xml cannot be read") in error


def test_bad_crc_of_a_stored_part(tmp_path: Path) -> None:
    error = _error_of(tmp_path, "crc.docx", _spoilt("word/styles.xml", slice(200, 210), True))
    assert DAMAGED.format("word/styles.xml cannot be read") in error


def test_cut_short(tmp_path: Path) -> None:
    error = _error_of(tmp_path, "half.docx", EASTWICK[:len(EASTWICK) // 2])
    assert "half.docx is damaged (cut short, or its zip directory is broken" in error
    assert "open it in Word and save it again" in error


def test_a_folder_named_in_the_answer_file(tmp_path: Path) -> None:
    (tmp_path / "styles" / "folder.docx").mkdir(parents=True)
    post = post_using(tmp_path, "folder.docx")
    result = build([post], tmp_path / "out", jobs=1).posts[0]
    assert [str(p) for p in result.errors] == [
        f"{post}:{_line(post)}: parties[0].house_style: house_style names a folder, not a "
        f"Word file ({tmp_path / 'styles' / 'folder.docx'}); name the .docx or .dotx, e.g. "
        "house_style: styles/eastwick.docx"]
    assert "cannot write" not in (result.message or "")


def _line(post: Path) -> int:
    return next(i for i, line in enumerate(post.read_text().splitlines(), 1)
                if "house_style:" in line)


@pytest.fixture
def profiled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The procurement example with its profiles, run from its folder."""
    shutil.copytree(INPUTS / "organisations", tmp_path / "organisations")
    shutil.copy(INPUTS / "shared-head-of-procurement.yaml", tmp_path / "post.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _profile_style(folder: Path, value: str) -> Path:
    profile = folder / "organisations" / "eastwick.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace(
        "short_name: Eastwick\n", f"short_name: Eastwick\nhouse_style: {value}\n", 1),
        encoding="utf-8")
    return profile


def _check(*args: str) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(cli, ["check", *args, "--json"])
    records = json.loads(result.output)
    return result.exit_code, [f"{p['file']}:{p['line']}: {p['key']}: {p['message']}"
                              for r in records for p in r["problems"]
                              if p["severity"] == "error"], records[0]["status"]


def test_damaged_style_named_in_a_profile(profiled: Path) -> None:
    (profiled / "organisations" / "styles" / "crc.docx").write_bytes(
        _spoilt("word/styles.xml", slice(20, 60)))
    _profile_style(profiled, "styles/crc.docx")
    code, errors, status = _check("post.yaml")
    assert (code, status) == (1, "failed")
    assert len(errors) == 1
    assert errors[0].startswith("organisations/eastwick.yaml:9: parties[0].house_style: ")
    assert "crc.docx " + DAMAGED.format("word/styles.xml cannot be read") in errors[0]
    table = CliRunner().invoke(cli, ["check", "post.yaml"]).output
    assert "failed; 1 error," in table and "unexpected" not in table


def test_a_folder_named_in_a_profile(profiled: Path) -> None:
    _profile_style(profiled, "styles")
    code, errors, _ = _check("post.yaml")
    assert code == 1
    assert errors == [
        "organisations/eastwick.yaml:9: parties[0].house_style: house_style names a folder, "
        "not a Word file (organisations/styles); name the .docx or .dotx, e.g. house_style: "
        "styles/eastwick.docx"]


def test_a_profile_house_style_must_be_a_word_file_by_name(profiled: Path) -> None:
    _profile_style(profiled, "styles/eastwick.pdf")
    code, errors, _ = _check("post.yaml")
    assert code == 1
    assert errors[0] == (
        "organisations/eastwick.yaml:9: house_style: styles/eastwick.pdf is not a Word file; "
        "name a .docx or .dotx (the organisation's letterhead or template), e.g. "
        "house_style: styles/eastwick.docx")


def _too_large() -> bytes:
    """EASTWICK with a stored part that takes it past MAX_DOCX_BYTES: a whole zip."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(EASTWICK)) as src, zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            z.writestr(info.filename, src.read(info), zipfile.ZIP_DEFLATED)
        z.writestr("word/media/padding.bin", bytes(MAX_DOCX_BYTES + 1), zipfile.ZIP_STORED)
    return out.getvalue()


def test_a_style_over_the_size_limit_is_too_large_not_damaged(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _too_large()
    opened: list[str] = []
    real_open = os.open

    def counting_open(path: object, *args: object, **kwargs: object) -> int:
        opened.append(str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", counting_open)
    error = _error_of(tmp_path, "big.docx", data)
    # its size on disk, not the limit + 1 bytes docgen read before it stopped
    assert (f"big.docx is {len(data):,} bytes, too large for a house style (limit "
            f"{MAX_DOCX_BYTES:,}; a letterhead or template is usually under 1 MB). Is it the "
            "right file? If it is, save a copy without its large pictures") in error
    assert "damaged" not in error and "save it again" not in error
    assert opened.count(str(tmp_path / "styles" / "big.docx")) == 1  # read once

