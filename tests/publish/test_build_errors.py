"""An OS error while building one post is said as what it was: a read of an input outside
``--out`` is not a "cannot write" (and a descriptor number is never named as a file)."""

from __future__ import annotations

import errno
from pathlib import Path

from docgen.publish.lock import describe_build_error


def test_a_read_outside_out_is_a_read(tmp_path: Path) -> None:
    exc = IsADirectoryError(errno.EISDIR, "Is a directory", str(tmp_path / "styles"))
    message = describe_build_error(exc, tmp_path / "out")
    assert message.startswith(f"cannot read {tmp_path / 'styles'}: Is a directory")
    assert "write" not in message


def test_a_write_into_out_is_a_write(tmp_path: Path) -> None:
    exc = PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "out" / "x"))
    assert describe_build_error(exc, tmp_path / "out") == (
        f"cannot write to {tmp_path / 'out' / 'x'}: permission denied; choose another --out")


def test_a_descriptor_is_not_named_as_a_file(tmp_path: Path) -> None:
    exc = IsADirectoryError(errno.EISDIR, "Is a directory", 4)
    assert describe_build_error(exc, tmp_path / "out").startswith(f"cannot write to {tmp_path}")
