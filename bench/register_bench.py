"""Benchmark for the programme register's workbook (register.xlsx). Prints; asserts nothing.

    python bench/register_bench.py             # 1,000 posts, median of 5
    python bench/register_bench.py --posts 200 --repeat 9

It builds the three shared examples once, takes their manifests' register rows and
repeats them (with new references) to N posts, then times:
- ``workbook_bytes`` for N posts' rows (the end of a batch build), median of --repeat;
- the first ``workbook_bytes`` of a one-post register in a fresh interpreter that has
  already loaded the build path (``docgen.api``), which includes importing the Excel
  library: what ``docgen build`` of one post pays for its register;
- importing each Excel library on its own after ``docgen.api`` (openpyxl with the
  modules the old writer used, and xlsxwriter), median of --repeat fresh interpreters.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen import build  # noqa: E402
from docgen.publish.register import (  # noqa: E402
    _party_values,
    _post_values,
    collect_rows,
    partner_rows,
    workbook_bytes,
)

EXAMPLES = sorted((ROOT / "inputs").glob("*.yaml"))
LIBRARIES = {"openpyxl": "import openpyxl, openpyxl.styles, openpyxl.utils, openpyxl.chart",
             "xlsxwriter": "import xlsxwriter"}
FRESH = """import time, docgen.api
from docgen.publish.register import workbook_bytes, _post_values, _party_values, partner_rows
rows = {rows}
posts = [_post_values(r) for r in rows]
parties = [p for r in rows for p in _party_values(r)]
partners = partner_rows(rows)
t = time.perf_counter(); workbook_bytes(posts, parties, partners); first = time.perf_counter() - t
t = time.perf_counter(); workbook_bytes(posts, parties, partners); second = time.perf_counter() - t
print(first, second)
"""


def _rows(count: int) -> list[dict[str, object]]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        report = build(EXAMPLES, out)
        assert report.ok, [p.message for p in report.posts]
        base = collect_rows(out)
    rows = []
    for i in range(count):
        row = json.loads(json.dumps(base[i % len(base)]))
        row["reference"] = f"{row['reference']}-{i:04d}"
        rows.append(row)
    return rows


def _fresh(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    rows = _rows(args.posts)
    posts = [_post_values(r) for r in rows]
    parties = [p for r in rows for p in _party_values(r)]
    partners = partner_rows(rows)
    workbook_bytes(posts[:3], parties[:7], partners)  # the library imported, not timed
    times = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        data = workbook_bytes(posts, parties, partners)
        times.append(time.perf_counter() - started)
    print(f"workbook_bytes, {len(posts):,} posts, {len(parties):,} party rows, "
          f"{len(partners)} partners: median {statistics.median(times):.3f} s "
          f"(min {min(times):.3f}), {len(data) / 1e3:,.0f} kB")

    one = rows[1:2]  # the Head of HR: two parties
    runs = [tuple(map(float, _fresh(FRESH.format(rows=repr(one))).split()))
            for _ in range(args.repeat)]
    print(f"one-post register in a fresh interpreter after docgen.api: first call "
          f"{statistics.median(r[0] for r in runs) * 1e3:.0f} ms (with the import), "
          f"second {statistics.median(r[1] for r in runs) * 1e3:.1f} ms")

    for name, statement in LIBRARIES.items():
        if importlib.util.find_spec(name) is None:
            print(f"import {name}: not installed")
            continue
        probe = (f"import time, docgen.api\nt = time.perf_counter()\n{statement}\n"
                 "print(time.perf_counter() - t)")
        took = [float(_fresh(probe)) for _ in range(args.repeat)]
        print(f"import {name} after docgen.api: median {statistics.median(took) * 1e3:.0f} ms "
              f"(min {min(took) * 1e3:.0f})")


if __name__ == "__main__":
    main()
