"""Run an ASGI call to completion from a test, whatever else the test process is doing.

The browser tests' session-wide Playwright (sync API) leaves an event loop running on the
test process's main thread, so a later ``asyncio.run`` in the same xdist worker raises
"cannot be called from a running event loop". A thread of its own has no loop yet.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor


def run_apart(make: Callable[[], Awaitable[object]]) -> object:
    """Await ``make()`` on a fresh thread with a fresh loop; return its result or raise."""
    async def main() -> object:
        return await make()

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, main()).result(timeout=60)
