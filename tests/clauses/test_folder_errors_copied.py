"""A clause folder's errors (errors.FolderErrors) survive pickle and copy: they are made
again from the errors found, not from the joined message in ``args`` (which ``__init__``
cannot take), so a worker process or a copy gives back the same errors and words."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from docgen.errors import FolderErrors

FOUND = [((Path("clauses"), Path("clauses/a.yaml")), "clause a is defined twice"),
         ((), "docgen's standard clauses are missing")]


@pytest.mark.parametrize("again", [lambda e: pickle.loads(pickle.dumps(e)), copy.copy,
                                   copy.deepcopy], ids=["pickle", "copy", "deepcopy"])
def test_folder_errors_made_again_are_the_same(
        again: Callable[[FolderErrors], FolderErrors]) -> None:
    errors = FolderErrors(FOUND)
    made = again(errors)
    assert type(made) is FolderErrors and made is not errors
    assert made.found == FOUND and str(made) == str(errors) == (
        "clause a is defined twice; docgen's standard clauses are missing")
