"""Time ``docgen.render`` of one example in memory, warm (templates and library loaded).

Target (issue 11): median ≤ 25 ms on the 2-core build machine, when it is quiet (check
``uptime``: load < 1.5; other work on the machine can add 10-20%). Prints the median and
the quartiles of 50 runs, and the same with read-back verification switched off, to
show its share (about 8 ms of 22 ms: verification reads the parts ``fill`` parsed, not
the zip). Run: ``python bench/render_bench.py [answer-file]``. To see where the time
goes: ``python -m cProfile -s tottime bench/render_bench.py | head -40``.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docgen  # noqa: E402


def timed(answers: dict, runs: int, verify: bool) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        docgen.render(answers, verify=verify)
        out.append((time.perf_counter() - started) * 1000)
    return out


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "inputs" / "shared-head-of-hr.yaml"
    answers = yaml.safe_load(path.read_text(encoding="utf-8"))
    docgen.render(answers)  # warm: templates, library, compiled clauses
    for verify in (True, False):
        times = timed(answers, 50, verify)
        q = statistics.quantiles(times, n=4)
        print(f"render {path.name} (verify={verify}): median {statistics.median(times):.1f} ms "
              f"(quartiles {q[0]:.1f}–{q[2]:.1f} ms, 50 runs, target ≤ 25 ms with verify)")


if __name__ == "__main__":
    main()
