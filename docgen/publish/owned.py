"""A file refused because another answer file owns the post folder its reference names.

The owner keeps its post, and its row in the register: a refused file (one with errors of
its own included, which would otherwise add a second, failed row for the reference and
call a post whose documents stand one with none) gives up its register row and is told
whose folder it is. Its own errors are still listed; the refusal is said after them.
"""

from __future__ import annotations

from pathlib import Path

from docgen.answers.folder_names import reference_problem
from docgen.errors import DocgenError
from docgen.publish.claims import other_owner, owned_elsewhere
from docgen.publish.duplicates import declared_reference
from docgen.publish.stage import Folders, check_post_folder
from docgen.results import PostResult


def refuse_if_owned(folder: Path, path: Path, reference: str, result: PostResult) -> bool:
    """Refuse ``path`` when another answer file still giving ``reference`` built ``folder``
    (:func:`~docgen.publish.claims.other_owner`): ``result`` then names the post, has no
    register row of its own (the owner's stands) and says why. True when refused."""
    owner = other_owner(folder, path, reference)
    if owner is None:
        return False
    said = owned_elsewhere(folder, owner, path, reference)
    result.reference, result.summary = reference, {}
    result.message = (f"the answer file has errors (no document was written), and {said}"
                      if result.errors else said)
    return True


def refuse_failed_if_owned(path: Path, out: Path, hint: str | None, folders: Folders | None,
                           result: PostResult) -> None:
    """:func:`refuse_if_owned` for a file that could not be loaded or checked, by the
    reference its text states. Not for a file built before under another reference (its
    row stands for the documents it built there: :mod:`docgen.publish.register_rows`)."""
    reference = declared_reference(path)
    if reference is None or reference_problem(reference) is not None or (
            hint and hint.casefold() != reference.casefold()):
        return
    try:
        folder = check_post_folder(out, reference, folders)
    except DocgenError:
        return  # said when the file, mended, is built
    refuse_if_owned(folder, path, reference, result)
