"""Documents are named from the one table of kinds (``docgen/answers/kinds.py``), never
spelled out again: ``compare`` tells a document's kind and reference from its name and names
its redline by the table, and ``docgen build --help`` lists the table's file names (the
interview's words: tests/web/test_kind_names_web.py)."""

from __future__ import annotations

import re
from pathlib import Path

from docgen.answers.kinds import KINDS
from docgen.cli import cli
from docgen.cli.build import build_cmd
from docgen.cli.review import compare_cmd
from docgen.publish.redline import kind_of
from docgen.word.names import kind_of_name, reference_of_name

ROOT = Path(__file__).resolve().parents[2]


def test_a_documents_kind_and_reference_come_from_its_name() -> None:
    for k in KINDS:
        name = k.file_name("EWK-01")
        assert kind_of_name(name) == k.kind == kind_of(Path("out") / name)
        assert reference_of_name(name) == "EWK-01"
        assert k.redline_name("EWK-01") == f"EWK-01-{k.suffix}-redline.docx"
    assert kind_of_name("notes.docx") is None and reference_of_name("notes.docx") is None


def test_redline_keeps_no_table_of_its_own() -> None:
    text = (ROOT / "docgen" / "publish" / "redline.py").read_text(encoding="utf-8")
    assert "KIND_OF_SUFFIX" not in text
    assert not re.search(r"-\{(label|FILE_SUFFIX[^}]*)\}-redline", text)


def test_build_help_lists_the_tables_file_names() -> None:
    said = " ".join((build_cmd.help or "").split())  # as written: --help
    # wraps at a hyphen (-job-\nspec.docx)
    assert set(re.findall(r"-([a-z][a-z-]*)\.docx", said)) == {k.suffix for k in KINDS}


def test_compare_help_names_a_redline_as_the_table_does() -> None:
    said = " ".join((compare_cmd.help or "").split())
    named = re.findall(r"<reference>-[a-z-]+-redline\.docx", said)
    assert named and all(n in {k.redline_name("<reference>") for k in KINDS} for n in named)


def test_docgen_help_names_each_document_of_the_table() -> None:
    said = " ".join((cli.help or "").split()).lower()
    assert all(k.noun in said for k in KINDS), said
