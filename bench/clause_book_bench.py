"""The clause book, export and import, on the shipped library: wall time. Prints figures;
asserts nothing.

    python bench/clause_book_bench.py              # 5 rounds
    python bench/clause_book_bench.py --runs 9 --no-cli

In-process rows (the work alone, the library's imports already made; the median of the
rounds, each round in a fresh scratch folder):

- ``export <kind>``: :func:`docgen.api.export_clause_book` of each document;
- ``import unchanged``: :func:`docgen.api.clauses.import_clause_book` of the agreement's
  book as exported (nothing to write, so nothing checked);
- ``import edited``: the same book with one sentence reworded, a clause added and a
  condition changed, as a lawyer would in Word (the library as it would be is loaded and
  linted before anything is written);
- ``import again``: that edited book imported into the folder the first import wrote.

Command-line rows (start-up included, warm caches): ``docgen clauses export`` and
``docgen clauses import`` of the edited book, one process each.
"""

from __future__ import annotations

import argparse
import copy
import io
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import docx
from docx.text.run import Run

from docgen.api.clauses import (
    ClauseBookImport,
    export_clause_book,
    import_clause_book,
    save_clause_overlays,
)

ROOT = Path(__file__).resolve().parent.parent
DOCGEN = Path(sys.executable).parent / "docgen"
OLD, NEW = "recognise", "acknowledge"


def edited_book(data: bytes) -> bytes:
    """The agreement's book with a sentence reworded in the confidentiality clause, a clause
    added after it, and a condition reworded (tests/clauses/test_clause_book.py's edit)."""
    book = docx.Document(io.BytesIO(data))
    paras = book.paragraphs
    start = next(i for i, p in enumerate(paras)
                 if "[agreement.confidentiality, version" in p.text)
    for p in paras[start + 1:]:
        run = next((r for r in p.runs if OLD in r.text), None)
        if run is not None:
            run.text = run.text.replace(OLD, NEW, 1)
            break
    conf = [paras[start]]
    for p in paras[start + 1:]:
        if p.style.style_id == "BookClause":
            break
        conf.append(p)
    anchor = conf[-1]._p
    for src, text in ((conf[0], "Records  [ours.records, version 1]"),
                      (conf[1], "Each Party shall keep a record of the work the Post-holder "
                                "does for it, and treat it as Confidential Information under "
                                "clause «confidentiality».")):
        el = copy.deepcopy(src._p)
        anchor.addnext(el)
        anchor = el
        runs = el.findall(".//" + docx.oxml.ns.qn("w:r"))
        for r in runs[1:]:
            r.getparent().remove(r)
        Run(runs[0], None).text = text
    exit_at = next(i for i, p in enumerate(book.paragraphs)
                   if "[agreement.exit, version" in p.text)
    for p in book.paragraphs[exit_at:]:
        if p.text.startswith("⟦Only when there are more than two Parties:⟧"):
            for r in p.runs:
                if "there are more than two Parties" in r.text:
                    r.text = r.text.replace("there are more than two Parties",
                                            "the number of «parties» is more than 1")
                    break
            break
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall time and CPU time (this process's and its children's) of ``fn()``: CPU time
    moves less than wall time when other processes share the machine."""
    before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return elapsed, sum(a.ru_utime + a.ru_stime - b.ru_utime - b.ru_stime
                        for a, b in zip(after, before, strict=True))


def row(name: str, pairs: list[tuple[float, float]]) -> None:
    times, cpu = [w for w, _ in pairs], [c for _, c in pairs]
    print(f"{name:<20} wall median {statistics.median(times) * 1000:6.0f} ms, "
          f"min {min(times) * 1000:6.0f} ms; CPU median {statistics.median(cpu) * 1000:6.0f} "
          f"ms ({len(times)} runs)", flush=True)


def _append(plans: list[ClauseBookImport], book: Path, into: Path) -> None:
    plans.append(import_clause_book(book, into))


def in_process(runs: int) -> bytes:
    books = {}
    for kind in ("agreement", "contract", "job_spec"):
        books[kind] = export_clause_book(kind)  # warm: first imports, caches
        row(f"export {kind}", [timed(partial(export_clause_book, kind))
                               for _ in range(runs)])
    edited = edited_book(books["agreement"])
    times: dict[str, list[tuple[float, float]]] = {
        "import unchanged": [], "import edited": [], "import again": []}
    for n in range(runs + 1):  # the first round warms
        with tempfile.TemporaryDirectory(prefix="docgen-bookbench-") as tmp:
            base = Path(tmp)
            plain, changed = base / "plain.docx", base / "edited.docx"
            plain.write_bytes(books["agreement"])
            changed.write_bytes(edited)
            into = base / "ours"
            got = {"import unchanged": timed(partial(import_clause_book, plain, into))}
            plans: list[ClauseBookImport] = []
            got["import edited"] = timed(partial(_append, plans, changed, into))
            if plans[0].problem is not None:
                raise SystemExit(f"the edited book was refused: {plans[0].problem}")
            save_clause_overlays(plans[0])
            got["import again"] = timed(partial(import_clause_book, changed, into))
        if n > 0:
            for k, v in got.items():
                times[k].append(v)
    for k, v in times.items():
        row(k, v)
    return edited


def cli(runs: int, edited: bytes) -> None:
    times: dict[str, list[tuple[float, float]]] = {"cli export": [],
                                                   "cli import edited": []}
    for n in range(runs + 1):
        with tempfile.TemporaryDirectory(prefix="docgen-bookbench-") as tmp:
            base = Path(tmp)
            book = base / "book.docx"
            t_export = timed(partial(subprocess.run, [str(DOCGEN), "clauses", "export",
                                                       str(book)], check=True,
                                     capture_output=True))
            changed = base / "edited.docx"
            changed.write_bytes(edited)
            t_import = timed(partial(subprocess.run, [str(DOCGEN), "clauses", "import",
                                                       str(changed), "--into",
                                                       str(base / "ours")],
                                     check=True, capture_output=True))
            shutil.rmtree(base / "ours", ignore_errors=True)
        if n > 0:  # the first run warms the cache folder
            times["cli export"].append(t_export)
            times["cli import edited"].append(t_import)
    for k, v in times.items():
        row(k, v)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-cli", action="store_true", help="in-process rows only")
    args = parser.parse_args()
    edited = in_process(args.runs)
    if not args.no_cli:
        cli(args.runs, edited)


if __name__ == "__main__":
    main()
