"""Benchmark PDF conversion: docgen.convert.to_pdf on a batch vs one soffice call per file.

    python bench/pdf_bench.py                 # 100 documents, 2 LibreOffice processes
    python bench/pdf_bench.py --naive         # also the one-call-per-file baseline
    python bench/pdf_bench.py --count 300 --jobs 3

The documents are real builds: copies of the shared examples with varied
references, built by docgen.build. Target: at most 0.25 s per document for a
100-document batch on a 2-core machine.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docgen import build  # noqa: E402
from docgen.publish.convert import find_soffice, to_pdf  # noqa: E402

EXAMPLES = ROOT / "inputs"


def make_documents(count: int, workdir: Path) -> list[Path]:
    """Build at least ``count`` documents from copies of the examples; return ``count``."""
    sources = sorted(p for p in EXAMPLES.glob("*.yaml") if not p.name.startswith("_")
                     and p.name not in ("shared-head-of-procurement.yaml",  # need
                                        "shared-head-of-hr-house-style.yaml"))  # organisations/
    answers = workdir / "answers"
    answers.mkdir()
    per_post = 3
    posts = -(-count // per_post)
    for i in range(posts):
        src = sources[i % len(sources)]
        text = src.read_text(encoding="utf-8")
        text, n = re.subn(r"(?m)^reference:\s*(\S+)", rf"reference: \1-B{i:03d}", text, count=1)
        if n != 1:
            raise SystemExit(f"{src}: no top-level 'reference:' line to vary")
        (answers / f"{i:03d}-{src.name}").write_text(text, encoding="utf-8")
    report = build([answers], workdir / "out")
    failed = [(p.source.name, p.message) for p in report.posts if p.status != "built"]
    if failed:
        raise SystemExit(f"build failed: {failed[:3]}")
    docs = sorted((workdir / "out").rglob("*.docx"))
    return docs[:count]


def naive(docs: list[Path], workdir: Path) -> float:
    """One ``soffice --convert-to pdf`` per file (the slow way); seconds per document."""
    exe = find_soffice()
    profile = (workdir / "naive-profile").as_uri()
    outdir = workdir / "naive-pdf"
    start = time.perf_counter()
    for doc in docs:
        subprocess.run([exe, f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(outdir), str(doc)],
                       check=True, capture_output=True, timeout=120)
    return (time.perf_counter() - start) / len(docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100, help="documents in the batch")
    parser.add_argument("--jobs", type=int, default=2, help="LibreOffice processes")
    parser.add_argument("--naive", action="store_true",
                        help="also time one soffice call per file (on --naive-count files)")
    parser.add_argument("--naive-count", type=int, default=20,
                        help="files for the one-call-per-file baseline (it is slow)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="docgen-bench-"))
    try:
        t0 = time.perf_counter()
        docs = make_documents(args.count, workdir)
        built = time.perf_counter() - t0
        print(f"built {len(docs)} documents in {built:.1f} s")

        t0 = time.perf_counter()
        pdfs = to_pdf(docs, jobs=args.jobs)
        elapsed = time.perf_counter() - t0
        assert len(pdfs) == len(docs) and all(p.stat().st_size > 0 for p in pdfs)
        per_doc = elapsed / len(docs)
        verdict = "OK" if per_doc <= 0.25 else "over the 0.25 s target"
        print(f"to_pdf, {args.jobs} process(es): {elapsed:.1f} s for {len(docs)} documents = "
              f"{per_doc:.3f} s per document ({verdict})")

        if args.naive:
            sample = docs[: args.naive_count]
            per_naive = naive(sample, workdir)
            print(f"naive, one soffice call per file ({len(sample)} files): "
                  f"{per_naive:.3f} s per document ({per_naive / per_doc:.1f}x slower)")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
