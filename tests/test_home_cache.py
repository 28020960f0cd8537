"""No test reads or writes the user's own cache folder (tests/conftest.py).

The command line keeps what it prepared under XDG_CACHE_HOME, else ~/.cache: a test that
used it would write into the home of whoever runs the suite, and read entries another
checkout or version left there. The suite points XDG_CACHE_HOME at a folder of its own,
which every command a test starts inherits.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES


def test_a_command_the_tests_start_writes_nothing_under_home(tmp_path: Path) -> None:
    """A build from the command line, with the suite's environment and a fresh HOME,
    leaves that HOME empty: its cache went to the session's folder."""
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home)}
    subprocess.run([sys.executable, "-m", "docgen", "build", str(EXAMPLES[0]),
                    "--out", str(tmp_path / "out")],
                   env=env, check=True, capture_output=True, timeout=300)
    assert list(home.rglob("*")) == []


def test_the_session_cache_is_a_folder_of_its_own() -> None:
    """The cache folder is the session's, not the user's ~/.cache."""
    folder = os.environ.get("XDG_CACHE_HOME")
    assert folder, "tests/conftest.py sets no cache folder for the session"
    assert not Path(folder).resolve().is_relative_to((Path.home() / ".cache").resolve())
