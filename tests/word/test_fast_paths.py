"""The shortcuts taken for speed give exactly what the plain way gave.

Each shortcut (parts handed over by ``fill`` instead of the zip, styles found from
their elements, plain paragraphs read by one tag, regexes that start with a character
class, plain text that skips the XML parser or Jinja, one alarm handler per document,
the clause files listed with os.scandir) is checked here against the plain way of
doing the same thing, on the examples and on random or malformed input.
"""

from __future__ import annotations

import collections
import collections.abc
import io
import random
import re
import signal
import time
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import EXAMPLES
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree
from pydantic import BaseModel
from yaml_text import load_yaml

import docgen
from docgen.api import _checked
from docgen.clauses.alarm import time_limit, time_limits
from docgen.clauses.engine import _without_tags, environment
from docgen.clauses.folder_files import yaml_files
from docgen.clauses.library import BUILTIN_DIR, cached_library
from docgen.clauses.render import render_document, terms_used
from docgen.clauses.sandbox import RememberingSandbox
from docgen.errors import DocgenError
from docgen.ooxml import wordml, zipfiles
from docgen.ooxml.numbering import first_values, paragraph_numbers
from docgen.ooxml.readback import (
    ReadDocument,
    _paragraph_texts,
    norm,
    paragraph_text,
    parse_parts,
    read_document,
    read_parts,
)
from docgen.pipeline import render_checked
from docgen.word.figures import _MONTHS, FIGURE, _strings, known_figures
from docgen.word.fill import TEMPLATE_DIR, fill_document
from docgen.word.notes import annotate
from docgen.word.verify import verify_documents

W_NS = wordml.W_NS
W = f"{{{W_NS}}}"
HR = next(e for e in EXAMPLES if e.name == "shared-head-of-hr.yaml")

#: the figure pattern as first written (slow: it starts with a lookbehind)
FIGURE_SPEC = re.compile(rf"(?<![\w.,])(?:[£€$]\s?)?\d{{1,3}}(?:,\d{{3}})*\.\d{{2}}(?![\d%])"
                         rf"|(?<![\w.,])\d+(?:\.\d+)?%"
                         rf"|(?<!\w)\d{{1,2}} (?:{_MONTHS}) \d{{4}}(?!\d)")


def _filled(path: Path) -> tuple[object, dict[str, object]]:
    checked = _checked(path)
    out = {}
    for kind in checked.answers.documents:
        rendered = render_document(cached_library([]), kind, checked.facts)
        notes = annotate(rendered, checked.problems, checked.facts) \
            if checked.facts.is_draft else []
        out[kind] = fill_document(checked.facts, kind, rendered, notes, TEMPLATE_DIR)
    return checked, out


def _summary(doc: ReadDocument) -> dict[str, object]:
    def where(p: etree._Element | None) -> str | None:
        return None if p is None else paragraph_text(p)

    return {"segments": doc.segments, "text": doc.text, "figure_text": doc.figure_text,
            "fields": [(f.instruction, f.result, where(f.paragraph)) for f in doc.fields],
            "bookmarks": [(k, where(v)) for k, v in doc.bookmarks.items()],
            "numbers": [(where(k), v) for k, v in doc.numbers.items()],
            "placeholders": doc.placeholders}


def _reference_read(root: etree._Element, extra: list[etree._Element]) -> dict[str, object]:
    """The reading as first written: one ``find`` and one six-tag iteration per paragraph,
    the whole text normalised at once (the parts the fast reading changed)."""
    body = root.find(f"{W}body")
    segments, texts, stated = [], [], []

    def style(p: etree._Element) -> str | None:
        s = p.find(f"{W}pPr/{W}pStyle")
        return None if s is None else s.get(f"{W}val", "")

    for el in body.iter(f"{W}p", f"{W}tr"):
        if el.tag == f"{W}tr":
            cells = [" ".join(_paragraph_texts(p)[0] for p in tc.iter(f"{W}p"))
                     for tc in el.iterchildren(f"{W}tc")]
            segments.append(norm(" | ".join(cells)))
            continue
        text, own = _paragraph_texts(el)
        texts.append(text)
        if style(el) != wordml.NOTE_STYLE:
            stated.append(own)
        if next(el.iterancestors(f"{W}tc"), None) is None:
            segments.append(norm(text))
    for part in extra:
        for p in part.iter(f"{W}p"):
            text, own = _paragraph_texts(p)
            texts.append(text)
            stated.append(own)
            segments.append(norm(text))
    numbers = paragraph_numbers(list(body.iter(f"{W}p")))  # a find() per paragraph
    placeholders = []
    for run in root.iter(f"{W}r"):
        s = run.find(f"{W}rPr/{W}rStyle")
        if s is not None and s.get(f"{W}val") == wordml.PLACEHOLDER_STYLE:
            placeholders.append("".join(t.text or "" for t in run.iter(f"{W}t")))
    return {"segments": segments, "text": norm("\n".join(texts)),
            "figure_text": norm("\n".join(stated)),
            "numbers": [(paragraph_text(p), n) for p, n in numbers.items()],
            "placeholders": placeholders}


def _fast_read(root: etree._Element, extra: list[etree._Element]) -> dict[str, object]:
    doc = read_parts("x", root, extra)
    return {"segments": doc.segments, "text": doc.text, "figure_text": doc.figure_text,
            "numbers": [(paragraph_text(p), n) for p, n in doc.numbers.items()],
            "placeholders": doc.placeholders}


# --- random malformed documents ----------------------------------------------------------

_TAGS = ["p", "pPr", "pStyle", "numPr", "numId", "r", "rPr", "rStyle", "t", "tab", "tabs",
         "br", "cr", "noBreakHyphen", "fldChar", "instrText", "fldSimple", "tbl", "tr", "tc",
         "bookmarkStart", "sdt", "sdtContent", "delText", "txbxContent"]
_VALS = ["DGNote", "DGClause1", "DGClause2", "DGClause3", "DGClause4", "DGSchedule",
         "DGPlaceholder", "0", "1"]
_WORDS = ["£1,000.00", "5%", "1 March 2025", "24.10", "hello", " ", "", "x", "{{"]


def _element(rnd: random.Random, depth: int) -> etree._Element:
    tag = rnd.choice(_TAGS)
    el = etree.Element(f"{W}{tag}")
    if tag in ("pStyle", "rStyle", "numId"):
        el.set(f"{W}val", rnd.choice(_VALS))
    elif tag == "fldChar":
        el.set(f"{W}fldCharType", rnd.choice(["begin", "separate", "end"]))
    elif tag in ("t", "instrText", "delText"):
        el.text = rnd.choice(_WORDS)
    for _ in range(rnd.randint(0, 4) if depth else 0):
        el.append(_element(rnd, depth - 1))
    return el


def _properties(rnd: random.Random, parent: etree._Element, props: str,
                names: tuple[str, ...]) -> None:
    """Property elements, sometimes two of one kind (Word never writes that; a hand may)."""
    for _ in range(1 + (rnd.random() < 0.2)):
        holder = etree.SubElement(parent, f"{W}{props}")
        for _ in range(1 + (rnd.random() < 0.2)):
            el = holder
            for name in names:
                el = etree.SubElement(el, f"{W}{name}")
            el.set(f"{W}val", rnd.choice(_VALS))


def _run(rnd: random.Random) -> etree._Element:
    run = etree.Element(f"{W}r")
    if rnd.random() < 0.3:
        _properties(rnd, run, "rPr", ("rStyle",))
    kind = rnd.choice(["t"] * 8 + ["begin", "separate", "end", "tab", "br", "noBreakHyphen"])
    if kind == "t":
        etree.SubElement(run, f"{W}t").text = rnd.choice(_WORDS)
    elif kind in ("begin", "separate", "end"):
        etree.SubElement(run, f"{W}fldChar").set(f"{W}fldCharType", kind)
    else:
        etree.SubElement(run, f"{W}{kind}")
    return run


def _paragraph(rnd: random.Random) -> etree._Element:
    p = etree.Element(f"{W}p")
    if rnd.random() < 0.7:
        _properties(rnd, p, "pPr", ("pStyle",))
    if rnd.random() < 0.3:
        _properties(rnd, p, "pPr", ("numPr", "numId"))
    for _ in range(rnd.randint(0, 6)):
        holder = etree.SubElement(p, f"{W}fldSimple") if rnd.random() < 0.1 else p
        holder.append(_run(rnd))
    return p


def _random_parts(rnd: random.Random) -> tuple[etree._Element, list[etree._Element]]:
    """Word-like paragraphs, tables and fields half the time; anything nested anyhow else."""
    root = etree.Element(f"{W}document", nsmap={"w": W_NS})
    body = etree.SubElement(root, f"{W}body")
    for _ in range(rnd.randint(1, 8)):
        if rnd.random() < 0.5:
            body.append(_element(rnd, rnd.randint(1, 5)))
        elif rnd.random() < 0.2:
            row = etree.SubElement(etree.SubElement(body, f"{W}tbl"), f"{W}tr")
            for _ in range(rnd.randint(1, 3)):
                etree.SubElement(row, f"{W}tc").append(_paragraph(rnd))
        else:
            body.append(_paragraph(rnd))
    header = etree.Element(f"{W}hdr", nsmap={"w": W_NS})
    header.append(_paragraph(rnd))
    return root, [header]


def test_fast_reading_equals_the_straightforward_one_on_random_documents() -> None:
    rnd = random.Random(11)
    for _ in range(1500):
        root, extra = _random_parts(rnd)
        assert _fast_read(root, extra) == _reference_read(root, extra), \
            etree.tostring(root).decode()


def test_fast_reading_equals_the_straightforward_one_on_the_examples() -> None:
    for path in EXAMPLES:
        _, filled = _filled(path)
        for f in filled.values():
            assert _fast_read(*f.parts) == _reference_read(*f.parts)


def test_first_values_give_what_find_gives() -> None:
    rnd = random.Random(5)
    for _ in range(400):
        root, _ = _random_parts(rnd)
        for path in (("p", "pPr", "pStyle"), ("p", "pPr", "numPr", "numId"),
                     ("r", "rPr", "rStyle")):
            found = first_values(root, path)
            for el in root.iter(f"{W}{path[0]}"):
                hit = el.find("/".join(f"{W}{name}" for name in path[1:]))
                assert found.get(el) == (None if hit is None else hit.get(f"{W}val", ""))


# --- the parts fill hands over stand for the zip --------------------------------------------


def test_parts_from_fill_read_as_the_file_reads() -> None:
    for path in EXAMPLES:
        checked, filled = _filled(path)
        for kind, f in filled.items():
            assert _summary(read_parts(kind, *f.parts)) == \
                _summary(read_document(kind, f.data)), (path.name, kind)
        docs = {k: f.data for k, f in filled.items()}
        assert verify_documents(checked.facts, docs,
                                {k: f.parts for k, f in filled.items()}) == []
        assert verify_documents(checked.facts, docs) == []


def test_a_changed_figure_is_caught_alike_in_memory_and_from_the_file() -> None:
    checked, filled = _filled(HR)
    contract = filled["contract"]
    salary = checked.facts.money.salary_text
    root, extra = contract.parts
    texts = [t for t in root.iter(f"{W}t") if t.text and salary in t.text]
    assert texts, "the contract states the salary"
    texts[0].text = texts[0].text.replace(salary, "£12,345.67")
    members = [(info.filename, etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                              standalone=True)
                if info.filename == "word/document.xml" else data)
               for info, data in zipfiles.read_zip(contract.data)]
    data = zipfiles.write_zip(members)
    in_memory = verify_documents(checked.facts, {"contract": data}, {"contract": (root, extra)})
    from_file = verify_documents(checked.facts, {"contract": data})
    assert in_memory == from_file
    assert any("£12,345.67 is not a figure of this post" in p for p in in_memory), in_memory


def test_render_refuses_a_document_that_disagrees_with_the_answers(tmp_path: Path) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "fee.yaml").write_text(
        "id: zz.fee\ntitle: Fee\nversion: 1\ndocuments: [agreement]\norder: 9990\n"
        "text: |\n  A fee of £4,321.00 is payable.\n")
    answers = load_yaml(HR.read_text(encoding="utf-8"))
    with pytest.raises(DocgenError, match=r"do not agree.*£4,321.00 is not a figure"):
        docgen.render(answers, clauses=[folder])
    result = docgen.render(answers, clauses=[folder], verify=False)
    checked = _checked(answers)
    assert any("£4,321.00" in p for p in verify_documents(checked.facts, result.documents))


def test_a_template_without_a_main_part_is_still_reported_by_verification(
        tmp_path: Path) -> None:
    members = [(i.filename, d) for i, d in zipfiles.read_zip(
        (TEMPLATE_DIR / "agreement.docx").read_bytes()) if i.filename != "word/document.xml"]
    (tmp_path / "agreement.docx").write_bytes(zipfiles.write_zip(members))
    checked = _checked(HR)
    made = render_checked(checked, cached_library([]), tmp_path, ["agreement"], verify=False)
    assert "word/document.xml" not in {i.filename for i, _ in zipfiles.read_zip(
        made.documents["agreement"])}
    with pytest.raises(DocgenError, match="not a readable Word document"):
        render_checked(checked, cached_library([]), tmp_path, ["agreement"])


def test_a_damaged_part_of_a_file_is_found_even_where_no_reader_looks() -> None:
    _, filled = _filled(HR)
    data = filled["agreement"].data
    name = b"word/styles.xml"
    bad_crc = bytearray(data)
    record = data.rindex(name) - 46  # its central directory record; the CRC is at +16
    bad_crc[record + 16] ^= 0xFF
    bad_stream = bytearray(data)
    start = data.index(name) + len(name)  # its local header's name; the stream follows
    bad_stream[start + 10: start + 40] = bytes(30)
    for damaged in (bad_crc, bad_stream):
        with pytest.raises(DocgenError, match="agreement: not a readable Word document"):
            parse_parts("agreement", bytes(damaged))


# --- rewritten patterns ----------------------------------------------------------------------


def test_figure_pattern_finds_what_its_specification_finds() -> None:
    _, filled = _filled(HR)
    for f in filled.values():
        text = read_parts("x", *f.parts).figure_text
        assert FIGURE.findall(text) == FIGURE_SPEC.findall(text)
    rnd = random.Random(3)
    pieces = ["January", "March", "1", "12", "2025", "1,000.00", "£", "€ ", "$", "5%", ".",
              ",", "x", "-", " ", "\u00a0", "\n", "0.5", "٣"]
    for _ in range(20_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 10)))
        assert FIGURE.findall(text) == FIGURE_SPEC.findall(text), repr(text)


def test_defined_terms_found_are_what_their_specification_finds() -> None:
    terms = sorted({d.term for d in cached_library([]).definitions.values()})
    rnd = random.Random(4)
    pieces = [*terms, "-", " ", "a", "\n", "Party", "Host", "é", "_", "1", "٣", "\u00a0"]
    for _ in range(10_000):
        chosen = rnd.sample(terms, rnd.randint(1, 5))
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 10)))
        spec = {t for t in chosen if re.search(rf"(?<![\w-]){re.escape(t)}(?![\w-])", text)}
        assert terms_used(chosen, text) == spec, (chosen, text)
    # a term found only inside a longer one is not used; found on its own as well, it is
    assert terms_used(["Host Party"], "the Host Partys") == set()
    assert terms_used(["Host Party", "Party"], "a Host Party-led Party") == {"Party"}


def test_plain_text_runs_are_what_the_xml_parser_reads() -> None:
    def parsed(markup: str) -> str | type:
        try:
            root = etree.fromstring(f"<p>{markup}</p>".encode())
        except (etree.XMLSyntaxError, ValueError):
            return ValueError  # what inline_runs raises for markup the parser refuses
        return wordml.run_xml(root.text) if root.text else ""

    def fast(markup: str) -> str | type:
        try:
            return wordml.inline_runs(markup, {})
        except ValueError:
            return ValueError

    edges = [0x0, 0x8, 0x9, 0xA, 0xB, 0xC, 0xD, 0xE, 0x1F, 0x20, 0x3C, 0x3E, 0x26, 0x7F, 0x85,
             0xA0, 0xD7FF, 0xD800, 0xDFFF, 0xE000, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x10FFFF]
    rnd = random.Random(6)
    pieces = [chr(c) for c in edges] + ["a", " ", "]]>", "]]", "£", "x y"]
    samples = [chr(c) for c in edges] + ["".join(rnd.choice(pieces) for _ in range(5))
                                         for _ in range(5_000)]
    for markup in samples:
        if "<" not in markup and "&" not in markup:
            assert fast(markup) == parsed(markup), repr(markup)


def test_text_without_tags_renders_as_jinja_renders_it() -> None:
    rnd = random.Random(8)
    pieces = ["a", " ", "\n", "\r", "\r\n", "\n\n", "\t", "\u2028", "\x0b", "\x85", "}", "%",
              "#", "-", "<b>", "&amp;", "\\", "£"]
    for _ in range(5_000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 8)))
        assert _without_tags(text) == environment().from_string(text).render(), repr(text)


# --- one alarm handler per document ---------------------------------------------------------


def test_time_limits_share_a_handler_and_still_stop_each_render() -> None:
    with time_limits():
        handler = signal.getsignal(signal.SIGALRM)
        assert callable(handler)
        with pytest.raises(TimeoutError, match="took over 0.05 s"), time_limit(0.05):
            while True:
                time.sleep(0.001)
        with time_limit(5.0):
            assert signal.getitimer(signal.ITIMER_REAL)[0] > 4
            with time_limit(0.01):  # inside another: the running timer is left alone
                pass
            assert signal.getitimer(signal.ITIMER_REAL)[0] > 4
        # left set for the next render (going off between renders, it stops nothing)
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 4
        assert signal.getsignal(signal.SIGALRM) is handler
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL


def test_clause_files_are_listed_as_rglob_lists_them(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.yaml").write_text("1")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "y.yaml").write_text("2")
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "folder.yaml" / "z.yaml").write_text("3")
    (tmp_path / "linked").symlink_to(tmp_path / "a")  # not followed, as rglob does not
    (tmp_path / "l.yaml").symlink_to(tmp_path / "a" / "x.yaml")
    for name in ("X.YAML", ".yaml", "b.yml", "c.yaml.bak"):
        (tmp_path / name).write_text("4")
    for folder in (tmp_path, BUILTIN_DIR):
        assert yaml_files(str(folder)) == sorted(map(str, folder.rglob("*.yaml")))


def test_the_remembering_sandbox_answers_as_jinjas_does() -> None:
    plain, remembering = ImmutableSandboxedEnvironment(), RememberingSandbox()

    class Rows:  # registered as a mutable sequence below, after a first answer
        def append(self, item: object) -> None: ...

    class Liar:  # claims to be a list
        __class__ = list  # type: ignore[assignment]

    def gen():  # noqa: ANN202
        yield 1

    objects = [{}, [], set(), collections.deque(), "x", 1, Rows(), Liar(), gen, gen(),
               str, SimpleNamespace(a=1), cached_library([]), time.sleep, "".join]
    attrs = ["append", "clear", "add", "pop", "keys", "upper", "mro", "__class__", "_x",
             "gi_frame", "__globals__", "a", "definitions", "format", "popitem"]

    def same() -> None:
        for obj in objects:
            for attr in attrs:
                for _ in range(2):  # the second answer comes from memory
                    assert remembering.is_safe_attribute(obj, attr, None) == \
                        plain.is_safe_attribute(obj, attr, None), (obj, attr)

    same()
    assert remembering.is_safe_attribute(Rows(), "append", None)
    collections.abc.MutableSequence.register(Rows)
    same()
    assert not remembering.is_safe_attribute(Rows(), "append", None)


def _strings_recursively(value: object, seen: set[int]) -> Iterable[str]:
    """known_figures' walk as first written (nested generators)."""
    if isinstance(value, str):
        yield value
        return
    if id(value) in seen or isinstance(value, int | float | bytes | Path) or value is None:
        return
    seen.add(id(value))
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings_recursively(getattr(value, name), seen)
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from _strings_recursively(getattr(value, name), seen)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings_recursively(k, seen)
            yield from _strings_recursively(v, seen)
    elif isinstance(value, list | tuple | set):
        for v in value:
            yield from _strings_recursively(v, seen)


def test_known_figures_walk_finds_every_string() -> None:
    for path in EXAMPLES:
        facts = _checked(path).facts
        walked = list(_strings_recursively(facts, set()))
        assert sorted(_strings(facts)) == sorted(walked)
        spec = {norm(m) for m in FIGURE_SPEC.findall(norm("\n|\n".join(walked)))}
        assert known_figures(facts) == spec and spec


def test_template_members_copied_as_stored_are_what_packing_makes() -> None:
    for template in sorted(TEMPLATE_DIR.glob("*.docx")):
        raw = template.read_bytes()
        stored = zipfiles.stored_deflated(raw)
        members = zipfiles.read_zip(raw)
        assert len(stored) == len(members) > 10, template
        for info, data in members:
            assert stored[info.filename] == zipfiles.pack(info.filename, data), info.filename
        copy = zipfiles.write_zip(list(stored.values()))
        assert [(i.filename, d) for i, d in zipfiles.read_zip(copy)] == [
            (i.filename, d) for i, d in members]  # every CRC checked on the way


def test_a_member_not_plainly_deflated_is_left_to_be_packed() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("stored.xml", b"<a/>", compress_type=zipfile.ZIP_STORED)
        z.writestr("deflated.xml", b"<b/>" * 100, compress_type=zipfile.ZIP_DEFLATED)
    stored = zipfiles.stored_deflated(buffer.getvalue())
    assert list(stored) == ["deflated.xml"]
    assert zlib.decompress(stored["deflated.xml"].data, -15) == b"<b/>" * 100
