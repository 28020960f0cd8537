"""One post from the command line, wall time with start-up (issue 24). Prints figures;
asserts nothing.

    python bench/cli_bench.py              # 15 rounds
    python bench/cli_bench.py --runs 30 --docgen /path/to/venv/bin/docgen

Each round runs, one after the other: ``docgen build <example> --out <tmp> --force -q``
(a warm cache: the first, untimed run fills it) and, as the floor no change to docgen
can lower, a bare interpreter importing the libraries a build needs. Alternating them
matters here: the machine's speed drifts by 10-30% from minute to minute, so compare
the two columns of one run, or two versions of docgen given with ``--docgen`` in one run.
Each row gives the median wall time and the median CPU time (user and system) of the
runs: CPU time moves less when other processes share the machine, not at all with a
queue for the cores.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "shared-head-of-hr.yaml"
LIBRARIES = "import pydantic, pydantic.fields, jinja2, yaml, lxml.etree, click"


def wall(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user and system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--docgen", action="append", default=[],
                    help="a docgen command to time (repeat to compare versions); default: "
                         "this interpreter's `python -m docgen`")
    args = ap.parse_args()
    commands = [[c] for c in args.docgen] or [[sys.executable, "-m", "docgen"]]
    with tempfile.TemporaryDirectory(prefix="docgen-cli-bench-") as work:
        # a folder for each version: two versions whose register rows differ would
        # otherwise rewrite each other's register.xlsx (loading XlsxWriter) on every run
        outs = [Path(work) / f"out-{i}" for i in range(len(commands))]
        rows: dict[str, list[tuple[float, float]]] = {}
        for command, out in zip(commands, outs, strict=True):  # fill each cache (not timed)
            subprocess.run([*command, "build", str(EXAMPLE), "--out", str(out), "--force",
                            "-q"], check=True, capture_output=True)
        for _ in range(args.runs):
            for command, out in zip(commands, outs, strict=True):
                rows.setdefault(" ".join(command), []).append(wall(
                    [*command, "build", str(EXAMPLE), "--out", str(out), "--force", "-q"]))
            rows.setdefault("libraries' import alone", []).append(
                wall([sys.executable, "-c", LIBRARIES]))
        for out in outs:
            shutil.rmtree(out, ignore_errors=True)
    print(f"one post ({EXAMPLE.name}), 3 documents, {args.runs} rounds, wall time "
          "(and CPU time, user and system: steadier when other processes share the machine):")
    for name, runs in rows.items():
        times, cpu = [w for w, _ in runs], [c for _, c in runs]
        print(f"  {statistics.median(times):.3f} s median ({min(times):.3f}-{max(times):.3f})"
              f", CPU {statistics.median(cpu):.3f} s  {name}")
    print("target: docgen <= 0.3 s (issue 24)")


if __name__ == "__main__":
    main()
