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

When the machine is too busy for either (CPU time still grows by a third under load),
``--instructions`` counts the instructions of one warm run of each, and of the bare
import, under ``valgrind --tool=callgrind`` (some 50 times slower: a minute a run): the
same count, within a few parts in a thousand, however busy the machine is. It is no
time (cache misses and the disk are not in it), but a change that does less shows.
"""

from __future__ import annotations

import argparse
import re
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


def instructions(command: list[str]) -> int:
    """The instructions one run of ``command`` executes, counted by callgrind."""
    with tempfile.TemporaryDirectory(prefix="docgen-callgrind-") as out:
        done = subprocess.run(["valgrind", "--tool=callgrind",
                               f"--callgrind-out-file={out}/callgrind.out", *command],
                              check=True, capture_output=True, text=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"no instruction count from valgrind: {done.stderr[-500:]}")
    return int(found.group(1))


def count_instructions(commands: list[list[str]], outs: list[Path]) -> None:
    print(f"one post ({EXAMPLE.name}), instructions of one warm run (callgrind):")
    floor = instructions([sys.executable, "-c", LIBRARIES])
    for command, out in zip(commands, outs, strict=True):
        count = instructions([*command, "build", str(EXAMPLE), "--out", str(out), "--force",
                              "-q"])
        print(f"  {count / 1e6:8.1f} M ({(count - floor) / 1e6:7.1f} M above the libraries)"
              f"  {' '.join(command)}")
    print(f"  {floor / 1e6:8.1f} M  libraries' import alone")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--docgen", action="append", default=[],
                    help="a docgen command to time (repeat to compare versions); default: "
                         "this interpreter's `python -m docgen`")
    ap.add_argument("--instructions", action="store_true",
                    help="count instructions under valgrind instead of timing (a busy machine)")
    args = ap.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind")
    commands = [[c] for c in args.docgen] or [[sys.executable, "-m", "docgen"]]
    with tempfile.TemporaryDirectory(prefix="docgen-cli-bench-") as work:
        # a folder for each version: two versions whose register rows differ would
        # otherwise rewrite each other's register.xlsx (loading XlsxWriter) on every run
        outs = [Path(work) / f"out-{i}" for i in range(len(commands))]
        rows: dict[str, list[tuple[float, float]]] = {}
        for command, out in zip(commands, outs, strict=True):  # fill each cache (not timed)
            subprocess.run([*command, "build", str(EXAMPLE), "--out", str(out), "--force",
                            "-q"], check=True, capture_output=True)
        if args.instructions:
            count_instructions(commands, outs)
            for out in outs:
                shutil.rmtree(out, ignore_errors=True)
            return
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
