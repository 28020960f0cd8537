"""``docgen.render`` in a worker thread, as the web server renders: no SIGALRM reaches a
thread, so the clause guards that do not rely on it are seen at work there."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import docgen


def render_in_a_thread(post: Path, folder: Path) -> tuple[float, str]:
    """Seconds taken, and what rendering ``post`` with the clause ``folder`` gave:
    "rendered", the DocgenError's message, what else escaped, or that it still ran
    after 20 s."""
    found: dict[str, str] = {}

    def go() -> None:
        try:
            docgen.render(post, clauses=[folder])
            found["result"] = "rendered"
        except docgen.DocgenError as exc:
            found["result"] = str(exc)
        except BaseException as exc:  # noqa: BLE001 - the test reports what escaped
            found["result"] = f"ESCAPED {type(exc).__name__}"
    started = time.monotonic()
    worker = threading.Thread(target=go, daemon=True)
    worker.start()
    worker.join(20)
    return time.monotonic() - started, found.get("result", "still running after 20 s")
