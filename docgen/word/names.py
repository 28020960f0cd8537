"""What the documents are called: one home for kinds and file names (publishing and
read-back verification both need them)."""

from __future__ import annotations

from docgen.answers.kinds import BY_KIND, KINDS

FILE_SUFFIX: dict[str, str] = {k.kind: k.suffix for k in KINDS}
KIND_OF_SUFFIX: dict[str, str] = {f"-{k.suffix}.docx": k.kind for k in KINDS}


def output_name(reference: str, kind: str) -> str:
    """``EWK-WSM-HR-01-agreement.docx``."""
    return BY_KIND[kind].file_name(reference)
