"""Where a batch's CPU time goes, stage by stage, per document. Prints figures; asserts nothing.

    python bench/stages_bench.py            # 200 posts, one process
    python bench/stages_bench.py --posts 60

It builds N varied posts (as ``batch_bench.py`` makes them) with ``jobs=1`` after a
warm-up batch, timing each step of ``build_post`` (and of ``render_checked`` within it)
in CPU time, so the figures add up to the build's own and show which stage to work on.
The machine's speed drifts by 10-30% from minute to minute here: compare two versions
by running them one after the other, more than once.
"""

from __future__ import annotations

import argparse
import collections
import functools
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import batch_bench  # noqa: E402

import docgen.pipeline as pipeline  # noqa: E402
import docgen.publish.post as post  # noqa: E402
from docgen import build  # noqa: E402

#: the steps timed: (module, function) as ``build_post`` and ``render_checked`` call them
STEPS = [(post, "load_post"), (post, "check_located"), (post, "_decide"),
         (post, "_inputs_sha256"), (post, "render_checked"), (post, "manifest_text"),
         (post, "_publish"), (pipeline, "render_document"), (pipeline, "annotate"),
         (pipeline, "fill_document"), (pipeline, "verify_documents"), (pipeline, "_record")]

spent: collections.Counter[str] = collections.Counter()


def timed(module: ModuleType, name: str) -> None:
    """Replace ``module.name`` by a wrapper that adds its CPU time to ``spent``."""
    fn: Callable[..., Any] = getattr(module, name)

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[f"{module.__name__.rsplit('.', 1)[-1]}.{name}"] += (
                time.process_time() - started)

    setattr(module, name, wrapper)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=200)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="docgen-stages-"))
    try:
        (work / "inputs").mkdir()
        posts = batch_bench.make_posts(work / "inputs", args.posts + 10)
        build(posts[:10], work / "warm", jobs=1)  # templates, library, compiled clauses
        for module, name in STEPS:
            timed(module, name)
        started = time.process_time()
        report = build(posts[10:], work / "out", jobs=1)
        total = time.process_time() - started
        docs = sum(len(p.outputs) for p in report.posts)
        assert report.ok and docs == 3 * args.posts, "every document must be built"
        print(f"{args.posts} posts, {docs} documents, one process: "
              f"{1000 * total / docs:.2f} ms CPU a document in all")
        inner = {"render_document", "annotate", "fill_document", "verify_documents", "_record"}
        for step, seconds in spent.most_common():
            indent = "    " if step.split(".")[-1] in inner else ""
            print(f"  {indent}{step:<{34 - len(indent)}} {1000 * seconds / docs:6.2f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
