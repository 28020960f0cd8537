"""Speed of `docgen serve` on this machine: the round trips a person waits for.

Targets (issue 15): live check round trip <= 100 ms, money preview <= 100 ms,
document preview <= 1 s, zip of the three .docx <= 1 s. Measured through the
ASGI app in-process, or with --http through uvicorn on a loopback port as a
browser would; median of N runs after one warm-up.

    .venv/bin/python bench/web_bench.py [--runs 10] [--http]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import httpx  # noqa: E402
from web.conftest import Server  # noqa: E402
from web.helpers import Interview  # noqa: E402

from docgen.web.output import to_html  # noqa: E402

EXAMPLE = ROOT / "docgen" / "data" / "examples" / "shared-head-of-hr.yaml"


def timed(fn: Callable[[], object], runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--http", action="store_true", help="through uvicorn on 127.0.0.1")
    args = parser.parse_args()
    runs = args.runs
    folder = Path(tempfile.mkdtemp(prefix="docgen-web-bench-"))
    try:
        shutil.copy(EXAMPLE, folder)
        server = Server(folder).__enter__() if args.http else None
        web = Interview(folder)
        if server is not None:
            web.client = httpx.Client(base_url=server.url, follow_redirects=True)
            web.client.get("/")
        web.open(EXAMPLE.name)
        split = web.form("time-split")
        split["changed"] = ["time_split.shares.westmere"]  # as the script sends it
        pay = web.form("payment")
        client, base = web.client, web.base

        def live_check() -> None:
            split["time_split.shares.westmere"] = ["30"]
            assert client.post(f"{base}/time-split/live", data=split).json()["fields"]
            split["time_split.shares.westmere"] = ["40"]
            client.post(f"{base}/time-split/live", data=split)

        salary = iter(range(80_000, 90_000))

        def money() -> None:
            pay["payment.salary"] = [str(next(salary))]
            assert "docgen-money" in client.post(f"{base}/payment/live", data=pay).json()["panel"]

        def preview() -> None:
            to_html.cache_clear()  # the first look at a changed document
            assert client.get(f"{base}/preview/agreement").status_code == 200

        def preview_again() -> None:
            assert client.get(f"{base}/preview/agreement").status_code == 200

        def download() -> None:
            assert client.get(f"{base}/download").headers["content-type"] == "application/zip"

        rows = [("live check round trip (2 requests: error, then fixed), per request",
                 timed(live_check, runs) / 2, 100),
                ("money preview (salary changed)", timed(money, runs), 100),
                ("document preview (agreement, HTML review copy by pandoc)",
                 timed(preview, runs), 1000),
                ("document preview again (unchanged answers, cached)",
                 timed(preview_again, runs), 1000),
                ("zip of the three .docx", timed(download, runs), 1000)]
    finally:
        if server is not None:
            server.__exit__()
        shutil.rmtree(folder, ignore_errors=True)
    how = "HTTP through uvicorn on 127.0.0.1" if args.http else "in-process ASGI"
    print(f"docgen serve, median of {runs} runs, {how}:")
    for name, ms, target in rows:
        verdict = "ok" if ms <= target else "OVER"
        print(f"  {name:<66} {ms:7.1f} ms  (target <= {target} ms: {verdict})")


if __name__ == "__main__":
    main()
