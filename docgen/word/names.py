"""What the documents are called: one home for kinds and file names (publishing and
read-back verification both need them)."""

from __future__ import annotations

FILE_SUFFIX = {"agreement": "agreement", "contract": "contract", "job_spec": "job-spec"}
KIND_OF_SUFFIX = {f"-{suffix}.docx": kind for kind, suffix in FILE_SUFFIX.items()}


def output_name(reference: str, kind: str) -> str:
    """``EWK-WSM-HR-01-agreement.docx``."""
    return f"{reference}-{FILE_SUFFIX[kind]}.docx"
