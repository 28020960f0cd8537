"""CPU per document of one process building posts serially (what a batch worker does).
Prints its figures; asserts nothing.

    python bench/worker_cpu_bench.py              # 150 posts = 450 documents
    python bench/worker_cpu_bench.py --posts 300 --repeat 3

The posts are made as bench/batch_bench.py makes them. A few are built first (the
clauses compiled, the templates read, as a batch does before forking), the collector is
set as a worker's is (frozen, run less often), then the timed build runs with ``jobs=1``
into a fresh temporary folder: CPU time (``time.process_time``) over the documents
written. The full batch comparison is bench/batch_bench.py's; this isolates the
per-document path (noise about 3% on a quiet machine).
"""

from __future__ import annotations

import argparse
import gc
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from batch_bench import make_posts  # noqa: E402

from docgen import build  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=150)
    ap.add_argument("--repeat", type=int, default=1, help="timed builds, each into a new folder")
    ap.add_argument("--no-verify", action="store_true")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="docgen-cpu-"))
    try:
        (work / "inputs").mkdir()
        posts = make_posts(work / "inputs", args.posts)
        build(posts[:6], work / "warm", jobs=1, verify=not args.no_verify)
        gc.freeze()  # as a batch's worker (workers._init_worker) after inheriting the warm-up
        gc.set_threshold(10_000, 20, 10)
        figures = []
        for run in range(args.repeat):
            cpu, wall = time.process_time(), time.perf_counter()
            report = build(posts, work / f"out-{run}", jobs=1, verify=not args.no_verify)
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            docs = sum(len(p.outputs) for p in report.posts)
            figures.append(1000 * cpu / docs)
            print(f"run {run + 1}: {args.posts} posts, {docs} documents: "
                  f"{1000 * cpu / docs:.2f} ms CPU per document ({1000 * wall / docs:.2f} ms wall)")
        if len(figures) > 1:
            print(f"median {sorted(figures)[len(figures) // 2]:.2f} ms CPU per document")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
