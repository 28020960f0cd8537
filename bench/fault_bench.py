"""Benchmark for faults (issue 12). Prints its figures; asserts nothing.

    python bench/fault_bench.py              # 30 kill rounds, 8 posts, seed 12
    python bench/fault_bench.py --rounds 100 --posts 20
    python bench/fault_bench.py --edges      # and the edges of issue 22 (edge_bench.py)
    python bench/fault_bench.py --saves-only # just two servers saving one post 100 times

- kill -9 of ``docgen build --jobs 2`` at random points: how many kills landed
  mid-build, what each post folder held afterwards (absent / complete old set /
  complete new set / anything else), workers left running, and the time of the
  recovering rerun (no ``--force``);
- how long each resource bomb takes to be refused;
- two ``docgen serve`` processes on one folder saving the same post at once, ``--saves``
  rounds (default 100): saves won, refused as conflicts, and lost (two_servers.py).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import edge_bench  # noqa: E402
import two_servers  # noqa: E402

from docgen.answers.yamlfile import parse_yaml  # noqa: E402
from docgen.errors import DocgenError  # noqa: E402
from docgen.ooxml.bounds import read_docx_bytes  # noqa: E402
from docgen.publish.files import read_manifest  # noqa: E402
from docgen.publish.verify_folder import read_set  # noqa: E402

# posts that need inputs/organisations/ beside them (profiles, house styles): left out
EXAMPLES = sorted(p for p in (ROOT / "inputs").glob("*.yaml")
                  if p.name not in ("shared-head-of-procurement.yaml",
                                    "shared-head-of-hr-house-style.yaml"))


def programme(root: Path, posts: int) -> list[Path]:
    root.mkdir()
    files = []
    for i in range(posts):
        src = EXAMPLES[i % len(EXAMPLES)]
        ref = re.search(r"(?m)^reference: (\S+)", src.read_text())[1]
        dst = root / f"p{i:03d}.yaml"
        dst.write_text(src.read_text().replace(ref, f"{ref}-{i:03d}"))
        files.append(dst)
    return files


def workers_left(sid: int) -> int:
    n = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        n += int(fields[3]) == sid and fields[0] != "Z"
    return n


def kill_rounds(rounds: int, posts: int, seed: int) -> None:
    rng = random.Random(seed)
    tmp = Path(tempfile.mkdtemp(prefix="docgen-faults-"))
    files = programme(tmp / "inputs", posts)
    out = tmp / "out"
    outcome = {"absent": 0, "old": 0, "new": 0, "inconsistent": 0}
    landed = left = 0
    start = time.perf_counter()  # a full build first: later kills hit existing sets
    subprocess.run([sys.executable, "-m", "docgen", "build", *map(str, files), "--out",
                    str(out), "--jobs", "2"], capture_output=True)
    full = time.perf_counter() - start
    print(f"full build of {posts} posts: {full:.2f} s; kills fall in 0.2-1.1 x that")
    for r in range(rounds):
        for f in files:
            f.write_text(re.sub(r"(?m)^  salary: \d+$", f"  salary: {80000 + r}", f.read_text()))
        new = {hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
        proc = subprocess.Popen([sys.executable, "-m", "docgen", "build", *map(str, files),
                                 "--out", str(out), "--jobs", "2"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(rng.uniform(0.2, 1.1) * full)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            landed += 1
        proc.wait()
        time.sleep(0.3)
        left += workers_left(proc.pid)
        for f in files:
            ref = re.search(r"(?m)^reference: (\S+)", f.read_text())[1]
            folder = out / ref
            if not folder.exists():
                outcome["absent"] += 1
                continue
            manifest = read_manifest(folder)
            _, problems = read_set(folder, manifest or {}, ref)
            if manifest is None or problems:
                outcome["inconsistent"] += 1
            else:
                outcome["new" if manifest["answer_file"]["sha256"] in new else "old"] += 1
    start = time.perf_counter()
    rerun = subprocess.run([sys.executable, "-m", "docgen", "build", *map(str, files),
                            "--out", str(out)], capture_output=True, text=True)
    took = time.perf_counter() - start
    print(f"kill -9 rounds: {rounds} ({landed} landed mid-build), {posts} posts, seed {seed}")
    print(f"  post folders after a kill: {outcome}")
    print(f"  workers still running 0.3 s after their parent was killed: {left}")
    print(f"  recovering rerun (no --force): exit {rerun.returncode}, {took:.2f} s; "
          f"staging left: {(out / '.docgen-staging').exists()}")
    shutil.rmtree(tmp, ignore_errors=True)


def timed(label: str, fn) -> None:  # noqa: ANN001
    start = time.perf_counter()
    try:
        fn()
        result = "accepted (!)"
    except (DocgenError, Exception) as exc:  # noqa: BLE001 - we report what happened
        result = f"refused: {str(exc)[:70]}"
    print(f"  {label}: {time.perf_counter() - start:.3f} s, {result}")


def bombs() -> None:
    print("resource bombs:")
    long = "x" * 200_000
    text = f"docgen: 1\nbig: &b '{long}'\nmany: [{', '.join(['*b'] * 40)}]\n".encode()
    timed(f"YAML alias amplification ({len(text) // 1000} KB file)",
          lambda: parse_yaml(text, Path("bomb.yaml")))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" + b" " * 1_500_000_000 + b"/>")
    with tempfile.NamedTemporaryFile(suffix=".docx", delete=False) as fh:
        fh.write(buf.getvalue())
    timed(f".docx inflating to 1.5 GB ({len(buf.getvalue()) // 1000} KB file)",
          lambda: read_docx_bytes(Path(fh.name)))
    os.unlink(fh.name)
    for label, args in (("check /dev/zero", ["check", "/dev/zero"]),):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "docgen", *args], capture_output=True)
        print(f"  {label}: {time.perf_counter() - start:.3f} s (CLI, with start-up)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--posts", type=int, default=8)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--edges", action="store_true",
                    help="also the edges of issue 22 (bench/edge_bench.py)")
    ap.add_argument("--saves", type=int, default=100,
                    help="rounds of two servers saving the same post at once")
    ap.add_argument("--saves-only", action="store_true", help="only the two servers")
    args = ap.parse_args()
    if not args.saves_only:
        kill_rounds(args.rounds, args.posts, args.seed)
        bombs()
    two_servers.report(args.saves)
    if args.edges and not args.saves_only:
        edge_bench.main()


if __name__ == "__main__":
    main()
