"""Two ``docgen serve`` processes on one folder saving the same post at the same moment
(issue 22): each round both servers open the post, each changes the salary differently
through the payment page, and both press Save at once. A save answered 200 whose salary
is not the one on disk afterwards is a lost save; the other server must get the conflict
page (409). Used by ``bench/fault_bench.py``; prints its figures, asserts nothing.

    python bench/two_servers.py --saves 100
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import lxml.html
import yaml

ROOT = Path(__file__).resolve().parent.parent
POST = "shared-head-of-hr.yaml"


def serve(folder: Path) -> tuple[subprocess.Popen, str]:
    """Start ``docgen serve FOLDER`` on a free loopback port; (process, base URL)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "docgen", "serve", str(folder), "--port",
                             str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(url + "/favicon.ico", timeout=1)
            return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("docgen serve did not start")


def _change_salary(client: httpx.Client, salary: int) -> str:
    """Open the post on this server and answer the payment page; the draft's URL."""
    base = client.get(f"/open/{POST}").headers["location"].rsplit("/", 1)[0]
    html = client.get(f"{base}/payment").text
    form = next(f for f in lxml.html.fromstring(html).forms if f.get("id") == "step-form")
    values = dict(form.form_values())
    values.update({"payment.salary": str(salary), "action": "continue"})
    client.post(f"{base}/payment", data=values)
    return base


def _salary_on_disk(folder: Path) -> int:
    return int(yaml.safe_load((folder / POST).read_text(encoding="utf-8"))["payment"]["salary"])


def run(saves: int) -> dict[str, int]:
    """``saves`` rounds of two servers saving at once; wins, conflicts, lost saves."""
    tmp = Path(tempfile.mkdtemp(prefix="docgen-two-servers-"))
    folder = tmp / "posts"
    folder.mkdir()
    shutil.copy(ROOT / "inputs" / POST, folder)
    servers = [serve(folder) for _ in range(2)]
    counts = {"rounds": 0, "wins": 0, "conflicts": 0, "lost": 0, "both_won": 0, "other": 0}
    try:
        clients = [httpx.Client(base_url=url, timeout=60) for _, url in servers]
        for client in clients:
            client.get("/")  # the CSRF cookie
        for i in range(saves):
            wanted = [60000 + i, 70000 + i]
            bases = [_change_salary(c, s) for c, s in zip(clients, wanted, strict=True)]
            results: dict[int, int] = {}
            barrier = threading.Barrier(2)

            def save(k: int, barrier: threading.Barrier = barrier,
                     results: dict[int, int] = results, bases: list[str] = bases) -> None:
                data = {"csrf_token": clients[k].cookies["docgen_csrf"], "name": POST}
                barrier.wait()
                results[k] = clients[k].post(f"{bases[k]}/save", data=data).status_code

            threads = [threading.Thread(target=save, args=(k,)) for k in (0, 1)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            on_disk = _salary_on_disk(folder)
            counts["rounds"] += 1
            counts["both_won"] += results[0] == results[1] == 200
            for k in (0, 1):
                if results[k] == 200:
                    counts["wins"] += 1
                    counts["lost"] += on_disk != wanted[k]
                elif results[k] == 409:
                    counts["conflicts"] += 1
                else:
                    counts["other"] += 1
    finally:
        for proc, _ in servers:
            proc.terminate()
            proc.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)
    return counts


def report(saves: int) -> None:
    start = time.perf_counter()
    c = run(saves)
    print(f"two docgen serve processes saving the same post at once: {c['rounds']} rounds, "
          f"{c['wins']} saves won, {c['conflicts']} refused as conflicts, "
          f"{c['lost']} saves lost, {c['both_won']} rounds both won, {c['other']} other "
          f"answers ({time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--saves", type=int, default=100)
    report(ap.parse_args().saves)
