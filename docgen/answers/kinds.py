"""The documents docgen writes: one table, read by every stage that names them.

The answer file's ``documents`` key, the templates, the file names, the titles
printed in a document, the names clause cross-references use and the names the
interview shows all come from :data:`KINDS`, so adding or renaming a document
is one row here (plus its template and clauses), never five edits that can
drift apart.
"""

from __future__ import annotations

from typing import Literal

from docgen._records import record

DocumentKind = Literal["agreement", "contract", "job_spec"]


@record(frozen=True)
class Kind:
    """One document: how each part of docgen names it."""

    kind: DocumentKind  # the answer file's name for it (``documents: [job_spec]``)
    suffix: str  # its file: ``<reference>-<suffix>.docx``
    title: str  # the title it carries (cover, footer, Word properties); see doc_title
    short_name: str  # how an error about its clauses names it ("the Job Specification")
    label: str  # what the interview calls it (headings, the list of documents)
    a_name: str  # in a sentence: "a job specification"
    #: when the post-holder is recruited (no ``postholder`` yet) and the document differs:
    #: its title then (a new contract, not a variation), and what the interview calls it
    recruit_title: str = ""
    recruit_label: str = ""

    @property
    def noun(self) -> str:
        """Its name inside a sentence, after "the": "job specification" (clause books)."""
        return self.short_name.lower()

    @property
    def template(self) -> str:
        """Its template's file name in the templates folder."""
        return f"{self.kind}.docx"

    def file_name(self, reference: str) -> str:
        """``EWK-WSM-HR-01-job-spec.docx``."""
        return f"{reference}-{self.suffix}.docx"

    def redline_name(self, reference: str) -> str:
        """``EWK-WSM-HR-01-job-spec-redline.docx``: what ``docgen compare`` writes."""
        return f"{reference}-{self.suffix}-redline.docx"


KINDS: tuple[Kind, ...] = (
    Kind("agreement", "agreement", "Agreement for a shared post", "Agreement",
         "Inter-organisation agreement", "an agreement"),
    Kind("contract", "contract", "Contract variation for a shared post", "Contract",
         "Contract variation", "a contract", "Contract of employment for a shared post",
         "Contract of employment"),
    Kind("job_spec", "job-spec", "Joint job specification", "Job Specification",
         "Joint job specification", "a job specification"),
)
BY_KIND: dict[str, Kind] = {k.kind: k for k in KINDS}
DOCUMENT_KINDS: tuple[DocumentKind, ...] = tuple(k.kind for k in KINDS)
