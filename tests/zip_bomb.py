"""A real zip bomb, made quickly: a .docx whose word/document.xml inflates to hundreds of
megabytes of spaces (deflated, with its true sizes and CRC in the headers), as zipfile
writes one but without running zlib over every byte (1.4 s for 300 MB). The spaces are
deflated a megabyte at a time, each megabyte ended by a full flush, which starts the next
afresh: every megabyte deflates to the same bytes, so one is deflated and repeated."""

from __future__ import annotations

import struct
import zlib

MB = 1 << 20
_SPACES = b" " * MB


def _deflated(prefix: bytes, spaces: int, suffix: bytes) -> tuple[bytes, int, int]:
    """(raw deflate stream, CRC-32, size) of ``prefix + b" " * spaces + suffix``."""
    co = zlib.compressobj(6, zlib.DEFLATED, -15)
    head = co.compress(prefix) + co.flush(zlib.Z_FULL_FLUSH)
    whole, rest = divmod(spaces, MB)
    block = co.compress(_SPACES) + co.flush(zlib.Z_FULL_FLUSH)
    tail = co.compress(b" " * rest + suffix) + co.flush()
    crc = zlib.crc32(prefix)
    for _ in range(whole):
        crc = zlib.crc32(_SPACES, crc)
    crc = zlib.crc32(b" " * rest + suffix, crc)
    return head + block * whole + tail, crc, len(prefix) + spaces + len(suffix)


def _zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of (name, deflated data, CRC-32, size) members, as zipfile lays one out."""
    local, central = b"", b""
    for name, data, crc, size in members:
        raw = name.encode()
        header = struct.pack("<HHHHHIIIHH", 20, 0, 8, 0, 0x21, crc, len(data), size, len(raw), 0)
        central += struct.pack("<IH", 0x02014B50, 20) + header + struct.pack(
            "<HHHII", 0, 0, 0, 0, len(local)) + raw
        local += struct.pack("<I", 0x04034B50) + header + raw + data
    return local + central + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members),
                                         len(members), len(central), len(local), 0)


def bomb_docx(spaces: int = 300_000_000) -> bytes:
    """A .docx ([Content_Types].xml and word/document.xml) whose document part is ``<``,
    ``spaces`` spaces and ``/>``: under 1 MB that inflates to ``spaces`` bytes."""
    types = b"<Types/>"
    co = zlib.compressobj(6, zlib.DEFLATED, -15)
    return _zip([("[Content_Types].xml", co.compress(types) + co.flush(), zlib.crc32(types),
                  len(types)),
                 ("word/document.xml", *_deflated(b"<", spaces, b"/>"))])
