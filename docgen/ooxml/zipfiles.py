"""The .docx zip, read and written deterministically: fixed timestamps, members in a fixed
order, and a template's unchanging parts deflated once (:class:`Packed`) and copied into
every document made from it."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def read_zip(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(BytesIO(data)) as z:
        return [(info, z.read(info.filename)) for info in z.infolist()]


@dataclass(frozen=True)
class Packed:
    """A zip member already deflated: a template's unchanging parts are compressed once."""

    name: str
    crc: int
    size: int
    data: bytes  # raw deflate stream


def pack(name: str, data: bytes, level: int = 6) -> Packed:
    comp = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Packed(name, zlib.crc32(data), len(data), comp.compress(data) + comp.flush())


def stored_deflated(data: bytes) -> dict[str, Packed]:
    """Each deflated member of a zip as it is stored, not inflated: copied into a new zip,
    it is the same member without the cost of deflating it again (docgen's templates are
    deflated as :func:`pack` does, so the copy is byte for byte what packing would make).
    A member not deflated, or encrypted, is left out, to be packed. (``zipfile`` has
    already read a zip64 member's real sizes and offset, so such a member is copied too.)"""
    out: dict[str, Packed] = {}
    with zipfile.ZipFile(BytesIO(data)) as z:
        for info in z.infolist():
            start = info.header_offset
            if (info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x1
                    or data[start:start + 4] != b"PK\x03\x04"):
                continue
            name_len, extra_len = struct.unpack("<HH", data[start + 26:start + 30])
            begin = start + 30 + name_len + extra_len
            out[info.filename] = Packed(info.filename, info.CRC, info.file_size,
                                        data[begin:begin + info.compress_size])
    return out


#: a part this small made again with the same bytes (a post's header in each of its
#: documents, a kind's footer in every post) is taken as deflated last time
SMALL_PART = 16_384


@lru_cache(maxsize=64)  # parts of at most 16 kB: about 1 MB, and their deflated copies
def _pack_small(name: str, data: bytes, level: int) -> Packed:
    """(deflate is deterministic: the same bytes at the same level give the same member)"""
    return pack(name, data, level)


_DOS_DATE = (FIXED_ZIP_TIME[0] - 1980) << 9 | FIXED_ZIP_TIME[1] << 5 | FIXED_ZIP_TIME[2]


def write_zip(members: Sequence[tuple[str, bytes] | Packed], level: int = 1) -> bytes:
    """A docx with fixed timestamps, so the same input always gives the same bytes.

    Written by hand (the zip format is small) so that members packed once per
    template are copied, not recompressed: styles.xml alone is 350 kB.
    """
    out, central = BytesIO(), BytesIO()
    count = 0
    for member in members:
        entry = member if isinstance(member, Packed) else (
            _pack_small(*member, level) if len(member[1]) <= SMALL_PART
            else pack(*member, level=level))
        name = entry.name.encode("utf-8")
        flags = 0x800 if not entry.name.isascii() else 0
        offset = out.tell()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, 8, 0, _DOS_DATE,
                              entry.crc, len(entry.data), entry.size, len(name), 0))
        out.write(name)
        out.write(entry.data)
        central.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, flags, 8, 0,
                                  _DOS_DATE, entry.crc, len(entry.data), entry.size,
                                  len(name), 0, 0, 0, 0, 0o644 << 16, offset))
        central.write(name)
        count += 1
    cd_offset, cd = out.tell(), central.getvalue()
    out.write(cd)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(cd), cd_offset,
                          0))
    return out.getvalue()


__all__ = ["FIXED_ZIP_TIME", "Packed", "pack", "read_zip", "stored_deflated", "write_zip"]
