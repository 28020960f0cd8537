"""Markdown and HTML review copies of the Word documents, with the clause numbers shown.

Word prints clause numbers from the numbering styles (DGClause1..4), so they
are not in the text: pandoc either drops them or turns the clauses into lists
numbered 1, 2, 3 that disagree with the real document. So we give pandoc a
*copy* of the document in which every numbered paragraph starts with its
number as literal text and has its automatic numbering switched off; clause
headings, schedule titles and the title become Markdown/HTML headings. Pandoc
still does the rest (tables, bold, escaping), which keeps the copies faithful.

The numbered copy is made in :mod:`docgen.ooxml.packages` (raw XML lives in ``ooxml/``);
the numbers are computed exactly as Word counts them (and as
the clause renderer predicts for cross-references) in :mod:`docgen.ooxml.numbering`,
shared with read-back verification.
"""

from __future__ import annotations

import importlib.metadata
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import docgen.publish
from docgen._version import __version__
from docgen.errors import DocgenError
from docgen.ooxml.packages import NOT_READABLE, numbered_copy
from docgen.publish.files import atomic_write

if TYPE_CHECKING:  # loaded when first asked for (docgen.publish's __getattr__)
    import docgen.publish.convert

FORMATS = {"md": "gfm", "html": "html5"}
#: pandoc output is reproducible with a fixed SOURCE_DATE_EPOCH (docx-stack.md)
DEFAULT_EPOCH = "0"
_ENV_LOCK = threading.Lock()
#: the distribution whose metadata lists the extras (``pyproject.toml``'s
#: ``[project.optional-dependencies]``, their one home)
DISTRIBUTION = "docgen"


def extra_packages(extra: str) -> list[str] | None:
    """The requirements docgen's installed metadata lists for ``extra`` ("review", "serve",
    "redline"), as ``pyproject.toml`` gives them: ``["pypandoc-binary>=1.13"]``. None when
    the metadata cannot be read, or belongs to another project named docgen (PyPI has one)."""
    try:
        dist = importlib.metadata.distribution(DISTRIBUTION)
        requires = dist.requires or []
    except (importlib.metadata.PackageNotFoundError, OSError, ValueError):
        return None
    if dist.version != __version__:
        return None
    marker = re.compile(rf"""\bextra\s*==\s*["']{re.escape(extra)}["']""")
    found = [spec.strip() for spec, _, where in (r.partition(";") for r in requires)
             if marker.search(where)]
    return found or None


def install_hint(extra: str) -> str:
    """How to add one of docgen's extras: ``pip install`` of the packages it needs (read
    from docgen's own metadata), or docgen reinstalled from its clone with the extra. Never
    ``pip install 'docgen[...]'``: that fetches an unrelated project from PyPI. Quoted with
    double quotes, which Windows' cmd.exe, PowerShell and POSIX shells all read (in cmd.exe
    a single quote is a character and ``>`` a redirection)."""
    wheel = f"path/to/docgen-{__version__}-py3-none-any.whl[{extra}]"
    reinstall = (f'add the extra when installing docgen from its clone, pip install -e '
                 f'".[{extra}]", or from its wheel, pip install "{wheel}"')
    packages = extra_packages(extra)
    if packages:
        named = " ".join(f'"{package}"' for package in packages)
        return f"pip install {named} (or {reinstall})"
    return f"{reinstall[0].upper()}{reinstall[1:]}"


def pandoc_missing() -> str | None:
    """Why the Markdown and HTML review copies cannot be made here (pandoc, from the
    ``review`` extra, is missing), or None when they can."""
    try:
        import pypandoc
    except ImportError:
        return ("Markdown and HTML review copies need pandoc (the review extra): "
                f"{install_hint('review')}")
    try:
        pypandoc.get_pandoc_path()
    except OSError as exc:
        return f"pandoc is not available ({exc}); install it with: {install_hint('review')}"
    return None


@contextmanager
def _reproducible() -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH for pandoc (pypandoc passes os.environ through), then restore."""
    with _ENV_LOCK:
        old = os.environ.get("SOURCE_DATE_EPOCH")
        os.environ["SOURCE_DATE_EPOCH"] = old or DEFAULT_EPOCH
        try:
            yield
        finally:
            if old is None:
                os.environ.pop("SOURCE_DATE_EPOCH", None)


def _pandoc(docx: Path, to: str, extra: list[str], plain_fields: bool = False) -> str:
    missing = pandoc_missing()
    if missing is not None:
        raise DocgenError(missing)
    import pypandoc
    try:
        data = docx.read_bytes()
    except OSError as exc:
        raise DocgenError(f"cannot read {docx}: {exc}") from None
    try:
        prepared = numbered_copy(data, plain_fields)
    except NOT_READABLE as exc:
        raise DocgenError(f"{docx}: not a Word document docgen can read ({exc})") from None
    with tempfile.TemporaryDirectory(prefix="docgen-review-") as tmp:
        copy = Path(tmp) / docx.name
        copy.write_bytes(prepared)
        try:
            with _reproducible():
                text: str = pypandoc.convert_file(str(copy), to, format="docx",
                                             extra_args=["--wrap=none", *extra])
        except OSError as exc:
            raise DocgenError(f"pandoc is not available ({exc}); install it with: "
                              f"{install_hint('review')}") from None
        except RuntimeError as exc:
            raise DocgenError(f"pandoc could not convert {docx}: {exc}") from None
    return text.replace("\r\n", "\n")


def to_markdown(docx: Path) -> str:
    """GitHub-flavoured Markdown of a document, clause numbers included."""
    return _pandoc(Path(docx), FORMATS["md"], [], plain_fields=True)


def to_html(docx: Path) -> str:
    """A standalone HTML page of a document, clause numbers included."""
    docx = Path(docx)
    return _pandoc(docx, FORMATS["html"], ["--standalone", f"--metadata=pagetitle:{docx.stem}"])


CONVERTERS = {"md": to_markdown, "html": to_html}


def missing_tools(formats: Iterable[str]) -> list[str]:
    """Why each of ``formats`` (docx, pdf, md, html) cannot be made here: pandoc for md and
    html (:func:`pandoc_missing`), LibreOffice for pdf (:func:`~docgen.publish.convert.
    find_soffice`, as :func:`~docgen.publish.convert.to_pdf` looks for it); [] if all can."""
    wanted = {f.lower() for f in formats}
    why = [m for m in [pandoc_missing()] if m is not None] if wanted & set(CONVERTERS) else []
    if "pdf" in wanted:
        try:
            docgen.publish.convert.find_soffice()
        except DocgenError as exc:
            why.append(str(exc))
    return why


def write_review_copies(docx_paths: Iterable[Path], formats: Iterable[str]) -> list[Path]:
    """Write ``<name>.md`` / ``<name>.html`` next to each document (atomically); their paths."""
    wanted = [f.lower().lstrip(".") for f in formats]
    wanted = ["md" if f in ("markdown", "gfm") else f for f in wanted]
    unknown = [f for f in wanted if f not in CONVERTERS]
    if unknown:
        raise DocgenError(f"unknown review format(s) {', '.join(unknown)}; use md or html")
    written: list[Path] = []
    for docx in map(Path, docx_paths):
        for fmt in dict.fromkeys(wanted):
            target = docx.with_suffix(f".{fmt}")
            atomic_write(target, CONVERTERS[fmt](docx).encode("utf-8"))
            written.append(target)
    return written


__all__ = ["numbered_copy", "to_markdown", "to_html", "write_review_copies", "extra_packages",
           "install_hint", "pandoc_missing", "missing_tools"]
