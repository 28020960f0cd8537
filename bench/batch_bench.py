"""Benchmark for batch builds (issue 5). Prints its figures; asserts nothing.

    python bench/batch_bench.py            # 1,000 posts = 3,000 documents
    python bench/batch_bench.py --posts 200 --naive-posts 50
    python bench/batch_bench.py --no-verify  # the same without read-back verification

It makes N answer files by varying the shared examples (reference, salary,
names) and times the batch as a programme team runs it: `docgen build <folder>` in a
process of its own, with the clauses it prepares kept from an earlier run (the command
keeps them in its cache folder: here one of the benchmark's own, filled by a first run
of the command, which is also timed and printed, with its memory sampled). It also times:
- the same batch built by the library, ``docgen.build`` in this process, which keeps
  nothing between runs and so compiles the clauses first (printed, for comparison);
- a no-change rebuild of the same batch (every post skipped);
- the naive baseline: docxtpl loading the template, rendering and saving each
  document in one process (on the first --naive-posts posts, reported per document),
  once before the batch (in a process of its own, so the batch's is left as a user's
  would be) and once after: the machine's speed drifts by 10-30% from minute to minute,
  so the batch is compared with the mean of the two, and both are printed;
- the floor: rewriting each finished .docx of those posts (every part inflated and
  deflated into a new zip), one process: no generator writes a document for less;
- one post from the command line, wall time including Python start-up;
- peak memory, sampled during the command's first build of the batch (not the timed
  one: sampling costs CPU).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen import build  # noqa: E402
from docgen.answers.validation import load  # noqa: E402
from docgen.clauses.library import cached_library  # noqa: E402
from docgen.clauses.render import render_document  # noqa: E402
from docgen.facts.derive import derive  # noqa: E402
from docgen.ooxml.wordml import body_xml  # noqa: E402
from docgen.publish.workers import worker_count  # noqa: E402
from docgen.rulebook.engine import run_rules  # noqa: E402
from docgen.word.fill import TEMPLATE_DIR, template_context  # noqa: E402
from docgen.word.names import output_name  # noqa: E402
from docgen.word.notes import annotate  # noqa: E402


def examples() -> list[Path]:
    # posts that need inputs/organisations/ beside them (profiles, house styles): left out
    return sorted(p for p in (ROOT / "inputs").glob("*.yaml")
                  if p.name not in ("shared-head-of-procurement.yaml",
                                    "shared-head-of-hr-house-style.yaml"))


def make_posts(folder: Path, n: int) -> list[Path]:
    """N valid answer files: the examples with a new reference, salary and post title."""
    bases = [yaml.safe_load(p.read_text()) for p in examples()]
    paths = []
    for i in range(n):
        data = yaml.safe_load(yaml.safe_dump(bases[i % len(bases)]))
        data["reference"] = f"{data['reference']}-P{i:04d}"
        data["payment"]["salary"] = data["payment"]["salary"] + (i % 50) * 100
        data["post"]["title"] = f"{data['post']['title']} (post {i + 1})"
        path = folder / f"post-{i:04d}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
        paths.append(path)
    return paths


class PeakMemory:
    """Samples the proportional set size (PSS) of a process (``pid``; this one by default)
    and its workers, and the largest resident set (RSS) of any one of them.

    PSS shares each page among the processes that map it, so forked workers that
    share the parent's compiled templates are not counted twice; a process's RSS counts
    the pages it shares in full.
    """

    def __init__(self, interval: float = 0.1, pid: int | None = None) -> None:
        self.pid = os.getpid() if pid is None else pid
        self.peak_mb = 0.0
        self.largest_rss_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(interval,), daemon=True)

    @staticmethod
    def _pss_rss_kb(pid: int) -> tuple[int, int]:
        found = {"Pss:": 0, "Rss:": 0}
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                head = line[:4]
                if head in found:
                    found[head] = int(line.split()[1])
        return found["Pss:"], found["Rss:"]

    @staticmethod
    def _tree(pid: int) -> list[int]:
        pids, todo = [], [pid]
        while todo:
            p = todo.pop()
            pids.append(p)
            for task in Path(f"/proc/{p}/task").glob("*/children"):
                with contextlib.suppress(OSError):
                    todo += [int(c) for c in task.read_text().split()]
        return pids

    def _run(self, interval: float) -> None:
        while not self._stop.is_set():
            sizes = [self._pss_rss_kb(p) for p in self._tree(self.pid)]
            self.peak_mb = max(self.peak_mb, sum(pss for pss, _ in sizes) / 1024)
            self.largest_rss_mb = max(self.largest_rss_mb, *(rss / 1024 for _, rss in sizes))
            self._stop.wait(interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def naive(paths: list[Path], out: Path) -> tuple[int, float]:
    """docxtpl's own load → render → save for every document, one process."""
    from docxtpl import DocxTemplate
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = ImmutableSandboxedEnvironment(autoescape=True)
    library = cached_library()
    count = 0
    start = time.perf_counter()
    for path in paths:
        answers, located = load(path)
        facts = derive(answers)
        problems = run_rules(answers, facts, located)
        for kind in answers.documents:
            rendered = render_document(library, kind, facts)
            notes = annotate(rendered, problems, facts)
            body, _ = body_xml(rendered.paras, rendered.refs)
            ctx = template_context(facts, kind, rendered, notes, body)
            tpl = DocxTemplate(str(TEMPLATE_DIR / f"{kind}.docx"))
            tpl.render(ctx, jinja_env=env, autoescape=True)
            target = out / answers.reference / output_name(answers.reference, kind)
            target.parent.mkdir(parents=True, exist_ok=True)
            tpl.save(str(target))
            count += 1
    return count, time.perf_counter() - start


def cpu_seconds() -> float:
    """CPU time of this process and its ended children (the batch's workers, once joined):
    unlike wall time, it hardly changes with what else the machine is running."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def machine_speed() -> float:
    """Seconds for ten million Python additions: the machine's speed at that moment (a
    shared virtual machine's drifts by 10-40% within an hour), printed beside the figures
    so runs at different times can be compared."""
    start, total = time.perf_counter(), 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - start


def floor(docs: list[Path], out: Path) -> tuple[int, float]:
    """Rewrite each finished .docx (read every part, write them into a new zip), one process."""
    out.mkdir(parents=True)
    start = time.perf_counter()
    for i, path in enumerate(docs):
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(out / f"{i}.docx", "w") as dst:
            for info in src.infolist():
                dst.writestr(info, src.read(info.filename))
    return len(docs), time.perf_counter() - start


def naive_elsewhere(paths: list[Path], out: Path) -> tuple[int, float, float]:
    """:func:`naive` in a process of its own: documents, wall seconds, CPU seconds."""
    done = subprocess.run([sys.executable, __file__, "--naive-only", str(out),
                           *map(str, paths)], check=True, capture_output=True, text=True)
    count, wall, cpu = done.stdout.split()[-3:]
    return int(count), float(wall), float(cpu)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--naive-posts", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=None,
                    help="worker processes (default: the command's, one per core and one more)")
    ap.add_argument("--no-verify", action="store_true",
                    help="build the timed batch without read-back verification, to see what "
                         "verification costs (issue 24's goal is with it on)")
    ap.add_argument("--naive-only", nargs="+", help=argparse.SUPPRESS)  # OUT POST...
    args = ap.parse_args()
    if args.naive_only:  # the baseline before the batch, in its own process
        out, paths = Path(args.naive_only[0]), [Path(p) for p in args.naive_only[1:]]
        # warmed as the run after the batch is (clause texts compiled, templates read)
        naive(paths[:1], out / "warm-up")
        cpu = cpu_seconds()
        count, wall = naive(paths, out)
        print(count, wall, cpu_seconds() - cpu)
        return
    speed_before = machine_speed()
    work = Path(tempfile.mkdtemp(prefix="docgen-bench-"))
    try:
        (work / "inputs").mkdir()
        posts = make_posts(work / "inputs", args.posts)
        before_docs, naive_before, naive_before_cpu = naive_elsewhere(
            posts[: args.naive_posts], work / "naive-before")
        out = work / "out"
        start, cpu = time.perf_counter(), cpu_seconds()
        report = build(posts, out, jobs=args.jobs, verify=not args.no_verify)
        library_s, library_cpu = time.perf_counter() - start, cpu_seconds() - cpu
        docs = sum(len(p.outputs) for p in report.posts)
        assert report.ok and docs == 3 * args.posts, "the batch must build every document"
        # the command's first run: its cache folder empty, so it compiles the clauses and
        # keeps them; its memory is sampled (reading each process's smaps_rollup ten times
        # a second costs about 0.3 ms of CPU a document, so this run is not the timed one)
        env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache")}
        options = [*([] if args.jobs is None else ["--jobs", str(args.jobs)]),
                   *(["--no-verify"] if args.no_verify else []), "-q"]
        start = time.perf_counter()
        first = subprocess.Popen(
            [sys.executable, "-m", "docgen", "build", str(work / "inputs"), "--out",
             str(work / "out-first"), *options], cwd=ROOT, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with PeakMemory(pid=first.pid) as memory:
            assert first.wait() == 0, "the batch must build from the command line"
        first_s = time.perf_counter() - start
        # the timed batch: the command again, into a new folder (every post built), its
        # clauses prepared by the first run as a programme team's earlier run prepared them
        start, cpu = time.perf_counter(), cpu_seconds()
        subprocess.run([sys.executable, "-m", "docgen", "build", str(work / "inputs"),
                        "--out", str(work / "out-command"), *options], cwd=ROOT, env=env,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elapsed, batch_cpu = time.perf_counter() - start, cpu_seconds() - cpu
        built = list((work / "out-command").glob("*/*.docx"))
        assert len(built) == docs, "the command must build every document"
        start = time.perf_counter()
        again = build(posts, out, jobs=args.jobs)
        rebuild = time.perf_counter() - start
        assert again.count("skipped") == args.posts
        cpu = cpu_seconds()
        n_docs, naive_after = naive(posts[: args.naive_posts], work / "naive")
        naive_cpu, cpu = cpu_seconds() - cpu, cpu_seconds()
        assert before_docs == n_docs
        naive_s = (naive_before + naive_after) / 2
        naive_cpu = (naive_before_cpu + naive_cpu) / 2
        sample = [o for p in report.posts[: args.naive_posts] for o in p.outputs]
        floor_docs, floor_s = floor(sample, work / "floor")
        floor_cpu = cpu_seconds() - cpu
        walls = []
        for run in range(3):  # a fresh output folder each time: a real build, not a skip
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "docgen", "build", str(posts[0]), "--out",
                            str(work / f"one-{run}")], check=True, capture_output=True, cwd=ROOT,
                           env=env)
            walls.append(time.perf_counter() - start)
        cli_one = sorted(walls)[1]
        workers = worker_count(args.jobs, args.posts)
        rate, naive_rate, floor_rate = docs / elapsed, n_docs / naive_s, floor_docs / floor_s
        print(f"machine: {os.cpu_count()} cores, {workers} workers, load average "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; ten million Python "
              f"additions in {speed_before:.2f} s before the run, {machine_speed():.2f} s after")
        print(f"batch{' WITHOUT verification' if args.no_verify else ''} (`docgen build "
              f"<folder>`, its clauses prepared by an earlier run): {args.posts} posts, "
              f"{docs} documents in {elapsed:.2f} s = "
              f"{rate:.0f} documents/s (target >= 150)")
        each = [rate * s / n_docs for s in (naive_before, naive_after)]
        print(f"naive docxtpl baseline: {n_docs} documents in {naive_before:.2f} s before the "
              f"batch and {naive_after:.2f} s after, {naive_rate:.1f} documents/s on the mean; "
              f"batch is {rate / naive_rate:.1f}x (target >= 7x; {each[0]:.1f}x and "
              f"{each[1]:.1f}x against each)")
        print(f"floor (rewriting each finished .docx zip, one process): {floor_docs} documents "
              f"in {floor_s:.2f} s = {floor_rate:.0f} documents/s; batch is "
              f"{100 * rate / floor_rate:.0f}% of it (target >= 50%)")
        per_doc = [1000 * t / n for t, n in ((batch_cpu, docs), (naive_cpu, n_docs),
                                             (floor_cpu, floor_docs))]
        print(f"CPU time per document (all processes; hardly moved by other load): docgen "
              f"{per_doc[0]:.1f} ms, docxtpl {per_doc[1]:.1f} ms ({per_doc[1] / per_doc[0]:.1f}x "
              f"docgen's), floor {per_doc[2]:.1f} ms ({100 * per_doc[2] / per_doc[0]:.0f}% of "
              "docgen's)")
        library_rate = docs / library_s
        print(f"the same batch by the library (`docgen.build` in this process, compiling the "
              f"clauses first): {library_s:.2f} s = {library_rate:.0f} documents/s, "
              f"{library_rate / naive_rate:.1f}x the script, "
              f"{1000 * library_cpu / docs:.1f} ms of CPU a document; the command's first "
              f"run (its cache empty, memory sampled): {first_s:.2f} s = "
              f"{docs / first_s / naive_rate:.1f}x the script")
        print(f"no-change rebuild of {args.posts} posts: {rebuild:.2f} s (target <= 3 s)")
        print(f"one post from the CLI (3 documents, wall time, median of 3 runs): "
              f"{cli_one:.2f} s (target <= 0.3 s)")
        print(f"peak memory of the batch (main process and {workers} workers, PSS sampled "
              f"every 0.1 s in the command's first, untimed build): {memory.peak_mb:.0f} MB "
              f"(target <= 500 MB); largest single process RSS "
              f"{memory.largest_rss_mb:.0f} MB (sampled the same way)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
