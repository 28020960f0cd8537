"""One table of document kinds: every stage names the documents from it, and
``RenderResult.files`` gives the standard file names."""

from __future__ import annotations

import io
from pathlib import Path
from typing import get_args

import docx

import docgen
from docgen.answers import kinds, model
from docgen.clauses import render as clause_render
from docgen.word import fill, names

ROOT = Path(__file__).resolve().parents[2]
HR = ROOT / "inputs" / "shared-head-of-hr.yaml"
LEGAL = ROOT / "inputs" / "shared-legal-services-three-councils.yaml"


def test_the_table_and_the_answer_file_name_the_same_documents() -> None:
    assert kinds.DOCUMENT_KINDS == get_args(kinds.DocumentKind) == ("agreement", "contract",
                                                                    "job_spec")
    assert model.DOCUMENT_KINDS is kinds.DOCUMENT_KINDS
    field = model.AnswerFile.model_fields["documents"]
    assert field.default == list(kinds.DOCUMENT_KINDS)
    for k in kinds.KINDS:
        assert (ROOT / "docgen" / "data" / "templates" / k.template).is_file(), k.template
        assert k.file_name("X-1") == f"X-1-{k.suffix}.docx" == names.output_name("X-1", k.kind)


def test_every_stage_reads_its_names_from_the_table() -> None:
    assert {k.kind: k.title for k in kinds.KINDS} == fill.DOC_TITLES
    assert {k.kind: k.short_name for k in kinds.KINDS} == clause_render.DOC_NAMES
    assert {k.kind: k.suffix for k in kinds.KINDS} == names.FILE_SUFFIX
    assert {v: k for k, v in names.KIND_OF_SUFFIX.items()} == {
        k.kind: f"-{k.suffix}.docx" for k in kinds.KINDS}


def test_render_result_files_are_the_names_build_writes(tmp_path: Path) -> None:
    result = docgen.render(HR)
    report = docgen.build([HR], tmp_path, jobs=1)
    assert report.ok
    written = {p.name: p.read_bytes() for p in (tmp_path / "EWK-WSM-HR-01").glob("*.docx")}
    assert sorted(result.files) == ["EWK-WSM-HR-01-agreement.docx",
                                    "EWK-WSM-HR-01-contract.docx",
                                    "EWK-WSM-HR-01-job-spec.docx"]
    assert result.files == written


def test_the_titles_printed_in_the_documents_come_from_the_table() -> None:
    """Word's title property of each document is the table's title (the individual's
    document names itself a contract of employment while the post is vacant)."""
    result = docgen.render(LEGAL)
    for k in kinds.KINDS:
        props = docx.Document(io.BytesIO(result.documents[k.kind])).core_properties
        if k.kind == "contract":
            assert props.title.startswith("Contract of employment for a shared post: ")
        else:
            assert props.title.startswith(f"{k.title}: Head of Shared Legal Services")
    contract = docx.Document(io.BytesIO(docgen.render(HR).documents["contract"]))
    assert contract.core_properties.title.startswith(f"{kinds.BY_KIND['contract'].title}: ")
