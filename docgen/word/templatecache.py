"""Templates prepared once per machine: the command line's cache, a speed-up, never a
reason to fail.

Each run of ``docgen build`` compiles the three templates before it writes. Preparing a
part's XML takes docxtpl's tag clean-up (``patch_xml``), and importing docxtpl loads
python-docx too: about 0.1 s of a one-post build, more than the post itself. When the
command line has chosen a cache folder (:func:`docgen.clauses.cachefolder.choose_cache_folder`),
the prepared XML is kept there under the hash of what it was made from (the part's XML,
the source of docxtpl's clean-up, of this module and of ``paragraph_lines``),
written whole and checked as :func:`~docgen.clauses.cachefolder.write_entry` does: a
damaged or half-written entry is a miss, never a template. Jinja's bytecode for it is
kept beside it by the clause engine's bytecode cache (named for the sandbox's code).
Without a cache folder (the library's ``render``), nothing touches the disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import sys
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FunctionLoader, Template
from jinja2.bccache import BytecodeCache, FileSystemBytecodeCache

from docgen.clauses.cachefolder import code_hash, read_entry, write_entry
from docgen.ooxml import paragraph_lines

#: the entries' format (the code that prepares them is named by its hash: ``code_hash``)
VERSION = "1"
#: this module's prepare() and the parts' line breaks, as loaded (None: no source, no cache)
_PREPARING = code_hash(sys.modules[__name__], paragraph_lines)


@lru_cache(maxsize=1)
def _docxtpl_source() -> str:
    """The hash of the docxtpl module that holds its clean-up (``patch_xml``), found without
    importing docxtpl: a new, patched or development docxtpl names new cache entries
    (its version number alone would not tell a patched copy from the release)."""
    with contextlib.suppress(OSError, ValueError, ImportError):
        spec = importlib.util.find_spec("docxtpl")
        for folder in (spec.submodule_search_locations or []) if spec else []:
            return hashlib.sha256((Path(folder) / "template.py").read_bytes()).hexdigest()
    return "unknown"


def prepare(xml: str) -> str:
    """A part's XML as Jinja compiles it: docxtpl's clean-up of the tags Word splits
    across runs, and a line break before each paragraph (``fill`` takes them out again
    after rendering). docxtpl is imported here, on a cache miss only."""
    from docxtpl import DocxTemplate  # with python-docx: 0.1 s, not on every start

    return paragraph_lines.paragraphs_on_lines(DocxTemplate.patch_xml(None, xml))


def cache_folder(cache: BytecodeCache | None) -> Path | None:
    """The folder of a file-system bytecode cache (the command line's), or None."""
    return Path(cache.directory) if isinstance(cache, FileSystemBytecodeCache) else None


def prepared(xml: str, folder: Path | None) -> str:
    """:func:`prepare` of ``xml``, kept in ``folder`` between runs when there is one."""
    if folder is None or _PREPARING is None:
        return prepare(xml)
    key = hashlib.sha256(
        f"{VERSION}\0{_PREPARING}\0{_docxtpl_source()}\0{xml}".encode()).hexdigest()
    path = folder / f"__docgen_template_{VERSION}_{key}.xml"
    body = read_entry(path)
    if body is not None:
        with contextlib.suppress(UnicodeDecodeError):
            return body.decode("utf-8")
    out = prepare(xml)
    write_entry(path, out.encode("utf-8"))
    return out


def _options(env: Environment) -> str:
    """What, besides the source, shapes the code Jinja compiles: a change to the fill
    environment (its class, escaping, finalize, syntax) names other cache entries."""
    def name(value: object) -> str:
        return getattr(value, "__qualname__", repr(value))

    return repr((name(type(env)), name(env.autoescape), name(env.finalize),
                 name(env.undefined), env.block_start_string, env.block_end_string,
                 env.variable_start_string, env.variable_end_string,
                 env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                 env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks,
                 env.newline_sequence, env.keep_trailing_newline, env.optimized,
                 sorted(env.extensions)))


def compile_part(env: Environment, source: str, cache: BytecodeCache | None) -> Template:
    """``env.from_string(source)``, its bytecode kept in ``cache`` when there is one
    (Jinja checks each entry against the source's hash)."""
    if cache is None:
        return env.from_string(source)
    key = hashlib.sha256(f"{_options(env)}\0{source}".encode()).hexdigest()
    name = f"docgen-template-{VERSION}-{key}"
    env.loader = FunctionLoader(lambda _name: (source, None, lambda: True))
    env.bytecode_cache = cache
    return env.get_template(name)
