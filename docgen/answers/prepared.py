"""The answer file's validator, kept between runs of the command line (issue 24).

Pydantic makes a model's validator the first time it validates: it walks every field of
every model in the answer file (150 of them, each with its validators' signatures
inspected) to write the schema that ``pydantic_core`` compiles. That is some 20 ms of a
one-post build, every run, for the same result. The compiled validator pickles as its
schema and config (``pydantic_core``'s own ``__reduce__``: the functions and classes in
it by name), and rebuilding it from them takes about a millisecond.

Entries are named by the hash of the source of the modules the model is made from
(:data:`MODEL_MODULES`, held complete by a test), and of the Python, pydantic and
pydantic_core that run it: an edited model, or another pydantic, names a new entry, so
an old validator is never used. They are read and written through the command line's
cache folder (:mod:`docgen.clauses.cachefolder`, given by :func:`use_cache` from the
layer above): each entry behind the hash of its bytes, written whole. A missing,
damaged or unreadable entry is a miss: the model validates as it would without a cache
(and the entry is written for the next run). Without a chosen folder (docgen used as a
library), nothing touches the disk.

The entries are pickles, read back with :mod:`pickle`: the cache folder is trusted as the
Jinja bytecode kept beside them is (both are code), so it must be the user's own, never a
folder others can write to or one shared between users. The hash line of each entry
finds damage, not authorship.

The validator made here is used only to validate: the model class is left as pydantic
made it, so anything else that needs its schema (``model_dump``, the JSON Schema) still
has pydantic make it, as before.
"""

from __future__ import annotations

import pickle
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pydantic
import pydantic_core
from pydantic import BaseModel
from pydantic_core import SchemaValidator

from docgen import sourcehash
from docgen.answers.model import AnswerFile

#: the modules that make the answer file's model: their source names its entry (a test
#: checks this is every docgen module that importing the model loads)
MODEL_MODULES = ("docgen.answers.model", "docgen.answers.fields", "docgen.answers.terms",
                 "docgen.answers.payment",
                 "docgen.answers.kinds", "docgen.answers.notknown",
                 "docgen.answers.folder_names", "docgen.answers.party_ids",
                 "docgen.errors", "docgen._version",
                 "docgen.answers.prepared", "docgen._records")
#: the entries' format, named in each entry's name
FORMAT = "1"

Folder = Callable[[], Path | None]
Read = Callable[[Path], bytes | None]
Write = Callable[[Path, bytes], None]

_STORE: list[tuple[Folder, Read, Write]] = []  # the command line's cache, once given
_MADE: dict[tuple[type[BaseModel], Path], SchemaValidator] = {}  # read, by model and entry
_LOCK = threading.Lock()


def use_cache(folder: Folder, read: Read, write: Write) -> None:
    """Keep validators in the folder ``folder()`` returns when asked (None: no cache),
    with ``read`` and ``write`` for its entries."""
    _STORE[:] = [(folder, read, write)]


def source_hash(names: tuple[str, ...]) -> str | None:
    """The hash of the source of the modules ``names`` (all loaded), and of the Python and
    the pydantic that run them; None when one's source cannot be read (a frozen install)."""
    return sourcehash.source_hash([sys.modules.get(name) for name in names],
                                  (FORMAT, sys.version, pydantic.VERSION,
                                   pydantic_core.__version__))


#: taken when this module is imported, as the model is: a file edited later names the
#: code running here no more than :func:`docgen.clauses.cachefolder.code_hash` does
MODEL_CODE = source_hash(MODEL_MODULES)


def _entry(model: type[BaseModel], code: str | None) -> tuple[Path, Read, Write] | None:
    if not _STORE or code is None:
        return None
    folder, read, write = _STORE[0]
    root = folder()
    if root is None:
        return None
    return root / f"__docgen_validator_{model.__name__}_{code[:32]}.cache", read, write


def validator(model: type[BaseModel] = AnswerFile, code: str | None = MODEL_CODE
              ) -> SchemaValidator | None:
    """``model``'s validator from the cache, or None (no cache, no entry, or a damaged
    one): validate with ``model.model_validate`` then, and :func:`keep` its validator.
    ``code``: the hash of the source ``model`` is made from (:func:`source_hash`)."""
    entry = _entry(model, code)
    if entry is None:
        return None
    path, read, _ = entry
    with _LOCK:
        made = _MADE.get((model, path))
    if made is not None:
        return made
    body = read(path)
    if body is None:
        return None
    try:
        loaded = pickle.loads(body)  # noqa: S301 - our own entry, checked whole by ``read``
    except Exception:  # noqa: BLE001 - whatever an unreadable entry raises: a miss
        return None
    if not isinstance(loaded, SchemaValidator) or loaded.title != model.__name__:
        return None
    with _LOCK:
        _MADE[(model, path)] = loaded
    return loaded


def keep(model: type[BaseModel] = AnswerFile, code: str | None = MODEL_CODE) -> None:
    """Write ``model``'s validator (pydantic has made it: the model has validated once)
    for the next run, if there is a cache; a validator that will not pickle is not kept."""
    entry = _entry(model, code)
    made = model.__pydantic_validator__
    if entry is None or not isinstance(made, SchemaValidator):
        return
    path, _, write = entry
    with _LOCK:
        _MADE[(model, path)] = made  # this process's next answer files: pydantic's own
    try:
        body = pickle.dumps(made, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - a schema holding something unpicklable: not kept
        return
    write(path, body)
