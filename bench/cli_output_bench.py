"""How much a batch build prints (issue 16). Prints its figures; asserts nothing.

    python bench/cli_output_bench.py              # 1,000 posts
    python bench/cli_output_bench.py --posts 200

Makes N answer files (as bench/batch_bench.py does), then runs ``docgen build``
as a log would see it (not a terminal): a first build, a no-change rebuild, the
same with ``-q``, and ``--json``; for each, the lines printed and the wall time.
On a terminal the same batch shows one progress bar instead of the per-post
lines: watch it with ``docgen build <folder> --out <out>`` in a terminal.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from batch_bench import make_posts  # noqa: E402

DOCGEN = [sys.executable, "-c", "from docgen.cli import main; main()"]


def run(args: list[str]) -> tuple[float, str, str]:
    start = time.perf_counter()
    done = subprocess.run(DOCGEN + args, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done.stdout, done.stderr


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=1000)
    opts = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="docgen-cli-bench-") as tmp:
        inputs, out = Path(tmp) / "inputs", Path(tmp) / "out"
        inputs.mkdir()
        make_posts(inputs, opts.posts)
        for label, args in [("first build", []), ("no-change rebuild", []),
                            ("no-change rebuild -q", ["-q"]), ("--json", ["--json"])]:
            seconds, stdout, stderr = run(["build", str(inputs), "--out", str(out), *args])
            lines = len((stdout + stderr).splitlines())
            extra = ""
            if args == ["--json"]:
                extra = f", {len(json.loads(stdout))} records"
            summary = stdout.strip().splitlines()[-1] if stdout.strip() else ""
            print(f"{label:22} {seconds:6.1f} s  {lines:5d} lines{extra}")
            if args != ["--json"]:
                print(f"{'':22} last line: {summary}")


if __name__ == "__main__":
    main()
