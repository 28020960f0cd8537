"""The command line's cache of prepared templates (docgen/word/templatecache.py): a
document made with it is byte for byte the one made without it, and a damaged, missing
or unwritable cache is a miss, never a wrong template."""

from __future__ import annotations

import hashlib
from pathlib import Path

import docxtpl.template
import pytest
from conftest import EXAMPLES
from jinja2 import Environment

import docgen
from docgen.clauses.bytecode import BestEffortCache
from docgen.clauses.cachefolder import code_hash
from docgen.clauses.engine import compiling_code, environment, use_bytecode_cache
from docgen.ooxml import paragraph_lines, zipfiles
from docgen.word import fill, templatecache
from docgen.word.fill import TEMPLATE_DIR

HR = next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml")


def _document_xml() -> str:
    raw = (TEMPLATE_DIR / "agreement.docx").read_bytes()
    return dict((i.filename, d) for i, d in zipfiles.read_zip(raw))["word/document.xml"].decode()


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("__docgen_template_*.xml"))


def test_an_entry_is_written_once_and_read_back_as_made(tmp_path: Path) -> None:
    xml = _document_xml()
    made = templatecache.prepare(xml)
    assert "{%" in made and made != xml  # docxtpl's clean-up did something
    assert templatecache.prepared(xml, tmp_path) == made
    [entry] = _entries(tmp_path)
    written = entry.read_bytes()
    assert templatecache.prepared(xml, tmp_path) == made
    assert entry.read_bytes() == written and _entries(tmp_path) == [entry]
    assert not list(tmp_path.glob(".*.tmp"))  # written whole: no half-file left


def test_entries_are_keyed_by_the_docxtpl_that_made_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = Path(docxtpl.template.__file__).read_bytes()
    assert templatecache._docxtpl_source() == hashlib.sha256(source).hexdigest()
    xml = _document_xml()
    templatecache.prepared(xml, tmp_path)
    monkeypatch.setattr(templatecache, "_docxtpl_source", lambda: "another docxtpl")
    templatecache.prepared(xml, tmp_path)
    assert len(_entries(tmp_path)) == 2  # a new docxtpl never reads the old one's entry


def test_entries_are_keyed_by_the_code_that_prepares_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A change to this module or to the parts' line breaks (ooxml.paragraph_lines) names
    new entries, with no number to bump by hand."""
    assert code_hash(templatecache, paragraph_lines) == templatecache._PREPARING
    xml = _document_xml()
    templatecache.prepared(xml, tmp_path)
    monkeypatch.setattr(templatecache, "_PREPARING", f"edited {templatecache._PREPARING}")
    templatecache.prepared(xml, tmp_path)
    assert len(_entries(tmp_path)) == 2
    monkeypatch.setattr(templatecache, "_PREPARING", None)
    templatecache.prepared(xml, tmp_path)  # no source to hash: prepared, nothing kept
    assert len(_entries(tmp_path)) == 2


@pytest.mark.parametrize("damage", ["truncated", "edited", "empty", "not utf-8"])
def test_a_damaged_entry_is_a_miss_and_is_rewritten(tmp_path: Path, damage: str) -> None:
    xml = _document_xml()
    made = templatecache.prepared(xml, tmp_path)
    [entry] = _entries(tmp_path)
    data = entry.read_bytes()
    entry.write_bytes({"truncated": data[: len(data) // 2],
                       "edited": data.replace(b"{%", b"{{", 1),
                       "empty": b"",
                       "not utf-8": data.split(b"\n")[0] + b"\n\xff\xfe"}[damage])
    assert templatecache.prepared(xml, tmp_path) == made
    assert entry.read_bytes() == data


def test_no_folder_or_an_unwritable_one_still_prepares(tmp_path: Path) -> None:
    xml = _document_xml()
    made = templatecache.prepare(xml)
    assert templatecache.prepared(xml, None) == made
    assert templatecache.prepared(xml, tmp_path / "missing") == made
    assert not (tmp_path / "missing").exists()


def test_a_post_rendered_through_the_cache_is_byte_identical(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cold cache, warm cache and no cache give the same three documents."""
    monkeypatch.setattr(environment(), "bytecode_cache", None)  # put back afterwards
    fill._compiled_template.cache_clear()
    plain = docgen.render(HR).documents
    use_bytecode_cache(tmp_path)
    runs = []
    for _ in ("cold", "warm"):
        fill._compiled_template.cache_clear()
        runs.append(docgen.render(HR).documents)
    fill._compiled_template.cache_clear()
    assert _entries(tmp_path)  # the cache was used
    for docs in runs:
        assert {k: hashlib.sha256(v).hexdigest() for k, v in docs.items()} == \
            {k: hashlib.sha256(v).hexdigest() for k, v in plain.items()}


def test_environments_with_other_options_do_not_share_bytecode(tmp_path: Path) -> None:
    """Jinja compiles escaping into the code: an environment that escapes and one that
    does not, given the same source, must not load each other's cached code."""
    cache = BestEffortCache(str(tmp_path), compiling_code() or "")
    escaping = templatecache.compile_part(Environment(autoescape=True), "{{ x }}", cache)
    plain = templatecache.compile_part(Environment(autoescape=False), "{{ x }}", cache)
    assert escaping.render(x="<b>") == "&lt;b&gt;"
    assert plain.render(x="<b>") == "<b>"
    assert len(list(tmp_path.glob("*.cache"))) == 2
