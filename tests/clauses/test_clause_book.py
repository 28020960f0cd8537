"""The clause book: a lawyer edits the clause library in Word and docgen reads it back.

Issue 23's "done when": export the agreement's book, edit it with python-docx as a lawyer
would, import it, build the HR example with the overlay and find exactly those changes.
"""

from __future__ import annotations

import copy
import difflib
import io
from pathlib import Path

import docx
import pytest
from clause_book_edits import (
    HR,
    clause_heading,
    clause_paragraphs,
    copy_after,
    open_book,
    paragraph,
    reword,
    save,
    set_text,
)
from click.testing import CliRunner
from conftest import convert, pdf_text, to_pdf
from docx.text.run import Run
from yaml_text import load_yaml

import docgen
from docgen.answers.validation import load
from docgen.clauses.library import load_library
from docgen.clauses.lint import lint
from docgen.clauses.render import render_document
from docgen.cli import cli
from docgen.facts.derive import derive
from docgen.resources import BUILTIN_EXAMPLES

EXAMPLES = sorted(BUILTIN_EXAMPLES.glob("*.yaml"))
OLD = "The Parties recognise that, in working for each of them"
NEW = "The Parties acknowledge that, in working for each of them"


def run_import(book: Path, into: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["clauses", "import", str(book), "--into", str(into)])
    return result.exit_code, result.output


def rendered(overlays: list[Path]):
    facts = derive(load(HR)[0])
    return render_document(load_library(overlays), "agreement", facts)


def markup(doc) -> list[tuple[str, str]]:
    """Each paragraph's style and markup; a cross-reference is its target, not a number."""
    return [(p.style, p.markup) for p in doc.paras]


@pytest.fixture(scope="module")
def lawyers_book(tmp_path_factory: pytest.TempPathFactory, agreement_book: bytes) -> Path:
    """The agreement's book with one sentence reworded in the confidentiality clause, a
    clause added after it and one condition changed."""
    book = open_book(agreement_book)
    first = paragraph(book, OLD, after="agreement.confidentiality")
    reword(first, "recognise", "acknowledge")
    conf = clause_paragraphs(book, "agreement.confidentiality")
    heading, body = copy_after(conf[-1], [conf[0], conf[1]])
    set_text(heading, "Records  [ours.records, version 1]")
    set_text(body, "Each Party shall keep a record of the work the Post-holder does for it, "
                   "and treat it as Confidential Information under clause ")
    body.add_run("«confidentiality»")
    body.add_run(".")
    cond = paragraph(book, "⟦Only when there are more than two Parties:⟧",
                     after="agreement.exit")
    reword(cond, "there are more than two Parties", "the number of «parties» is more than 1")
    return save(book, tmp_path_factory.mktemp("book") / "agreement-book.docx")


def test_export_then_import_with_no_edit_writes_nothing(tmp_path: Path) -> None:
    for kind in ("agreement", "contract", "job_spec"):
        book = tmp_path / f"{kind}.docx"
        result = CliRunner().invoke(cli, ["clauses", "export", str(book), "--document", kind])
        assert result.exit_code == 0, result.output
        code, out = run_import(book, tmp_path / "ours")
        assert code == 0, out
        assert "no clause changed; nothing written" in out
        assert not (tmp_path / "ours").exists()


def test_export_refuses_to_overwrite_a_book(tmp_path: Path) -> None:
    book = tmp_path / "book.docx"
    book.write_bytes(b"a lawyer's edits")
    result = CliRunner().invoke(cli, ["clauses", "export", str(book)])
    assert result.exit_code == 1 and "already exists" in result.output
    assert book.read_bytes() == b"a lawyer's edits"


def test_export_names_the_document_and_a_missing_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["clauses", "export", str(tmp_path / "js.docx"),
                                      "--document", "job_spec"])
    assert "the job specification's clauses" in result.output
    result = CliRunner().invoke(cli, ["clauses", "export", str(tmp_path / "nosuch" / "b.docx")])
    assert result.exit_code == 1 and "the folder" in result.output
    assert "does not exist" in result.output and ".tmp" not in result.output


def test_book_shows_markers_in_their_own_highlighted_runs(agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    salary = paragraph(book, "salary of", after="agreement.finance")
    runs = {r.text: r for r in salary.runs}
    assert runs["«salary»"].style.style_id == "BookField"
    assert runs["«salary»"].font.highlight_color is not None
    exit_notice = next(r for p in book.paragraphs for r in p.runs if r.text == "«exit.notice»")
    assert exit_notice.style.style_id == "BookReference"
    conf_version = load_library([]).clauses["agreement.confidentiality"].version
    assert f"[agreement.confidentiality, version {conf_version}]" in clause_heading(
        book, "agreement.confidentiality").text


def test_done_when_lawyers_edits_reach_the_agreement(lawyers_book: Path,
                                                     tmp_path: Path) -> None:
    ours = tmp_path / "ours"
    code, out = run_import(lawyers_book, ours)
    assert code == 0, out
    files = {p.name: load_yaml(p.read_text()) for p in ours.glob("*.yaml")}
    assert set(files) == {"agreement.confidentiality.yaml", "ours.records.yaml",
                          "agreement.exit.yaml"}
    conf = files["agreement.confidentiality.yaml"]
    conf_version = load_library([]).clauses["agreement.confidentiality"].version
    assert (conf["version"], conf["replaces_version"]) == (conf_version + 1, conf_version)
    assert "reworded “The Parties acknowledge that" in conf["notes"]
    exit_version = load_library([]).clauses["agreement.exit"].version  # raised by legal edits
    exit_file = files["agreement.exit.yaml"]
    assert (exit_file["version"], exit_file["replaces_version"]) == (exit_version + 1,
                                                                     exit_version)
    assert "{% if parties | length > 1 %}" in files["agreement.exit.yaml"]["text"]
    assert files["ours.records.yaml"]["order"] == 1150
    assert lint([ours], EXAMPLES) == []

    base, new = rendered([]), rendered([ours])
    before, after = markup(base), markup(new)
    # exactly the three changes, compared paragraph by paragraph (references by target)
    ops = [op for op in difflib.SequenceMatcher(a=before, b=after, autojunk=False)
           .get_opcodes() if op[0] != "equal"]
    changes = [(before[i1:i2], after[j1:j2]) for _, i1, i2, j1, j2 in ops]
    assert len(changes) == 3, changes
    (old1, new1), (old2, new2), (old3, new3) = changes
    assert len(old1) == len(new1) == 1
    assert old1[0][1].replace("recognise", "acknowledge") == new1[0][1]
    assert old2 == [] and [m for _, m in new2] == [
        "Records", "Each Party shall keep a record of the work the Post-holder does for it, "
        "and treat it as Confidential Information under clause "
        '<ref to="agreement.confidentiality"/>.']
    assert [m for _, m in old3] == ["If a Party withdraws, the Arrangement ends on the "
                                    "Exit Date."]
    # the HR example's two Parties now meet the condition: both its paragraphs are printed
    assert [m[:45] for _, m in new3] == ["If a Party other than the Employer withdraws,",
                                         "If the Employer gives notice to withdraw, the"]
    # numbering: the new clause follows confidentiality; every later clause moves down one,
    # and in the exit clause the sub-clauses after the changed condition move down one more
    conf_no = int(base.refs["agreement.confidentiality"])
    assert new.refs["ours.records"] == str(conf_no + 1)
    exit_subs = [p.markup for p in next(rc for rc in base.clauses
                                        if rc.clause.id == "agreement.exit").paras
                 if p.style == "DGClause2"]
    changed_sub = exit_subs.index(old3[0][1]) + 1
    for anchor, number in base.refs.items():
        head, _, rest = number.partition(".")
        moved = str(int(head) + 1) if int(head) > conf_no else head
        if anchor.startswith("agreement.exit.") and int(rest) > changed_sub:
            rest = str(int(rest) + len(new3) - len(old3))
        assert new.refs[anchor] == moved + (f".{rest}" if rest else ""), anchor

    # the whole pipeline, with verification, and the Word text a lawyer reads
    result = docgen.render(HR, documents=["agreement"], clauses=[ours])
    text = "\n".join(p.text for p in docx.Document(
        io.BytesIO(result.documents["agreement"])).paragraphs)
    assert f"and treat it as Confidential Information under clause {conf_no}." in text
    assert NEW in text and OLD not in text
    plain = docgen.render(HR, documents=["agreement"])
    assert OLD in "\n".join(p.text for p in docx.Document(
        io.BytesIO(plain.documents["agreement"])).paragraphs)


def test_one_sentence_edited_changes_only_that_sentence(tmp_path: Path,
                                                        agreement_book: bytes) -> None:
    book = open_book(agreement_book)
    reword(paragraph(book, "The Parties shall plan for the Exit Date", after="agreement.exit"),
           "in good time", "at least six months ahead")
    code, out = run_import(save(book, tmp_path / "b.docx"), tmp_path / "ours")
    assert code == 0, out
    assert [p.name for p in (tmp_path / "ours").glob("*.yaml")] == ["agreement.exit.yaml"]
    before, after = markup(rendered([])), markup(rendered([tmp_path / "ours"]))
    assert len(before) == len(after)
    diff = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(diff) == 1
    assert diff[0][0][1].replace("in good time", "at least six months ahead") == diff[0][1][1]


def test_a_second_import_into_the_same_folder_updates_the_overlay(lawyers_book: Path,
                                                                  tmp_path: Path) -> None:
    ours = tmp_path / "ours"
    assert run_import(lawyers_book, ours)[0] == 0
    # the same book again: its changes are already there, nothing changes (audit 13)
    before = {p.name: p.read_bytes() for p in ours.iterdir()}
    code, out = run_import(lawyers_book, ours)
    assert code == 0 and "are already in the clause folders; nothing written" in out, out
    assert "agreement.exit" in out and "version 2" not in out
    assert {p.name: p.read_bytes() for p in ours.iterdir()} == before
    # a book exported with the overlay reads back unchanged
    again = tmp_path / "again.docx"
    CliRunner().invoke(cli, ["clauses", "export", str(again), "--clauses", str(ours)])
    code, out = run_import(again, ours)
    assert code == 0 and "nothing written" in out, out


def test_book_opens_in_libreoffice_and_survives_its_save(tmp_path: Path,
                                                         agreement_book: bytes) -> None:
    book = tmp_path / "agreement-book.docx"
    book.write_bytes(agreement_book)
    text = pdf_text(to_pdf([book], tmp_path / "pdf")[0])
    assert "Clause book: the agreement" in text
    conf_version = load_library([]).clauses["agreement.confidentiality"].version
    assert f"[agreement.confidentiality, version {conf_version}]" in text
    assert "«salary»" in text
    # saved again by LibreOffice (which renames clashing style ids), it reads back unchanged
    convert([book], tmp_path / "lo-saved", "docx:MS Word 2007 XML")
    code, out = run_import(tmp_path / "lo-saved" / book.name, tmp_path / "ours")
    assert code == 0 and "no clause changed; nothing written" in out, out


def test_definitions_clause_and_two_added_clauses(tmp_path: Path,
                                                  agreement_book: bytes) -> None:
    """An edited definitions clause stays the definitions clause; two clauses added one
    after the other keep their order; the folder is marked as a clause folder."""
    book = open_book(agreement_book)
    reword(paragraph(book, "In this Agreement:"), "In this Agreement:",
           "In this Agreement the following words have these meanings:")
    conf = clause_paragraphs(book, "agreement.confidentiality")
    first = copy_after(conf[-1], conf[:2])
    set_text(first[0], "Records  [ours.records, version 1]")
    set_text(first[1], "Each Party shall keep records of the Arrangement.")
    second = copy_after(first[-1], conf[:2])
    set_text(second[0], "Audit  [ours.audit, version 1]")
    set_text(second[1], "Each Party may audit the records of the Arrangement.")
    ours = tmp_path / "ours"
    code, out = run_import(save(book, tmp_path / "b.docx"), ours)
    assert code == 0, out
    assert (ours / ".docgen-clauses").exists()
    definitions = load_yaml((ours / "agreement.definitions.yaml").read_text())
    assert definitions["kind"] == "definitions"
    orders = [load_yaml((ours / f"ours.{n}.yaml").read_text())["order"]
              for n in ("records", "audit")]
    assert 1100 < orders[0] < orders[1] < 1200
    doc = rendered([ours])
    titles = [rc.clause.title for rc in doc.clauses]
    i = titles.index("Confidentiality")
    assert titles[i + 1:i + 3] == ["Records", "Audit"]
    defs = next(rc for rc in doc.clauses if rc.clause.id == "agreement.definitions")
    assert defs.paras[1].markup == "In this Agreement the following words have these meanings:"
    assert len(defs.paras) > 10  # the defined terms are still listed


def test_markers_survive_runs_split_by_word(tmp_path: Path, agreement_book: bytes) -> None:
    """Word splits runs at will (spell-check, revision ids, typing next to a marker, which
    takes the marker's style): markers are read from the text, so nothing changes."""
    book = open_book(agreement_book)
    salary = paragraph(book, "salary of", after="agreement.finance")
    marker = next(r for r in salary.runs if r.text == "«salary»")
    marker._r.addnext(copy.deepcopy(marker._r))  # «sal | ary» in two runs of its style
    marker.text = "«sal"
    Run(marker._r.getnext(), salary).text = "ary»"
    # a lawyer types right after a marker: the new words take the marker's highlight
    notice = paragraph(book, "⟦label notice⟧", after="agreement.exit")
    field = next(r for r in notice.runs if r.text == "«the other Parties»")
    typed = copy.deepcopy(field._r)
    field._r.addnext(typed)
    Run(typed, notice).text = " in writing"
    ours = tmp_path / "ours"
    code, out = run_import(save(book, tmp_path / "b.docx"), ours)
    assert code == 0, out
    assert [p.name for p in ours.glob("*.yaml")] == ["agreement.exit.yaml"]
    text = load_yaml((ours / "agreement.exit.yaml").read_text())["text"]
    assert "by giving {{ other_parties }} in writing not less than" in text


def test_bold_or_italic_at_the_start_of_a_paragraph(tmp_path: Path,
                                                    agreement_book: bytes) -> None:
    """A bold lead-in or a wholly italic paragraph is ordinary formatting, not a capitalised
    term in mid-sentence (audit 3: refused with "'The' is capitalised but not a defined
    term")."""
    book = open_book(agreement_book)
    lead = paragraph(book, "The Employer shall require the Post-holder, through the Contract",
                     after="agreement.confidentiality")
    reword(lead, "The Employer", "The Employer")
    lead.runs[1].bold = True
    for run in paragraph(book, "The schedules form part of this Agreement").runs:
        run.italic = True
    ours = tmp_path / "ours"
    code, out = run_import(save(book, tmp_path / "b.docx"), ours)
    assert code == 0, out
    texts = "".join(p.read_text() for p in ours.glob("*.yaml"))
    assert "<b>The Employer</b> shall require" in texts
    assert "<i>The schedules form part of this Agreement" in texts
