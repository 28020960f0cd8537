"""Programme intake speed (issue 25): rows read per second, and the end-to-end time of
`docgen build posts.xlsx` for N rows against building the same posts from YAML. The
batch build is the same code either way, so the workbook's own cost is what it does
before it: read, merge the base file, stage the rows (measured on its own, too).

    .venv/bin/python bench/intake_bench.py [ROWS]   # default 1000; prints the figures

The workbook is written with openpyxl directly (tests/intake_programme.py), as a
programme team's own sheet would be. Target: reading adds under 10% to the build time.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from intake_programme import write_programme, write_yaml  # noqa: E402

from docgen.intake.folder import read_into  # noqa: E402
from docgen.intake.rows import check_rows  # noqa: E402
from docgen.intake.run import build_workbook, stage_rows  # noqa: E402
from docgen.publish.batch import build  # noqa: E402


def main(rows: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "book").mkdir()
        (root / "yaml").mkdir()
        book = write_programme(root / "book", rows)
        files = write_yaml(root / "yaml", rows)
        started = time.perf_counter()
        intake = check_rows(book)
        read_s = time.perf_counter() - started
        assert all(p.ok for p in intake.posts) and len(intake.posts) == rows
        started = time.perf_counter()  # what a workbook build does before the batch build
        staged = check_rows(book, validate=False)
        stage_rows(staged, staged.posts, root / "staging")
        stage_s = time.perf_counter() - started
        (root / "book" / "posts").mkdir()
        started = time.perf_counter()
        written = read_into(book, root / "book" / "posts").written
        into_s = time.perf_counter() - started
        started = time.perf_counter()
        report = build(files, root / "out-yaml", jobs=None)
        yaml_s = time.perf_counter() - started
        started = time.perf_counter()
        _, from_book = build_workbook(book, root / "out-book", jobs=None)
        book_s = time.perf_counter() - started
        same = all((root / "out-yaml" / d.relative_to(root / "out-book")).read_bytes()
                   == d.read_bytes() for d in (root / "out-book").glob("*/*.docx"))
    print(f"rows: {rows}; answer files written by intake read: {len(written)} ({into_s:.1f} s)")
    print(f"read and check the workbook: {read_s:.2f} s = {rows / read_s:,.0f} rows/s")
    print(f"build from YAML: {yaml_s:.1f} s ({report.count('built')} posts)")
    print(f"build from the workbook, end to end: {book_s:.1f} s "
          f"({from_book.count('built')} posts); documents byte-identical: {same}")
    print(f"what the workbook adds before the batch build (read, merge the base, stage "
          f"the rows): {stage_s:.2f} s = {rows / stage_s:,.0f} rows/s")
    print(f"reading adds {100 * stage_s / yaml_s:.1f}% to the build time (target: under 10%); "
          f"end to end the two builds differ by {100 * (book_s - yaml_s) / yaml_s:+.1f}% "
          "(machine load varies between them)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
