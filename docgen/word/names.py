"""What the documents are called: one home for kinds and file names (publishing and
read-back verification both need them)."""

from __future__ import annotations

from docgen.answers.kinds import BY_KIND, KINDS

FILE_SUFFIX: dict[str, str] = {k.kind: k.suffix for k in KINDS}
KIND_OF_SUFFIX: dict[str, str] = {f"-{k.suffix}.docx": k.kind for k in KINDS}


def output_name(reference: str, kind: str) -> str:
    """``EWK-WSM-HR-01-agreement.docx``."""
    return BY_KIND[kind].file_name(reference)


def kind_of_name(name: str) -> str | None:
    """The kind of a document from the file name docgen gives it
    (``EWK-01-agreement.docx`` → ``agreement``), or None for any other name. Case-blind
    (``EWK-01-AGREEMENT.DOCX`` too), as Windows and macOS see no difference."""
    return next((kind for suffix, kind in KIND_OF_SUFFIX.items()
                 if name[-len(suffix):].lower() == suffix), None)


def reference_of_name(name: str) -> str | None:
    """The reference a document's file name starts with (``EWK-01-job-spec.docx`` →
    ``EWK-01``, as written): its name less its kind's ending; None for a name of no kind."""
    kind = kind_of_name(name)
    return None if kind is None else name[: -len(f"-{FILE_SUFFIX[kind]}.docx")]
