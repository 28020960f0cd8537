"""The clause bytecode cache treats an entry whose header is right but whose checksum is
damaged as a miss (the existing damaged-entry test in test_faults_edges.py stops at a
wrong header, before the checksum is read)."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, bccache

from docgen.clauses.bytecode import BestEffortCache


@pytest.mark.parametrize("checksum", [b"\x80\x05garbage", b"("], ids=["damaged", "cut short"])
def test_a_damaged_checksum_behind_a_good_header_is_a_miss(tmp_path: Path,
                                                           checksum: bytes) -> None:
    cache = BestEffortCache(str(tmp_path))
    bucket = bccache.Bucket(Environment(), "key", "checksum")
    Path(cache._get_cache_filename(bucket)).write_bytes(  # noqa: SLF001
        bccache.bc_magic + checksum)
    cache.load_bytecode(bucket)
    assert bucket.code is None
