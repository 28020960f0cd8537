"""An answer file nested as deep as the compose-first shortcut allows is refused cleanly in
a thread with a small stack (the web server reads uploads in worker threads; musl-based
Pythons give threads 128-256 kB): libyaml composes nested nodes recursively in C, and
at about 800 levels it overflows a 256 kB stack, killing the whole process. The shortcut
is taken only where the stack is known to be large (the main thread), and the child
process here shows that a thread is safe: it must exit normally, not by SIGSEGV."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from docgen.answers.safeyaml import COMPOSE_FIRST_MAX

PROBE = textwrap.dedent("""
    import sys, threading
    from pathlib import Path
    from docgen.answers.yamlfile import parse_yaml
    from docgen.errors import AnswerFileError
    text = sys.argv[1]
    said = []
    def read():
        try:
            parse_yaml(text.encode(), Path("deep.yaml"))
        except AnswerFileError as exc:
            said.append(str(exc))
    threading.stack_size(256 * 1024)
    t = threading.Thread(target=read)
    t.start()
    t.join()
    print(said[0] if said else "read")
""")


@pytest.mark.parametrize("shape", ["block", "flow"])
def test_deep_nesting_in_a_small_stack_thread_is_refused_not_a_crash(shape: str) -> None:
    depth = COMPOSE_FIRST_MAX - 5
    text = "- " * depth + "x\n" if shape == "block" else "[" * depth + "]" * depth + "\n"
    done = subprocess.run([sys.executable, "-c", PROBE, text], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    assert "nested more than" in done.stdout, done.stdout
    assert "deep.yaml:1" in done.stdout, done.stdout  # the line where it gets too deep
